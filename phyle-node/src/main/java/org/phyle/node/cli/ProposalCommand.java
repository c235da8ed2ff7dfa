package org.phyle.node.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.phyle.core.authority.CharterActions;
import org.phyle.core.governance.Ballot;
import org.phyle.core.governance.GovernanceTx;
import org.phyle.core.proposals.Method;
import org.phyle.core.proposals.ProposalAction;
import org.phyle.core.proposals.Threshold;
import org.phyle.core.tx.TxBody;
import org.phyle.crypto.Hash;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "proposal", description = "Governance: propose, sponsor, vote by any method, delegate, execute, read.",
        subcommands = {ProposalCommand.Create.class, ProposalCommand.Sponsor.class, ProposalCommand.Cancel.class,
                ProposalCommand.Vote.class, ProposalCommand.Delegate.class, ProposalCommand.Undelegate.class,
                ProposalCommand.Execute.class, ProposalCommand.ListProposals.class, ProposalCommand.Show.class})
final class ProposalCommand {

    /** A command that signs one transaction about one proposal (by number or id). */
    abstract static class OnProposal implements Callable<Integer> {
        @Parameters(paramLabel = "PROPOSAL")
        String proposal;

        @Mixin
        CitizenCommand.Signer signer;

        abstract TxBody body(Hash proposal);

        @Override
        public Integer call() {
            Submitter s = new Submitter(signer.node);
            s.submit(signer.key, body(Refs.proposal(s.client(), proposal)));
            return 0;
        }
    }

    @Command(name = "create", description = {"Propose. A signal by default; --set NAME=VALUE makes a parameter change,",
            "--amend TARGET with --amendment TEXT|@file a text amendment (TARGET: purpose or article:NAME),",
            "--appoint/--dismiss PERSON a stewards proposal, --candidate PERSON (repeat) a council election."})
    static final class Create implements Callable<Integer> {
        @Option(names = "--title", required = true)
        String title;

        @Option(names = "--text", defaultValue = "", description = "The case for it: text or @file.")
        String text;

        @Option(names = "--topic", defaultValue = "general", description = "For delegation (default: ${DEFAULT-VALUE}).")
        String topic;

        @Option(names = "--set", description = "A parameter change, e.g. --set governance.quorumBp=2500.")
        Map<String, String> set = new LinkedHashMap<>();

        @Option(names = "--amend", description = "A text amendment of purpose or article:NAME.")
        String amend;

        @Option(names = "--amendment", description = "The new text (or @file); empty repeals an article.")
        String amendment;

        @Option(names = "--entrench", arity = "1", paramLabel = "true|false",
                description = "With --amend: entrench the text (true) or release it (false).")
        Boolean entrench;

        @Option(names = "--appoint", description = "Appoint a steward (number, id or did:key); repeat.")
        List<String> appoint = new ArrayList<>();

        @Option(names = "--dismiss", description = "Dismiss a steward; repeat.")
        List<String> dismiss = new ArrayList<>();

        @Option(names = "--candidate", description = "A council candidate (number, id or did:key); repeat.")
        List<String> candidates = new ArrayList<>();

        @Option(names = "--method", defaultValue = "yes-no", description = "yes-no, quadratic, approval or ranked.")
        String method;

        @Option(names = "--option", description = "An option (repeat), for quadratic, approval and ranked.")
        List<String> options = new ArrayList<>();

        @Option(names = "--winners", defaultValue = "1")
        int winners;

        @Option(names = "--max-approvals", defaultValue = "0", description = "For approval (default: all options).")
        int maxApprovals;

        @Option(names = "--allow-negative", description = "For quadratic: allow votes against.")
        boolean allowNegative;

        @Option(names = "--threshold", defaultValue = "majority",
                description = {"For yes-no: majority, three-fifths, two-thirds, three-quarters, unanimity, or 5001bp to",
                        "10000bp. A change to an entrenched text needs at least charter.entrenchedBp (6667bp by",
                        "default, a little more than two-thirds)."})
        String threshold;

        @Option(names = "--voting-hours", description = "How long voting lasts (default: the society's).")
        Integer votingHours;

        @Mixin
        CitizenCommand.Signer signer;

        @Override
        public Integer call() {
            Submitter s = new Submitter(signer.node);
            ProposalAction action = null;
            if (!candidates.isEmpty()) {
                action = new CharterActions.CouncilElection(candidates.stream().map(s::personId).toList());
                method = "approval";
                if (options.isEmpty()) {
                    for (String c : candidates) {
                        JsonNode person = s.client().getJson("/citizens/" + c);
                        options.add("#" + person.get("number").asInt() + " " + person.get("name").asText());
                    }
                }
            } else if (!set.isEmpty() || amend != null || !appoint.isEmpty() || !dismiss.isEmpty()) {
                action = CharterCommand.action(s, set, amend, amendment, entrench, appoint, dismiss);
            }
            String kind = action == null ? "signal" : action.kind();
            Method m = Method.fromJson(method);
            GovernanceTx.Propose p = new GovernanceTx.Propose(title, new String(Inputs.textOrFile(text.isEmpty() ? " "
                    : text), StandardCharsets.UTF_8).strip(), topic, kind, action, m, m == Method.YES_NO ? List.of() : options,
                    winners, maxApprovals == 0 ? options.size() : maxApprovals, allowNegative, Threshold.named(threshold),
                    Optional.ofNullable(votingHours));
            JsonNode answer = s.submit(signer.key, p);
            JsonNode made = s.client().getJson("/proposals/" + answer.get("txId").asText());
            System.out.println("Proposal #" + made.get("number").asInt() + " (" + answer.get("txId").asText() + ")"
                    + (made.get("sponsorsRequired").asInt() == 0
                    ? " needs no co-sponsors: voting opens after the deliberation."
                    : " is a draft; it needs " + made.get("sponsorsRequired").asInt() + " co-sponsors."));
            return 0;
        }
    }

    @Command(name = "sponsor", description = "Co-sponsor a proposal.")
    static final class Sponsor extends OnProposal {
        @Override
        TxBody body(Hash proposal) {
            return new GovernanceTx.Sponsor(proposal);
        }
    }

    @Command(name = "cancel", description = "Withdraw your proposal before its voting opens.")
    static final class Cancel extends OnProposal {
        @Override
        TxBody body(Hash proposal) {
            return new GovernanceTx.Cancel(proposal);
        }
    }

    @Command(name = "vote", description = "Vote (again: the last ballot counts), in the proposal's method.")
    static final class Vote implements Callable<Integer> {
        @Parameters(paramLabel = "PROPOSAL")
        String proposal;

        static final class Choice {
            @Option(names = "--yes")
            boolean yes;

            @Option(names = "--no")
            boolean no;

            @Option(names = "--abstain")
            boolean abstain;

            @Option(names = "--votes", split = ",", description = "Quadratic: votes per option, e.g. 3,0,-1.")
            int[] votes;

            @Option(names = "--approve", split = ",", description = "Approval: the options approved, e.g. 0,2.")
            int[] approve;

            @Option(names = "--rank", split = ",", description = "Ranked: options in order of preference, e.g. 2,0,1.")
            int[] rank;
        }

        @ArgGroup(exclusive = true, multiplicity = "1")
        Choice choice;

        @Option(names = "--panel", description = "Vote as a host resident drawn for the proposal's outside panel.")
        boolean panel;

        @Mixin
        CitizenCommand.Signer signer;

        @Override
        public Integer call() {
            Ballot ballot;
            if (choice.yes || choice.no || choice.abstain) {
                ballot = new Ballot.YesNo(choice.yes ? Ballot.YesNo.Choice.YES
                        : choice.no ? Ballot.YesNo.Choice.NO : Ballot.YesNo.Choice.ABSTAIN);
            } else if (choice.votes != null) {
                ballot = new Ballot.Quadratic(choice.votes);
            } else if (choice.approve != null) {
                ballot = new Ballot.Approval(choice.approve);
            } else {
                ballot = new Ballot.Ranked(choice.rank);
            }
            Submitter s = new Submitter(signer.node);
            Hash id = Refs.proposal(s.client(), proposal);
            s.submit(signer.key, panel ? new GovernanceTx.PanelVote(id, ballot) : new GovernanceTx.Vote(id, ballot));
            return 0;
        }
    }

    @Command(name = "delegate", description = "Delegate your vote on a topic (* for all) to another citizen.")
    static final class Delegate implements Callable<Integer> {
        @Parameters(paramLabel = "PERSON")
        String person;

        @Option(names = "--topic", defaultValue = "*", description = "The topic (default: ${DEFAULT-VALUE}, every topic).")
        String topic;

        @Mixin
        CitizenCommand.Signer signer;

        @Override
        public Integer call() {
            Submitter s = new Submitter(signer.node);
            s.submit(signer.key, new GovernanceTx.Delegate(topic, s.personId(person)));
            return 0;
        }
    }

    @Command(name = "undelegate", description = "Revoke your delegation on a topic.")
    static final class Undelegate implements Callable<Integer> {
        @Option(names = "--topic", defaultValue = "*")
        String topic;

        @Mixin
        CitizenCommand.Signer signer;

        @Override
        public Integer call() {
            new Submitter(signer.node).submit(signer.key, new GovernanceTx.Undelegate(topic));
            return 0;
        }
    }

    @Command(name = "execute", description = "Carry out a passed proposal after its timelock (it also happens by itself).")
    static final class Execute extends OnProposal {
        @Override
        TxBody body(Hash proposal) {
            return new GovernanceTx.Execute(proposal);
        }
    }

    @Command(name = "list", description = "List proposals, newest first: --state open|closed|voting|passed|...")
    static final class ListProposals implements Callable<Integer> {
        @Option(names = "--state", defaultValue = "all")
        String state;

        @Mixin
        CitizenCommand.Reader reader;

        @Mixin
        JsonOutput json;

        @Override
        public Integer call() {
            JsonNode page = new Submitter(reader.node).client().getJson("/proposals?state="
                    + java.net.URLEncoder.encode(state, StandardCharsets.UTF_8));
            if (json.json) {
                json.print(page);
                return 0;
            }
            for (JsonNode p : page.get("proposals")) {
                System.out.printf("#%-4d %-10s %-10s %-9s %s  %s%n", p.get("number").asInt(), p.get("state").asText(),
                        p.get("method").asText(), p.get("kind").asText(), p.get("id").asText(), p.get("title").asText());
            }
            return 0;
        }
    }

    @Command(name = "show", description = "Show a proposal, its rules and its tally.")
    static final class Show implements Callable<Integer> {
        @Parameters(paramLabel = "PROPOSAL", description = "The proposal's number (as `proposal list` shows it) or id.")
        String proposal;

        @Mixin
        CitizenCommand.Reader reader;

        @Mixin
        JsonOutput json;

        @Override
        public Integer call() {
            var client = new Submitter(reader.node).client();
            JsonNode p = client.getJson("/proposals/" + Refs.proposal(client, proposal).hex());
            if (json.json) {
                json.print(p);
                return 0;
            }
            System.out.println("#" + p.get("number").asInt() + "  " + p.get("title").asText() + "  [" + p.get("state").asText()
                    + "]");
            System.out.println("  " + p.get("kind").asText() + ", " + p.get("method").asText() + " vote, topic "
                    + p.get("topic").asText() + ", by #" + p.at("/author/number").asInt() + " " + p.at("/author/name").asText());
            System.out.println("  id " + p.get("id").asText());
            System.out.println("  rules: " + rules(p.get("rules"), p.get("method").asText()));
            List<String> options = new ArrayList<>();
            p.path("options").forEach(o -> options.add(o.asText()));
            if (!options.isEmpty() && !p.get("method").asText().equals("yes-no")) {
                List<String> numbered = new ArrayList<>();
                for (int i = 0; i < options.size(); i++) {
                    numbered.add(i + " " + options.get(i));
                }
                System.out.println("  options: " + String.join(", ", numbered));
            }
            if (p.get("sponsorsRequired").asInt() > 0) {
                System.out.println("  co-sponsors: " + p.get("sponsors").asInt() + " of " + p.get("sponsorsRequired").asInt());
            }
            if (p.has("closesAt")) {
                System.out.println("  voting " + (p.has("opensAt") ? "from " + Instant.ofEpochMilli(p.get("opensAt").asLong())
                        + " " : "") + "until " + Instant.ofEpochMilli(p.get("closesAt").asLong()) + "; electorate "
                        + p.get("electorate").asInt() + ", " + p.get("ballots").asInt() + " ballots");
            }
            if (p.has("execution")) {
                System.out.println("  executed: " + p.get("execution").asText());
            }
            if (p.has("tally")) {
                System.out.println("  " + (p.get("tallyFinal").asBoolean() ? "tally:" : "provisional tally (voting goes on):"));
                TallyText.print(p.get("tally"), options, "    ", p.get("tallyFinal").asBoolean());
            }
            return 0;
        }

        private static String rules(JsonNode r, String method) {
            List<String> out = new ArrayList<>();
            if (method.equals("yes-no")) {
                out.add("threshold " + r.path("threshold").asText());
            }
            out.add("quorum " + TallyText.percent(r.path("quorumBp").asLong(), 10_000));
            out.add("voting " + r.path("votingHours").asLong() + " h");
            out.add("timelock " + r.path("timelockHours").asLong() + " h");
            out.add("a delegate carries at most " + TallyText.percent(r.path("maxDelegatedBp").asLong(), 10_000)
                    + " of the electorate");
            if (r.has("voiceCredits")) {
                out.add(r.path("voiceCredits").asLong() + " voice credits" + (r.path("allowNegative").asBoolean()
                        ? ", votes against allowed" : ""));
            }
            if (r.has("maxApprovals")) {
                out.add("at most " + r.path("maxApprovals").asInt() + " approvals");
            }
            if (!method.equals("yes-no")) {
                out.add(r.path("winners").asInt() + " winner(s)");
            }
            return String.join(" · ", out);
        }
    }
}

package org.phyle.node.cli;

import org.phyle.core.charter.Amendments;
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
import org.phyle.core.authority.CharterTx;
import org.phyle.core.charter.Offices;
import org.phyle.core.proposals.ProposalAction;
import org.phyle.crypto.Hash;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "charter", description = {"Print the charter: its purpose and articles, the stage the society has",
        "reached, the founder's powers now and what the next stage changes, the offices. Subcommands act under it."},
        subcommands = {CharterCommand.Amend.class, CharterCommand.Veto.class, CharterCommand.Retire.class,
                CharterCommand.CouncilAct.class})
final class CharterCommand implements Callable<Integer> {
    @Mixin
    CitizenCommand.Reader reader;

    @Mixin
    JsonOutput json;

    @Override
    public Integer call() {
        JsonNode c = new Submitter(reader.node).client().getJson("/charter");
        if (json.json) {
            json.print(c);
            return 0;
        }
        JsonNode doc = c.get("document");
        JsonNode h = c.get("handover");
        System.out.println(doc.get("name").asText() + " — charter version " + c.get("version").asInt() + ", hash "
                + c.get("hash").asText());
        System.out.println();
        System.out.println("Purpose: " + doc.get("purpose").asText());
        List<String> entrenched = new ArrayList<>();
        doc.path("entrenched").forEach(e -> entrenched.add(e.asText()));
        doc.get("articles").fields().forEachRemaining(a -> System.out.println("Article " + a.getKey()
                + (entrenched.contains("article:" + a.getKey()) ? " (entrenched)" : "") + ": " + a.getValue().asText()));
        System.out.println();
        System.out.println("Stage: " + h.at("/stage/name").asText() + " (" + (h.at("/stage/ordinal").asInt() + 1)
                + " of 5), with " + h.get("citizensNow").asLong() + " citizens in good standing");
        for (JsonNode st : h.get("stages")) {
            String began = st.has("began") ? "began " + Instant.ofEpochMilli(st.at("/began/time").asLong())
                    + " in block " + st.at("/began/height").asLong() + " (" + st.at("/began/cause").asText() + ")"
                    : "at " + st.get("threshold").asLong() + " citizens";
            System.out.println("  " + (st.has("began") ? "✓ " : "  ") + st.get("name").asText() + ": " + began);
        }
        JsonNode founder = h.get("founder");
        System.out.println();
        if (founder.get("retired").asBoolean()) {
            System.out.println("The founder retired in block " + founder.get("retiredHeight").asLong()
                    + " and holds no powers.");
        } else if (founder.get("powers").isEmpty()) {
            System.out.println("The founder is a citizen like any other.");
        } else {
            System.out.println("The founder may now:");
            founder.get("powers").forEach(p -> System.out.println("  - " + p.get("description").asText()));
        }
        JsonNode next = h.get("next");
        if (!next.isNull()) {
            System.out.println("At " + next.get("threshold").asLong() + " citizens (" + next.get("citizensNeeded").asLong()
                    + " more) the " + next.get("name").asText() + " stage begins"
                    + (next.has("backstopAt") ? ", or by " + Instant.ofEpochMilli(next.get("backstopAt").asLong())
                    + " whatever the numbers" : "") + ":");
            next.get("founderLoses").forEach(p -> System.out.println("  - the founder can no longer " + p.asText()));
            next.get("communityGains").forEach(p -> System.out.println("  + the citizens may " + p.asText()));
        }
        JsonNode offices = c.get("offices");
        System.out.println();
        System.out.println("Stewards: " + (offices.get("stewards").isEmpty() ? "none" : names(offices.get("stewards"))));
        JsonNode council = offices.get("council");
        System.out.println("Council: " + (council.get("members").isEmpty() ? "none sitting"
                : names(council.get("members")) + " until " + Instant.ofEpochMilli(council.get("until").asLong())));
        return 0;
    }

    private static String names(JsonNode people) {
        List<String> out = new ArrayList<>();
        people.forEach(p -> out.add("#" + p.get("number").asInt() + " " + p.get("name").asText()));
        return String.join(", ", out);
    }

    @Command(name = "amend", description = {"The founder, in the Founding stage: amend the charter or appoint stewards",
            "directly. --set NAME=VALUE for parameters, --amend TARGET --text T for a text (purpose or article:NAME),",
            "--appoint/--dismiss PERSON for stewards."})
    static final class Amend implements Callable<Integer> {
        @Option(names = "--set", description = "A parameter change, e.g. --set charter.communityAt=50.")
        Map<String, String> set = new LinkedHashMap<>();

        @Option(names = "--amend", description = "The text to rewrite: purpose or article:NAME.")
        String target;

        @Option(names = "--text", description = "The new text (or @file); empty repeals an article.")
        String text;

        @Option(names = "--entrench", arity = "1", paramLabel = "true|false",
                description = "Entrench the text (true) or release it (false).")
        Boolean entrench;

        @Option(names = "--appoint", description = "Appoint a steward (number, id or did:key); repeat.")
        List<String> appoint = new ArrayList<>();

        @Option(names = "--dismiss", description = "Dismiss a steward; repeat.")
        List<String> dismiss = new ArrayList<>();

        @Mixin
        CitizenCommand.Signer signer;

        @Override
        public Integer call() {
            Submitter s = new Submitter(signer.node);
            ProposalAction action = CharterCommand.action(s, set, target, text, entrench, appoint, dismiss);
            s.submit(signer.key, new CharterTx.Amend(action.kind(), action));
            return 0;
        }
    }

    /** The action of a direct amendment or a proposal, from the options of the command line. */
    static ProposalAction action(Submitter s, Map<String, String> set, String target, String text, Boolean entrench,
                                 List<String> appoint, List<String> dismiss) {
        int kinds = (set.isEmpty() ? 0 : 1) + (target == null ? 0 : 1) + (appoint.isEmpty() && dismiss.isEmpty() ? 0 : 1);
        if (kinds != 1) {
            throw new IllegalArgumentException("give exactly one of --set, --amend, or --appoint/--dismiss");
        }
        if (!set.isEmpty()) {
            return new Amendments.ParameterChange(set);
        }
        if (target != null) {
            String body = text == null ? "" : new String(Inputs.textOrFile(text), StandardCharsets.UTF_8);
            return new Amendments.TextAmendment(target, body, Optional.ofNullable(entrench));
        }
        return new CharterActions.Stewards(appoint.stream().map(s::personId).toList(),
                dismiss.stream().map(s::personId).toList());
    }

    @Command(name = "veto", description = "The founder, until the Republic stage ends: delay a passed proposal once.")
    static final class Veto implements Callable<Integer> {
        @Parameters(paramLabel = "PROPOSAL", description = "The proposal's number (as `proposal list` shows it) or id.")
        String proposal;

        @Mixin
        CitizenCommand.Signer signer;

        @Override
        public Integer call() {
            Submitter s = new Submitter(signer.node);
            s.submit(signer.key, new CharterTx.Veto(Refs.proposal(s.client(), proposal)));
            return 0;
        }
    }

    @Command(name = "retire", description = "The founder gives up every founder power, for good (needs --yes).")
    static final class Retire implements Callable<Integer> {
        @Option(names = "--yes", required = true, description = "Confirm: retirement cannot be undone.")
        boolean yes;

        @Mixin
        CitizenCommand.Signer signer;

        @Override
        public Integer call() {
            new Submitter(signer.node).submit(signer.key, new CharterTx.Retire());
            return 0;
        }
    }

    @Command(name = "council-act", description = {"A council member signs an act: appoint-steward or dismiss-steward",
            "PERSON; it is carried out when more than half of the council has signed it."})
    static final class CouncilAct implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "ACT")
        String act;

        @Parameters(index = "1", paramLabel = "PERSON")
        String person;

        @Mixin
        CitizenCommand.Signer signer;

        @Override
        public Integer call() {
            Submitter s = new Submitter(signer.node);
            Hash id = s.personId(person);
            s.submit(signer.key, new CharterTx.CouncilAct(Offices.Act.fromJson(act), id));
            return 0;
        }
    }
}

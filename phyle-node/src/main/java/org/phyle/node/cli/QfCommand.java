package org.phyle.node.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import org.phyle.core.Society;
import org.phyle.core.economy.Economy;
import org.phyle.core.economy.EconomyTx;
import org.phyle.core.economy.Matching;
import org.phyle.core.economy.Money;
import org.phyle.crypto.VerifyingKey;
import org.phyle.node.ParallelDecoder;
import org.phyle.node.audit.AuditFailure;
import org.phyle.node.audit.Auditor;
import org.phyle.node.audit.HttpLedgerSource;
import org.phyle.node.client.NodeClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "qf", description = "Quadratic funding rounds: list, show and verify them; apply, approve, contribute, "
        + "pay out.",
        subcommands = {QfCommand.ListRounds.class, QfCommand.Show.class, QfCommand.Apply.class, QfCommand.Approve.class,
                QfCommand.Contribute.class, QfCommand.Payout.class, QfCommand.Verify.class})
final class QfCommand {

    static String line(JsonNode r, String code) {
        return String.format("#%-3d %-15s %-8s pool %s, %d projects  %s", r.get("number").asInt(),
                r.get("phase").asText(), r.get("mode").asText(), Amounts.show(r.get("pool"), code),
                r.get("projects").asInt(), r.get("title").asText());
    }

    @Command(name = "list", description = "Every funding round, oldest first.")
    static final class ListRounds extends EconomyCommand.Read {
        @Override
        String path() {
            return "/rounds";
        }

        @Override
        void print(JsonNode page, String code) {
            for (JsonNode r : page.get("rounds")) {
                System.out.println(line(r, code));
            }
            if (page.get("rounds").isEmpty()) {
                System.out.println("No funding rounds yet.");
            }
        }
    }

    @Command(name = "show", description = "A round's projects, contributions and matching (estimated until paid).")
    static final class Show extends EconomyCommand.Read {
        @Parameters(paramLabel = "N", description = "The round's number.")
        int number;

        @Override
        String path() {
            return "/rounds/" + number;
        }

        @Override
        void print(JsonNode r, String code) {
            System.out.println(line(r, code));
            System.out.println("  applications until " + Instant.ofEpochMilli(r.get("applicationsUntil").asLong())
                    + ", contributions until " + Instant.ofEpochMilli(r.get("contributionsUntil").asLong())
                    + "; approval by " + r.get("approval").asText() + ", cap " + EconomyCommand.bp(r.get("capBp")
                    .asLong()) + " of the pool");
            for (JsonNode p : r.get("projectList")) {
                System.out.println(String.format("  [%d] %s%s — %d citizens gave %s, others %s; match %s",
                        p.get("index").asInt(), p.get("title").asText(), p.get("approved").asBoolean() ? ""
                                : " (not approved)", p.get("contributors").asInt(), Amounts.show(p.get("counted"), code),
                        Amounts.show(p.get("uncounted"), code), Amounts.show(p.get("match"), code)));
            }
            JsonNode m = r.get("matching");
            System.out.println((m.get("estimate").asBoolean() ? "Estimate, as if paid out now: " : "Paid: ")
                    + Amounts.show(m.get("distributed"), code) + " matched, " + Amounts.show(m.get("remainder"), code)
                    + " left in the pool" + (m.get("capped").asInt() > 0 ? "; " + m.get("capped").asInt()
                    + " project(s) held at the cap" : ""));
        }
    }

    @Command(name = "apply", description = "Apply to a round with a project.")
    static final class Apply implements Callable<Integer> {
        @Parameters(paramLabel = "N", description = "The round's number.")
        int round;

        @Option(names = "--title", required = true)
        String title;

        @Option(names = "--recipient", required = true, description = "The did:key the project's money goes to.")
        String recipient;

        @Option(names = "--description", defaultValue = "")
        String description;

        @Mixin
        CitizenCommand.Signer signer;

        @Override
        public Integer call() {
            VerifyingKey to;
            try {
                to = VerifyingKey.fromDid(recipient);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("--recipient is a did:key, not '" + recipient + "'");
            }
            new Submitter(signer.node).submit(signer.key, new EconomyTx.Apply(round, title, to, description));
            return 0;
        }
    }

    @Command(name = "approve", description = "As a steward, approve a project of a round approved by its stewards.")
    static final class Approve implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "N", description = "The round's number.")
        int round;

        @Parameters(index = "1", paramLabel = "PROJECT", description = "The project's index in the round.")
        int project;

        @Mixin
        CitizenCommand.Signer signer;

        @Override
        public Integer call() {
            new Submitter(signer.node).submit(signer.key, new EconomyTx.Approve(round, project));
            return 0;
        }
    }

    @Command(name = "contribute", description = "Contribute to an approved project (a citizen's counts for matching).")
    static final class Contribute implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "N", description = "The round's number.")
        int round;

        @Parameters(index = "1", paramLabel = "PROJECT", description = "The project's index in the round.")
        int project;

        @Parameters(index = "2", paramLabel = "AMOUNT", description = "Units, with at most six decimals.")
        String amount;

        @Mixin
        CitizenCommand.Signer signer;

        @Override
        public Integer call() {
            new Submitter(signer.node).submit(signer.key, new EconomyTx.Contribute(round, project,
                    Amounts.parse(amount)));
            return 0;
        }
    }

    @Command(name = "payout", description = "Pay out a round whose contributions have closed (anyone may).")
    static final class Payout implements Callable<Integer> {
        @Parameters(paramLabel = "N", description = "The round's number.")
        int round;

        @Mixin
        CitizenCommand.Signer signer;

        @Override
        public Integer call() {
            new Submitter(signer.node).submit(signer.key, new EconomyTx.Payout(round));
            return 0;
        }
    }

    /** A round's inputs as the replayed ledger held them, copied at one block. */
    record Inputs(long height, boolean paid, List<Matching.Contributions> counted, long[] uncounted, long[] total,
                  Matching.Mode mode, long pairwiseK, long pool, int capBp) {
        static Inputs of(Economy.Round r, long height) {
            List<Matching.Contributions> counted = new ArrayList<>();
            List<Economy.Project> projects = r.projects();
            long[] uncounted = new long[projects.size()];
            long[] total = new long[projects.size()];
            for (Economy.Project p : projects) {
                counted.add(new Matching.Contributions(
                        p.counted().keySet().stream().mapToInt(Integer::intValue).toArray(),
                        p.counted().values().stream().mapToLong(Long::longValue).toArray()));
                uncounted[p.index()] = p.uncounted();
                total[p.index()] = p.total();
            }
            return new Inputs(height, r.paid(), counted, uncounted, total, r.mode(), r.pairwiseK(), r.pool(),
                    r.capBp());
        }
    }

    @Command(name = "verify", description = {"Recompute a funding round from the ledger alone: the whole ledger is",
            "fetched, verified and replayed to the round's payout (or to the block the node's figures are for); each",
            "project's contributions are taken from the replay and the matching is recomputed with the integer",
            "quadratic funding rules, then compared figure by figure with what the node publishes.",
            "Exits 1 on any difference."})
    static final class Verify implements Callable<Integer> {
        @Parameters(paramLabel = "N", description = "The round's number.")
        int number;

        @Mixin
        CitizenCommand.Reader reader;

        @Override
        public Integer call() {
            NodeClient client = new NodeClient(reader.node);
            JsonNode claimed = client.getJson("/rounds/" + number);
            boolean paid = claimed.get("phase").asText().equals("paid");
            long claimedHeight = claimed.get("height").asLong();
            AtomicReference<Inputs> inputs = new AtomicReference<>();
            Auditor.Report report;
            try (ParallelDecoder parallel = new ParallelDecoder();
                 ProgressBar bar = new ProgressBar("replaying", "entries")) {
                report = new Auditor(parallel).verify(new HttpLedgerSource(client), null, null, bar::update,
                        (Society s) -> {
                            if (inputs.get() != null) {
                                return;
                            }
                            s.view(Economy.class).round(number).ifPresent(r -> {
                                if (paid ? r.paid() : s.height() == claimedHeight) {
                                    inputs.set(Inputs.of(r, s.height()));
                                }
                            });
                        });
            } catch (AuditFailure e) {
                System.out.println("FAILED: the ledger does not verify: " + e.getMessage());
                return 1;
            }
            Inputs in = inputs.get();
            if (in == null) {
                System.out.println("FAILED: the replayed ledger holds no " + (paid ? "payout of " : "")
                        + "round #" + number + (paid ? "" : " at block " + claimedHeight));
                return 1;
            }
            System.out.println("Round #" + number + " (" + in.mode().json() + "), pool " + Money.format(in.pool())
                    + ", replayed to block " + in.height() + (in.paid() ? " (its payout)" : " (an estimate)"));
            Matching.Result m = Matching.match(in.counted(), in.mode(), in.pairwiseK(), in.pool(), in.capBp());
            Checks checks = new Checks();
            JsonNode projects = claimed.get("projectList");
            checks.check(in.counted().size() + " projects", projects.size() == in.counted().size());
            for (int p = 0; p < in.counted().size() && p < projects.size(); p++) {
                JsonNode j = projects.get(p);
                Matching.Contributions c = in.counted().get(p);
                long sum = 0;
                boolean same = j.get("contributions").size() == c.persons().length;
                for (int i = 0; i < c.persons().length; i++) {
                    sum += c.amounts()[i];
                    if (same) {
                        JsonNode x = j.get("contributions").get(i);
                        same = x.get("number").asInt() == c.persons()[i]
                                && x.at("/amount/minor").asLong() == c.amounts()[i];
                    }
                }
                checks.check("[" + p + "] " + c.persons().length + " citizens' contributions, each summed per person",
                        same && j.get("contributors").asInt() == c.persons().length);
                checks.check("[" + p + "] counted " + Money.format(sum) + ", uncounted "
                        + Money.format(in.uncounted()[p]) + ", total " + Money.format(in.total()[p]),
                        j.at("/counted/minor").asLong() == sum && j.at("/uncounted/minor").asLong() == in.uncounted()[p]
                                && j.at("/total/minor").asLong() == in.total()[p]);
                checks.check("[" + p + "] raw match " + Money.format(m.raw()[p]) + ", match "
                        + Money.format(m.matches()[p]), j.at("/raw/minor").asLong() == m.raw()[p]
                        && j.at("/match/minor").asLong() == m.matches()[p]);
            }
            JsonNode mj = claimed.get("matching");
            checks.check("distributed " + Money.format(m.distributed()) + ", remainder " + Money.format(m.remainder())
                    + ", saturated " + m.saturated() + ", capped " + m.capped(),
                    mj.at("/distributed/minor").asLong() == m.distributed()
                            && mj.at("/remainder/minor").asLong() == m.remainder()
                            && mj.get("saturated").asBoolean() == m.saturated()
                            && mj.get("capped").asInt() == m.capped());
            if (in.paid()) {
                Matching.Result replayed = report.state().view(Economy.class).matching(number);
                checks.check("the replayed ledger paid the same matches",
                        java.util.Arrays.equals(replayed.matches(), m.matches())
                                && replayed.remainder() == m.remainder());
            }
            System.out.println(checks.failed ? "DIFFERS" : "AGREES: round #" + number + " recomputed from the ledger");
            return checks.failed ? 1 : 0;
        }
    }

    /** Prints each check as it is made and remembers whether any failed. */
    private static final class Checks {
        boolean failed;

        void check(String what, boolean ok) {
            System.out.println("  " + (ok ? "ok  " : "FAIL") + " " + what);
            failed |= !ok;
        }
    }
}

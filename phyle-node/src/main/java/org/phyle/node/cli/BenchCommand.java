package org.phyle.node.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.phyle.core.proposals.Method;
import org.phyle.core.governance.Tally;
import org.phyle.crypto.Hash;
import org.phyle.node.Node;
import org.phyle.node.NodeConfig;
import org.phyle.node.audit.Auditor;
import org.phyle.node.client.NodeClient;
import org.phyle.node.demo.DemoSociety;
import org.phyle.node.http.ApiServer;
import org.phyle.node.loadgen.IngestBenchmark;
import org.phyle.node.loadgen.ProofBenchmark;
import org.phyle.node.loadgen.SignatureBound;
import org.phyle.node.loadgen.TallyBenchmark;
import org.phyle.node.loadgen.VoteBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "bench", description = "Measure this machine: ingest over HTTP, and Merkle proofs from a large log.",
        subcommands = {BenchCommand.Ingest.class, BenchCommand.Proof.class, BenchCommand.Citizens.class,
                BenchCommand.Tallies.class, BenchCommand.Vote.class, BenchTransfersCommand.class})
final class BenchCommand {

    @Command(name = "ingest", description = {"N keys submit signed notary transactions in batches over HTTP and wait",
            "for durable commit. Without --node, a node is started in a temporary directory in this process."})
    static final class Ingest implements Callable<Integer> {
        @Option(names = "--node", description = {"URL of a running node (default: start one here, in a temporary",
                "directory). Its ledger keeps every transaction sent, for good: never a society you care about."})
        String node;

        @Option(names = "--keys", defaultValue = "1000", description = "Distinct signing keys (default: ${DEFAULT-VALUE}).")
        int keys;

        @Option(names = "--txs", defaultValue = "100000", description = "Transactions to send (default: ${DEFAULT-VALUE}).")
        int txs;

        @Option(names = "--batch", defaultValue = "1000", description = "Transactions per HTTP request (default: ${DEFAULT-VALUE}).")
        int batch;

        @Option(names = "--clients", defaultValue = "4", description = "Concurrent client connections (default: ${DEFAULT-VALUE}).")
        int clients;

        @Option(names = "--warmup", defaultValue = "0", description = {"Transactions sent first and not counted (the",
                "JIT compiles the node's paths meanwhile; default: ${DEFAULT-VALUE})."})
        int warmup;

        @Option(names = "--replay", negatable = true, defaultValue = "true", fallbackValue = "true",
                description = {"Then time `phyle verify` of the ledger written (a node started here only; default: on)."})
        boolean replay;

        @Override
        public Integer call() throws Exception {
            Path temp = null;
            Node local = null;
            ApiServer server = null;
            String url = node;
            try {
                if (url == null) {
                    temp = Files.createTempDirectory("phyle-bench");
                    DemoSociety.create(temp);
                    local = Node.open(NodeConfig.defaults(temp));
                    local.start();
                    // a node that exists to be measured: its throughput, not the charter's write quotas
                    server = new ApiServer(local).writeQuotas(false).start("127.0.0.1", 0);
                    url = "http://127.0.0.1:" + server.port();
                    System.out.println("Started a node in " + temp + " at " + url);
                }
                NodeClient client = new NodeClient(url);
                Hash society = Hash.fromHex(client.society().get("id").asText());
                if (node != null) {
                    System.out.printf("Sending %,d notary records into the ledger of %s at %s: they stay there for"
                            + " good.%n", txs, client.society().path("name").asText(), url);
                }
                IngestBenchmark.Settings settings = new IngestBenchmark.Settings(keys, txs, batch, clients);
                List<byte[]> envelopes;
                try (ProgressBar bar = new ProgressBar("signing ", "tx")) {
                    envelopes = IngestBenchmark.prepare(society, new IngestBenchmark.Settings(keys, warmup + txs,
                            batch, clients), bar::update);
                }
                if (warmup > 0) {
                    try (ProgressBar bar = new ProgressBar("warm-up ", "tx")) {
                        IngestBenchmark.run(client, envelopes.subList(0, warmup), settings, bar::update);
                    }
                    envelopes = envelopes.subList(warmup, envelopes.size());
                }
                IngestBenchmark.Result r;
                try (ProgressBar bar = new ProgressBar("sending ", "tx")) {
                    r = IngestBenchmark.run(client, envelopes, settings, bar::update);
                }
                System.out.printf("ingest: %,d committed, %,d not committed, in %.2f s = %,.0f tx/s%n", r.committed(),
                        r.rejected(), r.seconds(), r.txPerSecond());
                System.out.printf("  %d keys, batches of %d, %d clients; batch latency p50 %.0f ms, p99 %.0f ms, max %.0f ms%n",
                        keys, batch, clients, r.batchP50Ms(), r.batchP99Ms(), r.batchMaxMs());
                System.out.printf("  machine: %d cores, Java %s; CPU while sending: this process %.2f cores, the"
                        + " machine %.2f%n", Runtime.getRuntime().availableProcessors(), Runtime.version(),
                        r.processCores(), r.machineCores());
                SignatureBound.Result bound = IngestBenchmark.bound(envelopes, settings);
                IngestBenchmark.printBound(bound, "ingest", r.txPerSecond(), 20_000,
                        local != null && r.committed() > 0 ? r.processCores() * r.seconds() * 1e6 / r.committed() : -1);
                if (local != null && replay) {
                    server.close();
                    server = null;
                    local.close();
                    local = null;
                    IngestBenchmark.Replay replayed;
                    try (ProgressBar bar = new ProgressBar("replaying", "entries")) {
                        replayed = IngestBenchmark.replay(temp, bar::update);
                    }
                    Auditor.Report audit = replayed.report();
                    System.out.printf("replay (phyle verify --data): %,d entries in %.2f s = %,.0f tx/s%n",
                            audit.entries(), audit.millis() / 1000.0, audit.entriesPerSecond());
                    IngestBenchmark.printBound(bound, "replay", audit.entriesPerSecond(), 25_000,
                            replayed.cpuMicrosPerTx());
                }
                return r.rejected() == 0 ? 0 : 1;
            } finally {
                if (server != null) {
                    server.close();
                }
                if (local != null) {
                    local.close();
                }
                deleteQuietly(temp);
            }
        }
    }

    @Command(name = "proof", description = "Time inclusion proofs from a log of N leaves (tiles in SQLite, as the node keeps them).")
    static final class Proof implements Callable<Integer> {
        @Option(names = "--size", defaultValue = "10000000", description = "Leaves in the log (default: ${DEFAULT-VALUE}).")
        long size;

        @Option(names = "--proofs", defaultValue = "10000", description = "Proofs to time (default: ${DEFAULT-VALUE}).")
        int proofs;

        @Override
        public Integer call() throws Exception {
            Path temp = Files.createTempDirectory("phyle-proof-bench");
            try {
                ProofBenchmark.Result r;
                try (ProgressBar bar = new ProgressBar("building", "leaves")) {
                    r = ProofBenchmark.run(temp, size, proofs, bar::update);
                }
                System.out.printf("inclusion proofs in a log of %,d leaves (built in %.1f s): %,d proofs, mean %.1f µs, "
                        + "p50 %.1f µs, p99 %.1f µs, max %.1f µs; every proof verified%n", r.size(), r.buildSeconds(),
                        r.proofs(), r.meanMicros(), r.p50Micros(), r.p99Micros(), r.maxMicros());
                return 0;
            } finally {
                deleteQuietly(temp);
            }
        }
    }

    @Command(name = "citizens", description = {"Build a registry of N citizens through a node started here (apply and",
            "admit over HTTP), then measure heap bytes per citizen and registry queries at that size."})
    static final class Citizens implements Callable<Integer> {
        @Option(names = "--count", defaultValue = "1000000", description = "Citizens (default: ${DEFAULT-VALUE}).")
        int count;

        @Option(names = "--batch", defaultValue = "1000", description = "Transactions per request (default: ${DEFAULT-VALUE}).")
        int batch;

        @Option(names = "--clients", defaultValue = "8", description = "Concurrent clients (default: ${DEFAULT-VALUE}).")
        int clients;

        @Override
        public Integer call() throws Exception {
            Path temp = Files.createTempDirectory("phyle-citizens-bench");
            try {
                org.phyle.node.loadgen.CitizensBenchmark.Result r;
                try (ProgressBar bar = new ProgressBar("admitting", "citizens")) {
                    r = org.phyle.node.loadgen.CitizensBenchmark.run(temp, count, batch, clients, bar::update);
                }
                System.out.printf("registry: %,d citizens admitted through the node in %.1f s (%,.0f tx/s: an application "
                        + "and an admission each)%n", r.citizens(), r.admitSeconds(), r.txPerSecond());
                System.out.printf("  heap: %,d bytes per citizen (%,d MB in all, after a full GC)%n",
                        r.heapBytesPerCitizen(), r.heapBytesTotal() >> 20);
                for (var q : r.queries()) {
                    System.out.printf("  GET %s: median %.2f ms, max %.2f ms%n", q.query(), q.medianMs(), q.maxMs());
                }
                return 0;
            } finally {
                deleteQuietly(temp);
            }
        }
    }

    @Command(name = "tally", description = {"Count N generated ballots of each method (quadratic over 10 options,",
            "ranked over 10 candidates, approval, yes/no) as a closing vote is counted; best and median of 5 runs."})
    static final class Tallies implements Callable<Integer> {
        @Option(names = "--ballots", defaultValue = "1000000", description = "Ballots (default: ${DEFAULT-VALUE}).")
        int ballots;

        @Option(names = "--options", defaultValue = "10", description = "Options or candidates, 1-10 (default: ${DEFAULT-VALUE}).")
        int options;

        @Override
        public Integer call() {
            for (Method m : List.of(Method.QUADRATIC,
                    Method.RANKED, Method.APPROVAL,
                    Method.YES_NO)) {
                List<Tally.Weighted> generated;
                try (ProgressBar bar = new ProgressBar(String.format("%-9s", m.json()), "ballots")) {
                    generated = TallyBenchmark.ballots(m, ballots, options, 2027, done -> bar.update(done, ballots));
                }
                TallyBenchmark.Result r = TallyBenchmark.run(m, generated, options, 5, runs -> { });
                String detail = m == Method.RANKED
                        ? ", " + r.tally().rounds().size() + " rounds" : "";
                System.out.printf("tally %-9s %,d ballots, %d options: best %.0f ms, median %.0f ms (%,.0f ballots/s)%s%n",
                        m.json(), r.ballots(), m == Method.YES_NO ? 3 : r.options(),
                        r.bestMs(), r.medianMs(), r.ballots() / (r.medianMs() / 1000), detail);
            }
            return 0;
        }
    }

    @Command(name = "vote", description = {"A vote of N citizens through a node started here: admit them over HTTP, open",
            "a quadratic vote and an instant runoff of ten options each, have everyone vote in both, close, recount."})
    static final class Vote implements Callable<Integer> {
        @Option(names = "--voters", defaultValue = "1000000", description = "Citizens who vote (default: ${DEFAULT-VALUE}).")
        int voters;

        @Option(names = "--batch", defaultValue = "1000", description = "Citizens per request (default: ${DEFAULT-VALUE}).")
        int batch;

        @Option(names = "--clients", defaultValue = "8", description = "Concurrent clients (default: ${DEFAULT-VALUE}).")
        int clients;

        @Override
        public Integer call() throws Exception {
            Path temp = Files.createTempDirectory("phyle-vote-bench");
            try {
                VoteBenchmark.Result r;
                ProgressBar[] bar = {null};
                String[] phase = {""};
                r = VoteBenchmark.run(temp, voters, batch, clients, (p, done, total) -> {
                    synchronized (bar) {
                        if (!p.equals(phase[0])) {
                            if (bar[0] != null) {
                                bar[0].close();
                            }
                            bar[0] = new ProgressBar(String.format("%-9s", p), "citizens");
                            phase[0] = p;
                        }
                        bar[0].update(done, total);
                    }
                });
                if (bar[0] != null) {
                    bar[0].close();
                }
                System.out.printf("vote: %,d citizens admitted in %.1f s; %,d ballots in %.1f s (%,.0f votes/s)%n",
                        r.voters(), r.admitSeconds(), 2L * r.voters(), r.voteSeconds(), r.votesPerSecond());
                System.out.printf("  closing block durable %.0f ms after the clock passed the close (both tallies)%n",
                        r.closeMs());
                for (VoteBenchmark.Recount c : r.recounts()) {
                    System.out.printf("  %-9s recount by the node: best %.0f ms, median %.0f ms%s; GET tally median %.1f ms%n",
                            c.method(), c.bestMs(), c.medianMs(), c.rounds() > 0 ? " (" + c.rounds() + " rounds)" : "",
                            c.get().medianMs());
                }
                return 0;
            } finally {
                deleteQuietly(temp);
            }
        }
    }

    static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory
        }
    }
}

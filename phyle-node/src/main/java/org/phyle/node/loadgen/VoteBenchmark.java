package org.phyle.node.loadgen;

import org.phyle.core.Catalog;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import org.phyle.core.Block;
import org.phyle.core.Parameters;
import org.phyle.core.Society;
import org.phyle.core.SocietyView;
import org.phyle.core.governance.GovernanceTx;
import org.phyle.core.proposals.Method;
import org.phyle.core.governance.Proposal;
import org.phyle.core.governance.Tally;
import org.phyle.core.proposals.Threshold;
import org.phyle.crypto.Hash;
import org.phyle.crypto.SigningKey;
import org.phyle.node.Node;
import org.phyle.node.NodeConfig;
import org.phyle.node.SteppedClock;
import org.phyle.node.client.NodeClient;
import org.phyle.node.http.ApiServer;

/**
 * {@code phyle bench vote}: a vote of N citizens through a node started here. N people are admitted over HTTP; the
 * founder opens a quadratic vote over ten options and an instant runoff over ten candidates; every citizen votes in
 * both, in signed batches over HTTP; then the node's clock is stepped past the close. Measured: the vote ingest rate,
 * the time until the closing block is durable (both tallies counted in it), the node's own recount of each
 * ({@code Governance.tally}, which walks the electorate, the ballots and the delegations, then counts), and the
 * answer of {@code GET /proposals/{id}/tally}.
 */
public final class VoteBenchmark {
    private VoteBenchmark() {
    }

    public record Result(int voters, double admitSeconds, double voteSeconds, double votesPerSecond,
                         double closeMs, List<Recount> recounts) {
    }

    public record Recount(String method, double bestMs, double medianMs, int rounds, CitizensBenchmark.QueryTime get) {
    }

    /** Progress, by phase: "admitting" then "voting", with done and total. */
    public interface Progress {
        void update(String phase, long done, long total);
    }

    public static Result run(Path dir, int voters, int batch, int clients, Progress progress) throws Exception {
        SigningKey founder = SigningKey.generate();
        SigningKey nodeKey = SigningKey.generate();
        Block genesis = Society.createGenesis(founder, "Founder", nodeKey, "Vote benchmark", "Measure a large vote.",
                CitizensBenchmark.foundingUntil(Catalog.defaultParameters(), voters + 2L)
                        .with("tx.maxLifetimeSeconds", 60).with("governance.sponsorsRequired", 0)
                        .with("governance.deliberationHours", 0),
                System.currentTimeMillis(), org.phyle.node.client.Nonces.random());
        Node.init(dir, genesis, nodeKey);
        SteppedClock clock = SteppedClock.system();
        Node node = Node.open(NodeConfig.defaults(dir).withSnapshotEveryTxs(Long.MAX_VALUE).withClock(clock));
        node.start();
        ApiServer server = new ApiServer(node).start("127.0.0.1", 0);
        try {
            NodeClient client = new NodeClient("http://127.0.0.1:" + server.port());
            Hash society = genesis.header().society();
            Hash charter = node.read(SocietyView::charterHash);

            long t0 = System.nanoTime();
            List<SigningKey> keys = CitizensBenchmark.admit(client, society, charter, founder, voters, batch, clients,
                    (done, total) -> progress.update("admitting", done, total));
            double admitSeconds = (System.nanoTime() - t0) / 1e9;

            List<String> ten = List.of("A", "B", "C", "D", "E", "F", "G", "H", "I", "J");
            Hash quadratic = propose(client, society, founder, Method.QUADRATIC, ten, "q");
            Hash ranked = propose(client, society, founder, Method.RANKED, ten, "r");
            List<Tally.Weighted> qv = TallyBenchmark.ballots(Method.QUADRATIC, voters, 10, 1, n -> { });
            List<Tally.Weighted> irv = TallyBenchmark.ballots(Method.RANKED, voters, 10, 2, n -> { });

            long t1 = System.nanoTime();
            AtomicLong voted = new AtomicLong();
            AtomicLong nextBatch = new AtomicLong();
            int batches = (voters + batch - 1) / batch;
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            try {
                List<Future<?>> futures = new ArrayList<>();
                for (int c = 0; c < clients; c++) {
                    futures.add(pool.submit(() -> {
                        for (long b = nextBatch.getAndIncrement(); b < batches; b = nextBatch.getAndIncrement()) {
                            int from = (int) (b * batch);
                            int to = Math.min(voters, from + batch);
                            List<byte[]> votes = new ArrayList<>(2 * (to - from));
                            for (int i = from; i < to; i++) {
                                votes.add(CitizensBenchmark.sign(society, keys.get(i),
                                        new GovernanceTx.Vote(quadratic, qv.get(i).ballot()), "q" + i));
                                votes.add(CitizensBenchmark.sign(society, keys.get(i),
                                        new GovernanceTx.Vote(ranked, irv.get(i).ballot()), "r" + i));
                            }
                            CitizensBenchmark.check(client.submitBatch(CitizensBenchmark.array(votes), true),
                                    votes.size());
                            progress.update("voting", voted.addAndGet(to - from), voters);
                        }
                        return null;
                    }));
                }
                for (Future<?> f : futures) {
                    f.get();
                }
            } finally {
                pool.shutdown();
            }
            double voteSeconds = (System.nanoTime() - t1) / 1e9;

            long t2 = System.nanoTime();
            clock.step(Duration.ofDays(8)); // past the week of voting
            while (node.read(s -> s.governance().byId(ranked).orElseThrow().result() == null)) {
                Thread.sleep(1);
            }
            double closeMs = (System.nanoTime() - t2) / 1e6;

            List<Recount> recounts = new ArrayList<>();
            for (Hash id : List.of(quadratic, ranked)) {
                double[] ms = new double[5];
                int rounds = 0;
                for (int i = 0; i < ms.length; i++) {
                    long t = System.nanoTime();
                    rounds = node.read(s -> {
                        Proposal p = s.governance().byId(id).orElseThrow();
                        if (!s.governance().tally(p).equals(p.result())) {
                            throw new IllegalStateException("a recount differs from the tally");
                        }
                        return p.result().rounds().size();
                    });
                    ms[i] = (System.nanoTime() - t) / 1e6;
                }
                Arrays.sort(ms);
                String method = node.read(s -> s.governance().byId(id).orElseThrow().method().json());
                recounts.add(new Recount(method, ms[0], ms[2], rounds,
                        CitizensBenchmark.time(client, "/proposals/" + id.hex() + "/tally")));
            }
            return new Result(voters, admitSeconds, voteSeconds, 2.0 * voters / voteSeconds, closeMs, recounts);
        } finally {
            server.close();
            node.close();
        }
    }

    private static Hash propose(NodeClient client, Hash society, SigningKey founder, Method method,
                                List<String> options, String nonce) {
        GovernanceTx.Propose p = new GovernanceTx.Propose("Benchmark " + method.json(), "", "bench", "signal", null,
                method, options, 1, 0, method == Method.QUADRATIC, Threshold.named("majority"), Optional.empty());
        return Hash.fromHex(client.submit(CitizensBenchmark.sign(society, founder, p, nonce), true).get("txId")
                .asText());
    }
}

package org.phyle.node.loadgen;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.phyle.core.Block;
import org.phyle.core.Catalog;
import org.phyle.core.Society;
import org.phyle.core.economy.Economy;
import org.phyle.core.economy.EconomyActions;
import org.phyle.core.economy.EconomyParams;
import org.phyle.core.economy.EconomyTx;
import org.phyle.core.governance.Ballot;
import org.phyle.core.governance.GovernanceTx;
import org.phyle.core.governance.Proposal;
import org.phyle.core.notary.NotaryRecord;
import org.phyle.core.proposals.Method;
import org.phyle.core.proposals.Threshold;
import org.phyle.core.tx.TxBody;
import org.phyle.core.tx.TxSigner;
import org.phyle.crypto.Hash;
import org.phyle.crypto.Jcs;
import org.phyle.crypto.SigningKey;
import org.phyle.node.Node;
import org.phyle.node.NodeConfig;
import org.phyle.node.SteppedClock;
import org.phyle.node.client.NodeClient;

/**
 * {@code phyle bench transfers}: N funded accounts send one another signed {@code economy.transfer}s in batches over
 * HTTP from several clients, each batch waiting for durable commit; the figure is committed transfers per second.
 * The accounts are funded by the economy's own rules: a node started here has a society whose treasury holds a
 * genesis allocation; its founder proposes a treasury spend to themself, votes for it, and the node's clock is
 * stepped past the vote and the timelock (as the demo does), then the founder pays each account. Against another
 * node, a key that holds the money pays them. Every transfer is signed before the clock starts.
 */
public final class TransferBenchmark {
    /** What each account receives to send from: far more than it sends. */
    public static final long FUNDING_EACH = 100 * EconomyParams.UNIT;
    /** What each transfer moves: 0.001 units. */
    public static final long AMOUNT = 1_000;

    private TransferBenchmark() {
    }

    /** A node started here for the bench: its society's founder holds the treasury's votes. */
    public record Local(Node node, SteppedClock clock, SigningKey founder) {
    }

    /**
     * Creates a society in an empty directory for the bench (its founder the only citizen, a treasury with a genesis
     * allocation, proposals that need no sponsors nor deliberation) and opens its node on a clock that can be
     * stepped. The caller starts it.
     */
    public static Local create(Path dir) {
        SigningKey founder = SigningKey.generate();
        SigningKey nodeKey = SigningKey.generate();
        Block genesis = Society.createGenesis(founder, "Founder", nodeKey, "Transfer benchmark",
                "Measure payments through the node.", Catalog.defaultParameters()
                        .with(EconomyParams.GENESIS_ALLOCATION.name(), 1_000_000_000 * EconomyParams.UNIT)
                        .with("governance.sponsorsRequired", 0).with("governance.deliberationHours", 0)
                        .with("governance.votingHours", 1).with("governance.minVotingHours", 1)
                        .with("governance.timelockHours", 0),
                System.currentTimeMillis(), org.phyle.node.client.Nonces.random());
        Node.init(dir, genesis, nodeKey);
        SteppedClock clock = SteppedClock.system();
        // no snapshot in the middle of a measured run (it would hold up whichever run it fell in)
        Node node = Node.open(NodeConfig.defaults(dir).withClock(clock).withSnapshotEveryTxs(Long.MAX_VALUE));
        return new Local(node, clock, founder);
    }

    /**
     * The founder proposes a treasury spend of {@code amount} to themself and votes for it; the clock is stepped
     * past the vote. Returns when the spend was carried out.
     */
    public static void grantToFounder(Local local, NodeClient client, long amount) throws InterruptedException {
        Hash society = local.node().read(s -> s.id());
        SigningKey founder = local.founder();
        GovernanceTx.Propose propose = new GovernanceTx.Propose("Fund the benchmark's accounts", "To measure payments.",
                "bench", EconomyActions.TREASURY_SPEND.name(),
                new EconomyActions.TreasurySpend(founder.did(), amount, "bench", "the benchmark's accounts"),
                Method.YES_NO, List.of(), 1, 0, false, Threshold.named("majority"), Optional.empty());
        Hash id = Hash.fromHex(client.submit(sign(society, founder, propose, "grant", local.clock().millis()), true)
                .get("txId").asText());
        Proposal p = proposal(local, id);
        local.clock().stepTo(Math.max(local.clock().millis(), p.opensAt()));
        waitFor(local, id, Proposal.State.VOTING);
        client.submit(sign(society, founder, new GovernanceTx.Vote(id, new Ballot.YesNo(Ballot.YesNo.Choice.YES)),
                "vote", local.clock().millis()), true);
        local.clock().stepTo(p.closesAt() + p.timelockMs() + 1);
        waitFor(local, id, Proposal.State.EXECUTED);
    }

    private static Proposal proposal(Local local, Hash id) {
        return local.node().read(s -> s.governance().byId(id).orElseThrow());
    }

    private static void waitFor(Local local, Hash id, Proposal.State state) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (proposal(local, id).state() != state) {
            Proposal.State now = proposal(local, id).state();
            if (now == Proposal.State.FAILED || now == Proposal.State.NOT_EXECUTED || System.nanoTime() > deadline) {
                throw new IllegalStateException("the benchmark's treasury spend is " + now.json() + ", not "
                        + state.json());
            }
            Thread.sleep(5);
        }
    }

    /**
     * The payer sends {@link #FUNDING_EACH} to each of {@code accounts} fresh keys, in batches, each waiting for its
     * block; returns the keys. {@code now} is the node's time (for the expiry).
     */
    public static List<SigningKey> fund(NodeClient client, Hash society, SigningKey payer, int accounts, int batch,
                                        long now) {
        List<SigningKey> keys = new ArrayList<>(accounts);
        String run = org.phyle.node.client.Nonces.random();
        for (int from = 0; from < accounts; from += batch) {
            List<byte[]> part = new ArrayList<>();
            for (int i = from; i < Math.min(accounts, from + batch); i++) {
                SigningKey k = SigningKey.generate();
                keys.add(k);
                part.add(sign(society, payer, new EconomyTx.Transfer(k.did(), FUNDING_EACH, "", false),
                        "fund-" + run + "-" + i, now));
            }
            CitizensBenchmark.check(client.submitBatch(CitizensBenchmark.array(part), true), part.size());
        }
        return keys;
    }

    /**
     * Signs {@code txs} transfers up front, in parallel: account i % N pays account (i + 1) % N, {@link #AMOUNT} each,
     * so no account ever runs short. {@code now} is the node's time (for the expiry).
     */
    public static List<byte[]> prepare(Hash society, List<SigningKey> keys, int txs, long now,
                                       BiConsumer<Long, Long> progress) {
        String run = org.phyle.node.client.Nonces.random();
        String[] dids = keys.stream().map(SigningKey::did).toArray(String[]::new);
        return ParallelSigning.signAll(txs, i -> {
            int from = i % keys.size();
            return sign(society, keys.get(from), new EconomyTx.Transfer(dids[(from + 1) % dids.length], AMOUNT, "",
                    false), run + i, now);
        }, progress);
    }

    /**
     * Signs {@code txs} notary records up front, as {@code bench ingest} does, by {@code keys} fresh keys; {@code now}
     * is the node's time (for the expiry).
     */
    public static List<byte[]> prepareRecords(Hash society, int keys, int txs, long now) {
        SigningKey[] signers = new SigningKey[keys];
        for (int i = 0; i < keys; i++) {
            signers[i] = SigningKey.generate();
        }
        String run = org.phyle.node.client.Nonces.random();
        byte[][] envelopes = new byte[txs][];
        java.util.stream.IntStream.range(0, txs).parallel().forEach(i -> {
            String label = "bench " + run + " #" + i;
            envelopes[i] = sign(society, signers[i % keys], new NotaryRecord(
                    Hash.sha256(label.getBytes(StandardCharsets.UTF_8)), label, Optional.empty()), run + i, now);
        });
        return Arrays.asList(envelopes);
    }

    /** Committed transactions and the time they took, over several runs of one kind. */
    public static final class Tally {
        private long committed;
        private long rejected;
        private double seconds;
        private final List<Double> p50s = new ArrayList<>();

        public void add(IngestBenchmark.Result r) {
            committed += r.committed();
            rejected += r.rejected();
            seconds += r.seconds();
            p50s.add(r.batchP50Ms());
        }

        public long committed() {
            return committed;
        }

        public long rejected() {
            return rejected;
        }

        public double seconds() {
            return seconds;
        }

        public double txPerSecond() {
            return committed / seconds;
        }

        /** The median over the runs of each run's median batch latency. */
        public double batchP50Ms() {
            double[] sorted = p50s.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            return IngestBenchmark.percentile(sorted, 0.5);
        }
    }

    /** Whether every account holds what the transfers say it should: funding, plus what it received, less what it sent. */
    public static void checkBalances(Node node, List<SigningKey> keys, int txs) {
        int n = keys.size();
        for (int a = 0; a < n; a++) {
            long sent = txs / n + (a < txs % n ? 1 : 0);
            int payer = (a - 1 + n) % n;
            long received = txs / n + (payer < txs % n ? 1 : 0);
            long expected = FUNDING_EACH + (received - sent) * AMOUNT;
            String did = keys.get(a).did();
            long actual = node.read(s -> s.view(Economy.class).spendable(did, s.time()));
            if (actual != expected) {
                throw new IllegalStateException("account " + did + " holds " + actual + ", not " + expected);
            }
        }
    }

    private static byte[] sign(Hash society, SigningKey key, TxBody body, String nonce, long now) {
        return Jcs.canonicalize(TxSigner.sign(society, key, body, nonce, now + Duration.ofMinutes(40).toMillis()));
    }
}

package org.phyle.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.PolygonArea;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.phyle.core.Block;
import org.phyle.core.BlockBuilder;
import org.phyle.core.Catalog;
import org.phyle.core.Parameters;
import org.phyle.core.Society;
import org.phyle.core.TxOutcome;
import org.phyle.core.economy.EconomyActions;
import org.phyle.core.economy.EconomyParams;
import org.phyle.core.governance.Ballot;
import org.phyle.core.governance.GovernanceTx;
import org.phyle.core.governance.Proposal;
import org.phyle.core.land.Land;
import org.phyle.core.land.LandActions;
import org.phyle.core.land.LandTx;
import org.phyle.core.land.Tenure;
import org.phyle.core.proposals.Method;
import org.phyle.core.proposals.ProposalAction;
import org.phyle.core.proposals.Threshold;
import org.phyle.core.tx.TxBatch;
import org.phyle.core.tx.TxBody;
import org.phyle.core.tx.TxSigner;
import org.phyle.core.tx.VerifiedTx;
import org.phyle.crypto.Hash;
import org.phyle.crypto.Jcs;
import org.phyle.crypto.SigningKey;

/**
 * The land's cost per block does not grow with the number of parcels (taxes accrue lazily; what is due sits in one
 * index ordered by time): a block with a few touches (deposits added to random parcels, each settling its tax) and
 * the end of the block, in a society of 1,000 and of 1,000,000 held parcels under Harberger tenure whose deposits run
 * out at times spread over a year. The parcels are made through real signed transactions (a steward draws each
 * parcel, a holder claims it), so the setup of the large case takes minutes. A score is the time of 500 blocks; the
 * bound is the same run's 1,000-parcel case.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 10, batchSize = LandBench.BLOCKS)
@Measurement(iterations = 30, batchSize = LandBench.BLOCKS)
@Fork(value = 1, jvmArgs = "-Xmx6g")
public class LandBench {
    static final long U = EconomyParams.UNIT;
    static final long HOUR = 3_600_000L;
    static final int SIDE = 1_000; // 1e-7 degree: a square about 11 m by 9 m
    static final int TOUCHES = 5;
    /** Blocks per measured batch: a score is the time of this many blocks (40 batches use 100,000 touches). */
    static final int BLOCKS = 500;

    @Param({"1000", "1000000"})
    public int parcels;

    final SigningKey founder = SigningKey.fromSeed(seed(1));
    final SigningKey sequencer = SigningKey.fromSeed(seed(2));
    Society society;
    long now;
    int nonce;
    final List<VerifiedTx> touches = new ArrayList<>();
    int next;
    int refused;

    @Setup(Level.Trial)
    public void setUp() {
        now = 1_800_000_000_000L;
        Parameters p = Catalog.defaultParameters().with("governance.deliberationHours", 1)
                .with("governance.votingHours", 1).with("governance.minVotingHours", 1)
                .with("governance.timelockHours", 1).with("governance.sponsorsRequired", 0)
                .with("tx.maxLifetimeSeconds", 36_000);
        Block genesis = Society.createGenesis(founder, "Founder", sequencer, "Land bench", "Measure the land.", p,
                now, "genesis");
        society = Society.fromGenesis(genesis);
        pass("territory", new LandActions.NewTerritory("Grid", "PT", Tenure.HARBERGER, 1_000, 0,
                founder.verifyingKey().did()));
        pass("treasury-spend", new EconomyActions.TreasurySpend(founder.verifyingKey().did(), 900_000 * U, "land",
                "deposits"));
        long area = area(0, 0);
        int row = (int) Math.ceil(Math.sqrt(parcels));
        List<TxBody> batch = new ArrayList<>();
        for (int n = 0; n < parcels; n++) {
            int i = n % row;
            int j = n / row;
            batch.add(new LandTx.NewParcel(0, square(i, j), area, Optional.empty()));
            // 10 units at 10% a year: 1 unit a year; deposits of 0.01 to 0.99 units run out within a year
            batch.add(new LandTx.Claim(n, 0, Optional.of(10 * U), U / 100 + (n * 7919L) % (U * 98 / 100)));
            if (batch.size() >= 4_000) {
                block(batch);
                batch.clear();
            }
        }
        block(batch);
        Land land = society.view(Land.class);
        if (land.parcelCount() != parcels || land.holdings(founder.verifyingKey().did()).size() != parcels) {
            throw new IllegalStateException("the setup made " + land.parcelCount() + " parcels");
        }
        List<byte[]> signed = new ArrayList<>();
        for (int k = 0; k < 200_000; k++) {
            int parcel = (int) ((k * 104_729L) % parcels);
            signed.add(Jcs.canonicalize(TxSigner.sign(society.id(), founder, new LandTx.Deposit(parcel, 1),
                    "t" + k, now + 30_000L * 1000)));
        }
        for (TxBatch.Decoded d : TxBatch.decodeAll(society.decoder(), signed)) {
            touches.add(d.tx());
        }
    }

    /** One block: a few deposits on random parcels (each settles its tax) and the end of the block. */
    @Benchmark
    public Block block() {
        now += 10;
        BlockBuilder b = society.newBlock(now);
        for (int k = 0; k < TOUCHES; k++) {
            if (b.offer(touches.get(next++ % touches.size())) instanceof TxOutcome.Rejected) {
                refused++;
            }
        }
        return b.seal(sequencer);
    }

    /** Every touch must have been applied (a replayed or refused one would measure a refusal instead). */
    @TearDown(Level.Trial)
    public void check() {
        if (refused > 0 || next > touches.size()) {
            throw new IllegalStateException(refused + " of " + next + " touches were refused");
        }
    }

    private void block(List<TxBody> bodies) {
        List<byte[]> signed = new ArrayList<>();
        for (TxBody body : bodies) {
            signed.add(Jcs.canonicalize(TxSigner.sign(society.id(), founder, body, "n" + nonce++, now + 600_000)));
        }
        BlockBuilder b = society.newBlock(now);
        for (TxBatch.Decoded d : TxBatch.decodeAll(society.decoder(), signed)) {
            TxOutcome o = b.offer(d.tx());
            if (o instanceof TxOutcome.Rejected r) {
                throw new IllegalStateException(r.rejection().toString());
            }
        }
        b.seal(sequencer);
        now += 1_000;
    }

    private void pass(String kind, ProposalAction action) {
        Hash id = offer(new GovernanceTx.Propose("Setup", "For the benchmark.", "land", kind, action, Method.YES_NO,
                List.of(), 1, 0, false, Threshold.named("majority"), Optional.empty()));
        Proposal proposal = society.governance().byId(id).orElseThrow();
        now = proposal.opensAt();
        society.newBlock(now).seal(sequencer);
        offer(new GovernanceTx.Vote(id, new Ballot.YesNo(Ballot.YesNo.Choice.YES)));
        now = proposal.closesAt();
        society.newBlock(now).seal(sequencer);
        now = proposal.closesAt() + proposal.timelockMs();
        society.newBlock(now).seal(sequencer);
        if (society.governance().byId(id).orElseThrow().state() != Proposal.State.EXECUTED) {
            throw new IllegalStateException(kind + " was not carried out");
        }
        now += HOUR;
    }

    private Hash offer(TxBody body) {
        VerifiedTx tx = society.decoder().decode(Jcs.canonicalize(TxSigner.sign(society.id(), founder, body,
                "p" + nonce++, now + 600_000)));
        BlockBuilder b = society.newBlock(now);
        TxOutcome o = b.offer(tx);
        if (o instanceof TxOutcome.Rejected r) {
            throw new IllegalStateException(r.rejection().toString());
        }
        b.seal(sequencer);
        return tx.id();
    }

    static ObjectNode square(int i, int j) {
        long lon0 = -91_300_000L + (long) i * SIDE;
        long lat0 = 387_100_000L + (long) j * SIDE;
        long[][] corners = {{0, 0}, {SIDE, 0}, {SIDE, SIDE}, {0, SIDE}, {0, 0}};
        ObjectNode g = JsonNodeFactory.instance.objectNode().put("type", "Polygon");
        ArrayNode ring = g.putArray("coordinates").addArray();
        for (long[] c : corners) {
            ring.addArray().add((lon0 + c[0]) / 1e7).add((lat0 + c[1]) / 1e7);
        }
        return g;
    }

    static long area(int i, int j) {
        PolygonArea a = new PolygonArea(Geodesic.WGS84, false);
        long lon0 = -91_300_000L + (long) i * SIDE;
        long lat0 = 387_100_000L + (long) j * SIDE;
        a.AddPoint(lat0 / 1e7, lon0 / 1e7);
        a.AddPoint(lat0 / 1e7, (lon0 + SIDE) / 1e7);
        a.AddPoint((lat0 + SIDE) / 1e7, (lon0 + SIDE) / 1e7);
        a.AddPoint((lat0 + SIDE) / 1e7, lon0 / 1e7);
        return Math.round(Math.abs(a.Compute(false, false).area));
    }

    static byte[] seed(int n) {
        byte[] s = new byte[32];
        s[0] = (byte) n;
        s[31] = 42;
        return s;
    }
}

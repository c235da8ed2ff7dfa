package org.phyle.core.sortition;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.phyle.core.BlockContext;
import org.phyle.core.Parameters;
import org.phyle.core.Rejection;
import org.phyle.core.TxContext;
import org.phyle.core.charter.Offices;
import org.phyle.core.citizenship.CitizenshipEffect;
import org.phyle.core.citizenship.Person;
import org.phyle.core.citizenship.Registry;
import org.phyle.core.citizenship.Status;
import org.phyle.core.state.StateReader;
import org.phyle.core.state.StateWriter;
import org.phyle.core.tx.TxType;
import org.phyle.crypto.Hash;
import org.phyle.crypto.vrf.EcVrf;

/**
 * Verifiable draws by lot. A draw's pool and input are fixed in the block that requests it; stewards in office may
 * commit secrets, then reveal them; then the node proves its VRF output on the input (RFC 9381) with the key the
 * genesis names. The randomness combines the VRF output with the revealed secrets, so neither the node nor any one
 * steward controls it, and a steward who does not reveal cannot block the draw. The chosen are those with the
 * smallest SHA-256(randomness || person id). Everything is on the ledger: anyone can recompute a draw.
 */
public final class Sortition {
    private static final long HOUR_MS = 3_600_000L;

    private final List<Draw> draws = new ArrayList<>();
    private final Map<Hash, Draw> byId = new HashMap<>();

    public List<Draw> draws() {
        return List.copyOf(draws);
    }

    public Optional<Draw> byId(Hash id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The draws waiting for their proof, in the order requested. */
    public List<Draw> pending() {
        return draws.stream().filter(d -> !d.drawn()).toList();
    }

    /** The draws the node may prove at this time: their stewards' time to commit and reveal is over. */
    public List<Draw> provable(long time) {
        return draws.stream().filter(d -> !d.drawn() && d.revealUntil <= time).toList();
    }

    /** The id of an automatic draw: for the jury of a challenge, or the panel of a proposal. */
    public static Hash idFor(Draw.Purpose purpose, Hash subject) {
        return Hash.sha256(("phyle-draw-id:v1:" + purpose.json() + ":").getBytes(StandardCharsets.US_ASCII),
                subject.bytes());
    }

    /** The members of a pool as of now, in person-number order. */
    public static List<Selection.Member> pool(Registry registry, Draw.Pool kind, long time,
                                              java.util.function.Predicate<Person> eligible) {
        List<Selection.Member> out = new ArrayList<>();
        for (Person p : registry.all()) {
            boolean in = kind == Draw.Pool.CITIZENS ? p.activeCitizen(time) : p.status() == Status.HOST_RESIDENT;
            if (in && eligible.test(p)) {
                out.add(new Selection.Member(p.number(), p.id(), p.region() == null ? "" : p.region()));
            }
        }
        return out;
    }

    /** Throws unless a draw of this size can be made from the pool. */
    public static void checkPool(List<Selection.Member> pool, int size) {
        if (pool.size() < size || pool.isEmpty()) {
            throw new Rejection(SortitionCode.POOL_TOO_SMALL, "the pool has " + pool.size() + " members; the draw "
                    + "needs " + size);
        }
    }

    /** Makes a draw its sender checked ({@link #checkPool}). */
    Draw request(SortitionEffect.RequestDraw r, BlockContext ctx) {
        return request(r.id(), r.purpose(), r.subject(), r.pool(), r.members(), r.size(), r.stratify(), ctx);
    }

    /**
     * A new draw of {@code size} from the pool, in this block. The stewards in office may commit for
     * {@code sortition.commitHours} and reveal for {@code sortition.revealHours}; without stewards it can be proved at
     * once.
     */
    private Draw request(Hash id, Draw.Purpose purpose, Hash subject, Draw.Pool kind, List<Selection.Member> pool,
                         int size, boolean stratify, BlockContext ctx) {
        if (byId.containsKey(id)) {
            throw new IllegalStateException("draw " + id.hex() + " exists");
        }
        checkPool(pool, size);
        long time = ctx.time();
        long height = ctx.height();
        Parameters p = ctx.parameters();
        Registry registry = ctx.view(Registry.class);
        int[] stewards = ctx.view(Offices.class).stewards().stream().filter(n -> registry.byNumber(n)
                .map(x -> x.activeCitizen(time)).orElse(false)).mapToInt(Integer::intValue).toArray();
        long commitUntil = stewards.length == 0 ? time : time + p.get(SortitionParams.COMMIT_HOURS) * HOUR_MS;
        long revealUntil = stewards.length == 0 ? time : commitUntil + p.get(SortitionParams.REVEAL_HOURS) * HOUR_MS;
        Draw d = new Draw(draws.size(), id, purpose, subject, kind, size, time, height, pool,
                stratify ? Selection.quotas(pool, size) : null, commitUntil, revealUntil, stewards);
        draws.add(d);
        byId.put(id, d);
        return d;
    }

    /** A jury is needed for a challenge: drawn from the citizens in good standing, less those excluded. */
    void juryRequested(CitizenshipEffect.JuryRequested j, BlockContext ctx) {
        List<Selection.Member> pool = pool(ctx.view(Registry.class), Draw.Pool.CITIZENS, ctx.time(),
                p -> java.util.Arrays.stream(j.excluded()).noneMatch(x -> x == p.number()));
        request(idFor(Draw.Purpose.JURY, j.challenge()), Draw.Purpose.JURY, j.challenge(), Draw.Pool.CITIZENS, pool,
                j.size(), false, ctx);
    }

    void apply(SortitionTx tx, TxContext ctx) {
        Registry registry = ctx.view(Registry.class);
        switch (tx) {
            case SortitionTx.Request r -> {
                Person steward = registry.citizenInGoodStanding(ctx);
                if (!ctx.view(Offices.class).isSteward(steward.number())) {
                    throw new Rejection(SortitionCode.NOT_A_STEWARD, "only stewards request draws");
                }
                List<Selection.Member> pool = pool(registry, r.pool(), ctx.time(), x -> true);
                checkPool(pool, r.size());
                request(ctx.txId(), Draw.Purpose.REQUEST, ctx.txId(), r.pool(), pool, r.size(), r.stratify(),
                        ctx.block());
            }
            case SortitionTx.Commit c -> {
                Draw d = draw(c.draw());
                int steward = stewardOf(d, ctx);
                if (ctx.time() >= d.commitUntil) {
                    throw new Rejection(SortitionCode.COMMIT_CLOSED, "commitments to draw #" + d.number
                            + " closed at " + java.time.Instant.ofEpochMilli(d.commitUntil));
                }
                if (d.commitments.containsKey(steward)) {
                    throw new Rejection(SortitionCode.ALREADY_COMMITTED, "you already committed to draw #" + d.number);
                }
                d.commitments.put(steward, c.commitment());
            }
            case SortitionTx.Reveal r -> {
                Draw d = draw(r.draw());
                int steward = stewardOf(d, ctx);
                if (ctx.time() < d.commitUntil || ctx.time() >= d.revealUntil) {
                    throw new Rejection(SortitionCode.REVEAL_NOT_OPEN, "reveals for draw #" + d.number + " are taken "
                            + "from " + java.time.Instant.ofEpochMilli(d.commitUntil) + " to "
                            + java.time.Instant.ofEpochMilli(d.revealUntil));
                }
                Hash commitment = d.commitments.get(steward);
                if (commitment == null) {
                    throw new Rejection(SortitionCode.NO_COMMITMENT, "you made no commitment to draw #" + d.number);
                }
                if (d.secrets.containsKey(steward)) {
                    throw new Rejection(SortitionCode.ALREADY_REVEALED, "you already revealed for draw #" + d.number);
                }
                if (!Selection.commitment(d.id, r.secret()).equals(commitment)) {
                    throw new Rejection(SortitionCode.REVEAL_MISMATCH, "the secret does not match your commitment");
                }
                d.secrets.put(steward, r.secret().clone());
            }
            case SortitionTx.Prove p -> {
                if (!ctx.signer().equals(ctx.facts().sequencer())) {
                    throw new Rejection(SortitionCode.NOT_THE_SEQUENCER, "draws are proved by the node "
                            + ctx.facts().sequencer().did());
                }
                Draw d = draw(p.draw());
                if (d.drawn()) {
                    throw new Rejection(SortitionCode.ALREADY_DRAWN, "draw #" + d.number + " is made");
                }
                if (ctx.height() == d.requestedHeight) {
                    throw new Rejection(SortitionCode.PROOF_TOO_EARLY, "draw #" + d.number + " is proved in a block "
                            + "after the one that fixed its pool");
                }
                if (ctx.time() < d.revealUntil) {
                    throw new Rejection(SortitionCode.PROOF_TOO_EARLY, "draw #" + d.number + " can be proved from "
                            + java.time.Instant.ofEpochMilli(d.revealUntil));
                }
                byte[] beta = EcVrf.verify(ctx.facts().sequencer().bytes(), p.proof(), d.alpha).orElseThrow(() ->
                        new Rejection(SortitionCode.BAD_PROOF, "the proof does not verify for draw #" + d.number));
                make(d, p.proof(), beta, ctx);
            }
        }
    }

    /** The draw is made: the randomness, the members chosen, and what the draw was for is told. */
    private void make(Draw d, byte[] proof, byte[] beta, TxContext ctx) {
        d.proof = proof.clone();
        d.beta = beta;
        d.randomness = Selection.randomness(beta, new ArrayList<>(d.secrets.values()));
        List<Selection.Member> chosen = d.quotas == null ? Selection.select(d.randomness, d.pool, d.size)
                : Selection.selectStratified(d.randomness, d.pool, d.quotas);
        d.selected = chosen.stream().mapToInt(Selection.Member::number).toArray();
        d.drawnAt = ctx.time();
        d.drawnHeight = ctx.height();
        d.pool = null;
        if (d.purpose == Draw.Purpose.JURY) {
            ctx.send(new CitizenshipEffect.SeatJury(d.subject, d.selected.clone()));
        }
        ctx.send(new SortitionEffect.DrawMade(d.id, d.purpose, d.subject, d.selected.clone()));
    }

    private Draw draw(Hash id) {
        Draw d = byId.get(id);
        if (d == null) {
            throw new Rejection(SortitionCode.UNKNOWN_DRAW, "no draw " + id.hex());
        }
        return d;
    }

    private static int stewardOf(Draw d, TxContext ctx) {
        Person p = ctx.view(Registry.class).citizenInGoodStanding(ctx);
        if (Arrays.stream(d.stewards).noneMatch(n -> n == p.number())) {
            throw new Rejection(SortitionCode.NOT_A_STEWARD, "you were not a steward when draw #" + d.number
                    + " was requested");
        }
        return p.number();
    }

    /**
     * The earliest reveal deadline still ahead of the last block, so that the node seals a block at that time and
     * then proves the draw (Long.MAX_VALUE: none).
     */
    public long nextDue(long lastBlockTime) {
        long due = Long.MAX_VALUE;
        for (Draw d : draws) {
            if (!d.drawn() && d.revealUntil > lastBlockTime) {
                due = Math.min(due, d.revealUntil);
            }
        }
        return due;
    }

    // ---- snapshot ---------------------------------------------------------------------------------------------

    void write(StateWriter w) {
        w.writeInt(draws.size());
        for (Draw d : draws) {
            w.writeHash(d.id);
            w.writeInt(d.purpose.ordinal());
            w.writeHash(d.subject);
            w.writeInt(d.poolKind.ordinal());
            w.writeInt(d.size);
            w.writeLong(d.requestedAt);
            w.writeLong(d.requestedHeight);
            w.writeInt(d.pool == null ? -1 : d.pool.size());
            if (d.pool != null) {
                for (Selection.Member m : d.pool) {
                    w.writeInt(m.number());
                    w.writeHash(m.id());
                    w.writeString(m.region());
                }
            } else {
                w.writeHash(d.poolRoot);
                w.writeInt(d.poolSize);
            }
            w.writeBoolean(d.quotas != null);
            if (d.quotas != null) {
                w.writeInt(d.quotas.size());
                d.quotas.forEach((region, seats) -> {
                    w.writeString(region);
                    w.writeInt(seats);
                });
            }
            w.writeLong(d.commitUntil);
            w.writeLong(d.revealUntil);
            w.writeInt(d.stewards.length);
            for (int st : d.stewards) {
                w.writeInt(st);
            }
            w.writeInt(d.commitments.size());
            d.commitments.forEach((st, c) -> {
                w.writeInt(st);
                w.writeHash(c);
            });
            w.writeInt(d.secrets.size());
            d.secrets.forEach((st, secret) -> {
                w.writeInt(st);
                w.writeBytes(secret);
            });
            w.writeBoolean(d.drawn());
            if (d.drawn()) {
                w.writeBytes(d.proof);
                w.writeBytes(d.beta);
                w.writeHash(d.randomness);
                w.writeInt(d.selected.length);
                for (int n : d.selected) {
                    w.writeInt(n);
                }
                w.writeLong(d.drawnAt);
                w.writeLong(d.drawnHeight);
            }
        }
    }

    void read(StateReader r) {
        Sortition s = this;
        int n = r.readCount();
        for (int i = 0; i < n; i++) {
            Hash id = r.readHash();
            Draw.Purpose purpose = Draw.Purpose.values()[r.readInt()];
            Hash subject = r.readHash();
            Draw.Pool kind = Draw.Pool.values()[r.readInt()];
            int size = r.readInt();
            long requestedAt = r.readLong();
            long requestedHeight = r.readLong();
            int poolCount = r.readInt();
            List<Selection.Member> pool = new ArrayList<>();
            Hash root = null;
            int poolSize = 0;
            if (poolCount >= 0) {
                for (int j = 0; j < poolCount; j++) {
                    pool.add(new Selection.Member(r.readInt(), r.readHash(), r.readString()));
                }
            } else {
                root = r.readHash();
                poolSize = r.readInt();
            }
            TreeMap<String, Integer> quotas = null;
            if (r.readBoolean()) {
                quotas = new TreeMap<>();
                int q = r.readCount();
                for (int j = 0; j < q; j++) {
                    quotas.put(r.readString(), r.readInt());
                }
            }
            long commitUntil = r.readLong();
            long revealUntil = r.readLong();
            int[] stewards = new int[r.readCount()];
            for (int j = 0; j < stewards.length; j++) {
                stewards[j] = r.readInt();
            }
            Draw d = poolCount >= 0
                    ? new Draw(i, id, purpose, subject, kind, size, requestedAt, requestedHeight, pool, quotas,
                    commitUntil, revealUntil, stewards)
                    : Draw.made(i, id, purpose, subject, kind, size, requestedAt, requestedHeight, root, poolSize,
                    quotas, commitUntil, revealUntil, stewards);
            int commitments = r.readCount();
            for (int j = 0; j < commitments; j++) {
                d.commitments.put(r.readInt(), r.readHash());
            }
            int secrets = r.readCount();
            for (int j = 0; j < secrets; j++) {
                d.secrets.put(r.readInt(), r.readBytes());
            }
            if (r.readBoolean()) {
                d.proof = r.readBytes();
                d.beta = r.readBytes();
                d.randomness = r.readHash();
                d.selected = new int[r.readCount()];
                for (int j = 0; j < d.selected.length; j++) {
                    d.selected[j] = r.readInt();
                }
                d.drawnAt = r.readLong();
                d.drawnHeight = r.readLong();
                d.pool = null;
            }
            s.draws.add(d);
            s.byId.put(id, d);
        }
    }
}

package org.phyle.core.sortition;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.phyle.core.Rejection;
import org.phyle.core.tx.TxCode;
import org.phyle.crypto.Hash;

/**
 * One draw by lot: what it is for, its pool (fixed, with its Merkle root, in the block that requested it), its size
 * and regional quotas, the VRF input, the stewards' commitments and reveals, the node's proof, and the members
 * chosen. The pool itself is kept only until the draw is made; the ledger keeps what it takes to recompute it.
 */
public final class Draw {
    /** Why the draw is made. */
    public enum Purpose {
        JURY, PANEL, REQUEST;

        public String json() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Whom it draws from. */
    public enum Pool {
        CITIZENS("citizens"), HOST_RESIDENTS("host-residents");

        private final String json;

        Pool(String json) {
            this.json = json;
        }

        public String json() {
            return json;
        }

        public static Pool fromJson(String s) {
            for (Pool p : values()) {
                if (p.json.equals(s)) {
                    return p;
                }
            }
            throw new Rejection(TxCode.MALFORMED, "body.pool is citizens or host-residents, not \"" + s + "\"");
        }
    }

    final int number;
    final Hash id;
    final Purpose purpose;
    final Hash subject;
    final Pool poolKind;
    final int size;
    final long requestedAt;
    final long requestedHeight;
    final Hash poolRoot;
    final int poolSize;
    final byte[] alpha;
    final long commitUntil;
    final long revealUntil;
    final int[] stewards;
    final TreeMap<String, Integer> quotas;
    List<Selection.Member> pool;
    final TreeMap<Integer, Hash> commitments = new TreeMap<>();
    final TreeMap<Integer, byte[]> secrets = new TreeMap<>();
    byte[] proof;
    byte[] beta;
    Hash randomness;
    int[] selected;
    long drawnAt;
    long drawnHeight = -1;

    Draw(int number, Hash id, Purpose purpose, Hash subject, Pool poolKind, int size, long requestedAt,
         long requestedHeight, List<Selection.Member> pool, Map<String, Integer> quotas, long commitUntil,
         long revealUntil, int[] stewards) {
        this(number, id, purpose, subject, poolKind, size, requestedAt, requestedHeight, Selection.poolRoot(pool),
                pool.size(), new ArrayList<>(pool), quotas, commitUntil, revealUntil, stewards);
    }

    private Draw(int number, Hash id, Purpose purpose, Hash subject, Pool poolKind, int size, long requestedAt,
                 long requestedHeight, Hash poolRoot, int poolSize, List<Selection.Member> pool,
                 Map<String, Integer> quotas, long commitUntil, long revealUntil, int[] stewards) {
        this.number = number;
        this.id = id;
        this.purpose = purpose;
        this.subject = subject;
        this.poolKind = poolKind;
        this.size = size;
        this.requestedAt = requestedAt;
        this.requestedHeight = requestedHeight;
        this.pool = pool;
        this.poolRoot = poolRoot;
        this.poolSize = poolSize;
        this.alpha = Selection.alpha(id, poolRoot);
        this.quotas = quotas == null ? null : new TreeMap<>(quotas);
        this.commitUntil = commitUntil;
        this.revealUntil = revealUntil;
        this.stewards = stewards.clone();
    }

    /** A draw already made, read back from a snapshot (its pool no longer kept). */
    static Draw made(int number, Hash id, Purpose purpose, Hash subject, Pool poolKind, int size, long requestedAt,
                     long requestedHeight, Hash poolRoot, int poolSize, Map<String, Integer> quotas, long commitUntil,
                     long revealUntil, int[] stewards) {
        return new Draw(number, id, purpose, subject, poolKind, size, requestedAt, requestedHeight, poolRoot, poolSize,
                null, quotas, commitUntil, revealUntil, stewards);
    }

    public int number() {
        return number;
    }

    public Hash id() {
        return id;
    }

    public Purpose purpose() {
        return purpose;
    }

    /** The challenge a jury is for, or the proposal a panel is for; the request's id otherwise. */
    public Hash subject() {
        return subject;
    }

    public Pool poolKind() {
        return poolKind;
    }

    public int size() {
        return size;
    }

    public long requestedAt() {
        return requestedAt;
    }

    public long requestedHeight() {
        return requestedHeight;
    }

    public Hash poolRoot() {
        return poolRoot;
    }

    public int poolSize() {
        return poolSize;
    }

    public byte[] alpha() {
        return alpha.clone();
    }

    public long commitUntil() {
        return commitUntil;
    }

    public long revealUntil() {
        return revealUntil;
    }

    /** The stewards in office when it was requested: those who may commit. */
    public int[] stewards() {
        return stewards.clone();
    }

    /** Seats per region, or null for a draw without strata. */
    public Map<String, Integer> quotas() {
        return quotas == null ? null : Collections.unmodifiableMap(quotas);
    }

    public Map<Integer, Hash> commitments() {
        return Collections.unmodifiableMap(commitments);
    }

    public Map<Integer, byte[]> secrets() {
        return Collections.unmodifiableMap(secrets);
    }

    /** The members of the pool, while the draw waits to be made (empty after). */
    public List<Selection.Member> pool() {
        return pool == null ? List.of() : Collections.unmodifiableList(pool);
    }

    public boolean drawn() {
        return drawnHeight >= 0;
    }

    public byte[] proof() {
        return proof == null ? null : proof.clone();
    }

    public byte[] beta() {
        return beta == null ? null : beta.clone();
    }

    public Hash randomness() {
        return randomness;
    }

    /** The members chosen, in the order chosen (by score; with strata, by region then score). */
    public int[] selected() {
        return selected == null ? new int[0] : selected.clone();
    }

    public long drawnAt() {
        return drawnAt;
    }

    public long drawnHeight() {
        return drawnHeight;
    }

    /** Where the draw stands at this time. */
    public String phase(long time) {
        if (drawn()) {
            return "drawn";
        }
        if (time < commitUntil) {
            return "committing";
        }
        if (time < revealUntil) {
            return "revealing";
        }
        return "awaiting proof";
    }
}

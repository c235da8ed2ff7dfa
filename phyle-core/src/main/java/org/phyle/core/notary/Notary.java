package org.phyle.core.notary;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.phyle.core.TxContext;
import org.phyle.core.state.StateReader;
import org.phyle.core.state.StateWriter;
import org.phyle.core.tx.TxType;
import org.phyle.crypto.Hash;

/**
 * The society's ledger of record for its micro-history: any key holder timestamps a digest. The state keeps, for
 * each digest, the log positions (leaf indices) of its records, earliest first; the records themselves (signer,
 * label, text) are the log entries at those positions.
 */
public final class Notary {
    static final List<TxType> TX_TYPES = List.of(new TxType(NotaryRecord.TYPE,
            "Timestamps a SHA-256 digest with a label and an optional text.", NotaryRecord::read));

    private final TreeMap<Hash, long[]> leavesByDigest = new TreeMap<>();
    private long records;

    void apply(NotaryTx tx, TxContext ctx) {
        switch (tx) {
            case NotaryRecord r -> record(r, ctx);
        }
    }

    private void record(NotaryRecord r, TxContext ctx) {
        leavesByDigest.merge(r.digest(), new long[] {ctx.leafIndex()}, Notary::append);
        records++;
    }

    private static long[] append(long[] existing, long[] added) {
        long[] out = Arrays.copyOf(existing, existing.length + added.length);
        System.arraycopy(added, 0, out, existing.length, added.length);
        return out;
    }

    /** The leaf indices of the records of a digest, earliest first; empty if it was never recorded. */
    public long[] recordsOf(Hash digest) {
        long[] leaves = leavesByDigest.get(digest);
        return leaves == null ? new long[0] : leaves.clone();
    }

    public long recordCount() {
        return records;
    }

    public int digestCount() {
        return leavesByDigest.size();
    }

    void write(StateWriter w) {
        w.writeLong(records);
        w.writeInt(leavesByDigest.size());
        for (Map.Entry<Hash, long[]> e : leavesByDigest.entrySet()) {
            w.writeHash(e.getKey());
            w.writeInt(e.getValue().length);
            for (long leaf : e.getValue()) {
                w.writeLong(leaf);
            }
        }
    }

    void read(StateReader r) {
        Notary n = this;
        n.records = r.readLong();
        int digests = r.readCount();
        for (int i = 0; i < digests; i++) {
            Hash digest = r.readHash();
            long[] leaves = new long[r.readCount()];
            for (int j = 0; j < leaves.length; j++) {
                leaves[j] = r.readLong();
            }
            n.leavesByDigest.put(digest, leaves);
        }
    }
}

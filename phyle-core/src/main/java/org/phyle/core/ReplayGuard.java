package org.phyle.core;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.phyle.core.state.StateReader;
import org.phyle.core.state.StateWriter;
import org.phyle.core.tx.TxCode;
import org.phyle.core.tx.VerifiedTx;
import org.phyle.crypto.Hash;

/**
 * Remembers the id of every accepted transaction until it expires, so that none applies twice. A replay carries the
 * same payload, hence the same expiry, so ids are kept in buckets by expiry: a lookup reads one bucket, and a block
 * drops the buckets that have expired before its time. After expiry a replay is refused as expired instead.
 */
final class ReplayGuard {
    private final TreeMap<Long, Set<Hash>> byExpiry = new TreeMap<>();
    private long size;

    void check(VerifiedTx tx) {
        Set<Hash> bucket = byExpiry.get(tx.expires());
        if (bucket != null && bucket.contains(tx.id())) {
            throw new Rejection(TxCode.TX_REPLAYED, "transaction " + tx.id().hex() + " is already on the ledger");
        }
    }

    boolean contains(Hash id, long expires) {
        Set<Hash> bucket = byExpiry.get(expires);
        return bucket != null && bucket.contains(id);
    }

    void add(VerifiedTx tx) {
        if (byExpiry.computeIfAbsent(tx.expires(), e -> new HashSet<>()).add(tx.id())) {
            size++;
        }
    }

    /** Forgets every id whose transaction expired before this block time. */
    void expireBefore(long blockTime) {
        Map<Long, Set<Hash>> expired = byExpiry.headMap(blockTime);
        for (Set<Hash> bucket : expired.values()) {
            size -= bucket.size();
        }
        expired.clear();
    }

    long size() {
        return size;
    }

    void write(StateWriter w) {
        w.writeInt(byExpiry.size());
        for (Map.Entry<Long, Set<Hash>> e : byExpiry.entrySet()) {
            w.writeLong(e.getKey());
            w.writeInt(e.getValue().size());
            e.getValue().stream().sorted().forEach(w::writeHash);
        }
    }

    static ReplayGuard read(StateReader r) {
        ReplayGuard g = new ReplayGuard();
        int buckets = r.readCount();
        for (int i = 0; i < buckets; i++) {
            long expires = r.readLong();
            int n = r.readCount();
            Set<Hash> bucket = new HashSet<>();
            for (int j = 0; j < n; j++) {
                bucket.add(r.readHash());
            }
            g.byExpiry.put(expires, bucket);
            g.size += n;
        }
        return g;
    }
}

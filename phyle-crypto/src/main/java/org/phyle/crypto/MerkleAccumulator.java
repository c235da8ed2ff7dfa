package org.phyle.crypto;

import java.util.ArrayList;
import java.util.List;

/**
 * The root of a growing tree from O(log n) hashes: the roots of the perfect subtrees that make up the tree so far,
 * like the digits of a binary counter. Used to recompute roots while streaming a whole log.
 */
public final class MerkleAccumulator {
    private final List<Hash> peaks = new ArrayList<>();
    private long size;

    public MerkleAccumulator() {
    }

    /** Restores an accumulator from its size and peaks, as {@link #peaks()} returned them. */
    public static MerkleAccumulator restore(long size, List<Hash> peaks) {
        if (size < 0 || Long.bitCount(size) != peaks.size()) {
            throw new IllegalArgumentException("a tree of size " + size + " has " + Long.bitCount(Math.max(size, 0))
                    + " peaks, not " + peaks.size());
        }
        MerkleAccumulator a = new MerkleAccumulator();
        a.peaks.addAll(peaks);
        a.size = size;
        return a;
    }

    /** The roots of the perfect subtrees, largest (leftmost) first. */
    public List<Hash> peaks() {
        return List.copyOf(peaks);
    }

    public MerkleAccumulator copy() {
        return restore(size, peaks);
    }

    public void append(Hash leafHash) {
        Hash carry = leafHash;
        long s = size;
        while ((s & 1) == 1) {
            carry = Merkle.nodeHash(peaks.remove(peaks.size() - 1), carry);
            s >>>= 1;
        }
        peaks.add(carry);
        size++;
    }

    public long size() {
        return size;
    }

    public Hash root() {
        if (peaks.isEmpty()) {
            return Merkle.EMPTY_ROOT;
        }
        Hash r = peaks.get(peaks.size() - 1);
        for (int i = peaks.size() - 2; i >= 0; i--) {
            r = Merkle.nodeHash(peaks.get(i), r);
        }
        return r;
    }
}

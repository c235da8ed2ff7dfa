package org.phyle.crypto;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 9162 (Certificate Transparency 2.0) Merkle tree hashing, inclusion and consistency proofs, and their
 * verifiers. Leaves are hashed as SHA-256(0x00 || entry), interior nodes as SHA-256(0x01 || left || right); the tree
 * of n leaves splits at the largest power of two smaller than n, so there is no padding.
 *
 * <p>Proof generation reads hashes of complete, aligned subtrees from a {@link Nodes} source, so a log can keep
 * some levels on disk and others in memory.
 */
public final class Merkle {
    private static final byte LEAF_PREFIX = 0x00;
    private static final byte NODE_PREFIX = 0x01;

    /** The root of the empty tree: SHA-256 of the empty string. */
    public static final Hash EMPTY_ROOT = Hash.sha256(new byte[0]);

    private Merkle() {
    }

    /**
     * The hashes of complete, aligned subtrees: {@code node(level, index)} is the root of the subtree over leaves
     * {@code [index << level, (index + 1) << level)}; level 0 is the leaf hashes.
     */
    @FunctionalInterface
    public interface Nodes {
        Hash node(int level, long index);
    }

    public static Hash leafHash(byte[] entry) {
        return Hash.sha256(LEAF_PREFIX, entry);
    }

    public static Hash nodeHash(Hash left, Hash right) {
        return Hash.sha256(NODE_PREFIX, left, right);
    }

    /** MTH(D[0:size]). */
    public static Hash root(Nodes nodes, long size) {
        if (size < 0) {
            throw new IllegalArgumentException("tree size is negative");
        }
        return size == 0 ? EMPTY_ROOT : rangeHash(nodes, 0, size);
    }

    /** MTH(D[start:end]) for a start aligned as RFC 9162's recursion produces it. */
    static Hash rangeHash(Nodes nodes, long start, long end) {
        long width = end - start;
        if (Long.bitCount(width) == 1 && (start & (width - 1)) == 0) {
            int level = Long.numberOfTrailingZeros(width);
            return nodes.node(level, start >>> level);
        }
        long k = splitPoint(width);
        return nodeHash(rangeHash(nodes, start, start + k), rangeHash(nodes, start + k, end));
    }

    /** The largest power of two smaller than n, for n >= 2. */
    static long splitPoint(long n) {
        return Long.highestOneBit(n - 1);
    }

    /** PATH(index, D[0:size]) from RFC 9162 section 2.1.3.1, ordered from the leaf up. */
    public static List<Hash> inclusionProof(Nodes nodes, long index, long size) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("leaf " + index + " is not in a tree of size " + size);
        }
        List<Hash> proof = new ArrayList<>(64);
        path(nodes, index, 0, size, proof);
        return proof;
    }

    private static void path(Nodes nodes, long index, long start, long end, List<Hash> proof) {
        if (end - start == 1) {
            return;
        }
        long k = splitPoint(end - start);
        if (index < start + k) {
            path(nodes, index, start, start + k, proof);
            proof.add(rangeHash(nodes, start + k, end));
        } else {
            path(nodes, index, start + k, end, proof);
            proof.add(rangeHash(nodes, start, start + k));
        }
    }

    /** PROOF(m, D[0:n]) from RFC 9162 section 2.1.4.1; empty when m is 0 or m equals n. */
    public static List<Hash> consistencyProof(Nodes nodes, long m, long n) {
        if (m < 0 || m > n) {
            throw new IllegalArgumentException("no consistency proof from size " + m + " to size " + n);
        }
        List<Hash> proof = new ArrayList<>(64);
        if (m > 0 && m < n) {
            subproof(nodes, m, 0, n, true, proof);
        }
        return proof;
    }

    private static void subproof(Nodes nodes, long m, long start, long end, boolean original, List<Hash> proof) {
        if (m == end) {
            if (!original) {
                proof.add(rangeHash(nodes, start, end));
            }
            return;
        }
        long k = splitPoint(end - start);
        if (m <= start + k) {
            subproof(nodes, m, start, start + k, original, proof);
            proof.add(rangeHash(nodes, start + k, end));
        } else {
            subproof(nodes, m, start + k, end, false, proof);
            proof.add(rangeHash(nodes, start, start + k));
        }
    }

    /** RFC 9162 section 2.1.3.2. */
    public static boolean verifyInclusion(Hash leafHash, long index, long size, List<Hash> proof, Hash root) {
        if (index < 0 || index >= size) {
            return false;
        }
        long fn = index;
        long sn = size - 1;
        Hash r = leafHash;
        for (Hash p : proof) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = nodeHash(p, r);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>>= 1;
                        sn >>>= 1;
                    }
                }
            } else {
                r = nodeHash(r, p);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        return sn == 0 && r.equals(root);
    }

    /** RFC 9162 section 2.1.4.2, extended to the trivial cases m == 0 and m == n. */
    public static boolean verifyConsistency(long m, long n, Hash rootM, Hash rootN, List<Hash> proof) {
        if (m < 0 || m > n) {
            return false;
        }
        if (m == n) {
            return proof.isEmpty() && rootM.equals(rootN);
        }
        if (m == 0) {
            return proof.isEmpty() && rootM.equals(EMPTY_ROOT);
        }
        if (proof.isEmpty()) {
            return false;
        }
        List<Hash> path = new ArrayList<>(proof.size() + 1);
        if (Long.bitCount(m) == 1) {
            path.add(rootM);
        }
        path.addAll(proof);
        long fn = m - 1;
        long sn = n - 1;
        while ((fn & 1) == 1) {
            fn >>>= 1;
            sn >>>= 1;
        }
        Hash fr = path.get(0);
        Hash sr = path.get(0);
        for (int i = 1; i < path.size(); i++) {
            Hash c = path.get(i);
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = nodeHash(c, fr);
                sr = nodeHash(c, sr);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>>= 1;
                        sn >>>= 1;
                    }
                }
            } else {
                sr = nodeHash(sr, c);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        return sn == 0 && fr.equals(rootM) && sr.equals(rootN);
    }
}

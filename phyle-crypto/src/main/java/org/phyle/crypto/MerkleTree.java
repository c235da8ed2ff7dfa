package org.phyle.crypto;

import java.util.ArrayList;
import java.util.List;

/**
 * An append-only Merkle tree that keeps the hash of every complete, aligned subtree in memory (2n - 1 hashes for n
 * leaves). Suits logs of up to a few million entries and tests; the node keeps its lowest levels on disk instead.
 */
public final class MerkleTree implements Merkle.Nodes {
    private final List<List<Hash>> levels = new ArrayList<>();

    public MerkleTree() {
        levels.add(new ArrayList<>());
    }

    public void append(Hash leafHash) {
        List<Hash> level = levels.get(0);
        level.add(leafHash);
        int height = 0;
        // whenever a level gains a right child, its parent is complete
        while (level.size() % 2 == 0) {
            Hash parent = Merkle.nodeHash(level.get(level.size() - 2), level.get(level.size() - 1));
            height++;
            if (levels.size() == height) {
                levels.add(new ArrayList<>());
            }
            level = levels.get(height);
            level.add(parent);
        }
    }

    public void appendEntry(byte[] entry) {
        append(Merkle.leafHash(entry));
    }

    public long size() {
        return levels.get(0).size();
    }

    public Hash root() {
        return Merkle.root(this, size());
    }

    public Hash root(long size) {
        checkSize(size);
        return Merkle.root(this, size);
    }

    public List<Hash> inclusionProof(long index, long size) {
        checkSize(size);
        return Merkle.inclusionProof(this, index, size);
    }

    public List<Hash> consistencyProof(long m, long n) {
        checkSize(n);
        return Merkle.consistencyProof(this, m, n);
    }

    @Override
    public Hash node(int level, long index) {
        return levels.get(level).get(Math.toIntExact(index));
    }

    private void checkSize(long size) {
        if (size < 0 || size > size()) {
            throw new IllegalArgumentException("tree size " + size + " is beyond the " + size() + " leaves");
        }
    }
}

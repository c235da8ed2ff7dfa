package org.phyle.node.store;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.phyle.crypto.Hash;
import org.phyle.crypto.Merkle;
import org.phyle.crypto.MerkleTree;

/**
 * The log's RFC 9162 Merkle tree, split the way transparency logs split it: the lowest 8 levels are stored on disk in
 * tiles of 256 leaf hashes, everything above (one hash per tile and up, 256 times fewer) is kept in memory. A proof
 * therefore reads at most one or two tiles. The writer prepares an append, stores the completed tiles with the block,
 * and commits the append here once the block is durable, so readers only ever see durable leaves.
 */
public final class TiledMerkleLog implements Merkle.Nodes {
    private static final int CACHED_TILES = 64;

    private final LedgerStore store;
    private final MerkleTree upper = new MerkleTree();
    private final List<Hash> partial = new ArrayList<>();
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<Long, List<Hash>> tileCache = new LinkedHashMap<>(CACHED_TILES, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, List<Hash>> eldest) {
            return size() > CACHED_TILES;
        }
    };

    private TiledMerkleLog(LedgerStore store) {
        this.store = store;
    }

    /** Loads the tree from the stored tiles and the entries after the last full tile. */
    public static TiledMerkleLog load(LedgerStore store) {
        List<Hash> roots = store.tileRoots();
        long start = (long) roots.size() * Tile.WIDTH;
        long entries = store.entryCount();
        if (entries < start) {
            throw new StorageException("the ledger has " + entries + " entries but Merkle tiles for " + start);
        }
        List<Hash> partial = new ArrayList<>();
        for (byte[] entry : store.entries(start, entries)) {
            partial.add(Merkle.leafHash(entry));
        }
        return fromTiles(store, partial);
    }

    /** A tree of the stored tiles followed by the given leaf hashes (fewer than a tile). */
    public static TiledMerkleLog fromTiles(LedgerStore store, List<Hash> partialTile) {
        if (partialTile.size() >= Tile.WIDTH) {
            throw new StorageException("a Merkle tile of " + partialTile.size() + " leaves is complete but was not stored");
        }
        TiledMerkleLog log = new TiledMerkleLog(store);
        store.tileRoots().forEach(log.upper::append);
        log.partial.addAll(partialTile);
        return log;
    }

    /** The leaves to add and the tiles they complete, computed without changing the tree. */
    public record Append(List<Tile> completedTiles, List<Hash> partialAfter, long sizeAfter) {
    }

    /** Writer only: what appending these leaf hashes does. */
    public Append prepare(List<Hash> leafHashes) {
        List<Tile> completed = new ArrayList<>();
        List<Hash> current = new ArrayList<>(partial);
        long tileIndex = upper.size();
        for (Hash h : leafHashes) {
            current.add(h);
            if (current.size() == Tile.WIDTH) {
                completed.add(tile(tileIndex++, current));
                current = new ArrayList<>();
            }
        }
        return new Append(completed, current, size() + leafHashes.size());
    }

    /** Writer only, after the tiles of this append are durable. */
    public void commit(Append append) {
        lock.writeLock().lock();
        try {
            for (Tile t : append.completedTiles()) {
                upper.append(t.root());
            }
            partial.clear();
            partial.addAll(append.partialAfter());
            if (size() != append.sizeAfter()) {
                throw new IllegalStateException("Merkle append out of order");
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    public long size() {
        return underReadLock(() -> upper.size() * Tile.WIDTH + partial.size());
    }

    public Hash root(long size) {
        return underReadLock(() -> {
            checkSize(size);
            return Merkle.root(this, size);
        });
    }

    public List<Hash> inclusionProof(long leaf, long size) {
        return underReadLock(() -> {
            checkSize(size);
            return Merkle.inclusionProof(this, leaf, size);
        });
    }

    public List<Hash> consistencyProof(long from, long to) {
        return underReadLock(() -> {
            checkSize(to);
            return Merkle.consistencyProof(this, from, to);
        });
    }

    private <T> T underReadLock(java.util.function.Supplier<T> read) {
        lock.readLock().lock();
        try {
            return read.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    public Hash leafHash(long leaf) {
        return node(0, leaf);
    }

    /** Called by the Merkle algorithms with the read lock held. */
    @Override
    public Hash node(int level, long index) {
        if (level >= Tile.HEIGHT) {
            return upper.node(level - Tile.HEIGHT, index);
        }
        long firstLeaf = index << level;
        long tile = firstLeaf >>> Tile.HEIGHT;
        int offset = (int) (firstLeaf & (Tile.WIDTH - 1));
        if (tile == upper.size()) {
            return subtree(partial, offset, 1 << level);
        }
        return subtree(leafHashesOf(tile), offset, 1 << level);
    }

    private List<Hash> leafHashesOf(long tile) {
        synchronized (tileCache) {
            List<Hash> cached = tileCache.get(tile);
            if (cached != null) {
                return cached;
            }
        }
        byte[] packed = store.tileHashes(tile)
                .orElseThrow(() -> new StorageException("Merkle tile " + tile + " is missing"));
        if (packed.length != Tile.WIDTH * Hash.SIZE) {
            throw new StorageException("Merkle tile " + tile + " has " + packed.length + " bytes");
        }
        List<Hash> hashes = new ArrayList<>(Tile.WIDTH);
        for (int i = 0; i < Tile.WIDTH; i++) {
            hashes.add(Hash.of(Arrays.copyOfRange(packed, i * Hash.SIZE, (i + 1) * Hash.SIZE)));
        }
        List<Hash> tileHashes = List.copyOf(hashes);
        synchronized (tileCache) {
            tileCache.put(tile, tileHashes);
        }
        return tileHashes;
    }

    private static Hash subtree(List<Hash> leaves, int offset, int width) {
        if (width == 1) {
            return leaves.get(offset);
        }
        int half = width / 2;
        return Merkle.nodeHash(subtree(leaves, offset, half), subtree(leaves, offset + half, half));
    }

    private static Tile tile(long index, List<Hash> leaves) {
        byte[] packed = new byte[Tile.WIDTH * Hash.SIZE];
        for (int i = 0; i < Tile.WIDTH; i++) {
            System.arraycopy(leaves.get(i).bytes(), 0, packed, i * Hash.SIZE, Hash.SIZE);
        }
        return new Tile(index, subtree(leaves, 0, Tile.WIDTH), packed);
    }

    private void checkSize(long size) {
        long have = upper.size() * Tile.WIDTH + partial.size();
        if (size < 0 || size > have) {
            throw new IllegalArgumentException("tree size " + size + " is beyond the log's " + have + " entries");
        }
    }
}

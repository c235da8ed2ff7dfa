package org.phyle.node.loadgen;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BiConsumer;
import org.phyle.crypto.Hash;
import org.phyle.crypto.Merkle;
import org.phyle.node.store.LedgerStore;
import org.phyle.node.store.Tile;
import org.phyle.node.store.TiledMerkleLog;

/**
 * {@code phyle bench proof}: builds the Merkle tiles of a log of N leaves in a real SQLite ledger, then times
 * inclusion proofs of random leaves against the full tree, as the node serves them, and checks each one.
 */
public final class ProofBenchmark {

    public record Result(long size, int proofs, double meanMicros, double p50Micros, double p99Micros,
                         double maxMicros, double buildSeconds) {
    }

    private ProofBenchmark() {
    }

    public static Result run(Path dir, long size, int proofs, BiConsumer<Long, Long> progress) {
        long t0 = System.nanoTime();
        try (LedgerStore store = LedgerStore.open(dir, false)) {
            long fullTiles = size / Tile.WIDTH;
            List<Tile> pending = new ArrayList<>();
            for (long t = 0; t < fullTiles; t++) {
                pending.add(syntheticTile(t));
                if (pending.size() == 512) {
                    store.appendTiles(pending);
                    pending.clear();
                    progress.accept((t + 1) * Tile.WIDTH, size);
                }
            }
            store.appendTiles(pending);
            TiledMerkleLog log = TiledMerkleLog.fromTiles(store, partialTile(size));
            double buildSeconds = (System.nanoTime() - t0) / 1e9;
            progress.accept(size, size);

            Hash root = log.root(size);
            SplittableRandom random = new SplittableRandom(42);
            double[] micros = new double[proofs];
            for (int i = 0; i < proofs; i++) {
                long leaf = random.nextLong(size);
                long start = System.nanoTime();
                List<Hash> proof = log.inclusionProof(leaf, size);
                micros[i] = (System.nanoTime() - start) / 1e3;
                if (!Merkle.verifyInclusion(leafHash(leaf), leaf, size, proof, root)) {
                    throw new IllegalStateException("proof of leaf " + leaf + " does not verify");
                }
            }
            double[] sorted = micros.clone();
            Arrays.sort(sorted);
            return new Result(size, proofs, Arrays.stream(micros).average().orElse(0),
                    IngestBenchmark.percentile(sorted, 0.5), IngestBenchmark.percentile(sorted, 0.99),
                    sorted[sorted.length - 1], buildSeconds);
        }
    }

    /** The leaf hashes after the last full tile of a synthetic log of this size. */
    public static List<Hash> partialTile(long size) {
        List<Hash> partial = new ArrayList<>();
        for (long leaf = size / Tile.WIDTH * Tile.WIDTH; leaf < size; leaf++) {
            partial.add(leafHash(leaf));
        }
        return partial;
    }

    /** The leaf hash of leaf i of a synthetic log. */
    public static Hash leafHash(long leaf) {
        return Merkle.leafHash(Long.toString(leaf).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    private static Tile syntheticTile(long index) {
        Hash[] level = new Hash[Tile.WIDTH];
        byte[] packed = new byte[Tile.WIDTH * Hash.SIZE];
        for (int i = 0; i < Tile.WIDTH; i++) {
            level[i] = leafHash(index * Tile.WIDTH + i);
            System.arraycopy(level[i].bytes(), 0, packed, i * Hash.SIZE, Hash.SIZE);
        }
        for (int width = Tile.WIDTH; width > 1; width /= 2) {
            for (int i = 0; i < width / 2; i++) {
                level[i] = Merkle.nodeHash(level[2 * i], level[2 * i + 1]);
            }
        }
        return new Tile(index, level[0], packed);
    }
}

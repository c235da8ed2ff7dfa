package org.phyle.node;

import java.nio.file.Path;
import java.time.InstantSource;

/**
 * How a node runs (not consensus: two nodes of one society may differ here).
 *
 * @param maxBlockTxs      a block is cut as soon as this many transactions wait
 * @param blockIntervalMs  otherwise at most this long after the previous cut
 * @param mempoolCapacity  transactions waiting beyond this are refused with MEMPOOL_FULL
 * @param snapshotEveryTxs a state snapshot is written after this many transactions since the last one
 */
public record NodeConfig(Path dataDir, int maxBlockTxs, long blockIntervalMs, int mempoolCapacity,
                         long snapshotEveryTxs, InstantSource clock) {

    public static NodeConfig defaults(Path dataDir) {
        return new NodeConfig(dataDir, 5000, 250, 200_000, 100_000, InstantSource.system());
    }

    public NodeConfig withClock(InstantSource clock) {
        return new NodeConfig(dataDir, maxBlockTxs, blockIntervalMs, mempoolCapacity, snapshotEveryTxs, clock);
    }

    public NodeConfig withSnapshotEveryTxs(long n) {
        return new NodeConfig(dataDir, maxBlockTxs, blockIntervalMs, mempoolCapacity, n, clock);
    }

    public NodeConfig withBlocks(int maxTxs, long intervalMs) {
        return new NodeConfig(dataDir, maxTxs, intervalMs, mempoolCapacity, snapshotEveryTxs, clock);
    }

    public NodeConfig withMempoolCapacity(int capacity) {
        return new NodeConfig(dataDir, maxBlockTxs, blockIntervalMs, capacity, snapshotEveryTxs, clock);
    }

    public Path nodeKeyFile() {
        return dataDir.resolve("node.key");
    }
}

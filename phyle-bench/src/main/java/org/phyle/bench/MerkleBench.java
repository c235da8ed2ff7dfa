package org.phyle.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.phyle.crypto.Hash;
import org.phyle.crypto.Merkle;
import org.phyle.node.loadgen.ProofBenchmark;
import org.phyle.node.store.LedgerStore;
import org.phyle.node.store.TiledMerkleLog;

/**
 * Inclusion and consistency proofs from a log of N leaves whose tiles are in SQLite, as the node serves them, and
 * proof verification. Building the 10-million-leaf log takes about a minute of setup.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class MerkleBench {
    @Param({"10000000"})
    long size;

    Path dir;
    LedgerStore store;
    TiledMerkleLog log;
    Hash root;
    SplittableRandom random = new SplittableRandom(7);
    List<Hash> proof;
    long provenLeaf;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        dir = Files.createTempDirectory("phyle-merkle-bench");
        ProofBenchmark.run(dir, size, 1, (d, t) -> { });
        store = LedgerStore.open(dir, true);
        log = TiledMerkleLog.fromTiles(store, ProofBenchmark.partialTile(size));
        root = log.root(size);
        provenLeaf = size / 3;
        proof = log.inclusionProof(provenLeaf, size);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        store.close();
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Benchmark
    public List<Hash> inclusionProof() {
        return log.inclusionProof(random.nextLong(size), size);
    }

    @Benchmark
    public List<Hash> consistencyProof() {
        return log.consistencyProof(1 + random.nextLong(size - 1), size);
    }

    @Benchmark
    public boolean verifyInclusion() {
        return Merkle.verifyInclusion(ProofBenchmark.leafHash(provenLeaf), provenLeaf, size, proof, root);
    }
}

package org.phyle.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.phyle.crypto.ed25519.EdwardsPoint;
import org.phyle.crypto.ed25519.MultiScalar;
import org.phyle.crypto.ed25519.Scalars;

/**
 * The multi-scalar multiplication of a batch of n signatures by n keys, by each algorithm: n random points with
 * 128-bit scalars (the R_i), n with full scalars mod L (the A_i) and the base point. Average time per signature,
 * i.e. divide by n yourself: JMH reports the time of one whole sum.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class MultiScalarBench {
    @Param({"8", "16", "32", "64", "128", "256", "512", "1024"})
    int signatures;

    @Param({"STRAUS", "PIPPENGER", "BOS_COSTER"})
    MultiScalar.Algorithm algorithm;

    byte[] b;
    byte[][] scalars;
    EdwardsPoint[] points;

    @Setup
    public void setUp() {
        Random random = new Random(signatures);
        int n = 2 * signatures;
        scalars = new byte[n][];
        points = new EdwardsPoint[n];
        for (int i = 0; i < n; i++) {
            byte[] wide = new byte[64];
            random.nextBytes(wide);
            points[i] = EdwardsPoint.multiplyBase(Scalars.reduce(wide));
            random.nextBytes(wide);
            scalars[i] = Scalars.reduce(wide);
            if (i < signatures) {
                java.util.Arrays.fill(scalars[i], 16, 32, (byte) 0);
            }
        }
        byte[] wide = new byte[64];
        random.nextBytes(wide);
        b = Scalars.reduce(wide);
    }

    @Benchmark
    public EdwardsPoint sum() {
        return MultiScalar.sum(algorithm, b, scalars, points);
    }
}

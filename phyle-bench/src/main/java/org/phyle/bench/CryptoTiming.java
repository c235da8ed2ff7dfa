package org.phyle.bench;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.phyle.crypto.BatchVerifier;
import org.phyle.crypto.SigningKey;
import org.phyle.crypto.VerifyingKey;
import org.phyle.crypto.ed25519.EdwardsPoint;
import org.phyle.crypto.ed25519.MultiScalar;
import org.phyle.crypto.ed25519.Scalars;
import org.phyle.crypto.vrf.EcVrf;

/**
 * Interleaved timing of the signature and VRF operations, for a machine shared with other work: each round times
 * every operation once, one after the other, and the best round of each is kept, so that a burst of load from
 * elsewhere cannot favour one operation over another. JMH (BatchVerifyBench, VrfBench, MultiScalarBench) gives the
 * averages with error bars; this gives comparable minima. Run:
 * {@code java -cp phyle-bench/target/benchmarks.jar org.phyle.bench.CryptoTiming [rounds]}.
 */
public final class CryptoTiming {
    private CryptoTiming() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        Random random = new Random(64);
        byte[] seed = new byte[32];
        random.nextBytes(seed);
        SigningKey key = SigningKey.fromSeed(seed);
        byte[] message = "x".repeat(400).getBytes(StandardCharsets.UTF_8);
        byte[] signature = key.sign(message);
        VerifyingKey verifyingKey = key.verifyingKey();
        List<BatchVerifier.Item> distinct = BatchVerifyBench.signedItems(64, 400, random);
        List<BatchVerifier.Item> eightKeys = BatchVerifyBench.signedItemsByKeys(64, 8, 400, random);
        byte[] alpha = "x".repeat(40).getBytes(StandardCharsets.UTF_8);
        byte[] publicKey = EcVrf.publicKey(seed);
        byte[] proof = EcVrf.prove(seed, alpha);

        Map<String, Double> best = new TreeMap<>();
        for (int round = 0; round < rounds; round++) {
            time(best, "ed25519 verify, single (BouncyCastle)", 200, () -> verifyingKey.verify(message, signature));
            time(best, "ed25519 sign (BouncyCastle)", 200, () -> key.sign(message));
            time(best, "batch of 64, 64 keys, per signature", 5 * 64, repeat(5, () -> BatchVerifier.verify(distinct)));
            time(best, "batch of 64, 8 keys, per signature", 5 * 64, repeat(5, () -> BatchVerifier.verify(eightKeys)));
            time(best, "vrf prove", 100, () -> EcVrf.prove(seed, alpha));
            time(best, "vrf verify", 100, () -> EcVrf.verify(publicKey, proof, alpha));
            for (int n : new int[] {8, 16, 32, 64, 128, 256, 512, 1024}) {
                MsmInput in = MsmInput.of(n);
                for (MultiScalar.Algorithm a : MultiScalar.Algorithm.values()) {
                    if (a == MultiScalar.Algorithm.BOS_COSTER && n > 256 && round > 1) {
                        continue; // far the slowest there: two rounds are enough to show it
                    }
                    int reps = Math.max(1, 256 / n);
                    time(best, String.format("msm %4d signatures %-10s per signature", n, a), reps * n,
                            repeat(reps, () -> MultiScalar.sum(a, in.b, in.scalars, in.points)));
                }
            }
        }
        best.forEach((name, micros) -> System.out.printf("%-48s %9.2f us%n", name, micros));
    }

    private static Supplier<Object> repeat(int times, Supplier<Object> op) {
        return () -> {
            Object last = null;
            for (int i = 0; i < times; i++) {
                last = op.get();
            }
            return last;
        };
    }

    private static void time(Map<String, Double> best, String name, int operations, Supplier<Object> op) {
        int calls = name.startsWith("batch") || name.startsWith("msm") ? 1 : operations;
        long start = System.nanoTime();
        Object sink = null;
        for (int i = 0; i < calls; i++) {
            sink = op.get();
        }
        double micros = (System.nanoTime() - start) / 1e3 / operations;
        if (sink == null) {
            throw new IllegalStateException();
        }
        best.merge(name, micros, Math::min);
    }

    /** The shape of a batch's sum: n points with 128-bit scalars, n with full ones, and the base point. */
    private record MsmInput(byte[] b, byte[][] scalars, EdwardsPoint[] points) {
        static final Map<Integer, MsmInput> CACHE = new java.util.HashMap<>();

        static MsmInput of(int signatures) {
            return CACHE.computeIfAbsent(signatures, n -> {
                Random random = new Random(n);
                byte[][] scalars = new byte[2 * n][];
                EdwardsPoint[] points = new EdwardsPoint[2 * n];
                byte[] wide = new byte[64];
                for (int i = 0; i < 2 * n; i++) {
                    random.nextBytes(wide);
                    points[i] = EdwardsPoint.multiplyBase(Scalars.reduce(wide));
                    random.nextBytes(wide);
                    scalars[i] = Scalars.reduce(wide);
                    if (i < n) {
                        java.util.Arrays.fill(scalars[i], 16, 32, (byte) 0);
                    }
                }
                random.nextBytes(wide);
                return new MsmInput(Scalars.reduce(wide), scalars, points);
            });
        }
    }
}

package org.phyle.bench;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.phyle.crypto.ring.Blsag;
import org.phyle.crypto.ring.BlsagSignature;
import org.phyle.crypto.ring.Ring;
import org.phyle.crypto.ring.RingKeyPair;
import org.phyle.crypto.ring.RistrettoElement;
import org.phyle.crypto.ring.Scalar;

/**
 * Interleaved timing of bLSAG sign and verify for rings of 10, 100 and 1,000, for a machine shared with other work
 * (as {@link CryptoTiming} does for Ed25519): each round times every operation in turn and the best round of each is
 * kept, with the unit (one constant-time multiplication) measured in the same rounds. {@link RingSignatureBench} gives
 * the JMH averages. Run: {@code java -cp phyle-bench/target/benchmarks.jar org.phyle.bench.RingSignatureTiming [rounds]}.
 */
public final class RingSignatureTiming {
    private RingSignatureTiming() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        SecureRandom random = new SecureRandom();
        RistrettoElement element = RingKeyPair.generate(random).publicKey();
        Scalar scalar = Scalar.random(random);
        int[] sizes = {10, 100, 1000};
        Ring[] rings = new Ring[sizes.length];
        RingKeyPair[] signers = new RingKeyPair[sizes.length];
        BlsagSignature[] signatures = new BlsagSignature[sizes.length];
        for (int k = 0; k < sizes.length; k++) {
            List<RistrettoElement> keys = new ArrayList<>();
            for (int i = 0; i < sizes[k]; i++) {
                RingKeyPair key = RingKeyPair.generate(random);
                keys.add(key.publicKey());
                if (i == sizes[k] / 2) {
                    signers[k] = key;
                }
            }
            rings[k] = Ring.sorted(keys);
            signatures[k] = Blsag.sign(RingSignatureBench.MESSAGE, rings[k], signers[k], RingSignatureBench.CONTEXT,
                    random);
        }
        Map<String, Double> best = new LinkedHashMap<>();
        for (int round = 0; round < rounds; round++) {
            time(best, "unit: one constant-time multiplication", 100, () -> element.multiply(scalar));
            for (int k = 0; k < sizes.length; k++) {
                int kk = k;
                int reps = Math.max(1, 100 / sizes[k]);
                time(best, String.format("ring of %4d: sign", sizes[k]), reps, () -> Blsag.sign(
                        RingSignatureBench.MESSAGE, rings[kk], signers[kk], RingSignatureBench.CONTEXT, random));
                time(best, String.format("ring of %4d: verify", sizes[k]), reps, () -> Blsag.verify(
                        RingSignatureBench.MESSAGE, rings[kk], RingSignatureBench.CONTEXT, signatures[kk]));
            }
        }
        double unit = best.get("unit: one constant-time multiplication");
        System.out.printf("best of %d rounds%n", rounds);
        for (Map.Entry<String, Double> e : best.entrySet()) {
            System.out.printf("%-42s %12.1f µs  = %7.1f units%n", e.getKey(), e.getValue(), e.getValue() / unit);
        }
        double ring100 = best.get("ring of  100: sign") + best.get("ring of  100: verify");
        System.out.printf("ring of 100, sign + verify: %.1f ms = %.2f of the 100 ms target (%.0f units)%n",
                ring100 / 1000, ring100 / 100_000, ring100 / unit);
    }

    private static void time(Map<String, Double> best, String name, int reps, Supplier<Object> op) {
        long start = System.nanoTime();
        for (int i = 0; i < reps; i++) {
            op.get();
        }
        double micros = (System.nanoTime() - start) / 1e3 / reps;
        best.merge(name, micros, Math::min);
    }
}

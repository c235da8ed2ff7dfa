package org.phyle.bench;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
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
import org.phyle.crypto.ring.Blsag;
import org.phyle.crypto.ring.BlsagSignature;
import org.phyle.crypto.ring.RingKeyPair;
import org.phyle.crypto.ring.Ring;
import org.phyle.crypto.ring.RistrettoElement;
import org.phyle.crypto.ring.Scalar;

/**
 * bLSAG over ristretto255 (org.phyle.crypto.ring): signing and verifying an opinion, a 60-byte message, for rings of
 * 10, 100 and 1,000 neighbours. The target (issue 15): for a ring of 100, sign plus verify under 100 ms. The unit
 * measured in the same run, {@link #multiply}, is one constant-time scalar multiplication of a ristretto255 element,
 * so the figures can also be read as a count of multiplications.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RingSignatureBench {
    static final byte[] MESSAGE =
            "{\"building\":\"alfama-12\",\"epoch\":7,\"opinion\":\"approve\"}".getBytes(StandardCharsets.UTF_8);
    static final byte[] CONTEXT = "building:lisbon-1/alfama-12".getBytes(StandardCharsets.UTF_8);

    @State(Scope.Benchmark)
    public static class Neighbours {
        @Param({"10", "100", "1000"})
        int ringSize;
        Ring ring;
        RingKeyPair signer;
        BlsagSignature signature;
        SecureRandom random;

        @Setup
        public void setUp() {
            random = new SecureRandom();
            List<RistrettoElement> keys = new ArrayList<>();
            for (int i = 0; i < ringSize; i++) {
                RingKeyPair key = RingKeyPair.generate(random);
                keys.add(key.publicKey());
                if (i == ringSize / 2) {
                    signer = key;
                }
            }
            ring = Ring.sorted(keys);
            signature = Blsag.sign(MESSAGE, ring, signer, CONTEXT, random);
            if (!Blsag.verify(MESSAGE, ring, CONTEXT, signature)) {
                throw new IllegalStateException("the benchmark's signature does not verify");
            }
        }
    }

    @State(Scope.Benchmark)
    public static class Unit {
        RistrettoElement element;
        Scalar scalar;

        @Setup
        public void setUp() {
            SecureRandom random = new SecureRandom();
            element = RingKeyPair.generate(random).publicKey();
            scalar = Scalar.random(random);
        }
    }

    @Benchmark
    public BlsagSignature sign(Neighbours n) {
        return Blsag.sign(MESSAGE, n.ring, n.signer, CONTEXT, n.random);
    }

    @Benchmark
    public boolean verify(Neighbours n) {
        return Blsag.verify(MESSAGE, n.ring, CONTEXT, n.signature);
    }

    /** Decoding a signature from its bytes (the ledger's path), without verifying it. */
    @Benchmark
    public BlsagSignature decode(Neighbours n) {
        return BlsagSignature.decode(n.signature.encode());
    }

    /** The unit: one constant-time scalar multiplication of a ristretto255 element. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public RistrettoElement multiply(Unit u) {
        return u.element.multiply(u.scalar);
    }
}

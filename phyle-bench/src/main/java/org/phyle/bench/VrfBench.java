package org.phyle.bench;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.phyle.crypto.vrf.EcVrf;

/**
 * ECVRF-EDWARDS25519-SHA512-TAI (RFC 9381) on Phyle's edwards25519 arithmetic (org.phyle.crypto.ed25519, on
 * BouncyCastle's field), on a 40-byte input (the size of a sortition input: a round number and a 32-byte seed). The
 * target (issue 13): prove and verify each under 0.5 ms.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class VrfBench {
    byte[] secretKey;
    byte[] publicKey;
    byte[] alpha;
    byte[] proof;

    @Setup
    public void setUp() {
        secretKey = new byte[EcVrf.SECRET_KEY_SIZE];
        new SecureRandom().nextBytes(secretKey);
        publicKey = EcVrf.publicKey(secretKey);
        alpha = "x".repeat(40).getBytes(StandardCharsets.UTF_8);
        proof = EcVrf.prove(secretKey, alpha);
    }

    @Benchmark
    public byte[] prove() {
        return EcVrf.prove(secretKey, alpha);
    }

    @Benchmark
    public Optional<byte[]> verify() {
        return EcVrf.verify(publicKey, proof, alpha);
    }

    /** The output of a proof already verified (or made): one cofactor multiplication and one SHA-512. */
    @Benchmark
    public byte[] proofToHash() {
        return EcVrf.proofToHash(proof);
    }
}

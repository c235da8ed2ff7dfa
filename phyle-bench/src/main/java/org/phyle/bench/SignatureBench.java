package org.phyle.bench;

import java.nio.charset.StandardCharsets;
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
import org.phyle.crypto.SigningKey;
import org.phyle.crypto.VerifyingKey;

/** Ed25519 with BouncyCastle, on a 400-byte message (the size of a canonical notary payload). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SignatureBench {
    SigningKey key;
    VerifyingKey verifyingKey;
    byte[] message;
    byte[] signature;
    String did;

    @Setup
    public void setUp() {
        key = SigningKey.generate();
        verifyingKey = key.verifyingKey();
        message = "x".repeat(400).getBytes(StandardCharsets.UTF_8);
        signature = key.sign(message);
        did = key.did();
    }

    @Benchmark
    public boolean verify() {
        return verifyingKey.verify(message, signature);
    }

    @Benchmark
    public byte[] sign() {
        return key.sign(message);
    }

    /** Full validation of a public key (a scalar multiplication); done once per key thanks to the did cache. */
    @Benchmark
    public VerifyingKey validateKey() {
        return VerifyingKey.fromBytes(verifyingKey.bytes());
    }
}

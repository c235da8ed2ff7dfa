package org.phyle.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.phyle.crypto.BatchVerifier;
import org.phyle.crypto.SigningKey;

/**
 * Ed25519 verification per signature, single against batched, in one run: 64 valid signatures by 64 different keys
 * on 400-byte messages (the size of a canonical notary payload; distinct keys are the batch's worst case, since
 * signatures by one key share a term). The target (issue 13): batched at most half the single cost.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class BatchVerifyBench {
    static final int BATCH = 64;
    List<BatchVerifier.Item> items;

    @Setup
    public void setUp() {
        items = signedItems(BATCH, 400, new Random(64));
    }

    static List<BatchVerifier.Item> signedItems(int count, int messageSize, Random random) {
        List<BatchVerifier.Item> items = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            byte[] seed = new byte[32];
            random.nextBytes(seed);
            SigningKey key = SigningKey.fromSeed(seed);
            byte[] message = new byte[messageSize];
            random.nextBytes(message);
            items.add(new BatchVerifier.Item(key.verifyingKey(), message, key.sign(message)));
        }
        return items;
    }

    /** count signatures on random messages by keys signers, in turn (signatures by one key share a term). */
    static List<BatchVerifier.Item> signedItemsByKeys(int count, int signers, int messageSize, Random random) {
        List<SigningKey> keys = new ArrayList<>();
        for (int i = 0; i < signers; i++) {
            byte[] seed = new byte[32];
            random.nextBytes(seed);
            keys.add(SigningKey.fromSeed(seed));
        }
        List<BatchVerifier.Item> items = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            SigningKey key = keys.get(i % signers);
            byte[] message = new byte[messageSize];
            random.nextBytes(message);
            items.add(new BatchVerifier.Item(key.verifyingKey(), message, key.sign(message)));
        }
        return items;
    }

    /** Each of the 64 signatures with {@code VerifyingKey.verify} (BouncyCastle); the time is per signature. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int single() {
        int valid = 0;
        for (BatchVerifier.Item item : items) {
            if (item.key().verify(item.message(), item.signature())) {
                valid++;
            }
        }
        return valid;
    }

    /** The 64 signatures in one {@code BatchVerifier.verify}; the time is per signature. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public BatchVerifier.Verdicts batch() {
        return BatchVerifier.verify(items);
    }
}

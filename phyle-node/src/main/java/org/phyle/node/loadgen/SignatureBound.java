package org.phyle.node.loadgen;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.phyle.crypto.BatchVerifier;
import org.phyle.crypto.Jcs;
import org.phyle.crypto.StrictJson;
import org.phyle.crypto.VerifyingKey;

/**
 * The bounds an ingest or a replay is compared with, measured on the same machine in the same run: how many Ed25519
 * signatures per second T threads verify, one by one with the project's single verifier ({@link VerifyingKey#verify}),
 * and in batches with {@link BatchVerifier} (chunks the size the node's admission gives it), on the envelopes the
 * benchmark sends. Only the signature checks are timed: the envelopes are parsed and canonicalized beforehand.
 */
public final class SignatureBound {
    /**
     * Signatures per second with {@code threads} threads, one by one and in batches of {@code batchSize}, and the CPU
     * time each signature took (µs, summed over the threads: on a machine shared with other work, a figure that other
     * work inflates far less than the rate).
     */
    public record Result(int threads, int signatures, double singlePerSecond, int batchSize, double batchPerSecond,
                         double singleCpuMicros, double batchCpuMicros) {
    }

    private record Timing(double perSecond, double cpuMicros) {
    }

    private record Signed(VerifyingKey key, byte[] message, byte[] signature) {
    }

    private SignatureBound() {
    }

    /**
     * Measures both bounds on up to {@code sample} of the envelopes, after one untimed round of each (the JIT).
     * Every signature must verify: the bound is of valid signatures, as the ingest sends.
     */
    public static Result measure(List<byte[]> envelopes, int sample, int threads, int batchSize) {
        List<Signed> signed = parse(envelopes.subList(0, Math.min(sample, envelopes.size())));
        time(signed, threads, batchSize, false);
        Timing single = time(signed, threads, batchSize, false);
        time(signed, threads, batchSize, true);
        Timing batch = time(signed, threads, batchSize, true);
        return new Result(threads, signed.size(), single.perSecond(), batchSize, batch.perSecond(), single.cpuMicros(),
                batch.cpuMicros());
    }

    private static List<Signed> parse(List<byte[]> envelopes) {
        List<Signed> out = new ArrayList<>(envelopes.size());
        for (byte[] e : envelopes) {
            JsonNode envelope = StrictJson.parse(e);
            JsonNode payload = envelope.get("payload");
            out.add(new Signed(VerifyingKey.fromDid(payload.get("signer").asText()),
                    Jcs.canonicalString(payload).getBytes(StandardCharsets.UTF_8),
                    Base64.getUrlDecoder().decode(envelope.get("signature").asText())));
        }
        return out;
    }

    /** Signatures per second: the threads take chunks of {@code batchSize} in turn until all are checked. */
    private static Timing time(List<Signed> signed, int threads, int batchSize, boolean batch) {
        AtomicInteger next = new AtomicInteger();
        java.util.concurrent.atomic.AtomicLong cpuNanos = new java.util.concurrent.atomic.AtomicLong();
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long started = System.nanoTime();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    long cpuStart = cpu.getCurrentThreadCpuTime();
                    for (int from = next.getAndAdd(batchSize); from < signed.size(); from = next.getAndAdd(batchSize)) {
                        List<Signed> chunk = signed.subList(from, Math.min(signed.size(), from + batchSize));
                        if (batch) {
                            List<BatchVerifier.Item> items = new ArrayList<>(chunk.size());
                            for (Signed s : chunk) {
                                items.add(new BatchVerifier.Item(s.key(), s.message(), s.signature()));
                            }
                            if (!BatchVerifier.verify(items).allValid()) {
                                throw new IllegalStateException("a benchmark signature does not verify");
                            }
                        } else {
                            for (Signed s : chunk) {
                                if (!s.key().verify(s.message(), s.signature())) {
                                    throw new IllegalStateException("a benchmark signature does not verify");
                                }
                            }
                        }
                    }
                    cpuNanos.addAndGet(cpu.getCurrentThreadCpuTime() - cpuStart);
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("measuring the signature bound failed: " + e, e);
        } finally {
            pool.shutdownNow();
        }
        return new Timing(signed.size() / ((System.nanoTime() - started) / 1e9), cpuNanos.get() / 1e3 / signed.size());
    }
}

package org.phyle.node.loadgen;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.IntFunction;

/** The load generators' signing up front: envelope i made by {@code sign.apply(i)}, on every core, with progress. */
final class ParallelSigning {
    private ParallelSigning() {
    }

    /** Makes {@code count} envelopes in parallel, reporting progress as (done, total) every 5,000 and at the end. */
    static List<byte[]> signAll(int count, IntFunction<byte[]> sign, BiConsumer<Long, Long> progress) {
        byte[][] envelopes = new byte[count][];
        AtomicLong done = new AtomicLong();
        int threads = Runtime.getRuntime().availableProcessors();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int offset = t;
                futures.add(pool.submit(() -> {
                    for (int i = offset; i < count; i += threads) {
                        envelopes[i] = sign.apply(i);
                        long d = done.incrementAndGet();
                        if (d % 5000 == 0) {
                            progress.accept(d, (long) count);
                        }
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("signing failed: " + e, e);
        } finally {
            pool.shutdownNow();
        }
        progress.accept((long) count, (long) count);
        return Arrays.asList(envelopes);
    }
}

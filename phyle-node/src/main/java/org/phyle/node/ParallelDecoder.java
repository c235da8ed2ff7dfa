package org.phyle.node;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.phyle.core.Rejection;

/**
 * Decodes and verifies many transactions at once on every core: Ed25519 verification is the dominant cost of
 * ingesting and of replaying a ledger, and it is independent per transaction.
 */
public final class ParallelDecoder implements AutoCloseable {
    private static final int MIN_CHUNK = 64;
    private static final int MAX_BATCH_CHUNK = 1024;
    private final int threads;
    private final ExecutorService pool;

    public ParallelDecoder() {
        this(Runtime.getRuntime().availableProcessors());
    }

    public ParallelDecoder(int threads) {
        this.threads = threads;
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "phyle-verify");
            t.setDaemon(true);
            return t;
        });
    }

    /** Result of decoding one input: the value, or why it was refused. */
    public record Result<T>(T value, Rejection rejection) {
        public boolean ok() {
            return rejection == null;
        }
    }

    /** Applies the decoder to every input, in parallel, keeping the order. */
    public <I, T> List<Result<T>> decodeAll(List<I> inputs, Function<I, T> decoder) {
        int n = inputs.size();
        @SuppressWarnings({"unchecked", "rawtypes"})
        Result<T>[] out = new Result[n];
        int chunks = Math.max(1, Math.min(threads * 4, n / MIN_CHUNK));
        if (chunks == 1) {
            decodeRange(inputs, decoder, out, 0, n);
            return Arrays.asList(out);
        }
        int size = (n + chunks - 1) / chunks;
        List<Future<?>> futures = new ArrayList<>(chunks);
        for (int start = 0; start < n; start += size) {
            int from = start;
            int to = Math.min(n, start + size);
            futures.add(pool.submit(() -> decodeRange(inputs, decoder, out, from, to)));
        }
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while verifying signatures", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("signature verification failed: " + e.getCause(), e.getCause());
            }
        }
        return Arrays.asList(out);
    }

    /**
     * Like {@link #decodeAll}, but hands each thread a whole chunk of consecutive inputs, for a decoder that does
     * better on many at once (one batch signature check per chunk); it returns one result per input, in order.
     * Chunks are as large as the threads allow, up to about {@value #MAX_BATCH_CHUNK} inputs: a batch check costs
     * less per signature the more it holds (docs/performance.md), and the work of one chunk is as even as another's.
     */
    public <I, T> List<Result<T>> decodeChunks(List<I> inputs, Function<List<I>, List<Result<T>>> chunkDecoder) {
        int n = inputs.size();
        int size = chunkSize(n, threads);
        if (size >= n) {
            return chunkDecoder.apply(inputs);
        }
        List<Future<List<Result<T>>>> futures = new ArrayList<>((n + size - 1) / size);
        for (int start = 0; start < n; start += size) {
            List<I> chunk = inputs.subList(start, Math.min(n, start + size));
            futures.add(pool.submit(() -> chunkDecoder.apply(chunk)));
        }
        List<Result<T>> out = new ArrayList<>(n);
        for (Future<List<Result<T>>> f : futures) {
            try {
                out.addAll(f.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while verifying signatures", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("signature verification failed: " + e.getCause(), e.getCause());
            }
        }
        return out;
    }

    /** The size of the chunks {@link #decodeChunks} cuts n inputs into on this many threads (the last may be smaller). */
    public static int chunkSize(int n, int threads) {
        int rounds = (n + threads * MAX_BATCH_CHUNK - 1) / (threads * MAX_BATCH_CHUNK);
        int chunks = Math.max(1, Math.min(threads * Math.max(1, rounds), n / MIN_CHUNK));
        return Math.max(1, (n + chunks - 1) / chunks);
    }

    /** The results of {@link org.phyle.core.tx.TxBatch}, as results of this class. */
    public static List<Result<org.phyle.core.tx.VerifiedTx>> results(List<org.phyle.core.tx.TxBatch.Decoded> decoded) {
        List<Result<org.phyle.core.tx.VerifiedTx>> out = new ArrayList<>(decoded.size());
        for (org.phyle.core.tx.TxBatch.Decoded d : decoded) {
            out.add(new Result<>(d.tx(), d.rejection()));
        }
        return out;
    }

    private static <I, T> void decodeRange(List<I> inputs, Function<I, T> decoder, Result<T>[] out, int from, int to) {
        for (int i = from; i < to; i++) {
            try {
                out[i] = new Result<>(decoder.apply(inputs.get(i)), null);
            } catch (Rejection r) {
                out[i] = new Result<>(null, r);
            }
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}

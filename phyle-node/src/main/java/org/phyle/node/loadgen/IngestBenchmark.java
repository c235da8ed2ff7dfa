package org.phyle.node.loadgen;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import org.phyle.core.notary.NotaryRecord;
import org.phyle.core.tx.TxSigner;
import org.phyle.crypto.Hash;
import org.phyle.crypto.Jcs;
import org.phyle.crypto.SigningKey;
import org.phyle.node.ParallelDecoder;
import org.phyle.node.audit.Auditor;
import org.phyle.node.audit.DataDirSource;
import org.phyle.node.client.NodeClient;

/**
 * {@code phyle bench ingest}: N distinct keys submit signed notary transactions in batches over HTTP to a running node,
 * from several client threads, each waiting until its batch is durably committed. All transactions are signed before
 * the clock starts, so the figure is the node's: signature checks, sequencing, apply and durable commit.
 */
public final class IngestBenchmark {

    public record Settings(int keys, int txs, int batch, int clients) {
    }

    /**
     * {@code processCores}: the CPU this process (node and clients, when the node runs here) used while sending, in
     * cores; {@code machineCores}: what the whole machine used meanwhile (-1 where /proc/stat is not readable), so that
     * a run on a machine shared with other work says so.
     */
    public record Result(long committed, long rejected, double seconds, double txPerSecond, double batchP50Ms,
                         double batchP99Ms, double batchMaxMs, double processCores, double machineCores) {
    }

    private IngestBenchmark() {
    }

    /** Signs every transaction up front, in parallel, reporting progress as (done, total). */
    public static List<byte[]> prepare(Hash society, Settings s, BiConsumer<Long, Long> progress) {
        SigningKey[] keys = new SigningKey[s.keys()];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = SigningKey.generate();
        }
        long expires = System.currentTimeMillis() + 45 * 60_000L;
        String run = org.phyle.node.client.Nonces.random();
        return ParallelSigning.signAll(s.txs(), i -> {
            String label = "bench " + run + " #" + i;
            NotaryRecord body = new NotaryRecord(Hash.sha256(label.getBytes(StandardCharsets.UTF_8)), label,
                    Optional.empty());
            return Jcs.canonicalize(TxSigner.sign(society, keys[i % keys.length], body, run + i, expires));
        }, progress);
    }

    /** Sends the batches and measures until every one is answered. */
    public static Result run(NodeClient client, List<byte[]> envelopes, Settings s, BiConsumer<Long, Long> progress) {
        List<byte[]> batches = new ArrayList<>();
        for (int i = 0; i < envelopes.size(); i += s.batch()) {
            List<byte[]> part = envelopes.subList(i, Math.min(envelopes.size(), i + s.batch()));
            int size = 2 + part.stream().mapToInt(e -> e.length + 1).sum();
            byte[] array = new byte[size];
            int pos = 0;
            array[pos++] = '[';
            for (int j = 0; j < part.size(); j++) {
                if (j > 0) {
                    array[pos++] = ',';
                }
                System.arraycopy(part.get(j), 0, array, pos, part.get(j).length);
                pos += part.get(j).length;
            }
            array[pos++] = ']';
            batches.add(Arrays.copyOf(array, pos));
        }
        AtomicLong next = new AtomicLong();
        AtomicLong committed = new AtomicLong();
        AtomicLong rejected = new AtomicLong();
        double[] latencies = new double[batches.size()];
        ExecutorService pool = Executors.newFixedThreadPool(s.clients());
        long[] machineBefore = machineTicks();
        long cpuBefore = processCpuNanos();
        long started = System.nanoTime();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int c = 0; c < s.clients(); c++) {
                futures.add(pool.submit(() -> {
                    for (int b = (int) next.getAndIncrement(); b < batches.size(); b = (int) next.getAndIncrement()) {
                        long t0 = System.nanoTime();
                        JsonNode answer = client.submitBatch(batches.get(b), true);
                        latencies[b] = (System.nanoTime() - t0) / 1e6;
                        committed.addAndGet(answer.get("committed").asLong());
                        rejected.addAndGet(answer.get("rejected").asLong() + answer.get("pending").asLong());
                        progress.accept(committed.get() + rejected.get(), (long) envelopes.size());
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("the benchmark failed: " + e, e);
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        double processCores = (processCpuNanos() - cpuBefore) / 1e9 / seconds;
        long[] machineAfter = machineTicks();
        double machineCores = -1;
        if (machineBefore != null && machineAfter != null && machineAfter[0] > machineBefore[0]) {
            double busy = 1 - (double) (machineAfter[1] - machineBefore[1]) / (machineAfter[0] - machineBefore[0]);
            machineCores = busy * Runtime.getRuntime().availableProcessors();
        }
        double[] sorted = latencies.clone();
        Arrays.sort(sorted);
        return new Result(committed.get(), rejected.get(), seconds, committed.get() / seconds,
                percentile(sorted, 0.5), percentile(sorted, 0.99), sorted.length == 0 ? 0 : sorted[sorted.length - 1],
                processCores, machineCores);
    }

    private static long processCpuNanos() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : 0;
    }

    /** All and idle (idle + iowait) jiffies of the machine from /proc/stat, or null where there is none. */
    private static long[] machineTicks() {
        try {
            String cpu = java.nio.file.Files.readAllLines(Path.of("/proc/stat")).get(0);
            String[] f = cpu.trim().split("\\s+");
            long all = 0;
            for (int i = 1; i < f.length && i <= 8; i++) {
                all += Long.parseLong(f[i]);
            }
            return new long[] {all, Long.parseLong(f[4]) + Long.parseLong(f[5])};
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * The signature bounds of this machine, measured now on (up to 20,000 of) the envelopes sent: as many threads as
     * the node's verifier pool has, batches the size the node's admission splits a request of {@code s.batch()} into.
     */
    public static SignatureBound.Result bound(List<byte[]> envelopes, Settings s) {
        int threads = Runtime.getRuntime().availableProcessors();
        return SignatureBound.measure(envelopes, 20_000, threads, ParallelDecoder.chunkSize(s.batch(), threads));
    }

    /**
     * Prints a figure in tx/s as a ratio to the bounds of the same run and to its target; with the CPU time a
     * transaction took ({@code cpuMicrosPerTx}, or a negative number where unknown), also the same ratios in CPU time
     * (what the rate ratios would be on a machine doing nothing else).
     */
    public static void printBound(SignatureBound.Result b, String what, double txPerSecond, double target,
                                  double cpuMicrosPerTx) {
        System.out.printf("  %s / bound: %.2f of %,.0f signatures/s verified one by one on %d threads, %.2f of %,.0f/s"
                        + " in batches of %d (same run, %,d signatures); %.2f of the %,.0f tx/s target%n", what,
                txPerSecond / b.singlePerSecond(), b.singlePerSecond(), b.threads(),
                txPerSecond / b.batchPerSecond(), b.batchPerSecond(), b.batchSize(), b.signatures(),
                txPerSecond / target, target);
        if (cpuMicrosPerTx > 0) {
            System.out.printf("  %s in CPU time: %.1f µs a transaction; a signature %.1f µs one by one (ratio %.2f),"
                            + " %.1f µs in batches (ratio %.2f)%n", what, cpuMicrosPerTx, b.singleCpuMicros(),
                    b.singleCpuMicros() / cpuMicrosPerTx, b.batchCpuMicros(), b.batchCpuMicros() / cpuMicrosPerTx);
        }
    }

    /** An audit's report, and the CPU time of this process per entry while it ran (µs). */
    public record Replay(Auditor.Report report, double cpuMicrosPerTx) {
    }

    /** Audits the ledger in {@code dataDir} as {@code phyle verify --data} does (the node must be closed). */
    public static Replay replay(Path dataDir, BiConsumer<Long, Long> progress) {
        long cpuBefore = processCpuNanos();
        try (DataDirSource source = new DataDirSource(dataDir); ParallelDecoder parallel = new ParallelDecoder()) {
            Auditor.Report report = new Auditor(parallel).verify(source, null, null, progress::accept);
            return new Replay(report, (processCpuNanos() - cpuBefore) / 1e3 / Math.max(1, report.entries()));
        }
    }

    static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }
}

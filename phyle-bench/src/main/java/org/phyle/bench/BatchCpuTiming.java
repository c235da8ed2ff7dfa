package org.phyle.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.phyle.crypto.BatchVerifier;

/**
 * The CPU time of a signature checked one by one and in batches of several sizes, for a machine shared with other
 * work: thread CPU time, unlike elapsed time, does not count the time other processes held the core (it still feels
 * their pressure on shared caches). Each round times every case once, in turn; the median of the rounds after the
 * first is printed, and the best. Signatures come from 1,000 keys that recur from batch to batch, as a society's do
 * (so the key tables the batch verifier keeps are warm); within a batch every key differs. Run:
 * {@code java -cp phyle-bench/target/benchmarks.jar org.phyle.bench.BatchCpuTiming [rounds] [sizes, e.g. 64,125,500]}.
 */
public final class BatchCpuTiming {
    private BatchCpuTiming() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 9;
        int[] sizes = args.length > 1 ? java.util.Arrays.stream(args[1].split(",")).mapToInt(Integer::parseInt).toArray()
                : new int[] {64, 125, 500, 1000};
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        List<BatchVerifier.Item> all = BatchVerifyBench.signedItemsByKeys(2000, 1000, 400, new Random(13));
        Map<String, List<Double>> micros = new TreeMap<>();
        for (int round = 0; round < rounds; round++) {
            long t0 = cpu.getCurrentThreadCpuTime();
            for (BatchVerifier.Item item : all.subList(0, 500)) {
                if (!item.key().verify(item.message(), item.signature())) {
                    throw new IllegalStateException("a benchmark signature does not verify");
                }
            }
            record(micros, round, "single (VerifyingKey.verify)", cpu.getCurrentThreadCpuTime() - t0, 500);
            for (int n : sizes) {
                t0 = cpu.getCurrentThreadCpuTime();
                int checked = 0;
                for (int from = 0; from + n <= all.size(); from += n) {
                    if (!BatchVerifier.verify(all.subList(from, from + n)).allValid()) {
                        throw new IllegalStateException("a benchmark batch does not verify");
                    }
                    checked += n;
                }
                record(micros, round, String.format("batch of %4d", n), cpu.getCurrentThreadCpuTime() - t0, checked);
            }
        }
        double single = median(micros.get("single (VerifyingKey.verify)"));
        for (Map.Entry<String, List<Double>> e : micros.entrySet()) {
            double median = median(e.getValue());
            System.out.printf("%-30s median %6.1f µs CPU a signature (best %6.1f), %.2f of single%n", e.getKey(), median,
                    Collections.min(e.getValue()), median / single);
        }
    }

    private static void record(Map<String, List<Double>> micros, int round, String name, long nanos, int count) {
        if (round > 0) {
            micros.computeIfAbsent(name, k -> new ArrayList<>()).add(nanos / 1e3 / count);
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}

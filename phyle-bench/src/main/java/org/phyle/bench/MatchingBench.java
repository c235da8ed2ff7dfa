package org.phyle.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.phyle.core.economy.Matching;
import org.phyle.core.economy.Money;

/**
 * Quadratic funding's matching, as the payout of a round computes it: the standard mode over 1,000,000 contributions
 * to 10,000 projects (the target: under 1 s), and the pairwise mode with 100,000 contributors giving to
 * three projects each (300,000 contributions, about 30 per project). {@code roots} is the bound measured in the
 * same run: the 1,000,000 integer square roots alone, which any exact matching must take.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = "-Xmx4g")
public class MatchingBench {
    static final long U = 1_000_000L;

    List<Matching.Contributions> standard;
    List<Matching.Contributions> pairwise;
    long[] amounts;

    @Setup(Level.Trial)
    public void setUp() {
        standard = round(10_000, 200_000, 1_000_000, 2026);
        pairwise = round(10_000, 100_000, 300_000, 2027);
        amounts = new long[1_000_000];
        int i = 0;
        for (Matching.Contributions c : standard) {
            for (long a : c.amounts()) {
                amounts[i++] = a;
            }
        }
    }

    /**
     * {@code contributions} contributions to {@code projects} projects from {@code people} people, a person at most
     * once per project; amounts from 0.01 to 100 units, skewed towards small ones.
     */
    static List<Matching.Contributions> round(int projects, int people, int contributions, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int per = contributions / projects;
        List<Matching.Contributions> out = new ArrayList<>(projects);
        for (int p = 0; p < projects; p++) {
            int[] who = new int[per];
            long[] amount = new long[per];
            java.util.HashSet<Integer> seen = new java.util.HashSet<>();
            for (int i = 0; i < per; i++) {
                int person;
                do {
                    person = rnd.nextInt(people);
                } while (!seen.add(person));
                who[i] = person;
                long scale = rnd.nextInt(4) == 0 ? 100 * U : U;
                amount[i] = U / 100 + rnd.nextLong(scale);
            }
            out.add(new Matching.Contributions(who, amount));
        }
        return out;
    }

    @Benchmark
    public Matching.Result standard() {
        return Matching.match(standard, Matching.Mode.STANDARD, 0, 1_000_000 * U, 500);
    }

    @Benchmark
    public Matching.Result pairwise() {
        return Matching.match(pairwise, Matching.Mode.PAIRWISE, 10 * U, 1_000_000 * U, 500);
    }

    @Benchmark
    public long roots() {
        long s = 0;
        for (long a : amounts) {
            s += Money.isqrt(a << Matching.SCALE_BITS);
        }
        return s;
    }
}

package org.phyle.core.economy;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Quadratic funding, in exact integer arithmetic. Each project's counted contributions are one amount per person
 * (a person's contributions to a project summed): c_ip, in minor units.
 *
 * <p><b>Square roots.</b> Every square root is taken in a domain scaled by 2^20: q_ip = floor(sqrt(c_ip * 2^20)), that
 * is sqrt(c_ip) to 1/1024 of a minor unit's root, rounded down. A project's raw match, in the same scaled domain, is
 * R_p = max(0, (sum_i q_ip)^2 - 2^20 * sum_i c_ip), which is 2^20 times M_p = (sum_i sqrt(c_ip))^2 - sum_i c_ip,
 * rounded down (a floor of a root is never above the root, so R_p never exceeds the true value; a project with one
 * contributor gets exactly 0, since q^2 <= 2^20 c).
 *
 * <p><b>Pairwise mode.</b> R_p = sum over pairs i < j of contributors to p of floor(2 q_ip q_jp * K / (K + W_ij)), with
 * K = k * 2^20 and W_ij = sum over all projects of q_ip q_jp (2^20 times M_ij = sum_p sqrt(c_ip c_jp)): each pair's
 * term damped by k / (k + M_ij), each term rounded down (exactly: 128-bit or wider where a long would overflow).
 *
 * <p><b>Allocation.</b> With pool P and cap C = floor(P * capBp / 10000): if sum_p R_p <= P * 2^20 every project gets
 * floor(R_p / 2^20); otherwise floor(R_p * P / sum R) (scaled down to the pool). Any project above C is held at C and
 * the rest of the pool, P - C * (number capped), is shared again among the others in the same way, repeatedly, until
 * none is above C. Whatever the floors and the cap leave is the remainder: it stays in the pool.
 */
public final class Matching {
    private Matching() {
    }

    public static final int SCALE_BITS = 20;
    private static final BigInteger TWO = BigInteger.TWO;

    public enum Mode {
        STANDARD("standard"),
        PAIRWISE("pairwise");

        private final String json;

        Mode(String json) {
            this.json = json;
        }

        public String json() {
            return json;
        }
    }

    /** One project's counted contributions: person ids and their summed amounts, in any order (ids distinct). */
    public record Contributions(int[] persons, long[] amounts) {
        public Contributions {
            if (persons.length != amounts.length) {
                throw new IllegalArgumentException("persons and amounts differ in length");
            }
        }
    }

    /** The outcome: each project's raw match (M_p, rounded down), its match after scaling and the cap, the remainder. */
    public record Result(long[] raw, long[] matches, long distributed, long remainder, boolean saturated,
                         int capped) {
    }

    /** q = floor(sqrt(c * 2^20)), exactly. */
    public static long scaledRoot(long c) {
        if (c < 0) {
            throw new IllegalArgumentException("negative contribution");
        }
        if (c < (1L << (62 - SCALE_BITS))) {
            return Money.isqrt(c << SCALE_BITS);
        }
        return BigInteger.valueOf(c).shiftLeft(SCALE_BITS).sqrt().longValueExact();
    }

    /** The raw matches R_p (scaled by 2^20) in the standard mode. */
    public static BigInteger[] standardRaw(List<Contributions> projects) {
        BigInteger[] raw = new BigInteger[projects.size()];
        for (int p = 0; p < raw.length; p++) {
            Contributions c = projects.get(p);
            if (c.persons().length < 2) {
                raw[p] = BigInteger.ZERO;
                continue;
            }
            Acc roots = new Acc();
            Acc sum = new Acc();
            for (long a : c.amounts()) {
                roots.add(scaledRoot(a));
                sum.add(a);
            }
            BigInteger s = roots.value();
            BigInteger r = s.multiply(s).subtract(sum.value().shiftLeft(SCALE_BITS));
            raw[p] = r.signum() > 0 ? r : BigInteger.ZERO;
        }
        return raw;
    }

    /** The raw matches R_p (scaled by 2^20) in the pairwise mode with damping constant k (minor units, > 0). */
    public static BigInteger[] pairwiseRaw(List<Contributions> projects, long k) {
        if (k <= 0) {
            throw new IllegalArgumentException("k must be positive");
        }
        long[][] roots = new long[projects.size()][];
        for (int p = 0; p < roots.length; p++) {
            long[] a = projects.get(p).amounts();
            roots[p] = new long[a.length];
            for (int i = 0; i < a.length; i++) {
                roots[p][i] = scaledRoot(a[i]);
            }
        }
        // W_ij over all projects, for each pair of people who gave to a project together
        PairSums overlap = new PairSums(pairs(projects));
        int[][] slots = new int[roots.length][];
        for (int p = 0; p < roots.length; p++) {
            int[] who = projects.get(p).persons();
            long[] q = roots[p];
            int[] s = new int[who.length * (who.length - 1) / 2];
            int n = 0;
            for (int i = 0; i < who.length; i++) {
                for (int j = i + 1; j < who.length; j++) {
                    s[n++] = overlap.add(pairKey(who[i], who[j]), q[i], q[j]);
                }
            }
            slots[p] = s;
        }
        BigInteger bigK = BigInteger.valueOf(k).shiftLeft(SCALE_BITS);
        boolean kFits = k < (1L << (62 - SCALE_BITS));
        long scaledK = kFits ? k << SCALE_BITS : 0;
        BigInteger[] raw = new BigInteger[projects.size()];
        for (int p = 0; p < roots.length; p++) {
            int[] who = projects.get(p).persons();
            long[] q = roots[p];
            int[] s = slots[p];
            int n = 0;
            Acc acc = new Acc();
            for (int i = 0; i < who.length; i++) {
                for (int j = i + 1; j < who.length; j++) {
                    int slot = s[n++];
                    long w = overlap.sumAt(slot);
                    long term = w < 0 || !kFits ? -1 : dampedTermFast(q[i], q[j], w, scaledK);
                    if (term >= 0) {
                        acc.add(term);
                    } else {
                        acc.add(dampedTerm(q[i], q[j], overlap.valueAt(slot), bigK));
                    }
                }
            }
            raw[p] = acc.value();
        }
        return raw;
    }

    /** How many pairs of contributors the projects have (an upper bound on distinct pairs). */
    private static long pairs(List<Contributions> projects) {
        long n = 0;
        for (Contributions c : projects) {
            long m = c.persons().length;
            n += m * (m - 1) / 2;
        }
        return n;
    }

    /** floor(2 qi qj K / (K + w)) in longs, or -1 if an intermediate would not fit. */
    private static long dampedTermFast(long qi, long qj, long w, long scaledK) {
        if (Math.multiplyHigh(qi, qj) != 0) {
            return -1;
        }
        long prod = qi * qj;
        if (prod < 0 || prod >= (1L << 62)) {
            return -1;
        }
        long twice = prod << 1;
        long den = scaledK + w;
        if (den <= 0 || Math.multiplyHigh(twice, scaledK) != 0) {
            return -1;
        }
        long num = twice * scaledK;
        return num < 0 ? -1 : num / den;
    }

    /** floor(2 qi qj K / (K + w)), exactly, in big integers. */
    private static BigInteger dampedTerm(long qi, long qj, BigInteger w, BigInteger bigK) {
        BigInteger num = BigInteger.valueOf(qi).multiply(BigInteger.valueOf(qj)).multiply(TWO).multiply(bigK);
        return num.divide(bigK.add(w));
    }

    /**
     * Shares the pool among the raw matches (scaled by 2^20): scaled down to the pool if they exceed it, each held at
     * the cap, the cap's excess shared again among the others until none exceeds it; the rest is the remainder.
     */
    public static Result allocate(BigInteger[] raw, long pool, long capBp) {
        int n = raw.length;
        long cap = Money.mulDiv(pool, capBp, 10_000);
        long[] rawOut = new long[n];
        Integer[] order = new Integer[n];
        for (int p = 0; p < n; p++) {
            order[p] = p;
            BigInteger m = raw[p].shiftRight(SCALE_BITS);
            rawOut[p] = m.bitLength() < 63 ? m.longValue() : Long.MAX_VALUE;
        }
        Arrays.sort(order, (a, b) -> {
            int c = raw[b].compareTo(raw[a]);
            return c != 0 ? c : Integer.compare(a, b);
        });
        BigInteger[] suffix = new BigInteger[n + 1];
        suffix[n] = BigInteger.ZERO;
        for (int i = n - 1; i >= 0; i--) {
            suffix[i] = suffix[i + 1].add(raw[order[i]]);
        }
        boolean saturated = suffix[0].compareTo(BigInteger.valueOf(pool).shiftLeft(SCALE_BITS)) > 0;
        long[] matches = new long[n];
        int k = 0;
        while (true) {
            long budget = pool - cap * k;
            if (k == n || share(raw[order[k]], suffix[k], budget) <= cap) {
                break;
            }
            k++;
        }
        long budget = pool - cap * k;
        long total = 0;
        for (int i = 0; i < n; i++) {
            int p = order[i];
            matches[p] = i < k ? cap : share(raw[p], suffix[k], budget);
            total += matches[p];
        }
        return new Result(rawOut, matches, total, pool - total, saturated, k);
    }

    /** A project's share of a budget: its raw match if all of them fit, else in proportion, rounded down. */
    private static long share(BigInteger raw, BigInteger sumRaw, long budget) {
        BigInteger b = BigInteger.valueOf(budget);
        if (sumRaw.compareTo(b.shiftLeft(SCALE_BITS)) <= 0) {
            return raw.shiftRight(SCALE_BITS).longValueExact();
        }
        return raw.multiply(b).divide(sumRaw).longValueExact();
    }

    /** The standard or pairwise matching of a round's projects, allocated from the pool. */
    public static Result match(List<Contributions> projects, Mode mode, long pairwiseK, long pool, long capBp) {
        BigInteger[] raw = mode == Mode.STANDARD ? standardRaw(projects) : pairwiseRaw(projects, pairwiseK);
        return allocate(raw, pool, capBp);
    }

    private static long pairKey(int a, int b) {
        int lo = Math.min(a, b);
        int hi = Math.max(a, b);
        return ((long) lo << 32) | (hi & 0xffffffffL);
    }

    /**
     * Sums per pair of people (key: two person ids), in an open-addressing table of longs; a sum that would overflow a
     * long moves to a side table of big integers. Lookup order never matters: only sums are read.
     */
    private static final class PairSums {
        private final long[] keys;
        private final long[] sums;
        private final int mask;
        private final Map<Long, BigInteger> big = new HashMap<>();

        PairSums(long expected) {
            int capacity = Integer.highestOneBit((int) Math.min(1L << 30, Math.max(16, expected * 2)) - 1) << 1;
            keys = new long[capacity];
            sums = new long[capacity];
            mask = capacity - 1;
            Arrays.fill(keys, -1L);
        }

        private int slot(long key) {
            int i = (int) (mix(key) & mask);
            while (keys[i] != -1L && keys[i] != key) {
                i = (i + 1) & mask;
            }
            return i;
        }

        /** Adds qi * qj to the pair's sum; returns the pair's slot. */
        int add(long key, long qi, long qj) {
            int i = slot(key);
            keys[i] = key;
            long hi = Math.multiplyHigh(qi, qj);
            long prod = qi * qj;
            if (sums[i] >= 0 && hi == 0 && prod >= 0) {
                long r = sums[i] + prod;
                if (r >= 0) {
                    sums[i] = r;
                    return i;
                }
            }
            BigInteger before = sums[i] >= 0 ? BigInteger.valueOf(sums[i]) : big.get(key);
            big.put(key, before.add(BigInteger.valueOf(qi).multiply(BigInteger.valueOf(qj))));
            sums[i] = -1; // the sum lives in the side table now
            return i;
        }

        /** The sum in a slot if it fits a long, else -1. */
        long sumAt(int slot) {
            return sums[slot];
        }

        BigInteger valueAt(int slot) {
            long s = sums[slot];
            return s >= 0 ? BigInteger.valueOf(s) : big.get(keys[slot]);
        }

        private static long mix(long x) {
            x ^= x >>> 33;
            x *= 0xff51afd7ed558ccdL;
            x ^= x >>> 33;
            x *= 0xc4ceb9fe1a85ec53L;
            return x ^ (x >>> 33);
        }
    }

    /** An exact sum of non-negative terms: a long until it would overflow, then a BigInteger. */
    private static final class Acc {
        private long small;
        private BigInteger big = BigInteger.ZERO;

        void add(long v) {
            long r = small + v;
            if (((small ^ r) & (v ^ r)) < 0) {
                big = big.add(BigInteger.valueOf(small)).add(BigInteger.valueOf(v));
                small = 0;
            } else {
                small = r;
            }
        }

        void add(BigInteger v) {
            if (v.bitLength() < 63) {
                add(v.longValue());
            } else {
                big = big.add(v);
            }
        }

        boolean isSmall() {
            return big.signum() == 0;
        }

        BigInteger value() {
            return big.add(BigInteger.valueOf(small));
        }
    }
}

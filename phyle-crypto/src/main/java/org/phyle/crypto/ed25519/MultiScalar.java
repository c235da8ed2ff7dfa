package org.phyle.crypto.ed25519;

import java.math.BigInteger;
import java.util.PriorityQueue;
import org.bouncycastle.math.ec.rfc7748.X25519Field;
import org.phyle.crypto.ed25519.EdwardsPoint.Cached;
import org.phyle.crypto.ed25519.EdwardsPoint.Ext;

/**
 * Multi-scalar multiplication, sum of s_i P_i, for public scalars and points only: the running time depends on the
 * scalars. Three algorithms, all exact (they give the same point), measured against each other by
 * {@code MultiScalarBench}: Straus's with width-5 non-adjacent forms, Pippenger's bucket method with signed digits, and
 * Bos and Coster's. {@link #sum} picks by the number of points, from those measurements (docs/performance.md).
 */
public final class MultiScalar {
    /** Width of the non-adjacent forms of arbitrary points in Straus's method (8 odd multiples per point). */
    private static final int WIDTH = 5;
    /**
     * Width for prepared points (keys), whose tables are computed once and kept: 16 odd multiples, so that a full
     * scalar needs about 36 additions instead of 42.
     */
    private static final int PREPARED_WIDTH = 6;
    /** Width for the base point, whose 64 odd multiples are computed once. */
    private static final int BASE_WIDTH = 8;
    private static final Cached[] BASE_ODD_MULTIPLES = affineCached(oddMultiplesExt(EdwardsPoint.BASE.p, BASE_WIDTH));
    /** The same for 2^128 B: a scalar of B is split in halves, so that 128-bit scalars need only 128 doublings. */
    private static final Cached[] BASE128_ODD_MULTIPLES = affineCached(oddMultiplesExt(twoTo128TimesBase(), BASE_WIDTH));
    /** From this many points on, {@link #sum} uses Pippenger's method rather than Straus's. */
    static final int PIPPENGER_FROM = 190;

    public enum Algorithm { STRAUS, PIPPENGER, BOS_COSTER }

    private MultiScalar() {
    }

    /**
     * A point together with its table of odd multiples in affine form (Z = 1, so that each addition of one costs a
     * multiplication less), computed once and usable in any number of sums: worth it for points that recur, such as
     * public keys. Immutable.
     */
    public static final class Prepared {
        final Ext point;
        final Cached[] oddMultiples;

        private Prepared(Ext point, Cached[] oddMultiples) {
            this.point = point;
            this.oddMultiples = oddMultiples;
        }
    }

    /** Prepares a point for {@link #sum(byte[], byte[][], EdwardsPoint[], byte[][], Prepared[])}. */
    public static Prepared prepare(EdwardsPoint point) {
        return prepareAll(new EdwardsPoint[] {point})[0];
    }

    /** Prepares many points at once: their tables share one field inversion (Montgomery's trick). */
    public static Prepared[] prepareAll(EdwardsPoint[] points) {
        int count = 1 << (PREPARED_WIDTH - 2);
        Ext[] multiples = new Ext[points.length * count];
        for (int i = 0; i < points.length; i++) {
            System.arraycopy(oddMultiplesExt(points[i].p, PREPARED_WIDTH), 0, multiples, i * count, count);
        }
        Cached[] affine = affineCached(multiples);
        Prepared[] out = new Prepared[points.length];
        for (int i = 0; i < points.length; i++) {
            out[i] = new Prepared(points[i].p, java.util.Arrays.copyOfRange(affine, i * count, (i + 1) * count));
        }
        return out;
    }

    /**
     * The points, each as a Cached with Z = 1 (x = X/Z, y = Y/Z, T = xy), with one inversion for all: the running
     * products of the Z's are inverted once and unwound. Variable time: public points only.
     */
    static Cached[] affineCached(Ext[] points) {
        int n = points.length;
        Cached[] out = new Cached[n];
        if (n == 0) {
            return out;
        }
        int[][] before = new int[n][];
        int[] product = X25519Field.create();
        X25519Field.one(product);
        for (int i = 0; i < n; i++) {
            before[i] = X25519Field.create();
            X25519Field.copy(product, 0, before[i], 0);
            X25519Field.mul(product, points[i].z, product);
        }
        int[] inverse = X25519Field.create();
        X25519Field.inv(product, inverse); // 1 / (Z_0 ... Z_{n-1})
        int[] zInverse = X25519Field.create();
        int[] x = X25519Field.create();
        int[] y = X25519Field.create();
        int[] t = X25519Field.create();
        for (int i = n - 1; i >= 0; i--) {
            X25519Field.mul(inverse, before[i], zInverse); // 1 / Z_i
            X25519Field.mul(inverse, points[i].z, inverse); // 1 / (Z_0 ... Z_{i-1})
            X25519Field.mul(points[i].x, zInverse, x);
            X25519Field.mul(points[i].y, zInverse, y);
            X25519Field.mul(x, y, t);
            Cached c = new Cached();
            X25519Field.apm(y, x, c.yPlusX, c.yMinusX);
            X25519Field.one(c.z);
            X25519Field.mul(t, EdwardsPoint.D2, c.t2d);
            out[i] = c;
        }
        return out;
    }

    /**
     * b B + sum of scalars[i] points[i], each scalar 32 bytes little-endian (any value below 2^256; b may be null for
     * none), by the algorithm measured fastest for this many points.
     */
    public static EdwardsPoint sum(byte[] b, byte[][] scalars, EdwardsPoint[] points) {
        return sum(b, scalars, points, new byte[0][], new Prepared[0]);
    }

    /**
     * As {@link #sum(byte[], byte[][], EdwardsPoint[])}, plus the sum of extraScalars[j] times the prepared points.
     */
    public static EdwardsPoint sum(byte[] b, byte[][] scalars, EdwardsPoint[] points, byte[][] extraScalars,
                                   Prepared[] prepared) {
        Algorithm algorithm = points.length + prepared.length + 1 >= PIPPENGER_FROM ? Algorithm.PIPPENGER
                : Algorithm.STRAUS;
        return sum(algorithm, b, concat(scalars, extraScalars), points, prepared);
    }

    /** As {@link #sum(byte[], byte[][], EdwardsPoint[])}, by the given algorithm. */
    public static EdwardsPoint sum(Algorithm algorithm, byte[] b, byte[][] scalars, EdwardsPoint[] points) {
        return sum(algorithm, b, scalars, points, new Prepared[0]);
    }

    /** scalars holds one scalar per point, then one per prepared point. */
    private static EdwardsPoint sum(Algorithm algorithm, byte[] b, byte[][] scalars, EdwardsPoint[] points,
                                    Prepared[] prepared) {
        if (scalars.length != points.length + prepared.length) {
            throw new IllegalArgumentException(scalars.length + " scalars for " + (points.length + prepared.length)
                    + " points");
        }
        int n = scalars.length;
        Ext[] ext = new Ext[n];
        Cached[][] tables = new Cached[n][];
        for (int i = 0; i < points.length; i++) {
            ext[i] = points[i].p;
        }
        for (int j = 0; j < prepared.length; j++) {
            ext[points.length + j] = prepared[j].point;
            tables[points.length + j] = prepared[j].oddMultiples;
        }
        return new EdwardsPoint(switch (algorithm) {
            case STRAUS -> straus(b, scalars, ext, tables, points.length);
            case PIPPENGER -> pippenger(b, scalars, ext, tables);
            case BOS_COSTER -> bosCoster(b, scalars, ext);
        });
    }

    private static byte[][] concat(byte[][] a, byte[][] b) {
        byte[][] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    // ---- Straus ----

    /**
     * tables[i], when not null, holds the odd multiples of points[i] already; those from {@code affineFrom} on are
     * affine (prepared points).
     */
    static Ext straus(byte[] b, byte[][] scalars, Ext[] points, Cached[][] tables, int affineFrom) {
        int n = points.length;
        byte[][] nafs = new byte[n][];
        for (int i = 0; i < n; i++) {
            nafs[i] = nonAdjacentForm(scalars[i], i >= affineFrom ? PREPARED_WIDTH : WIDTH);
            if (tables[i] == null) {
                tables[i] = oddMultiples(points[i], WIDTH);
            }
        }
        byte[] bLowNaf = new byte[257];
        byte[] bHighNaf = new byte[257];
        if (b != null) {
            bLowNaf = nonAdjacentForm(java.util.Arrays.copyOf(java.util.Arrays.copyOf(b, 16), 32), BASE_WIDTH);
            bHighNaf = nonAdjacentForm(java.util.Arrays.copyOf(java.util.Arrays.copyOfRange(b, 16, 32), 32),
                    BASE_WIDTH);
        }
        boolean[] adds = new boolean[257];
        int top = -1;
        for (int bit = 0; bit < 257; bit++) {
            adds[bit] = bLowNaf[bit] != 0 || bHighNaf[bit] != 0 || !allZero(nafs, bit);
            if (adds[bit]) {
                top = bit;
            }
        }
        Ops.Temp t = new Ops.Temp();
        Ext r = Ext.identity();
        for (int bit = top; bit >= 0; bit--) {
            Ops.dbl(r, r, t, adds[bit] || bit == 0);
            if (adds[bit]) {
                addDigit(r, BASE_ODD_MULTIPLES, bLowNaf[bit], t, true);
                addDigit(r, BASE128_ODD_MULTIPLES, bHighNaf[bit], t, true);
                for (int i = 0; i < n; i++) {
                    addDigit(r, tables[i], nafs[i][bit], t, i >= affineFrom);
                }
            }
        }
        return r;
    }

    private static boolean allZero(byte[][] nafs, int bit) {
        for (byte[] naf : nafs) {
            if (naf[bit] != 0) {
                return false;
            }
        }
        return true;
    }

    private static void addDigit(Ext r, Cached[] oddMultiples, int digit, Ops.Temp t, boolean affine) {
        if (digit > 0) {
            if (affine) {
                Ops.addAffine(r, oddMultiples[digit >> 1], r, t);
            } else {
                Ops.add(r, oddMultiples[digit >> 1], r, t);
            }
        } else if (digit < 0) {
            if (affine) {
                Ops.subAffine(r, oddMultiples[(-digit) >> 1], r, t);
            } else {
                Ops.sub(r, oddMultiples[(-digit) >> 1], r, t);
            }
        }
    }

    private static Ext twoTo128TimesBase() {
        Ext p = EdwardsPoint.BASE.p.copy();
        Ops.Temp t = new Ops.Temp();
        for (int i = 0; i < 128; i++) {
            Ops.dbl(p, p, t);
        }
        return p;
    }

    /** P, 3P, 5P, ..., (2^(w-1) - 1)P. */
    static Cached[] oddMultiples(Ext p, int width) {
        Ext[] multiples = oddMultiplesExt(p, width);
        Cached[] table = new Cached[multiples.length];
        for (int i = 0; i < multiples.length; i++) {
            table[i] = Cached.of(multiples[i]);
        }
        return table;
    }

    /** The same, in extended coordinates. */
    static Ext[] oddMultiplesExt(Ext p, int width) {
        int count = 1 << (width - 2);
        Ext[] table = new Ext[count];
        Ops.Temp t = new Ops.Temp();
        Ext twice = new Ext();
        Ops.dbl(p, twice, t);
        Cached twiceCached = Cached.of(twice);
        table[0] = p.copy();
        for (int i = 1; i < count; i++) {
            table[i] = new Ext();
            Ops.add(table[i - 1], twiceCached, table[i], t);
        }
        return table;
    }

    /**
     * The width-w non-adjacent form of a 256-bit scalar: 257 digits, each zero or odd with magnitude below 2^(w-1),
     * any two non-zero digits at least w apart, sum of digit_i 2^i = scalar.
     */
    static byte[] nonAdjacentForm(byte[] scalar, int width) {
        long[] x = new long[5];
        for (int i = 0; i < 32; i++) {
            x[i >> 3] |= (scalar[i] & 0xffL) << (8 * (i & 7));
        }
        byte[] naf = new byte[257];
        int windowSize = 1 << width;
        long windowMask = windowSize - 1;
        int carry = 0;
        int pos = 0;
        while (pos < 257) {
            int index = pos >> 6;
            int bit = pos & 63;
            long buffer = bit < 64 - width ? x[index] >>> bit
                    : (x[index] >>> bit) | (index + 1 < x.length ? x[index + 1] << (64 - bit) : 0);
            int window = carry + (int) (buffer & windowMask);
            if ((window & 1) == 0) {
                pos++;
                continue;
            }
            if (window < windowSize / 2) {
                carry = 0;
                naf[pos] = (byte) window;
            } else {
                carry = 1;
                naf[pos] = (byte) (window - windowSize);
            }
            pos += width;
        }
        return naf;
    }

    // ---- Pippenger ----

    static Ext pippenger(byte[] b, byte[][] scalars, Ext[] points, Cached[][] tables) {
        int n = points.length + (b == null ? 0 : 1);
        Cached[] cached = new Cached[n];
        Ext[] ext = new Ext[n];
        boolean[] affine = new boolean[n];
        byte[][] all = new byte[n][];
        for (int i = 0; i < points.length; i++) {
            cached[i] = tables[i] != null ? tables[i][0] : Cached.of(points[i]);
            ext[i] = points[i];
            affine[i] = isOneVar(cached[i].z);
            all[i] = scalars[i];
        }
        if (b != null) {
            cached[n - 1] = BASE_ODD_MULTIPLES[0];
            ext[n - 1] = EdwardsPoint.BASE.p;
            affine[n - 1] = isOneVar(cached[n - 1].z);
            all[n - 1] = b;
        }
        int c = n < 500 ? 6 : n < 800 ? 7 : 8;
        int windows = (256 + c - 1) / c + 1;
        int[][] digits = new int[n][];
        for (int i = 0; i < n; i++) {
            digits[i] = signedDigits(all[i], c, windows);
        }
        int bucketCount = 1 << (c - 1);
        Ext[] buckets = new Ext[bucketCount];
        boolean[] used = new boolean[bucketCount];
        for (int j = 0; j < bucketCount; j++) {
            buckets[j] = new Ext();
        }
        Ops.Temp t = new Ops.Temp();
        Ext r = Ext.identity();
        Ext running = new Ext();
        Ext windowSum = new Ext();
        Cached scratch = new Cached();
        for (int w = windows - 1; w >= 0; w--) {
            for (int k = 0; k < c; k++) {
                Ops.dbl(r, r, t, k == c - 1);
            }
            java.util.Arrays.fill(used, false);
            for (int i = 0; i < n; i++) {
                int d = digits[i][w];
                if (d == 0) {
                    continue;
                }
                int j = Math.abs(d) - 1;
                if (!used[j]) {
                    // the first point into a bucket is copied, not added to the identity
                    buckets[j].set(ext[i]);
                    if (d < 0) {
                        X25519Field.negate(buckets[j].x, buckets[j].x);
                        X25519Field.negate(buckets[j].t, buckets[j].t);
                    }
                    used[j] = true;
                } else if (affine[i]) {
                    if (d > 0) {
                        Ops.addAffine(buckets[j], cached[i], buckets[j], t);
                    } else {
                        Ops.subAffine(buckets[j], cached[i], buckets[j], t);
                    }
                } else if (d > 0) {
                    Ops.add(buckets[j], cached[i], buckets[j], t);
                } else {
                    Ops.sub(buckets[j], cached[i], buckets[j], t);
                }
            }
            // sum of (j + 1) bucket_j = sum over j of (bucket_top + ... + bucket_j)
            running.setIdentity();
            windowSum.setIdentity();
            boolean any = false;
            for (int j = bucketCount - 1; j >= 0; j--) {
                if (used[j]) {
                    scratch.set(buckets[j]);
                    Ops.add(running, scratch, running, t);
                    any = true;
                }
                if (any) {
                    scratch.set(running);
                    Ops.add(windowSum, scratch, windowSum, t);
                }
            }
            if (any) {
                scratch.set(windowSum);
                Ops.add(r, scratch, r, t);
            }
        }
        return r;
    }

    /** Whether a field element is one (variable time: for public points only). */
    private static boolean isOneVar(int[] z) {
        int[] a = X25519Field.create();
        X25519Field.copy(z, 0, a, 0);
        X25519Field.subOne(a);
        X25519Field.normalize(a);
        return X25519Field.isZeroVar(a);
    }

    /** The scalar in radix 2^c with digits in [-2^(c-1), 2^(c-1)), least significant first. */
    static int[] signedDigits(byte[] scalar, int c, int windows) {
        int[] out = new int[windows];
        int carry = 0;
        for (int w = 0; w < windows; w++) {
            int raw = 0;
            for (int k = 0; k < c; k++) {
                int bit = w * c + k;
                if (bit < 256) {
                    raw |= ((scalar[bit >> 3] >>> (bit & 7)) & 1) << k;
                }
            }
            int d = raw + carry;
            carry = d >= (1 << (c - 1)) ? 1 : 0;
            out[w] = d - (carry << c);
        }
        return out;
    }

    // ---- Bos-Coster ----

    private record Term(BigInteger scalar, Ext point) {
    }

    /**
     * Repeatedly replaces the two largest terms a P + b Q (a &gt;= b) by (a - b) P + b (P + Q), until one term is left,
     * which is multiplied out with a plain double-and-add.
     */
    static Ext bosCoster(byte[] b, byte[][] scalars, Ext[] points) {
        PriorityQueue<Term> heap = new PriorityQueue<>((x, y) -> y.scalar().compareTo(x.scalar()));
        for (int i = 0; i < points.length; i++) {
            BigInteger s = Scalars.toBigInteger(scalars[i]);
            if (s.signum() > 0) {
                heap.add(new Term(s, points[i].copy()));
            }
        }
        if (b != null && Scalars.toBigInteger(b).signum() > 0) {
            heap.add(new Term(Scalars.toBigInteger(b), EdwardsPoint.BASE.p.copy()));
        }
        Ops.Temp t = new Ops.Temp();
        while (heap.size() > 1) {
            Term first = heap.poll();
            Term second = heap.peek();
            if (first.scalar().bitLength() > second.scalar().bitLength() + 8) {
                // far larger: one step of subtraction would barely shrink it, so multiply out the quotient
                BigInteger[] qr = first.scalar().divideAndRemainder(second.scalar());
                heap.poll();
                Ext sum = second.point().copy();
                Ops.add(sum, Cached.of(doubleAndAdd(qr[0], first.point(), t)), sum, t);
                heap.add(new Term(second.scalar(), sum));
                if (qr[1].signum() > 0) {
                    heap.add(new Term(qr[1], first.point()));
                }
                continue;
            }
            heap.poll();
            Ext sum = second.point();
            Ops.add(sum, Cached.of(first.point()), sum, t); // Q becomes P + Q, with coefficient b
            heap.add(new Term(second.scalar(), sum));
            BigInteger rest = first.scalar().subtract(second.scalar());
            if (rest.signum() > 0) {
                heap.add(new Term(rest, first.point()));
            }
        }
        if (heap.isEmpty()) {
            return Ext.identity();
        }
        Term last = heap.poll();
        return doubleAndAdd(last.scalar(), last.point(), t);
    }

    private static Ext doubleAndAdd(BigInteger k, Ext p, Ops.Temp t) {
        Cached c = Cached.of(p);
        Ext r = Ext.identity();
        for (int i = k.bitLength() - 1; i >= 0; i--) {
            Ops.dbl(r, r, t);
            if (k.testBit(i)) {
                Ops.add(r, c, r, t);
            }
        }
        return r;
    }
}

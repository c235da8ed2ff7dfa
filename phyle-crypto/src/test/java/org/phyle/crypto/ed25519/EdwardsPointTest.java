package org.phyle.crypto.ed25519;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link EdwardsPoint}, {@link Scalars} and {@link MultiScalar} against {@link ReferencePoint} (BigInteger arithmetic
 * written from RFC 8032) and BouncyCastle, on seeded random inputs; a failure names the seed.
 */
class EdwardsPointTest {
    private static final BigInteger L = Scalars.ORDER;

    static LongStream seeds() {
        return LongStream.range(0, 40);
    }

    private static byte[] randomBytes(Random random, int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    private static ReferencePoint ref(EdwardsPoint p) {
        return ReferencePoint.decode(p.encode()).orElseThrow();
    }

    /** A random point: a random multiple of B, plus (sometimes) a point of small order. */
    private static EdwardsPoint randomPoint(Random random) {
        EdwardsPoint p = EdwardsPoint.multiplyBase(randomBytes(random, 32));
        if (random.nextInt(3) == 0) {
            p = p.add(EdwardsPoint.decode(ReferencePointTest.pointOfOrderEight()
                    .multiply(BigInteger.valueOf(random.nextInt(8))).encode()));
        }
        return p;
    }

    // ---- scalars ----

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void scalarArithmeticIsArithmeticModuloL(long seed) {
        Random random = new Random(seed);
        for (int i = 0; i < 50; i++) {
            byte[] wide = randomBytes(random, 64);
            byte[] a = randomBytes(random, 32);
            byte[] b = randomBytes(random, 32);
            byte[] c = randomBytes(random, 32);
            if (i == 0) {
                java.util.Arrays.fill(wide, (byte) 0xff);
                java.util.Arrays.fill(a, (byte) 0xff);
                java.util.Arrays.fill(b, (byte) 0xff);
                java.util.Arrays.fill(c, (byte) 0xff);
            }
            BigInteger bigA = Scalars.toBigInteger(a);
            BigInteger bigB = Scalars.toBigInteger(b);
            BigInteger bigC = Scalars.toBigInteger(c);
            assertThat(Scalars.toBigInteger(Scalars.reduce(wide))).isEqualTo(Scalars.toBigInteger(wide).mod(L));
            assertThat(Scalars.toBigInteger(Scalars.mulAdd(a, b, c))).isEqualTo(bigA.multiply(bigB).add(bigC).mod(L));
            assertThat(Scalars.toBigInteger(Scalars.add(a, b))).isEqualTo(bigA.add(bigB).mod(L));
            assertThat(Scalars.toBigInteger(Scalars.negate(a))).isEqualTo(bigA.negate().mod(L));
        }
    }

    @Test
    void scalarEdgeValues() {
        for (BigInteger n : List.of(BigInteger.ZERO, BigInteger.ONE, L.subtract(BigInteger.ONE), L,
                L.add(BigInteger.ONE), L.shiftLeft(1), L.multiply(BigInteger.valueOf(15)),
                BigInteger.TWO.pow(256).subtract(BigInteger.ONE))) {
            byte[] s = Scalars.fromBigInteger(n);
            assertThat(Scalars.isCanonical(s)).as("%s canonical", n).isEqualTo(n.compareTo(L) < 0);
            assertThat(Scalars.toBigInteger(Scalars.reduce(java.util.Arrays.copyOf(s, 64)))).isEqualTo(n.mod(L));
            assertThat(Scalars.toBigInteger(Scalars.negate(s))).isEqualTo(n.negate().mod(L));
        }
        assertThat(Scalars.isCanonical(new byte[31])).isFalse();
        assertThatThrownBy(() -> Scalars.reduce(new byte[63])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Scalars.mulAdd(new byte[31], new byte[32], new byte[32]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // ---- points ----

    @Test
    void baseIsTheReferenceBase() {
        assertThat(EdwardsPoint.BASE.encode()).isEqualTo(ReferencePoint.BASE.encode());
        assertThat(EdwardsPoint.IDENTITY.isIdentity()).isTrue();
        assertThat(EdwardsPoint.BASE.isIdentity()).isFalse();
        assertThat(EdwardsPoint.multiplyBase(Scalars.fromBigInteger(L.subtract(BigInteger.ONE))))
                .isEqualTo(EdwardsPoint.BASE.negate());
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void decodingAgreesWithTheReferenceOnRandomAndEdgeEncodings(long seed) {
        Random random = new Random(seed);
        List<byte[]> encodings = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            encodings.add(randomBytes(random, 32));
        }
        encodings.add(ReferencePointTest.nonCanonicalEncodingOfALargeOrderPoint());
        encodings.add(ReferencePointTest.encodingOffTheCurve());
        byte[] negativeZero = new byte[32];
        negativeZero[0] = 1;
        negativeZero[31] = (byte) 0x80;
        encodings.add(negativeZero);
        for (byte[] e : encodings) {
            EdwardsPoint fast = EdwardsPoint.decode(e);
            var slow = ReferencePoint.decode(e);
            assertThat(fast != null).as(java.util.HexFormat.of().formatHex(e)).isEqualTo(slow.isPresent());
            if (fast != null) {
                assertThat(fast.encode()).isEqualTo(e);
                assertThat(fast.encode()).isEqualTo(slow.get().encode());
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void groupOperationsAgreeWithTheReference(long seed) {
        Random random = new Random(seed);
        EdwardsPoint p = randomPoint(random);
        EdwardsPoint q = randomPoint(random);
        ReferencePoint rp = ref(p);
        ReferencePoint rq = ref(q);
        assertThat(p.add(q).encode()).isEqualTo(rp.add(rq).encode());
        assertThat(p.subtract(q).encode()).isEqualTo(rp.add(rq.negate()).encode());
        assertThat(p.add(p).encode()).isEqualTo(rp.twice().encode());
        assertThat(p.twice()).isEqualTo(p.add(p));
        assertThat(p.negate().encode()).isEqualTo(rp.negate().encode());
        assertThat(p.add(EdwardsPoint.IDENTITY)).isEqualTo(p);
        assertThat(p.subtract(p).isIdentity()).isTrue();
        assertThat(p.multiplyByCofactor().encode()).isEqualTo(rp.multiplyByCofactor().encode());
        assertThat(p.hasSmallOrder()).isEqualTo(rp.hasSmallOrder());
        assertThat(p.equals(q)).isEqualTo(java.util.Arrays.equals(p.encode(), q.encode()));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void scalarMultiplicationAgreesWithTheReference(long seed) {
        Random random = new Random(seed);
        EdwardsPoint p = randomPoint(random);
        byte[] k = randomBytes(random, 32);
        byte[] unreduced = k.clone();
        unreduced[31] &= 0x7f;
        BigInteger reduced = Scalars.toBigInteger(k).mod(L);
        ReferencePoint rp = ref(p);
        assertThat(p.multiplyUnreduced(unreduced).encode())
                .isEqualTo(rp.multiply(Scalars.toBigInteger(unreduced)).encode());
        // multiply takes the scalar mod L: equal to the reference on the prime-order part of p
        EdwardsPoint primeOrder = p.multiplyByCofactor();
        assertThat(primeOrder.multiply(k).encode()).isEqualTo(ref(primeOrder).multiply(reduced).encode());
        assertThat(EdwardsPoint.multiplyBase(k).encode()).isEqualTo(ReferencePoint.BASE.multiply(reduced).encode());
    }

    @Test
    void baseMultiplicationGivesBouncyCastlesPublicKeys() {
        Random random = new Random(8032);
        for (int i = 0; i < 20; i++) {
            byte[] seed = randomBytes(random, 32);
            byte[] expected = new byte[32];
            Ed25519.generatePublicKey(seed, 0, expected, 0);
            byte[] clamped = Scalars.fromBigInteger(ReferencePointTest.clampedScalar(seed));
            assertThat(EdwardsPoint.multiplyBase(clamped).encode()).isEqualTo(expected);
            assertThat(EdwardsPoint.BASE.multiply(clamped).encode()).isEqualTo(expected);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void signedRadix16DigitsSumToTheScalar(long seed) {
        byte[] k = randomBytes(new Random(seed), 32);
        k[31] &= 0x7f;
        byte[] digits = ConstantTime.signedRadix16(k);
        BigInteger sum = BigInteger.ZERO;
        for (int i = 63; i >= 0; i--) {
            assertThat((int) digits[i]).isBetween(-8, 8);
            sum = sum.shiftLeft(4).add(BigInteger.valueOf(digits[i]));
        }
        assertThat(sum).isEqualTo(Scalars.toBigInteger(k));
    }

    @Test
    void scalarsOfTheTopBitAreRefusedWhereTheyCannotBeRepresented() {
        byte[] k = new byte[32];
        k[31] = (byte) 0x80;
        assertThatThrownBy(() -> EdwardsPoint.BASE.multiplyUnreduced(k)).isInstanceOf(IllegalArgumentException.class);
        assertThat(EdwardsPoint.BASE.multiply(k)).isEqualTo(EdwardsPoint.multiplyBase(k));
    }

    // ---- multi-scalar multiplication ----

    @ParameterizedTest
    @EnumSource(MultiScalar.Algorithm.class)
    void multiScalarSumIsTheSumOfProducts(MultiScalar.Algorithm algorithm) {
        Random random = new Random(algorithm.ordinal());
        for (int n : new int[] {0, 1, 2, 3, 7, 33, 130, 260, 520}) {
            byte[][] scalars = new byte[n][];
            EdwardsPoint[] points = new EdwardsPoint[n];
            ReferencePoint expected = ReferencePoint.IDENTITY;
            for (int i = 0; i < n; i++) {
                scalars[i] = randomBytes(random, random.nextBoolean() ? 32 : 16);
                scalars[i] = java.util.Arrays.copyOf(scalars[i], 32);
                if (i == 1) {
                    java.util.Arrays.fill(scalars[i], (byte) 0xff); // 2^256 - 1
                } else if (i == 2) {
                    scalars[i] = new byte[32];
                }
                // half of them decoded, so with Z = 1 (as R and keys are), which Pippenger adds with fewer steps
                points[i] = random.nextBoolean() ? randomPoint(random) : EdwardsPoint.decode(randomPoint(random).encode());
                expected = expected.add(ref(points[i]).multiply(Scalars.toBigInteger(scalars[i])));
            }
            byte[] b = randomBytes(random, 32);
            ReferencePoint withBase = expected.add(ReferencePoint.BASE.multiply(Scalars.toBigInteger(b)));
            assertThat(MultiScalar.sum(algorithm, null, scalars, points).encode()).as("%d points", n)
                    .isEqualTo(expected.encode());
            assertThat(MultiScalar.sum(algorithm, b, scalars, points).encode()).as("%d points and B", n)
                    .isEqualTo(withBase.encode());
        }
    }

    /** Prepared points (their tables computed once) give the same sums, by Straus (few points) and Pippenger (many). */
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 5, 60, 150})
    void preparedPointsGiveTheSameSum(int n) {
        Random random = new Random(n);
        byte[][] scalars = new byte[n][];
        EdwardsPoint[] points = new EdwardsPoint[n];
        byte[][] extra = new byte[n][];
        MultiScalar.Prepared[] prepared = new MultiScalar.Prepared[n];
        EdwardsPoint[] qs = new EdwardsPoint[n];
        ReferencePoint expected = ReferencePoint.IDENTITY;
        for (int i = 0; i < n; i++) {
            scalars[i] = randomBytes(random, 32);
            points[i] = randomPoint(random);
            extra[i] = randomBytes(random, 32);
            EdwardsPoint q = randomPoint(random);
            qs[i] = q;
            prepared[i] = MultiScalar.prepare(q);
            expected = expected.add(ref(points[i]).multiply(Scalars.toBigInteger(scalars[i])))
                    .add(ref(q).multiply(Scalars.toBigInteger(extra[i])));
        }
        byte[] b = randomBytes(random, 32);
        expected = expected.add(ReferencePoint.BASE.multiply(Scalars.toBigInteger(b)));
        assertThat(MultiScalar.sum(b, scalars, points, extra, prepared).encode()).isEqualTo(expected.encode());
        // and again, the tables reused
        assertThat(MultiScalar.sum(b, scalars, points, extra, prepared).encode()).isEqualTo(expected.encode());
        // and prepared all at once (one inversion for every table)
        assertThat(MultiScalar.sum(b, scalars, points, extra, MultiScalar.prepareAll(qs)).encode())
                .isEqualTo(expected.encode());
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 4, 5, 6, 8})
    void nonAdjacentFormSumsToTheScalar(int width) {
        Random random = new Random(width);
        for (int i = 0; i < 50; i++) {
            byte[] k = randomBytes(random, 32);
            if (i == 0) {
                java.util.Arrays.fill(k, (byte) 0xff);
            }
            byte[] naf = MultiScalar.nonAdjacentForm(k, width);
            BigInteger sum = BigInteger.ZERO;
            int lastNonZero = -width;
            for (int j = naf.length - 1; j >= 0; j--) {
                sum = sum.shiftLeft(1).add(BigInteger.valueOf(naf[j]));
            }
            for (int j = 0; j < naf.length; j++) {
                if (naf[j] != 0) {
                    assertThat(naf[j] & 1).isEqualTo(1);
                    assertThat(Math.abs(naf[j])).isLessThan(1 << (width - 1));
                    assertThat(j - lastNonZero).isGreaterThanOrEqualTo(width);
                    lastNonZero = j;
                }
            }
            assertThat(sum).isEqualTo(Scalars.toBigInteger(k));
        }
    }
}

package org.phyle.crypto.ed25519;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Random;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.junit.jupiter.api.Test;

/**
 * {@link ReferencePoint}: the group law, scalar multiplication and the strict decoding of RFC 8032 section 5.1.3. The
 * helpers at the end derive, from the curve equation, the fixtures the VRF tests reject (small-order points, a
 * non-canonical and an off-curve encoding), so that a rejection cannot pass for the wrong reason.
 */
public class ReferencePointTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final BigInteger P = ReferencePoint.P;
    private static final BigInteger Q = ReferencePoint.ORDER;

    @Test
    void baseHasThePublishedEncodingAndPrimeOrder() {
        assertThat(HEX.formatHex(ReferencePoint.BASE.encode()))
                .isEqualTo("5866666666666666666666666666666666666666666666666666666666666666");
        assertThat(ReferencePoint.BASE.isIdentity()).isFalse();
        assertThat(ReferencePoint.BASE.hasSmallOrder()).isFalse();
        assertThat(ReferencePoint.BASE.multiply(Q).isIdentity()).isTrue();
        assertThat(ReferencePoint.BASE.multiply(Q.subtract(BigInteger.ONE))).isEqualTo(ReferencePoint.BASE.negate());
        // y = 4/5 (RFC 8032 section 5.1)
        BigInteger y = ReferencePoint.fromLittleEndian(ReferencePoint.BASE.encode()).clearBit(255);
        assertThat(y).isEqualTo(BigInteger.valueOf(4).multiply(BigInteger.valueOf(5).modInverse(P)).mod(P));
    }

    @Test
    void scalarMultiplicationAgreesWithBouncyCastleOnClampedScalars() {
        Random random = new Random(8032);
        for (int i = 0; i < 20; i++) {
            byte[] seed = new byte[32];
            random.nextBytes(seed);
            byte[] expected = new byte[32];
            Ed25519.generatePublicKey(seed, 0, expected, 0);
            assertThat(ReferencePoint.BASE.multiply(clampedScalar(seed)).encode()).isEqualTo(expected);
        }
    }

    @Test
    void fixedWindowMultiplicationAgreesWithDoubleAndAdd() {
        Random random = new Random(25519);
        ReferencePoint point = ReferencePoint.BASE.multiply(new BigInteger(200, random));
        for (int i = 0; i < 10; i++) {
            BigInteger scalar = new BigInteger(256, random);
            assertThat(point.multiply(scalar)).as("scalar %s", scalar).isEqualTo(doubleAndAdd(point, scalar));
        }
        assertThat(point.multiply(BigInteger.ZERO).isIdentity()).isTrue();
        assertThat(point.multiply(BigInteger.ONE)).isEqualTo(point);
        assertThat(point.multiply(BigInteger.TWO)).isEqualTo(point.twice()).isEqualTo(point.add(point));
        BigInteger max = BigInteger.TWO.pow(256).subtract(BigInteger.ONE);
        assertThat(point.multiply(max)).isEqualTo(doubleAndAdd(point, max));
        assertThatThrownBy(() -> point.multiply(BigInteger.TWO.pow(256))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> point.multiply(BigInteger.ONE.negate())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void groupLaw() {
        Random random = new Random(1);
        ReferencePoint a = ReferencePoint.BASE.multiply(new BigInteger(250, random));
        ReferencePoint b = ReferencePoint.BASE.multiply(new BigInteger(250, random));
        assertThat(a.add(b)).isEqualTo(b.add(a));
        assertThat(a.add(ReferencePoint.IDENTITY)).isEqualTo(a);
        assertThat(a.add(a.negate()).isIdentity()).isTrue();
        assertThat(a.add(b)).isNotEqualTo(a);
    }

    @Test
    void encodingRoundTrips() {
        Random random = new Random(2);
        for (int i = 0; i < 20; i++) {
            ReferencePoint point = ReferencePoint.BASE.multiply(new BigInteger(253, random));
            byte[] encoded = point.encode();
            assertThat(ReferencePoint.decode(encoded)).hasValue(point);
            assertThat(ReferencePoint.decode(encoded).orElseThrow().encode()).isEqualTo(encoded);
        }
    }

    @Test
    void decodingRejectsWrongLengths() {
        assertThat(ReferencePoint.decode(null)).isEmpty();
        assertThat(ReferencePoint.decode(new byte[31])).isEmpty();
        assertThat(ReferencePoint.decode(new byte[33])).isEmpty();
    }

    @Test
    void decodingRejectsYNotBelowP() {
        byte[] nonCanonical = nonCanonicalEncodingOfALargeOrderPoint();
        assertThat(ReferencePoint.decode(canonicalOf(nonCanonical))).isPresent();
        assertThat(ReferencePoint.decode(nonCanonical)).isEmpty();
        // y = p and y = p + 1 would be the points (sqrt(-1), 0) and the identity
        assertThat(ReferencePoint.decode(encodingOf(P, false))).isEmpty();
        assertThat(ReferencePoint.decode(encodingOf(P.add(BigInteger.ONE), false))).isEmpty();
        assertThat(ReferencePoint.decode(encodingOf(BigInteger.TWO.pow(255).subtract(BigInteger.ONE), false))).isEmpty();
    }

    /** RFC 8032 section 5.1.3 step 4: x = 0 with the sign bit set fails (the identity and (0, -1)). */
    @Test
    void decodingRejectsNegativeZeroX() {
        assertThat(ReferencePoint.decode(encodingOf(BigInteger.ONE, false))).hasValue(ReferencePoint.IDENTITY);
        assertThat(ReferencePoint.decode(encodingOf(BigInteger.ONE, true))).isEmpty();
        assertThat(ReferencePoint.decode(encodingOf(P.subtract(BigInteger.ONE), false))).isPresent();
        assertThat(ReferencePoint.decode(encodingOf(P.subtract(BigInteger.ONE), true))).isEmpty();
    }

    @Test
    void decodingRejectsPointsOffTheCurve() {
        byte[] offCurve = encodingOffTheCurve();
        assertThat(ReferencePoint.decode(offCurve)).isEmpty();
        offCurve[31] |= (byte) 0x80;
        assertThat(ReferencePoint.decode(offCurve)).isEmpty();
    }

    @Test
    void smallOrderIsRecognised() {
        ReferencePoint torsion = pointOfOrderEight();
        for (int i = 0; i < 8; i++) {
            assertThat(torsion.multiply(BigInteger.valueOf(i)).hasSmallOrder()).isTrue();
        }
        // a point of mixed order (prime-order part plus torsion) is not of small order
        assertThat(ReferencePoint.BASE.add(torsion).hasSmallOrder()).isFalse();
    }

    // ---- fixtures derived from the curve ----

    /** A point of order exactly 8: the torsion part q*P of points P decoded from y = 2, 3, ... until one has it. */
    public static ReferencePoint pointOfOrderEight() {
        for (int y = 2; y < 1000; y++) {
            Optional<ReferencePoint> point = ReferencePoint.decode(encodingOf(BigInteger.valueOf(y), false));
            if (point.isPresent()) {
                ReferencePoint torsion = point.get().multiply(Q);
                if (torsion.multiplyByCofactor().isIdentity() && !torsion.twice().twice().isIdentity()) {
                    return torsion;
                }
            }
        }
        throw new AssertionError("no point of order 8 found");
    }

    /**
     * The encoding with y + p in place of y of a curve point of large order whose y is below 19 (so that y + p still
     * fits in 255 bits).
     */
    public static byte[] nonCanonicalEncodingOfALargeOrderPoint() {
        for (int y = 2; y < 19; y++) {
            Optional<ReferencePoint> point = ReferencePoint.decode(encodingOf(BigInteger.valueOf(y), false));
            if (point.isPresent() && !point.get().hasSmallOrder()) {
                return encodingOf(BigInteger.valueOf(y).add(P), false);
            }
        }
        throw new AssertionError("no curve point with 2 <= y < 19");
    }

    /** The canonical form of an encoding whose y is p or more: y - p, same sign bit. */
    public static byte[] canonicalOf(byte[] nonCanonical) {
        boolean sign = (nonCanonical[31] & 0x80) != 0;
        return encodingOf(ReferencePoint.fromLittleEndian(nonCanonical).clearBit(255).subtract(P), sign);
    }

    /**
     * The encoding of a y for which (y^2 - 1) / (d y^2 + 1) is not a square mod p (Euler's criterion), so no x puts
     * (x, y) on the curve.
     */
    public static byte[] encodingOffTheCurve() {
        BigInteger halfOrder = P.subtract(BigInteger.ONE).shiftRight(1);
        for (int y = 2; y < 1000; y++) {
            BigInteger yy = BigInteger.valueOf(y * y);
            BigInteger u = yy.subtract(BigInteger.ONE).mod(P);
            BigInteger v = ReferencePoint.D.multiply(yy).add(BigInteger.ONE).mod(P);
            BigInteger ratio = u.multiply(v.modInverse(P)).mod(P);
            if (ratio.modPow(halfOrder, P).equals(P.subtract(BigInteger.ONE))) {
                return encodingOf(BigInteger.valueOf(y), false);
            }
        }
        throw new AssertionError("no y off the curve found");
    }

    public static byte[] encodingOf(BigInteger y, boolean xOdd) {
        byte[] encoded = ReferencePoint.toLittleEndian(y, 32);
        if (xOdd) {
            encoded[31] |= (byte) 0x80;
        }
        return encoded;
    }

    private static ReferencePoint doubleAndAdd(ReferencePoint point, BigInteger scalar) {
        ReferencePoint result = ReferencePoint.IDENTITY;
        for (int i = scalar.bitLength() - 1; i >= 0; i--) {
            result = result.add(result);
            if (scalar.testBit(i)) {
                result = result.add(point);
            }
        }
        return result;
    }

    /** The secret scalar of RFC 8032 section 5.1.5 for a seed. */
    static BigInteger clampedScalar(byte[] seed) throws RuntimeException {
        byte[] h;
        try {
            h = java.util.Arrays.copyOf(java.security.MessageDigest.getInstance("SHA-512").digest(seed), 32);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        h[0] &= (byte) 0xf8;
        h[31] &= 0x7f;
        h[31] |= 0x40;
        return ReferencePoint.fromLittleEndian(h);
    }
}

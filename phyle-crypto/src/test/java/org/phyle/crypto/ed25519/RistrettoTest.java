package org.phyle.crypto.ed25519;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.Random;
import org.bouncycastle.math.ec.rfc7748.X25519Field;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * ristretto255's quotient on edwards25519 points: points that differ by a 4-torsion point are one element (same
 * encoding, equal), points that differ by an 8-torsion point of order 8 are not, and decoding a point's encoding gives
 * an equal point. Seeded; a failure names the seed.
 */
class RistrettoTest {
    static LongStream seeds() {
        return LongStream.range(0, 20);
    }

    private static byte[] randomBytes(Random random, int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void theFourTorsionIsQuotientedOutAndNothingMore(long seed) {
        Random random = new Random(seed);
        EdwardsPoint order8 = EdwardsPoint.decode(ReferencePointTest.pointOfOrderEight().encode());
        EdwardsPoint p = EdwardsPoint.multiplyBase(randomBytes(random, 32));
        byte[] encoding = Ristretto.encode(p);
        EdwardsPoint torsion = EdwardsPoint.IDENTITY;
        for (int k = 0; k < 8; k++) {
            EdwardsPoint q = p.add(torsion);
            boolean inFourTorsionCoset = k % 2 == 0; // k · T8 has order dividing 4 exactly when k is even
            assertThat(Ristretto.equal(p, q)).as("k = %d", k).isEqualTo(inFourTorsionCoset);
            assertThat(Ristretto.encode(q)).as("k = %d", k).matches(e -> java.util.Arrays.equals(e, encoding)
                    == inFourTorsionCoset);
            assertThat(Ristretto.isIdentity(torsion)).as("k = %d", k).isEqualTo(inFourTorsionCoset);
            torsion = torsion.add(order8);
        }
        EdwardsPoint decoded = Ristretto.decode(encoding);
        assertThat(decoded).isNotNull();
        assertThat(Ristretto.equal(decoded, p)).isTrue();
        assertThat(Ristretto.encode(decoded)).isEqualTo(encoding);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void derivedElementsDecodeToThemselves(long seed) {
        Random random = new Random(seed);
        for (int i = 0; i < 20; i++) {
            EdwardsPoint p = Ristretto.fromUniformBytes(randomBytes(random, 64));
            byte[] encoding = Ristretto.encode(p);
            assertThat(Ristretto.isIdentity(p)).isFalse();
            assertThat(Ristretto.equal(Ristretto.decode(encoding), p)).isTrue();
            // an element of ristretto255 has prime order: L times it is the identity's class
            assertThat(Ristretto.isIdentity(p.multiplyUnreduced(Scalars.fromBigInteger(Scalars.ORDER)))).isTrue();
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void randomBytesRarelyDecodeAndWhatDecodesIsCanonical(long seed) {
        Random random = new Random(seed);
        for (int i = 0; i < 200; i++) {
            byte[] bytes = randomBytes(random, 32);
            EdwardsPoint p = Ristretto.decode(bytes);
            if (p != null) {
                assertThat(Ristretto.encode(p)).isEqualTo(bytes);
            }
        }
    }

    private static final BigInteger P = Field.P;

    private static int[] fe(BigInteger n) {
        int[] z = X25519Field.create();
        X25519Field.decode(Scalars.fromBigInteger(n), 0, z);
        return z;
    }

    private static BigInteger value(int[] z) {
        return new BigInteger(1, Field.bigEndian(z));
    }

    /** SQRT_RATIO_M1 against its definition (RFC 9496 section 4.2), in BigInteger arithmetic, with its edge cases. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void squareRootOfARatio(long seed) {
        Random random = new Random(seed);
        BigInteger sqrtM1 = value(Ristretto.SQRT_M1);
        assertThat(sqrtM1.pow(2).mod(P)).isEqualTo(P.subtract(BigInteger.ONE));
        for (int i = 0; i < 30; i++) {
            BigInteger u = new BigInteger(255, random).mod(P);
            BigInteger v = new BigInteger(255, random).mod(P);
            if (i == 0) {
                u = BigInteger.ZERO;
            } else if (i == 1) {
                v = BigInteger.ZERO;
            } else if (i == 2) {
                u = BigInteger.ZERO;
                v = BigInteger.ZERO;
            } else if (i == 3) {
                u = v.multiply(BigInteger.valueOf(4)).mod(P); // u/v = 4, a square
            }
            int[] r = X25519Field.create();
            boolean wasSquare = Ristretto.sqrtRatioM1(fe(u), fe(v), r) == -1;
            BigInteger root = value(r);
            assertThat(root.testBit(0)).as("non-negative").isFalse();
            BigInteger check = root.pow(2).multiply(v).mod(P);
            if (v.signum() == 0) {
                assertThat(root).isZero();
                assertThat(wasSquare).isEqualTo(u.signum() == 0);
            } else if (u.signum() == 0) {
                assertThat(root).isZero();
                assertThat(wasSquare).isTrue();
            } else {
                boolean square = u.multiply(v.modInverse(P)).mod(P).modPow(P.shiftRight(1), P).equals(BigInteger.ONE);
                assertThat(wasSquare).isEqualTo(square);
                assertThat(check).isEqualTo(square ? u : sqrtM1.multiply(u).mod(P));
            }
            if (i == 3) {
                assertThat(root).isEqualTo(BigInteger.TWO);
            }
        }
    }

    /** The RFC's constants are what section 4.1 defines them to be. */
    @org.junit.jupiter.api.Test
    void constantsMatchTheirDefinitions() {
        BigInteger d = value(EdwardsPoint.D);
        BigInteger sqrtAdMinusOne = value(Ristretto.SQRT_AD_MINUS_ONE);
        assertThat(sqrtAdMinusOne.pow(2).mod(P)).isEqualTo(d.negate().subtract(BigInteger.ONE).mod(P));
        BigInteger invSqrtAMinusD = value(Ristretto.INVSQRT_A_MINUS_D);
        assertThat(invSqrtAMinusD.pow(2).multiply(BigInteger.ONE.negate().subtract(d)).mod(P))
                .isEqualTo(BigInteger.ONE);
        assertThat(value(Ristretto.ONE_MINUS_D_SQ)).isEqualTo(BigInteger.ONE.subtract(d.pow(2)).mod(P));
        assertThat(value(Ristretto.D_MINUS_ONE_SQ)).isEqualTo(d.subtract(BigInteger.ONE).pow(2).mod(P));
    }
}

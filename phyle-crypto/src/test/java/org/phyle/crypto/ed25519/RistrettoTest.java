package org.phyle.crypto.ed25519;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
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
}

package org.phyle.crypto.ring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link Scalar} and {@link RistrettoElement} against BigInteger arithmetic and the group laws, on seeded inputs. */
class GroupTest {
    private static final BigInteger L = Scalar.ORDER;

    static LongStream seeds() {
        return LongStream.range(0, 25);
    }

    private static byte[] randomBytes(Random random, int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    private static Scalar randomScalar(Random random) {
        return Scalar.fromWideBytes(randomBytes(random, 64));
    }

    private static byte[] le(BigInteger n) {
        byte[] out = new byte[32];
        byte[] be = n.toByteArray();
        for (int i = 0; i < 32 && i < be.length; i++) {
            out[i] = be[be.length - 1 - i];
        }
        return out;
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void scalarArithmeticIsModuloTheOrder(long seed) {
        Random random = new Random(seed);
        for (int i = 0; i < 20; i++) {
            byte[] wide = randomBytes(random, 64);
            Scalar a = Scalar.fromWideBytes(wide);
            byte[] be = new byte[64];
            for (int j = 0; j < 64; j++) {
                be[j] = wide[63 - j];
            }
            assertThat(a.toBigInteger()).isEqualTo(new BigInteger(1, be).mod(L));
            Scalar b = randomScalar(random);
            Scalar c = randomScalar(random);
            BigInteger x = a.toBigInteger();
            BigInteger y = b.toBigInteger();
            BigInteger z = c.toBigInteger();
            assertThat(a.add(b).toBigInteger()).isEqualTo(x.add(y).mod(L));
            assertThat(a.subtract(b).toBigInteger()).isEqualTo(x.subtract(y).mod(L));
            assertThat(a.multiply(b).toBigInteger()).isEqualTo(x.multiply(y).mod(L));
            assertThat(a.negate().toBigInteger()).isEqualTo(x.negate().mod(L));
            assertThat(a.multiplyAdd(b, c).toBigInteger()).isEqualTo(x.multiply(y).add(z).mod(L));
            assertThat(Scalar.decode(a.encode())).isEqualTo(a);
        }
        assertThat(Scalar.ZERO.negate()).isEqualTo(Scalar.ZERO);
        assertThat(Scalar.ZERO.isZero()).isTrue();
        assertThat(Scalar.ONE.isZero()).isFalse();
    }

    @Test
    void scalarDecodingIsStrict() {
        assertThat(Scalar.decode(le(L.subtract(BigInteger.ONE))).toBigInteger()).isEqualTo(L.subtract(BigInteger.ONE));
        for (BigInteger bad : new BigInteger[] {L, L.add(BigInteger.ONE), L.shiftLeft(1),
                BigInteger.TWO.pow(256).subtract(BigInteger.ONE)}) {
            assertThatThrownBy(() -> Scalar.decode(le(bad))).isInstanceOf(GroupEncodingException.class)
                    .hasMessageContaining("below the group order");
        }
        assertThatThrownBy(() -> Scalar.decode(new byte[31])).isInstanceOf(GroupEncodingException.class);
        assertThatThrownBy(() -> Scalar.decode(new byte[33])).isInstanceOf(GroupEncodingException.class);
        assertThatThrownBy(() -> Scalar.decode(null)).isInstanceOf(GroupEncodingException.class);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void groupLaws(long seed) {
        Random random = new Random(seed);
        Scalar a = randomScalar(random);
        Scalar b = randomScalar(random);
        RistrettoElement g = RistrettoElement.GENERATOR;
        RistrettoElement aG = RistrettoElement.multiplyGenerator(a);
        RistrettoElement bG = RistrettoElement.multiplyGenerator(b);
        assertThat(aG.add(bG)).isEqualTo(RistrettoElement.multiplyGenerator(a.add(b)));
        assertThat(aG.subtract(bG)).isEqualTo(RistrettoElement.multiplyGenerator(a.subtract(b)));
        assertThat(aG.negate()).isEqualTo(RistrettoElement.multiplyGenerator(a.negate()));
        assertThat(aG.multiply(b)).isEqualTo(bG.multiply(a));
        assertThat(aG.multiply(b)).isEqualTo(g.multiply(a.multiply(b)));
        assertThat(aG.add(aG.negate()).isIdentity()).isTrue();
        assertThat(aG.isIdentity()).isFalse();
        RistrettoElement h = RistrettoElement.fromUniformBytes(randomBytes(random, 64));
        Scalar c = randomScalar(random);
        // the variable-time sums give the constant-time results
        assertThat(RistrettoElement.sumVartime(a, new Scalar[] {c}, new RistrettoElement[] {h}))
                .isEqualTo(aG.add(h.multiply(c)));
        assertThat(RistrettoElement.sumVartime(null, new Scalar[] {a, c}, new RistrettoElement[] {h, bG}))
                .isEqualTo(h.multiply(a).add(bG.multiply(c)));
        // encodings round-trip and equal elements have equal encodings and hash codes
        RistrettoElement sum = aG.add(h);
        RistrettoElement same = h.add(aG);
        assertThat(sum).isEqualTo(same).hasSameHashCodeAs(same);
        assertThat(sum.encode()).isEqualTo(same.encode());
        assertThat(RistrettoElement.decode(sum.encode())).isEqualTo(sum);
        assertThat(RistrettoElement.multiplyGenerator(Scalar.of(L.subtract(BigInteger.ONE))))
                .isEqualTo(g.negate());
    }

    @Test
    void elementDecodingRefusesWrongLengthsAndNonCanonicalBytes() {
        assertThatThrownBy(() -> RistrettoElement.decode(new byte[31])).isInstanceOf(GroupEncodingException.class);
        assertThatThrownBy(() -> RistrettoElement.decode(new byte[33])).isInstanceOf(GroupEncodingException.class);
        assertThatThrownBy(() -> RistrettoElement.decode(null)).isInstanceOf(GroupEncodingException.class);
        // the top bit set on a valid encoding (the generator's) is refused
        byte[] g = RistrettoElement.GENERATOR.encode();
        g[31] |= (byte) 0x80;
        assertThatThrownBy(() -> RistrettoElement.decode(g)).isInstanceOf(GroupEncodingException.class);
        assertThat(RistrettoElement.decode(new byte[32]).isIdentity()).isTrue();
        assertThatThrownBy(() -> RistrettoElement.fromUniformBytes(new byte[63]))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

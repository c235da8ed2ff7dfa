package org.phyle.crypto.ring;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import org.phyle.crypto.ed25519.Scalars;

/**
 * An integer modulo the prime order ℓ = 2^252 + 27742317777372353535851937790883648493 of ristretto255, in its one
 * canonical encoding: 32 bytes little-endian, below ℓ. Immutable. The arithmetic ({@link Scalars}, Barrett reduction on
 * 32-bit words) runs the same instructions for every value, so secret scalars may use it; {@link #equals} compares in
 * constant time.
 */
public final class Scalar {
    public static final int ENCODED_SIZE = 32;
    /** ℓ, the order of the group. */
    public static final BigInteger ORDER = Scalars.ORDER;
    public static final Scalar ZERO = new Scalar(new byte[32]);
    public static final Scalar ONE = of(1);

    private final byte[] bytes;

    private Scalar(byte[] canonical) {
        this.bytes = canonical;
    }

    /**
     * The scalar whose canonical encoding these 32 bytes are; refuses any other length and any value ≥ ℓ (a
     * non-canonical encoding: the same scalar plus a multiple of ℓ).
     */
    public static Scalar decode(byte[] encoded) {
        if (encoded == null || encoded.length != ENCODED_SIZE) {
            throw new GroupEncodingException("a scalar has 32 bytes, not "
                    + (encoded == null ? "none" : String.valueOf(encoded.length)));
        }
        if (!Scalars.isCanonical(encoded)) {
            throw new GroupEncodingException("a scalar's encoding must be below the group order");
        }
        return new Scalar(encoded.clone());
    }

    /** The 64 bytes, read little-endian, modulo ℓ (for a SHA-512 digest: a uniformly distributed scalar). */
    public static Scalar fromWideBytes(byte[] wide) {
        if (wide == null || wide.length != 64) {
            throw new IllegalArgumentException("fromWideBytes takes 64 bytes");
        }
        return new Scalar(Scalars.reduce(wide));
    }

    /** A uniformly random scalar: 64 bytes from the generator, reduced modulo ℓ. */
    public static Scalar random(SecureRandom random) {
        byte[] wide = new byte[64];
        random.nextBytes(wide);
        Scalar s = fromWideBytes(wide);
        Arrays.fill(wide, (byte) 0);
        return s;
    }

    /** A small non-negative integer as a scalar (for tests and constants). */
    public static Scalar of(long value) {
        if (value < 0) {
            throw new IllegalArgumentException("negative: " + value);
        }
        return new Scalar(Scalars.fromBigInteger(BigInteger.valueOf(value)));
    }

    /** The scalar n mod ℓ, for any integer n (for tests). */
    public static Scalar of(BigInteger n) {
        return new Scalar(Scalars.fromBigInteger(n.mod(ORDER)));
    }

    public Scalar add(Scalar other) {
        return new Scalar(Scalars.add(bytes, other.bytes));
    }

    public Scalar subtract(Scalar other) {
        return new Scalar(Scalars.add(bytes, Scalars.negate(other.bytes)));
    }

    public Scalar multiply(Scalar other) {
        return new Scalar(Scalars.mul(bytes, other.bytes));
    }

    public Scalar negate() {
        return new Scalar(Scalars.negate(bytes));
    }

    /** this · b + c, in one reduction. */
    public Scalar multiplyAdd(Scalar b, Scalar c) {
        return new Scalar(Scalars.mulAdd(bytes, b.bytes, c.bytes));
    }

    /** Whether this is 0, in constant time. */
    public boolean isZero() {
        int d = 0;
        for (byte b : bytes) {
            d |= b;
        }
        return d == 0;
    }

    /** The canonical 32-byte little-endian encoding (a copy). */
    public byte[] encode() {
        return bytes.clone();
    }

    /** The encoding itself, not copied: for this package's arithmetic only. */
    byte[] bytes() {
        return bytes;
    }

    public BigInteger toBigInteger() {
        return Scalars.toBigInteger(bytes);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Scalar o && MessageDigest.isEqual(bytes, o.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    /** Hex of the encoding. Do not log secret scalars. */
    @Override
    public String toString() {
        return HexFormat.of().formatHex(bytes);
    }
}

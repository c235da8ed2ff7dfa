package org.phyle.crypto.ed25519;

import java.math.BigInteger;
import java.util.Optional;

/**
 * The reference for the fast arithmetic of this package (and what the VRF used before it): slow, written to be checked
 * line by line against RFC 8032, and used only by tests.
 *
 * <p>A point of edwards25519, the twisted Edwards curve -x^2 + y^2 = 1 + d x^2 y^2 over GF(p), p = 2^255 - 19, as RFC 8032
 * section 5.1 defines it, in extended coordinates (X : Y : Z : T) with x = X/Z, y = Y/Z and x y = T/Z. Immutable.
 *
 * <p>The field arithmetic is {@link BigInteger} modulo p, chosen to be easy to check against the RFC rather than fast.
 * The addition and doubling formulas are those of RFC 8032 section 5.1.4; the addition formula is complete on this
 * curve (it also adds a point to itself and to the identity), so no operation needs a special case.
 *
 * <p><b>Timing.</b> {@link #multiply} performs the same sequence of group operations for every scalar below 2^256
 * (256 doublings and 64 additions, with a table lookup that reads all 16 entries), so the number and kind of point
 * operations does not reveal the scalar. That is all: {@code BigInteger} arithmetic itself takes time that depends on
 * the values (lengths of intermediate numbers, {@code mod}, {@code modInverse} in {@link #encode}), so this is not a
 * constant-time implementation and must not be used where an attacker can time many operations with the same secret
 * precisely.
 */
public final class ReferencePoint {
    /** The field prime p = 2^255 - 19. */
    public static final BigInteger P = BigInteger.TWO.pow(255).subtract(BigInteger.valueOf(19));
    /** The curve constant d = -121665/121666 mod p. */
    public static final BigInteger D = BigInteger.valueOf(-121665).multiply(BigInteger.valueOf(121666).modInverse(P)).mod(P);
    /** The prime order of the base point, called L in RFC 8032 and q in RFC 9381: 2^252 + 27742...8493. */
    public static final BigInteger ORDER =
            BigInteger.TWO.pow(252).add(new BigInteger("27742317777372353535851937790883648493"));
    /** The number of points on the curve is 8 times {@link #ORDER}. */
    public static final int COFACTOR = 8;

    private static final BigInteger TWO_D = D.shiftLeft(1).mod(P);
    /** A square root of -1 mod p: 2^((p-1)/4). */
    private static final BigInteger SQRT_MINUS_ONE = BigInteger.TWO.modPow(P.subtract(BigInteger.ONE).shiftRight(2), P);
    /** (p-5)/8, the exponent of the square root in RFC 8032 section 5.1.3. */
    private static final BigInteger SQRT_EXPONENT = P.subtract(BigInteger.valueOf(5)).shiftRight(3);

    public static final ReferencePoint IDENTITY =
            new ReferencePoint(BigInteger.ZERO, BigInteger.ONE, BigInteger.ONE, BigInteger.ZERO);
    /** The base point B of RFC 8032: y = 4/5, x positive (even). Its encoding is 0x58 followed by 31 bytes 0x66. */
    public static final ReferencePoint BASE = decode(baseEncoding()).orElseThrow();

    private final BigInteger x;
    private final BigInteger y;
    private final BigInteger z;
    private final BigInteger t;

    private ReferencePoint(BigInteger x, BigInteger y, BigInteger z, BigInteger t) {
        this.x = x;
        this.y = y;
        this.z = z;
        this.t = t;
    }

    private static byte[] baseEncoding() {
        byte[] encoded = new byte[32];
        java.util.Arrays.fill(encoded, (byte) 0x66);
        encoded[0] = 0x58;
        return encoded;
    }

    /**
     * Decodes 32 bytes as RFC 8032 section 5.1.3 specifies, strictly: empty when the bytes are not 32 long, when the
     * y coordinate is not below p (a non-canonical encoding), when no x satisfies the curve equation (the point is not
     * on the curve), or when x = 0 and the sign bit is set (the other non-canonical encoding). Points of any order are
     * accepted; callers check the order where it matters.
     */
    public static Optional<ReferencePoint> decode(byte[] encoded) {
        if (encoded == null || encoded.length != 32) {
            return Optional.empty();
        }
        boolean xOdd = (encoded[31] & 0x80) != 0;
        byte[] yBytes = encoded.clone();
        yBytes[31] &= 0x7f;
        BigInteger y = fromLittleEndian(yBytes);
        if (y.compareTo(P) >= 0) {
            return Optional.empty();
        }
        // x^2 = (y^2 - 1) / (d y^2 + 1) = u / v; candidate root x = u v^3 (u v^7)^((p-5)/8)
        BigInteger y2 = y.multiply(y).mod(P);
        BigInteger u = y2.subtract(BigInteger.ONE).mod(P);
        BigInteger v = D.multiply(y2).add(BigInteger.ONE).mod(P);
        BigInteger v3 = v.multiply(v).multiply(v).mod(P);
        BigInteger v7 = v3.multiply(v3).multiply(v).mod(P);
        BigInteger root = u.multiply(v3).multiply(u.multiply(v7).mod(P).modPow(SQRT_EXPONENT, P)).mod(P);
        BigInteger vx2 = v.multiply(root).multiply(root).mod(P);
        if (vx2.equals(u)) {
            // root is a square root of u/v
        } else if (vx2.equals(P.subtract(u).mod(P))) {
            root = root.multiply(SQRT_MINUS_ONE).mod(P);
        } else {
            return Optional.empty(); // u/v is not a square: no point with this y
        }
        if (root.signum() == 0 && xOdd) {
            return Optional.empty();
        }
        if (root.testBit(0) != xOdd) {
            root = P.subtract(root);
        }
        return Optional.of(new ReferencePoint(root, y, BigInteger.ONE, root.multiply(y).mod(P)));
    }

    /** The 32-byte encoding of RFC 8032 section 5.1.2: y little-endian, with the low bit of x in the top bit. */
    public byte[] encode() {
        BigInteger zInverse = z.modInverse(P);
        BigInteger affineX = x.multiply(zInverse).mod(P);
        BigInteger affineY = y.multiply(zInverse).mod(P);
        byte[] encoded = toLittleEndian(affineY, 32);
        if (affineX.testBit(0)) {
            encoded[31] |= (byte) 0x80;
        }
        return encoded;
    }

    /** This point plus another (RFC 8032 section 5.1.4, complete: any two points, including equal ones). */
    public ReferencePoint add(ReferencePoint o) {
        BigInteger a = y.subtract(x).multiply(o.y.subtract(o.x)).mod(P);
        BigInteger b = y.add(x).multiply(o.y.add(o.x)).mod(P);
        BigInteger c = t.multiply(TWO_D).mod(P).multiply(o.t).mod(P);
        BigInteger d = z.multiply(o.z).shiftLeft(1).mod(P);
        BigInteger e = b.subtract(a);
        BigInteger f = d.subtract(c);
        BigInteger g = d.add(c);
        BigInteger h = b.add(a);
        return new ReferencePoint(e.multiply(f).mod(P), g.multiply(h).mod(P), f.multiply(g).mod(P),
                e.multiply(h).mod(P));
    }

    /** Twice this point (RFC 8032 section 5.1.4, doubling). */
    public ReferencePoint twice() {
        BigInteger a = x.multiply(x).mod(P);
        BigInteger b = y.multiply(y).mod(P);
        BigInteger c = z.multiply(z).shiftLeft(1).mod(P);
        BigInteger h = a.add(b);
        BigInteger sum = x.add(y);
        BigInteger e = h.subtract(sum.multiply(sum)).mod(P);
        BigInteger g = a.subtract(b);
        BigInteger f = c.add(g);
        return new ReferencePoint(e.multiply(f).mod(P), g.multiply(h).mod(P), f.multiply(g).mod(P),
                e.multiply(h).mod(P));
    }

    /** The inverse of this point: (-x, y). */
    public ReferencePoint negate() {
        return new ReferencePoint(P.subtract(x).mod(P), y, z, P.subtract(t).mod(P));
    }

    /**
     * scalar times this point, for 0 &lt;= scalar &lt; 2^256, with a fixed 4-bit window: 64 rounds of four doublings
     * and one addition of a table entry (the identity for a zero digit). See the class comment on timing.
     */
    public ReferencePoint multiply(BigInteger scalar) {
        if (scalar.signum() < 0 || scalar.bitLength() > 256) {
            throw new IllegalArgumentException("scalar out of range [0, 2^256)");
        }
        byte[] digits = toLittleEndian(scalar, 32);
        ReferencePoint[] table = new ReferencePoint[16];
        table[0] = IDENTITY;
        for (int i = 1; i < 16; i++) {
            table[i] = table[i - 1].add(this);
        }
        ReferencePoint result = IDENTITY;
        for (int nibble = 63; nibble >= 0; nibble--) {
            result = result.twice().twice().twice().twice();
            int digit = (digits[nibble / 2] >> (4 * (nibble % 2))) & 0x0f;
            result = result.add(lookup(table, digit));
        }
        return result;
    }

    /** table[digit], reading every entry so that which one was wanted does not decide which memory is touched. */
    private static ReferencePoint lookup(ReferencePoint[] table, int digit) {
        ReferencePoint chosen = table[0];
        for (int i = 1; i < table.length; i++) {
            int mask = ((i ^ digit) - 1) >> 31; // -1 when i == digit, else 0
            chosen = mask != 0 ? table[i] : chosen;
        }
        return chosen;
    }

    /** 8 times this point: three doublings. */
    public ReferencePoint multiplyByCofactor() {
        return twice().twice().twice();
    }

    public boolean isIdentity() {
        // (X : Y : Z) with X = 0 and Y = Z, i.e. x = 0, y = 1
        return x.signum() == 0 && y.equals(z);
    }

    /** True for the eight points whose order divides the cofactor 8 (RFC 9381 section 5.4.5 rejects these as keys). */
    public boolean hasSmallOrder() {
        return multiplyByCofactor().isIdentity();
    }

    /** Equality of the points, whatever their projective representations. */
    @Override
    public boolean equals(Object other) {
        return other instanceof ReferencePoint o
                && x.multiply(o.z).subtract(o.x.multiply(z)).mod(P).signum() == 0
                && y.multiply(o.z).subtract(o.y.multiply(z)).mod(P).signum() == 0;
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(encode());
    }

    @Override
    public String toString() {
        return java.util.HexFormat.of().formatHex(encode());
    }

    /** The unsigned little-endian integer of some bytes (RFC 8032's and RFC 9381's string_to_int). */
    public static BigInteger fromLittleEndian(byte[] bytes) {
        byte[] bigEndian = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            bigEndian[i] = bytes[bytes.length - 1 - i];
        }
        return new BigInteger(1, bigEndian);
    }

    /** value as exactly length little-endian bytes (int_to_string); value must be non-negative and fit. */
    public static byte[] toLittleEndian(BigInteger value, int length) {
        if (value.signum() < 0 || value.bitLength() > 8 * length) {
            throw new IllegalArgumentException("value does not fit in " + length + " bytes");
        }
        byte[] bigEndian = value.toByteArray(); // may have a leading zero byte, or be shorter than length
        byte[] out = new byte[length];
        for (int i = 0; i < length && i < bigEndian.length; i++) {
            out[i] = bigEndian[bigEndian.length - 1 - i];
        }
        return out;
    }
}

package org.phyle.crypto;

import java.math.BigInteger;

/**
 * Slow, obviously-correct affine arithmetic on edwards25519 (-x^2 + y^2 = 1 + d x^2 y^2 over GF(2^255 - 19)), written
 * from the curve definition in RFC 8032 section 5.1. Tests use it only to check their own fixtures: that a key they
 * expect to be rejected for its order really is on the curve and really has that order, so that a rejection cannot
 * pass for the wrong reason (a typo that puts the point off the curve).
 */
final class EdwardsPoints {
    static final BigInteger P = BigInteger.TWO.pow(255).subtract(BigInteger.valueOf(19));
    static final BigInteger D = BigInteger.valueOf(-121665).multiply(BigInteger.valueOf(121666).modInverse(P)).mod(P);
    /** The prime order of the base point. */
    static final BigInteger L = BigInteger.TWO.pow(252).add(new BigInteger("27742317777372353535851937790883648493"));
    private static final BigInteger SQRT_M1 = BigInteger.TWO.modPow(P.subtract(BigInteger.ONE).shiftRight(2), P);

    record Point(BigInteger x, BigInteger y) {
        static final Point IDENTITY = new Point(BigInteger.ZERO, BigInteger.ONE);

        Point add(Point o) {
            BigInteger t = D.multiply(x).multiply(o.x).multiply(y).multiply(o.y).mod(P);
            BigInteger x3 = x.multiply(o.y).add(y.multiply(o.x)).multiply(BigInteger.ONE.add(t).modInverse(P)).mod(P);
            BigInteger y3 = y.multiply(o.y).add(x.multiply(o.x)).multiply(BigInteger.ONE.subtract(t).mod(P).modInverse(P))
                    .mod(P);
            return new Point(x3, y3);
        }

        Point times(BigInteger k) {
            Point result = IDENTITY;
            Point addend = this;
            for (int i = 0; i < k.bitLength(); i++) {
                if (k.testBit(i)) {
                    result = result.add(addend);
                }
                addend = addend.add(addend);
            }
            return result;
        }

        boolean isIdentity() {
            return equals(IDENTITY);
        }
    }

    private EdwardsPoints() {
    }

    /** The y coordinate an encoding carries, before any reduction mod p. */
    static BigInteger rawY(byte[] encoded) {
        return littleEndian(encoded).clearBit(255);
    }

    static boolean signBit(byte[] encoded) {
        return (encoded[31] & 0x80) != 0;
    }

    /** Decodes a canonical point encoding (RFC 8032 section 5.1.3), or returns null if there is none. */
    static Point decode(byte[] encoded) {
        BigInteger y = rawY(encoded);
        if (y.compareTo(P) >= 0) {
            return null;
        }
        BigInteger y2 = y.multiply(y).mod(P);
        BigInteger u = y2.subtract(BigInteger.ONE).mod(P);
        BigInteger v = D.multiply(y2).add(BigInteger.ONE).mod(P);
        BigInteger x2 = u.multiply(v.modInverse(P)).mod(P);
        if (x2.signum() == 0) {
            return signBit(encoded) ? null : new Point(BigInteger.ZERO, y);
        }
        BigInteger x = x2.modPow(P.add(BigInteger.valueOf(3)).shiftRight(3), P);
        if (!x.multiply(x).mod(P).equals(x2)) {
            x = x.multiply(SQRT_M1).mod(P);
        }
        if (!x.multiply(x).mod(P).equals(x2)) {
            return null; // not on the curve
        }
        if (x.testBit(0) != signBit(encoded)) {
            x = P.subtract(x);
        }
        return new Point(x, y);
    }

    static byte[] encode(Point point) {
        BigInteger v = point.y();
        if (point.x().testBit(0)) {
            v = v.setBit(255);
        }
        return toLittleEndian(v, 32);
    }

    static BigInteger littleEndian(byte[] bytes) {
        byte[] be = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            be[i] = bytes[bytes.length - 1 - i];
        }
        return new BigInteger(1, be);
    }

    static byte[] toLittleEndian(BigInteger value, int length) {
        byte[] be = value.toByteArray();
        byte[] out = new byte[length];
        for (int i = 0; i < length && i < be.length; i++) {
            out[i] = be[be.length - 1 - i];
        }
        if (value.bitLength() > 8 * length) {
            throw new IllegalArgumentException("does not fit");
        }
        return out;
    }
}

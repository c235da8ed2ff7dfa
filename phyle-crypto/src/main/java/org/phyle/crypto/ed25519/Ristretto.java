package org.phyle.crypto.ed25519;

import java.math.BigInteger;
import org.bouncycastle.math.ec.rfc7748.X25519Field;
import org.phyle.crypto.ed25519.EdwardsPoint.Ext;

/**
 * The ristretto255 group of RFC 9496 section 4, on this package's edwards25519 points: its encoding, decoding,
 * equality and the one-way map from 64 uniform bytes. A ristretto255 element is a class of edwards25519 points of the
 * prime-order subgroup plus the 4-torsion; any point of the class represents it, and the group operations are
 * edwards25519's. The formulas are the RFC's pseudocode, step by step, on BouncyCastle's {@link X25519Field}.
 *
 * <p><b>Timing.</b> {@link #encode}, {@link #fromUniformBytes}, {@link #equal} and {@link #isIdentity} run the same
 * field operations for every input (the square root of a ratio uses a fixed exponentiation and masked selections), so
 * they may see secret-derived points. {@link #decode} is for public encodings and returns early on a bad one.
 */
public final class Ristretto {
    private static final BigInteger P = Field.P;
    // RFC 9496 section 4.1
    static final int[] SQRT_M1 = fe("19681161376707505956807079304988542015446066515923890162744021073123829784752");
    static final int[] SQRT_AD_MINUS_ONE =
            fe("25063068953384623474111414158702152701244531502492656460079210482610430750235");
    static final int[] INVSQRT_A_MINUS_D =
            fe("54469307008909316920995813868745141605393597292927456921205312896311721017578");
    static final int[] ONE_MINUS_D_SQ =
            fe("1159843021668779879193775521855586647937357759715417654439879720876111806838");
    static final int[] D_MINUS_ONE_SQ =
            fe("40440834346308536858101042469323190826248399146238708352240133220865137265952");
    private static final int[] ONE = one();

    private Ristretto() {
    }

    /**
     * RFC 9496 section 4.3.1: the element encoded by 32 bytes, or null when they are not a canonical encoding of one
     * (wrong length, s not below p, s negative, not on the curve, x y negative or y = 0). Variable time: public data.
     */
    public static EdwardsPoint decode(byte[] encoded) {
        if (encoded == null || encoded.length != 32 || (encoded[31] & 0x80) != 0 || !Field.isCanonical(encoded)
                || (encoded[0] & 1) != 0) {
            return null;
        }
        int[] s = X25519Field.create();
        X25519Field.decode(encoded, 0, s);
        int[] ss = sqr(s);
        int[] u1 = sub(ONE, ss);
        int[] u2 = add(ONE, ss);
        int[] u2Sqr = sqr(u2);
        int[] v = sub(neg(mul(EdwardsPoint.D, sqr(u1))), u2Sqr);
        int[] invSqrt = X25519Field.create();
        int wasSquare = sqrtRatioM1(ONE, mul(v, u2Sqr), invSqrt);
        int[] denX = mul(invSqrt, u2);
        int[] denY = mul(mul(invSqrt, denX), v);
        int[] sDenX = mul(s, denX);
        int[] x = abs(add(sDenX, sDenX));
        int[] y = mul(u1, denY);
        int[] t = mul(x, y);
        if (wasSquare == 0 || isNegative(t) == 1 || isZero(y) != 0) {
            return null;
        }
        Ext r = new Ext();
        X25519Field.copy(x, 0, r.x, 0);
        X25519Field.copy(y, 0, r.y, 0);
        X25519Field.one(r.z);
        X25519Field.copy(t, 0, r.t, 0);
        return new EdwardsPoint(r);
    }

    /** RFC 9496 section 4.3.2: the canonical 32-byte encoding of the element the point represents. */
    public static byte[] encode(EdwardsPoint point) {
        Ext p = point.p;
        int[] u1 = mul(add(p.z, p.y), sub(p.z, p.y));
        int[] u2 = mul(p.x, p.y);
        int[] invSqrt = X25519Field.create();
        sqrtRatioM1(ONE, mul(u1, sqr(u2)), invSqrt);
        int[] den1 = mul(invSqrt, u1);
        int[] den2 = mul(invSqrt, u2);
        int[] zInv = mul(mul(den1, den2), p.t);
        int[] ix0 = mul(p.x, SQRT_M1);
        int[] iy0 = mul(p.y, SQRT_M1);
        int[] enchantedDenominator = mul(den1, INVSQRT_A_MINUS_D);
        int rotate = -isNegative(mul(p.t, zInv));
        int[] x = copy(p.x);
        int[] y = copy(p.y);
        int[] denInv = copy(den2);
        X25519Field.cmov(rotate, iy0, 0, x, 0);
        X25519Field.cmov(rotate, ix0, 0, y, 0);
        X25519Field.cmov(rotate, enchantedDenominator, 0, denInv, 0);
        X25519Field.cnegate(isNegative(mul(x, zInv)), y);
        X25519Field.carry(y);
        int[] s = abs(mul(denInv, sub(p.z, y)));
        X25519Field.normalize(s);
        byte[] out = new byte[32];
        X25519Field.encode(s, out, 0);
        return out;
    }

    /** RFC 9496 section 4.3.3: whether two points represent the same element. */
    public static boolean equal(EdwardsPoint a, EdwardsPoint b) {
        Ext p = a.p;
        Ext q = b.p;
        int same = areEqual(mul(p.x, q.y), mul(p.y, q.x)) | areEqual(mul(p.y, q.y), mul(p.x, q.x));
        return same != 0;
    }

    /** Whether the point represents the identity element (x = 0 or y = 0, the identity's class). */
    public static boolean isIdentity(EdwardsPoint point) {
        return (isZero(point.p.x) | isZero(point.p.y)) != 0;
    }

    /**
     * RFC 9496 section 4.3.4, element derivation: the element for 64 uniformly random bytes (e.g. a SHA-512 digest),
     * MAP of each half, added. The map is one-way: nobody learns a discrete logarithm of the result.
     */
    public static EdwardsPoint fromUniformBytes(byte[] uniform) {
        if (uniform == null || uniform.length != 64) {
            throw new IllegalArgumentException("element derivation takes 64 bytes");
        }
        int[] t1 = X25519Field.create();
        int[] t2 = X25519Field.create();
        X25519Field.decode(uniform, 0, t1); // the top bit is masked off; values from p to 2^255 - 1 reduce mod p
        X25519Field.decode(uniform, 32, t2);
        Ext r = map(t1);
        Ops.add(r, EdwardsPoint.Cached.of(map(t2)), r, new Ops.Temp());
        return new EdwardsPoint(r);
    }

    /** MAP(t) of RFC 9496 section 4.3.4 (Elligator 2 onto the Jacobi quartic, then to edwards25519). */
    static Ext map(int[] t) {
        int[] r = mul(SQRT_M1, sqr(t));
        int[] u = mul(add(r, ONE), ONE_MINUS_D_SQ);
        int[] v = mul(sub(neg(ONE), mul(r, EdwardsPoint.D)), add(r, EdwardsPoint.D));
        int[] s = X25519Field.create();
        int notSquare = ~sqrtRatioM1(u, v, s); // mask: -1 when u/v was not a square
        int[] sPrime = neg(abs(mul(s, t)));
        X25519Field.cmov(notSquare, sPrime, 0, s, 0);
        int[] c = neg(ONE);
        X25519Field.cmov(notSquare, r, 0, c, 0);
        int[] n = sub(mul(mul(c, sub(r, ONE)), D_MINUS_ONE_SQ), v);
        int[] sv = mul(s, v);
        int[] w0 = add(sv, sv);
        int[] w1 = mul(n, SQRT_AD_MINUS_ONE);
        int[] sSqr = sqr(s);
        int[] w2 = sub(ONE, sSqr);
        int[] w3 = add(ONE, sSqr);
        Ext out = new Ext();
        X25519Field.mul(w0, w3, out.x);
        X25519Field.mul(w2, w1, out.y);
        X25519Field.mul(w1, w3, out.z);
        X25519Field.mul(w0, w2, out.t);
        return out;
    }

    /**
     * SQRT_RATIO_M1(u, v) of RFC 9496 section 4.2: writes the non-negative square root of u/v into out when u/v is a
     * square (or u = 0), and of SQRT_M1 u/v otherwise; returns -1 in the first case and 0 in the second.
     */
    static int sqrtRatioM1(int[] u, int[] v, int[] out) {
        int[] v3 = mul(sqr(v), v);
        int[] v7 = mul(sqr(v3), v);
        int[] r = mul(mul(u, v3), powPMinus5Over8(mul(u, v7)));
        int[] check = mul(v, sqr(r));
        int[] uNeg = neg(u);
        int correctSignSqrt = areEqual(check, u);
        int flippedSignSqrt = areEqual(check, uNeg);
        int flippedSignSqrtI = areEqual(check, mul(uNeg, SQRT_M1));
        int[] rPrime = mul(SQRT_M1, r);
        X25519Field.cmov(flippedSignSqrt | flippedSignSqrtI, rPrime, 0, r, 0);
        int[] result = abs(r);
        X25519Field.copy(result, 0, out, 0);
        return correctSignSqrt | flippedSignSqrt;
    }

    /** z^((p - 5) / 8) = z^(2^252 - 3), by a fixed chain of squarings and multiplications. */
    static int[] powPMinus5Over8(int[] z) {
        int[] z2 = sqr(z);                          // 2
        int[] z9 = mul(z, sqrN(z2, 2));             // 9
        int[] z11 = mul(z2, z9);                    // 11
        int[] z2e5m1 = mul(z9, sqr(z11));           // 2^5 - 1
        int[] z2e10m1 = mul(sqrN(z2e5m1, 5), z2e5m1);
        int[] z2e20m1 = mul(sqrN(z2e10m1, 10), z2e10m1);
        int[] z2e40m1 = mul(sqrN(z2e20m1, 20), z2e20m1);
        int[] z2e50m1 = mul(sqrN(z2e40m1, 10), z2e10m1);
        int[] z2e100m1 = mul(sqrN(z2e50m1, 50), z2e50m1);
        int[] z2e200m1 = mul(sqrN(z2e100m1, 100), z2e100m1);
        int[] z2e250m1 = mul(sqrN(z2e200m1, 50), z2e50m1);
        return mul(sqrN(z2e250m1, 2), z);           // 2^252 - 4 + 1
    }

    // ---- field helpers: each returns a new, carried element ----

    /** 1 when the canonical value is odd (RFC 9496's "negative"), else 0. */
    static int isNegative(int[] a) {
        int[] t = copy(a);
        X25519Field.normalize(t);
        return t[0] & 1;
    }

    /** -1 when a = 0 (mod p), else 0. */
    private static int isZero(int[] a) {
        int[] t = copy(a);
        X25519Field.normalize(t);
        return X25519Field.isZero(t);
    }

    /** -1 when a = b (mod p), else 0. */
    private static int areEqual(int[] a, int[] b) {
        int[] x = copy(a);
        int[] y = copy(b);
        X25519Field.normalize(x);
        X25519Field.normalize(y);
        return X25519Field.areEqual(x, y);
    }

    private static int[] abs(int[] a) {
        int[] r = copy(a);
        X25519Field.cnegate(isNegative(a), r);
        X25519Field.carry(r);
        return r;
    }

    private static int[] mul(int[] a, int[] b) {
        int[] r = X25519Field.create();
        X25519Field.mul(a, b, r);
        return r;
    }

    private static int[] sqr(int[] a) {
        int[] r = X25519Field.create();
        X25519Field.sqr(a, r);
        return r;
    }

    private static int[] sqrN(int[] a, int n) {
        int[] r = X25519Field.create();
        X25519Field.sqr(a, n, r);
        return r;
    }

    private static int[] add(int[] a, int[] b) {
        int[] r = X25519Field.create();
        X25519Field.add(a, b, r);
        X25519Field.carry(r);
        return r;
    }

    private static int[] sub(int[] a, int[] b) {
        int[] r = X25519Field.create();
        X25519Field.sub(a, b, r);
        X25519Field.carry(r);
        return r;
    }

    private static int[] neg(int[] a) {
        int[] r = X25519Field.create();
        X25519Field.negate(a, r);
        X25519Field.carry(r);
        return r;
    }

    private static int[] copy(int[] a) {
        int[] r = X25519Field.create();
        X25519Field.copy(a, 0, r, 0);
        return r;
    }

    private static int[] one() {
        int[] r = X25519Field.create();
        X25519Field.one(r);
        return r;
    }

    private static int[] fe(String decimal) {
        BigInteger n = new BigInteger(decimal);
        if (n.compareTo(P) >= 0) {
            throw new IllegalStateException("constant not below p");
        }
        int[] z = X25519Field.create();
        X25519Field.decode(Scalars.fromBigInteger(n), 0, z);
        return z;
    }
}

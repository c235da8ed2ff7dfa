package org.phyle.crypto.ed25519;

import java.math.BigInteger;
import org.bouncycastle.math.ec.rfc7748.X25519Field;

/**
 * A point of edwards25519, the twisted Edwards curve -x^2 + y^2 = 1 + d x^2 y^2 over GF(p), p = 2^255 - 19, of RFC 8032
 * section 5.1, in extended coordinates (X : Y : Z : T) with x = X/Z, y = Y/Z, x y = T/Z (Hisil, Wong, Carter and
 * Dawson, "Twisted Edwards curves revisited", 2008). Immutable.
 *
 * <p>The field arithmetic is BouncyCastle's {@link X25519Field} (ten signed 25/26-bit limbs), which it maintains for
 * its own X25519 and Ed25519 and whose operations run in constant time. The addition formula is the complete one for
 * a = -1 (it also adds a point to itself and to the identity), so no operation needs a special case.
 *
 * <p><b>Timing.</b> {@link #multiply}, {@link #multiplyBase} and everything they use run the same sequence of field
 * operations and memory accesses for every scalar (signed 4-bit windows, tables read in full with masks, inversion by
 * BouncyCastle's constant-time {@code inv}): use them on secret scalars. {@link #decode} and the multi-scalar
 * multiplications in {@link MultiScalar} take time that depends on their inputs and are only for public data
 * (encodings received, signature scalars, verification equations).
 */
public final class EdwardsPoint {
    static final int[] D = fe(BigInteger.valueOf(-121665)
            .multiply(BigInteger.valueOf(121666).modInverse(Field.P)).mod(Field.P));
    static final int[] D2 = fe(new BigInteger(1, Field.bigEndian(D)).shiftLeft(1).mod(Field.P));

    /** The neutral element (0, 1). */
    public static final EdwardsPoint IDENTITY = new EdwardsPoint(Ext.identity());
    /** The base point B of RFC 8032: y = 4/5, x even; its encoding is 0x58 followed by 31 bytes 0x66. */
    public static final EdwardsPoint BASE = decode(baseEncoding());

    final Ext p;

    EdwardsPoint(Ext p) {
        this.p = p;
    }

    /**
     * Decodes 32 bytes as RFC 8032 section 5.1.3 specifies, strictly: null when the bytes are not 32 long, when y is not
     * below p (a non-canonical encoding), when no x satisfies the curve equation (not on the curve), or when x = 0 and
     * the sign bit is set (the other non-canonical encoding). Points of any order are accepted. Variable time.
     */
    public static EdwardsPoint decode(byte[] encoded) {
        if (encoded == null || encoded.length != 32 || !Field.isCanonical(encoded)) {
            return null;
        }
        boolean xOdd = (encoded[31] & 0x80) != 0;
        Ext r = new Ext();
        X25519Field.decode(encoded, 0, r.y); // the top bit is masked off
        int[] u = X25519Field.create();
        int[] v = X25519Field.create();
        X25519Field.sqr(r.y, u);
        X25519Field.mul(D, u, v);
        X25519Field.subOne(u); // u = y^2 - 1
        X25519Field.addOne(v); // v = d y^2 + 1
        if (!X25519Field.sqrtRatioVar(u, v, r.x)) {
            return null;
        }
        X25519Field.normalize(r.x);
        if (X25519Field.isZeroVar(r.x) && xOdd) {
            return null;
        }
        if (((r.x[0] & 1) == 1) != xOdd) {
            X25519Field.negate(r.x, r.x);
            X25519Field.normalize(r.x);
        }
        X25519Field.one(r.z);
        X25519Field.mul(r.x, r.y, r.t);
        return new EdwardsPoint(r);
    }

    /** The 32-byte encoding of RFC 8032 section 5.1.2: y little-endian, with the low bit of x in the top bit. */
    public byte[] encode() {
        int[] zInverse = X25519Field.create();
        int[] x = X25519Field.create();
        int[] y = X25519Field.create();
        X25519Field.inv(p.z, zInverse);
        X25519Field.mul(p.x, zInverse, x);
        X25519Field.mul(p.y, zInverse, y);
        X25519Field.normalize(x);
        X25519Field.normalize(y);
        byte[] out = new byte[32];
        X25519Field.encode(y, out, 0);
        out[31] |= (byte) ((x[0] & 1) << 7);
        return out;
    }

    public EdwardsPoint add(EdwardsPoint other) {
        Ext r = new Ext();
        Ops.add(p, Cached.of(other.p), r, new Ops.Temp());
        return new EdwardsPoint(r);
    }

    public EdwardsPoint subtract(EdwardsPoint other) {
        Ext r = new Ext();
        Ops.sub(p, Cached.of(other.p), r, new Ops.Temp());
        return new EdwardsPoint(r);
    }

    public EdwardsPoint negate() {
        Ext r = p.copy();
        X25519Field.negate(r.x, r.x);
        X25519Field.negate(r.t, r.t);
        return new EdwardsPoint(r);
    }

    public EdwardsPoint twice() {
        Ext r = new Ext();
        Ops.dbl(p, r, new Ops.Temp());
        return new EdwardsPoint(r);
    }

    /** 8 times this point: three doublings. */
    public EdwardsPoint multiplyByCofactor() {
        Ext r = new Ext();
        Ops.Temp t = new Ops.Temp();
        Ops.dbl(p, r, t, false);
        Ops.dbl(r, r, t, false);
        Ops.dbl(r, r, t);
        return new EdwardsPoint(r);
    }

    public boolean isIdentity() {
        return p.isIdentityVar();
    }

    /** True for the eight points whose order divides the cofactor 8. */
    public boolean hasSmallOrder() {
        return multiplyByCofactor().isIdentity();
    }

    /** scalar times this point, for any 32-byte little-endian scalar (taken modulo L). Constant time. */
    public EdwardsPoint multiply(byte[] scalar) {
        return new EdwardsPoint(ConstantTime.multiply(p, Scalars.reduce(java.util.Arrays.copyOf(scalar, 64))));
    }

    /**
     * scalar times this point without reducing the scalar modulo L, for 0 &lt;= scalar &lt; 2^255 (e.g. a clamped
     * secret scalar of RFC 8032, which differs from its reduction on points with a small-order component). Constant
     * time.
     */
    public EdwardsPoint multiplyUnreduced(byte[] scalar) {
        if (scalar.length != 32 || scalar[31] < 0) {
            throw new IllegalArgumentException("scalar must be 32 bytes below 2^255");
        }
        return new EdwardsPoint(ConstantTime.multiply(p, scalar));
    }

    /** scalar times the base point B, for any 32-byte little-endian scalar (taken modulo L). Constant time. */
    public static EdwardsPoint multiplyBase(byte[] scalar) {
        return new EdwardsPoint(ConstantTime.multiplyBase(Scalars.reduce(java.util.Arrays.copyOf(scalar, 64))));
    }

    /** Equality of the points, whatever their projective representations. Variable time. */
    @Override
    public boolean equals(Object other) {
        return other instanceof EdwardsPoint o && p.equalsVar(o.p);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(encode());
    }

    @Override
    public String toString() {
        return java.util.HexFormat.of().formatHex(encode());
    }

    private static byte[] baseEncoding() {
        byte[] encoded = new byte[32];
        java.util.Arrays.fill(encoded, (byte) 0x66);
        encoded[0] = 0x58;
        return encoded;
    }

    private static int[] fe(BigInteger n) {
        int[] z = X25519Field.create();
        X25519Field.decode(Scalars.fromBigInteger(n), 0, z);
        return z;
    }

    /** A point in extended coordinates, mutable: the working form inside this package. */
    static final class Ext {
        final int[] x = X25519Field.create();
        final int[] y = X25519Field.create();
        final int[] z = X25519Field.create();
        final int[] t = X25519Field.create();

        static Ext identity() {
            Ext r = new Ext();
            r.setIdentity();
            return r;
        }

        void setIdentity() {
            X25519Field.zero(x);
            X25519Field.one(y);
            X25519Field.one(z);
            X25519Field.zero(t);
        }

        Ext copy() {
            Ext r = new Ext();
            r.set(this);
            return r;
        }

        void set(Ext o) {
            X25519Field.copy(o.x, 0, x, 0);
            X25519Field.copy(o.y, 0, y, 0);
            X25519Field.copy(o.z, 0, z, 0);
            X25519Field.copy(o.t, 0, t, 0);
        }

        boolean isIdentityVar() {
            int[] a = X25519Field.create();
            X25519Field.copy(x, 0, a, 0);
            X25519Field.normalize(a);
            int[] b = X25519Field.create();
            X25519Field.sub(y, z, b);
            X25519Field.normalize(b);
            return X25519Field.isZeroVar(a) && X25519Field.isZeroVar(b);
        }

        boolean equalsVar(Ext o) {
            int[] a = X25519Field.create();
            int[] b = X25519Field.create();
            X25519Field.mul(x, o.z, a);
            X25519Field.mul(o.x, z, b);
            X25519Field.sub(a, b, a);
            X25519Field.normalize(a);
            if (!X25519Field.isZeroVar(a)) {
                return false;
            }
            X25519Field.mul(y, o.z, a);
            X25519Field.mul(o.y, z, b);
            X25519Field.sub(a, b, a);
            X25519Field.normalize(a);
            return X25519Field.isZeroVar(a);
        }
    }

    /** A point prepared to be added: (Y + X, Y - X, Z, 2 d T). Mutable. */
    static final class Cached {
        final int[] yPlusX = X25519Field.create();
        final int[] yMinusX = X25519Field.create();
        final int[] z = X25519Field.create();
        final int[] t2d = X25519Field.create();

        static Cached of(Ext p) {
            Cached c = new Cached();
            c.set(p);
            return c;
        }

        void set(Ext p) {
            X25519Field.apm(p.y, p.x, yPlusX, yMinusX);
            X25519Field.copy(p.z, 0, z, 0);
            X25519Field.mul(p.t, D2, t2d);
        }

        void setIdentity() {
            X25519Field.one(yPlusX);
            X25519Field.one(yMinusX);
            X25519Field.one(z);
            X25519Field.zero(t2d);
        }

        /** this = mask ? o : this, for mask 0 or -1, reading everything either way. */
        void cmov(int mask, Cached o) {
            X25519Field.cmov(mask, o.yPlusX, 0, yPlusX, 0);
            X25519Field.cmov(mask, o.yMinusX, 0, yMinusX, 0);
            X25519Field.cmov(mask, o.z, 0, z, 0);
            X25519Field.cmov(mask, o.t2d, 0, t2d, 0);
        }

        /** Negates the point when negate is 1 (and not when 0), in constant time. */
        void cnegate(int negate) {
            X25519Field.cswap(negate, yPlusX, yMinusX);
            X25519Field.cnegate(negate, t2d);
        }
    }
}

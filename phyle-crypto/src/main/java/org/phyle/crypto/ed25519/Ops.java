package org.phyle.crypto.ed25519;

import org.bouncycastle.math.ec.rfc7748.X25519Field;
import org.phyle.crypto.ed25519.EdwardsPoint.Cached;
import org.phyle.crypto.ed25519.EdwardsPoint.Ext;

/**
 * The group operations on mutable points, without allocation: the formulas of Hisil, Wong, Carter and Dawson (2008)
 * for a = -1 ("add-2008-hwcd-3" and "dbl-2008-hwcd" in the Explicit-Formulas Database). Each runs a fixed sequence of
 * field operations. The output may be the same object as the first input.
 */
final class Ops {
    /** Scratch field elements, one set per thread of work. */
    static final class Temp {
        final int[] a = X25519Field.create();
        final int[] b = X25519Field.create();
        final int[] c = X25519Field.create();
        final int[] d = X25519Field.create();
        final int[] e = X25519Field.create();
        final int[] f = X25519Field.create();
        final int[] g = X25519Field.create();
        final int[] h = X25519Field.create();
    }

    private Ops() {
    }

    /** r = p + q (9 multiplications). */
    static void add(Ext p, Cached q, Ext r, Temp t) {
        addOrSub(p, q.yPlusX, q.yMinusX, q, false, r, t);
    }

    /** r = p - q: the same with -q = (Y - X, Y + X, Z, -2dT). */
    static void sub(Ext p, Cached q, Ext r, Temp t) {
        addOrSub(p, q.yMinusX, q.yPlusX, q, true, r, t);
    }

    /**
     * r = p + q for a q whose Z is one (8 multiplications: "madd-2008-hwcd-3"). Variable time in the sense that the
     * caller picks it for points it knows to be affine, which only public points are (the multi-scalar sums).
     */
    static void addAffine(Ext p, Cached q, Ext r, Temp t) {
        addOrSub(p, q.yPlusX, q.yMinusX, q, false, r, t, true);
    }

    /** r = p - q for a q whose Z is one. */
    static void subAffine(Ext p, Cached q, Ext r, Temp t) {
        addOrSub(p, q.yMinusX, q.yPlusX, q, true, r, t, true);
    }

    private static void addOrSub(Ext p, int[] qYPlusX, int[] qYMinusX, Cached q, boolean negateT, Ext r, Temp t) {
        addOrSub(p, qYPlusX, qYMinusX, q, negateT, r, t, false);
    }

    private static void addOrSub(Ext p, int[] qYPlusX, int[] qYMinusX, Cached q, boolean negateT, Ext r, Temp t,
                                 boolean qAffine) {
        X25519Field.apm(p.y, p.x, t.b, t.a);       // b = Y1 + X1, a = Y1 - X1
        X25519Field.mul(t.a, qYMinusX, t.a);       // A = (Y1 - X1)(Y2 - X2)
        X25519Field.mul(t.b, qYPlusX, t.b);        // B = (Y1 + X1)(Y2 + X2)
        X25519Field.mul(p.t, q.t2d, t.c);          // C = T1 2d T2
        X25519Field.add(p.z, p.z, t.d);
        if (!qAffine) {
            X25519Field.mul(t.d, q.z, t.d);        // D = 2 Z1 Z2 (2 Z1 when Z2 = 1)
        }
        X25519Field.apm(t.b, t.a, t.h, t.e);       // H = B + A, E = B - A
        if (negateT) {
            X25519Field.apm(t.d, t.c, t.f, t.g);   // with -C: F = D + C, G = D - C
        } else {
            X25519Field.apm(t.d, t.c, t.g, t.f);   // G = D + C, F = D - C
        }
        X25519Field.mul(t.e, t.f, r.x);
        X25519Field.mul(t.g, t.h, r.y);
        X25519Field.mul(t.e, t.h, r.t);
        X25519Field.mul(t.f, t.g, r.z);
    }

    /** r = 2p (4 squarings, 4 multiplications). */
    static void dbl(Ext p, Ext r, Temp t) {
        dbl(p, r, t, true);
    }

    /**
     * r = 2p; without T when withT is false (one multiplication less), for a doubling followed by another doubling:
     * doubling reads only X, Y and Z, addition also T.
     */
    static void dbl(Ext p, Ext r, Temp t, boolean withT) {
        X25519Field.sqr(p.x, t.a);                 // A = X^2
        X25519Field.sqr(p.y, t.b);                 // B = Y^2
        X25519Field.sqr(p.z, t.c);
        X25519Field.add(t.c, t.c, t.c);            // C = 2 Z^2
        X25519Field.add(p.x, p.y, t.e);
        X25519Field.sqr(t.e, t.e);                 // (X + Y)^2
        X25519Field.apm(t.a, t.b, t.h, t.g);       // H = A + B, G = A - B
        X25519Field.sub(t.h, t.e, t.e);            // E = H - (X + Y)^2
        X25519Field.carry(t.e);
        X25519Field.add(t.c, t.g, t.f);            // F = C + G
        X25519Field.carry(t.f);
        X25519Field.mul(t.e, t.f, r.x);
        X25519Field.mul(t.g, t.h, r.y);
        if (withT) {
            X25519Field.mul(t.e, t.h, r.t);
        }
        X25519Field.mul(t.f, t.g, r.z);
    }
}

package org.phyle.crypto.ed25519;

import org.phyle.crypto.ed25519.EdwardsPoint.Cached;
import org.phyle.crypto.ed25519.EdwardsPoint.Ext;

/**
 * Scalar multiplication for secret scalars: signed 4-bit windows, so that every scalar below 2^255 takes the same 64
 * table additions, and tables read entirely with masks, so that which entry was wanted does not decide which memory
 * is touched.
 */
final class ConstantTime {
    /** For the base point: row i holds j 256^i B for j = 1..8, 32 rows (the layout of the "ref10" implementation). */
    private static final Cached[][] BASE_ROWS = baseRows();

    private ConstantTime() {
    }

    /** scalar p, for a 32-byte little-endian scalar below 2^255. */
    static Ext multiply(Ext p, byte[] scalar) {
        byte[] digits = signedRadix16(scalar);
        Ops.Temp t = new Ops.Temp();
        Cached[] table = new Cached[8];
        Ext multiple = p.copy();
        table[0] = Cached.of(multiple);
        for (int j = 1; j < 8; j++) {
            Ops.add(multiple, table[0], multiple, t);
            table[j] = Cached.of(multiple);
        }
        Cached chosen = new Cached();
        Ext r = Ext.identity();
        for (int i = 63; i >= 0; i--) {
            if (i != 63) {
                Ops.dbl(r, r, t, false);
                Ops.dbl(r, r, t, false);
                Ops.dbl(r, r, t, false);
                Ops.dbl(r, r, t, true);
            }
            select(table, digits[i], chosen);
            Ops.add(r, chosen, r, t);
        }
        return r;
    }

    /** scalar B, for a 32-byte little-endian scalar below 2^255: 64 additions from the rows and 4 doublings. */
    static Ext multiplyBase(byte[] scalar) {
        byte[] digits = signedRadix16(scalar);
        Ops.Temp t = new Ops.Temp();
        Cached chosen = new Cached();
        Ext r = Ext.identity();
        // sum of e_i 16^i B = 16 (sum over odd i of e_i 16^(i-1) B) + sum over even i of e_i 16^i B, 16^(2k) = 256^k
        for (int i = 1; i < 64; i += 2) {
            select(BASE_ROWS[i / 2], digits[i], chosen);
            Ops.add(r, chosen, r, t);
        }
        Ops.dbl(r, r, t, false);
        Ops.dbl(r, r, t, false);
        Ops.dbl(r, r, t, false);
        Ops.dbl(r, r, t, true);
        for (int i = 0; i < 64; i += 2) {
            select(BASE_ROWS[i / 2], digits[i], chosen);
            Ops.add(r, chosen, r, t);
        }
        return r;
    }

    /**
     * The scalar as 64 digits e_i in [-8, 8] with scalar = sum e_i 16^i; needs scalar &lt; 2^255 so that the last
     * carry fits in e_63. Runs the same operations for every scalar.
     */
    static byte[] signedRadix16(byte[] scalar) {
        if (scalar.length != 32 || scalar[31] < 0) {
            throw new IllegalArgumentException("scalar must be 32 bytes below 2^255");
        }
        byte[] e = new byte[64];
        for (int i = 0; i < 32; i++) {
            e[2 * i] = (byte) (scalar[i] & 15);
            e[2 * i + 1] = (byte) ((scalar[i] >>> 4) & 15);
        }
        int carry = 0;
        for (int i = 0; i < 63; i++) {
            int v = e[i] + carry;
            carry = (v + 8) >> 4;
            e[i] = (byte) (v - (carry << 4));
        }
        e[63] = (byte) (e[63] + carry);
        return e;
    }

    /** out = digit times the point whose multiples 1..8 are the table (identity for 0), reading the whole table. */
    static void select(Cached[] table, int digit, Cached out) {
        int negative = digit >>> 31;              // 1 when negative
        int magnitude = (digit ^ -negative) + negative;
        out.setIdentity();
        for (int j = 1; j <= 8; j++) {
            int mask = ((magnitude ^ j) - 1) >> 31; // -1 when magnitude == j, else 0
            out.cmov(mask, table[j - 1]);
        }
        out.cnegate(negative);
    }

    private static Cached[][] baseRows() {
        Cached[][] rows = new Cached[32][8];
        Ops.Temp t = new Ops.Temp();
        Ext rowBase = EdwardsPoint.BASE.p.copy();
        for (int i = 0; i < 32; i++) {
            Cached first = Cached.of(rowBase);
            Ext multiple = rowBase.copy();
            rows[i][0] = first;
            for (int j = 1; j < 8; j++) {
                Ops.add(multiple, first, multiple, t);
                rows[i][j] = Cached.of(multiple);
            }
            for (int k = 0; k < 8; k++) {
                Ops.dbl(rowBase, rowBase, t);
            }
        }
        return rows;
    }
}

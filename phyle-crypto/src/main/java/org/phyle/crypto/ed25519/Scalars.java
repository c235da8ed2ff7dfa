package org.phyle.crypto.ed25519;

import java.math.BigInteger;
import org.bouncycastle.math.raw.Nat;

/**
 * Arithmetic modulo the prime order L = 2^252 + 27742317777372353535851937790883648493 of edwards25519's base point,
 * on 32-byte little-endian scalars (RFC 8032's encoding). Reduction is Barrett's (Handbook of Applied Cryptography
 * 14.42) on 32-bit words with BouncyCastle's {@link Nat} word arithmetic; every operation except
 * {@link #isCanonical} runs the same instructions for every value, so it may be used on secret scalars.
 */
public final class Scalars {
    /** L as a number, for tests and documentation. */
    public static final BigInteger ORDER =
            BigInteger.TWO.pow(252).add(new BigInteger("27742317777372353535851937790883648493"));
    /** L in 9 little-endian words (the ninth is zero). */
    private static final int[] L9 = words(ORDER, 9);
    /** Barrett's constant floor(2^512 / L), 9 words. */
    private static final int[] MU = words(BigInteger.TWO.pow(512).divide(ORDER), 9);

    private Scalars() {
    }

    /** True when the 32 bytes, read little-endian, are below L (RFC 8032's check on S). Variable time: public data. */
    public static boolean isCanonical(byte[] s) {
        if (s.length != 32) {
            return false;
        }
        for (int i = 31; i >= 0; i--) {
            int a = s[i] & 0xff;
            int b = lByte(i);
            if (a != b) {
                return a < b;
            }
        }
        return false; // equal to L
    }

    /** The 32-byte little-endian encoding of a 64-byte little-endian number modulo L (e.g. a SHA-512 digest). */
    public static byte[] reduce(byte[] wide) {
        if (wide.length != 64) {
            throw new IllegalArgumentException("reduce takes 64 bytes, not " + wide.length);
        }
        int[] x = new int[16];
        decode(wide, x, 16);
        return encode(barrett(x));
    }

    /** a * b + c modulo L, for a, b, c below 2^256 (32 bytes each, little-endian). */
    public static byte[] mulAdd(byte[] a, byte[] b, byte[] c) {
        int[] x = new int[8];
        int[] y = new int[8];
        int[] z = new int[8];
        decode(check(a), x, 8);
        decode(check(b), y, 8);
        decode(check(c), z, 8);
        int[] product = new int[16];
        Nat.mul(8, x, y, product);
        Nat.addWordAt(16, Nat.addTo(8, z, product), product, 8);
        return encode(barrett(product));
    }

    /** a * b modulo L. */
    public static byte[] mul(byte[] a, byte[] b) {
        return mulAdd(a, b, new byte[32]);
    }

    /** a + b modulo L. */
    public static byte[] add(byte[] a, byte[] b) {
        int[] x = new int[16];
        int[] y = new int[8];
        decode(check(a), x, 8);
        decode(check(b), y, 8);
        x[8] = Nat.addTo(8, y, x);
        return encode(barrett(x));
    }

    /** -a modulo L, for a below 2^256. */
    public static byte[] negate(byte[] a) {
        // L - (a mod L), then mod L again so that -0 = 0
        int[] x = new int[16];
        decode(check(a), x, 8);
        int[] r = barrett(x);
        int[] n = new int[16];
        Nat.sub(9, L9, r, n);
        return encode(barrett(n));
    }

    /** The scalar as a number (for tests). */
    public static BigInteger toBigInteger(byte[] s) {
        byte[] bigEndian = new byte[s.length];
        for (int i = 0; i < s.length; i++) {
            bigEndian[i] = s[s.length - 1 - i];
        }
        return new BigInteger(1, bigEndian);
    }

    /** A non-negative number below 2^256 as 32 little-endian bytes (for tests and encodings). */
    public static byte[] fromBigInteger(BigInteger n) {
        if (n.signum() < 0 || n.bitLength() > 256) {
            throw new IllegalArgumentException("not a 256-bit non-negative number");
        }
        byte[] out = new byte[32];
        byte[] bigEndian = n.toByteArray();
        for (int i = 0; i < 32 && i < bigEndian.length; i++) {
            out[i] = bigEndian[bigEndian.length - 1 - i];
        }
        return out;
    }

    /**
     * x mod L for x of 16 words, in 9 words (the top one zero): q = ((x >> 224) * mu) >> 288 underestimates x / L by
     * at most 2, so r = x - q L (computed mod 2^288) is below 3L and two conditional subtractions finish.
     */
    private static int[] barrett(int[] x) {
        int[] q1 = new int[9];
        System.arraycopy(x, 7, q1, 0, 9);
        int[] q2 = new int[18];
        Nat.mul(9, q1, MU, q2);
        int[] q3 = new int[9];
        System.arraycopy(q2, 9, q3, 0, 9);
        int[] q3l = new int[18];
        Nat.mul(9, q3, L9, q3l);
        int[] r = new int[9];
        Nat.sub(9, x, q3l, r); // mod 2^288; the borrow out is meaningless and dropped
        int[] t = new int[9];
        for (int i = 0; i < 2; i++) {
            int borrow = Nat.sub(9, r, L9, t); // 0 when r >= L, -1 when not
            Nat.cmov(9, borrow + 1, t, 0, r, 0);
        }
        return r;
    }

    private static byte[] check(byte[] s) {
        if (s.length != 32) {
            throw new IllegalArgumentException("a scalar has 32 bytes, not " + s.length);
        }
        return s;
    }

    private static int lByte(int i) {
        return (L9[i >>> 2] >>> (8 * (i & 3))) & 0xff;
    }

    private static void decode(byte[] bytes, int[] words, int count) {
        for (int i = 0; i < count; i++) {
            int o = 4 * i;
            words[i] = (bytes[o] & 0xff) | (bytes[o + 1] & 0xff) << 8 | (bytes[o + 2] & 0xff) << 16
                    | (bytes[o + 3] & 0xff) << 24;
        }
    }

    private static byte[] encode(int[] r) {
        byte[] out = new byte[32];
        for (int i = 0; i < 8; i++) {
            int w = r[i];
            out[4 * i] = (byte) w;
            out[4 * i + 1] = (byte) (w >>> 8);
            out[4 * i + 2] = (byte) (w >>> 16);
            out[4 * i + 3] = (byte) (w >>> 24);
        }
        return out;
    }

    private static int[] words(BigInteger n, int count) {
        byte[] le = new byte[4 * count];
        byte[] bigEndian = n.toByteArray();
        for (int i = 0; i < le.length && i < bigEndian.length; i++) {
            le[i] = bigEndian[bigEndian.length - 1 - i];
        }
        int[] w = new int[count];
        decode(le, w, count);
        return w;
    }
}

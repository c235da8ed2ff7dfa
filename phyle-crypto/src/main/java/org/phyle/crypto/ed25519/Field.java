package org.phyle.crypto.ed25519;

import java.math.BigInteger;
import org.bouncycastle.math.ec.rfc7748.X25519Field;

/** What this package needs about GF(2^255 - 19) beyond {@link X25519Field} itself. */
final class Field {
    static final BigInteger P = BigInteger.TWO.pow(255).subtract(BigInteger.valueOf(19));
    /** p in little-endian bytes, with the top bit (the sign of x in an encoding) clear. */
    private static final byte[] P_BYTES = Scalars.fromBigInteger(P);

    private Field() {
    }

    /** True when the 255-bit y of an encoding (the top bit ignored) is below p. Variable time: public data. */
    static boolean isCanonical(byte[] encoded) {
        for (int i = 31; i >= 0; i--) {
            int a = encoded[i] & (i == 31 ? 0x7f : 0xff);
            int b = P_BYTES[i] & 0xff;
            if (a != b) {
                return a < b;
            }
        }
        return false; // y = p
    }

    /** The canonical value of a field element, big-endian (for constants computed at start-up). */
    static byte[] bigEndian(int[] element) {
        int[] t = X25519Field.create();
        X25519Field.copy(element, 0, t, 0);
        X25519Field.normalize(t);
        byte[] le = new byte[32];
        X25519Field.encode(t, le, 0);
        byte[] be = new byte[32];
        for (int i = 0; i < 32; i++) {
            be[i] = le[31 - i];
        }
        return be;
    }
}

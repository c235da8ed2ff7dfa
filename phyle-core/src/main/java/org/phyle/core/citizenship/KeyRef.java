package org.phyle.core.citizenship;

import java.nio.ByteBuffer;
import org.phyle.crypto.VerifyingKey;

/**
 * A public key as the registry keeps it: its 32 bytes as four longs (48 bytes on the heap, against about 300 for a
 * {@link VerifyingKey} with its decoded point and did). Equal keys are equal records.
 */
public record KeyRef(long a, long b, long c, long d) {

    public static KeyRef of(VerifyingKey key) {
        return of(key.bytes());
    }

    public static KeyRef of(byte[] key) {
        ByteBuffer buf = ByteBuffer.wrap(key);
        return new KeyRef(buf.getLong(), buf.getLong(), buf.getLong(), buf.getLong());
    }

    public byte[] bytes() {
        return ByteBuffer.allocate(32).putLong(a).putLong(b).putLong(c).putLong(d).array();
    }

    /** The did:key of this key (it was validated when it entered the registry). */
    public String did() {
        return VerifyingKey.didOf(bytes());
    }
}

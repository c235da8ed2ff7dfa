package org.phyle.crypto;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A SHA-256 digest: 32 bytes, compared by content. Immutable: the array is copied in and out.
 */
public final class Hash implements Comparable<Hash> {
    public static final int SIZE = 32;
    private static final HexFormat HEX = HexFormat.of();
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(Hash::newDigest);

    /** Thirty-two zero bytes: the "previous block" of the genesis block. */
    public static final Hash ZERO = new Hash(new byte[SIZE]);

    private final byte[] bytes;

    private Hash(byte[] bytes) {
        this.bytes = bytes;
    }

    /** Wraps a copy of exactly 32 bytes. */
    public static Hash of(byte[] bytes) {
        if (bytes.length != SIZE) {
            throw new IllegalArgumentException("a SHA-256 hash has 32 bytes, not " + bytes.length);
        }
        return new Hash(bytes.clone());
    }

    /** SHA-256 of the concatenation of the parts. */
    public static Hash sha256(byte[]... parts) {
        MessageDigest md = SHA256.get();
        for (byte[] part : parts) {
            md.update(part);
        }
        return new Hash(md.digest());
    }

    /** SHA-256 of one prefix byte followed by the parts (RFC 9162 domain separation). */
    static Hash sha256(byte prefix, byte[]... parts) {
        MessageDigest md = SHA256.get();
        md.update(prefix);
        for (byte[] part : parts) {
            md.update(part);
        }
        return new Hash(md.digest());
    }

    /** SHA-256 of prefix || a || b without copying the two hashes out. */
    static Hash sha256(byte prefix, Hash a, Hash b) {
        MessageDigest md = SHA256.get();
        md.update(prefix);
        md.update(a.bytes);
        md.update(b.bytes);
        return new Hash(md.digest());
    }

    /** Parses 64 lowercase or uppercase hex digits. */
    public static Hash fromHex(String hex) {
        if (hex == null || hex.length() != 2 * SIZE) {
            throw new IllegalArgumentException("a SHA-256 hash is 64 hex digits");
        }
        try {
            return new Hash(HEX.parseHex(hex));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a SHA-256 hash is 64 hex digits: " + e.getMessage());
        }
    }

    /** Parses standard base64 (with padding), as in C2SP checkpoints. */
    public static Hash fromBase64(String b64) {
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(b64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not base64: " + e.getMessage());
        }
        if (!Base64.getEncoder().encodeToString(decoded).equals(b64)) {
            throw new IllegalArgumentException("not canonical base64");
        }
        return of(decoded);
    }

    public static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    /** Feeds the hash to a digest without copying it. */
    public void updateDigest(MessageDigest md) {
        md.update(bytes);
    }

    public String hex() {
        return HEX.formatHex(bytes);
    }

    public String base64() {
        return Base64.getEncoder().encodeToString(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Hash h && Arrays.equals(bytes, h.bytes);
    }

    @Override
    public int hashCode() {
        // the bytes of a hash are uniformly distributed already
        return (bytes[0] & 0xff) << 24 | (bytes[1] & 0xff) << 16 | (bytes[2] & 0xff) << 8 | (bytes[3] & 0xff);
    }

    @Override
    public int compareTo(Hash o) {
        return Arrays.compareUnsigned(bytes, o.bytes);
    }

    @Override
    public String toString() {
        return hex();
    }
}

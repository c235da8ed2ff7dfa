package org.phyle.crypto;

import java.util.Arrays;
import java.util.Base64;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * An Ed25519 public key that has passed full validation: a canonical encoding of a point on the curve whose order is
 * the prime L. Small-order and mixed-order keys, with which a signature can be made to verify for several messages or
 * keys, cannot be constructed. Its did:key form is the identity of a signer.
 */
public final class VerifyingKey {
    public static final int SIZE = 32;
    public static final int SIGNATURE_SIZE = 64;
    private static final String DID_PREFIX = "did:key:z";
    private static final byte[] MULTICODEC_ED25519_PUB = {(byte) 0xed, 0x01};
    /**
     * Every Ed25519 did:key has this many characters: the multicodec prefix 0xed01 fixes the magnitude of the 34-byte
     * number, so its base58btc form always has 47 digits. Checked before decoding, whose cost grows with the square of
     * the length.
     */
    public static final int DID_LENGTH = 56;
    /**
     * Full validation costs a scalar multiplication, as much as a signature check; a society's transactions come from
     * far fewer keys than transactions, so validated keys are remembered (and forgotten all at once when too many).
     */
    private static final int CACHE_LIMIT = 100_000;
    private static final java.util.concurrent.ConcurrentHashMap<String, VerifyingKey> BY_DID =
            new java.util.concurrent.ConcurrentHashMap<>();

    private final byte[] encoded;
    private final Ed25519.PublicPoint point;
    private final String did;
    /** The same point for {@link BatchVerifier}'s arithmetic, decoded on first use. */
    private volatile org.phyle.crypto.ed25519.EdwardsPoint edwardsPoint;

    private VerifyingKey(byte[] encoded, Ed25519.PublicPoint point) {
        this.encoded = encoded;
        this.point = point;
        this.did = didOf(encoded);
    }

    /** The did:key form of 32 key bytes, without validating them (for keys validated earlier). */
    public static String didOf(byte[] encoded) {
        if (encoded.length != SIZE) {
            throw new InvalidKeyException("an Ed25519 public key has 32 bytes, not " + encoded.length);
        }
        byte[] multicodec = new byte[MULTICODEC_ED25519_PUB.length + SIZE];
        System.arraycopy(MULTICODEC_ED25519_PUB, 0, multicodec, 0, MULTICODEC_ED25519_PUB.length);
        System.arraycopy(encoded, 0, multicodec, MULTICODEC_ED25519_PUB.length, SIZE);
        return DID_PREFIX + Base58.encode(multicodec);
    }

    /** Validates 32 bytes as an Ed25519 public key. */
    public static VerifyingKey fromBytes(byte[] encoded) {
        if (encoded.length != SIZE) {
            throw new InvalidKeyException("an Ed25519 public key has 32 bytes, not " + encoded.length);
        }
        Ed25519.PublicPoint point = Ed25519.validatePublicKeyFullExport(encoded, 0);
        if (point == null) {
            throw new InvalidKeyException("not a valid Ed25519 public key (off the curve, non-canonical, or of small order)");
        }
        return new VerifyingKey(encoded.clone(), point);
    }

    /** Parses a did:key with the ed25519-pub multicodec, base58btc encoded. */
    public static VerifyingKey fromDid(String did) {
        VerifyingKey cached = did == null ? null : BY_DID.get(did);
        if (cached != null) {
            return cached;
        }
        VerifyingKey key = parseDid(did);
        if (BY_DID.size() >= CACHE_LIMIT) {
            BY_DID.clear();
        }
        BY_DID.put(did, key);
        return key;
    }

    private static VerifyingKey parseDid(String did) {
        if (did == null || !did.startsWith(DID_PREFIX)) {
            throw new InvalidKeyException("a signer is a did:key starting with 'did:key:z'");
        }
        for (int i = DID_PREFIX.length(); i < did.length(); i++) {
            if (!Base58.isDigit(did.charAt(i))) {
                throw new InvalidKeyException("did:key is not base58btc: not a base58 character at position "
                        + (i - DID_PREFIX.length()) + ": '" + did.charAt(i) + "'");
            }
        }
        if (did.length() != DID_LENGTH) {
            throw new InvalidKeyException("an Ed25519 did:key has " + DID_LENGTH + " characters, not " + did.length());
        }
        byte[] multicodec;
        try {
            multicodec = Base58.decode(did.substring(DID_PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new InvalidKeyException("did:key is not base58btc: " + e.getMessage());
        }
        if (multicodec.length != MULTICODEC_ED25519_PUB.length + SIZE
                || multicodec[0] != MULTICODEC_ED25519_PUB[0] || multicodec[1] != MULTICODEC_ED25519_PUB[1]) {
            throw new InvalidKeyException("did:key is not an Ed25519 public key (multicodec 0xed01 and 32 bytes)");
        }
        VerifyingKey key = fromBytes(Arrays.copyOfRange(multicodec, MULTICODEC_ED25519_PUB.length, multicodec.length));
        if (!key.did.equals(did)) {
            throw new InvalidKeyException("did:key is not in canonical form");
        }
        return key;
    }

    /** True when the signature is a valid, canonical Ed25519 signature (RFC 8032) of the message by this key. */
    public boolean verify(byte[] message, byte[] signature) {
        if (signature == null || signature.length != SIGNATURE_SIZE) {
            return false;
        }
        return Ed25519.verify(signature, 0, point, message, 0, message.length);
    }

    public byte[] bytes() {
        return encoded.clone();
    }

    /** The key as a point of {@link org.phyle.crypto.ed25519.EdwardsPoint}'s arithmetic (decoded once). */
    org.phyle.crypto.ed25519.EdwardsPoint edwardsPoint() {
        org.phyle.crypto.ed25519.EdwardsPoint p = edwardsPoint;
        if (p == null) {
            p = org.phyle.crypto.ed25519.EdwardsPoint.decode(encoded);
            edwardsPoint = p;
        }
        return p;
    }

    /** The 32 key bytes, not copied: for this package's hashing only. */
    byte[] encodedView() {
        return encoded;
    }

    public String did() {
        return did;
    }

    public String base64() {
        return Base64.getEncoder().encodeToString(encoded);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VerifyingKey k && Arrays.equals(encoded, k.encoded);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(encoded);
    }

    @Override
    public String toString() {
        return did;
    }
}

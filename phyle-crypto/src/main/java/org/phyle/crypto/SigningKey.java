package org.phyle.crypto;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/** An Ed25519 private key (its 32-byte seed, RFC 8032) together with its public key. */
public final class SigningKey {
    public static final int SEED_SIZE = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] seed;
    private final VerifyingKey verifyingKey;

    private SigningKey(byte[] seed) {
        this.seed = seed;
        byte[] pub = new byte[VerifyingKey.SIZE];
        Ed25519.generatePublicKey(seed, 0, pub, 0);
        this.verifyingKey = VerifyingKey.fromBytes(pub);
    }

    public static SigningKey generate() {
        byte[] seed = new byte[SEED_SIZE];
        RANDOM.nextBytes(seed);
        return new SigningKey(seed);
    }

    public static SigningKey fromSeed(byte[] seed) {
        if (seed.length != SEED_SIZE) {
            throw new InvalidKeyException("an Ed25519 private key seed has 32 bytes, not " + seed.length);
        }
        return new SigningKey(seed.clone());
    }

    /** Reads the seed from unpadded base64url, the form key files use. */
    public static SigningKey fromBase64Url(String seed) {
        try {
            return fromSeed(Base64.getUrlDecoder().decode(seed));
        } catch (IllegalArgumentException e) {
            if (e instanceof InvalidKeyException ike) {
                throw ike;
            }
            throw new InvalidKeyException("private key is not base64url: " + e.getMessage());
        }
    }

    public byte[] sign(byte[] message) {
        byte[] signature = new byte[VerifyingKey.SIGNATURE_SIZE];
        Ed25519.sign(seed, 0, verifyingKey.bytes(), 0, message, 0, message.length, signature, 0);
        return signature;
    }

    public VerifyingKey verifyingKey() {
        return verifyingKey;
    }

    public String did() {
        return verifyingKey.did();
    }

    /** The VRF proof (RFC 9381, ECVRF-EDWARDS25519-SHA512-TAI) of alpha under this key, whose public key is ours. */
    public byte[] vrfProve(byte[] alpha) {
        return org.phyle.crypto.vrf.EcVrf.prove(seed, alpha);
    }

    /** The seed, unpadded base64url: handle with care, it is the key. */
    public String seedBase64Url() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(seed);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SigningKey k && Arrays.equals(seed, k.seed);
    }

    @Override
    public int hashCode() {
        return verifyingKey.hashCode();
    }

    @Override
    public String toString() {
        return "SigningKey(" + verifyingKey.did() + ")";
    }
}

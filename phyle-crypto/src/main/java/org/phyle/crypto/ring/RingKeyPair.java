package org.phyle.crypto.ring;

import java.security.SecureRandom;

/**
 * A key pair for ring signatures: a secret scalar x ≠ 0 and its public key K = x · G in ristretto255. For the
 * floating building tax this is a resident's opinion key: the public key is registered with the residence, and the
 * resident signs opinions with the secret.
 */
public final class RingKeyPair {
    private final Scalar secret;
    private final RistrettoElement publicKey;

    private RingKeyPair(Scalar secret) {
        if (secret.isZero()) {
            throw new RingSignatureException(RingSignatureException.Reason.SECRET_ZERO);
        }
        this.secret = secret;
        this.publicKey = RistrettoElement.multiplyGenerator(secret);
    }

    /** A fresh key pair from the generator (uniform among non-zero secrets). */
    public static RingKeyPair generate(SecureRandom random) {
        Scalar x;
        do {
            x = Scalar.random(random);
        } while (x.isZero());
        return new RingKeyPair(x);
    }

    /** The key pair of a known secret (e.g. one restored from storage); refuses 0. */
    public static RingKeyPair fromSecret(Scalar secret) {
        return new RingKeyPair(secret);
    }

    public Scalar secret() {
        return secret;
    }

    public RistrettoElement publicKey() {
        return publicKey;
    }

    @Override
    public String toString() {
        return "RingKeyPair[publicKey=" + publicKey + "]";
    }
}

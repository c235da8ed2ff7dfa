package org.phyle.core.citizenship;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.phyle.core.Rejection;
import org.phyle.core.tx.Fields;
import org.phyle.crypto.Hash;
import org.phyle.crypto.SigningKey;
import org.phyle.crypto.VerifyingKey;

/**
 * Proof that whoever binds a key to a person holds it: the key's Ed25519 signature of a message naming the society
 * and the person (or, for a host resident not yet registered, the registration). Without it, anyone could bind
 * somebody else's key and lock its holder out.
 */
public final class KeyProof {
    private KeyProof() {
    }

    /** What a new key signs to be bound to this person (rotation, recovery). */
    public static byte[] message(Hash society, Hash person) {
        return ("phyle-key-possession:v1:" + society.hex() + ":" + person.hex()).getBytes(StandardCharsets.US_ASCII);
    }

    /** What a host resident's key signs to be registered. */
    public static byte[] hostResidentMessage(Hash society) {
        return ("phyle-key-possession:v1:" + society.hex() + ":host-resident").getBytes(StandardCharsets.US_ASCII);
    }

    public static byte[] sign(SigningKey key, byte[] message) {
        return key.sign(message);
    }

    static void check(VerifyingKey key, byte[] message, byte[] proof) {
        if (!key.verify(message, proof)) {
            throw new Rejection(CitizenshipCode.BAD_KEY_PROOF, "the proof is not a signature by " + key.did()
                    + " of the possession message for this society and person");
        }
    }

    static byte[] read(Fields f, String name) {
        String s = f.base64Url(name, 86, 86, "an Ed25519 signature: 64 bytes in unpadded base64url");
        return Base64.getUrlDecoder().decode(s);
    }

    public static String encode(byte[] proof) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(proof);
    }
}

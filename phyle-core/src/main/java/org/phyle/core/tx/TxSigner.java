package org.phyle.core.tx;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;
import org.phyle.crypto.Hash;
import org.phyle.crypto.Jcs;
import org.phyle.crypto.SigningKey;

/**
 * Builds and signs transaction envelopes: what a wallet, the CLI, the demo and the load generator do. The nonce is
 * the caller's: the core draws no random numbers.
 */
public final class TxSigner {
    private TxSigner() {
    }

    /** The payload object for a transaction in a society (or the genesis payload when society is null). */
    public static ObjectNode payload(Hash society, SigningKey key, TxBody body, String nonce, long expires) {
        ObjectNode p = JsonNodeFactory.instance.objectNode();
        p.put("type", body.type());
        if (society != null) {
            p.put("society", society.hex());
        }
        p.put("signer", key.did());
        p.put("nonce", nonce);
        p.put("expires", expires);
        p.set("body", body.toJson());
        return p;
    }

    /** Signs a payload object: returns the envelope {payload, signature}. */
    public static ObjectNode sign(ObjectNode payload, SigningKey key) {
        byte[] signature = key.sign(Jcs.canonicalize(payload));
        ObjectNode envelope = JsonNodeFactory.instance.objectNode();
        envelope.set("payload", payload);
        envelope.put("signature", Base64.getUrlEncoder().withoutPadding().encodeToString(signature));
        return envelope;
    }

    public static ObjectNode sign(Hash society, SigningKey key, TxBody body, String nonce, long expires) {
        return sign(payload(society, key, body, nonce, expires), key);
    }

    /** The canonical bytes of a signed envelope, ready to send. */
    public static byte[] signBytes(Hash society, SigningKey key, TxBody body, String nonce, long expires) {
        return Jcs.canonicalize(sign(society, key, body, nonce, expires));
    }
}

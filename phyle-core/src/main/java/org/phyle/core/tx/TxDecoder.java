package org.phyle.core.tx;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.phyle.core.Rejection;
import org.phyle.crypto.Hash;
import org.phyle.crypto.Jcs;
import org.phyle.crypto.Merkle;
import org.phyle.crypto.StrictJson;
import org.phyle.crypto.VerifyingKey;

/**
 * Turns the bytes a client sends into a {@link VerifiedTx}, or a {@link Rejection} that says what is wrong. Pure and
 * thread-safe: nodes run it on many threads at once, auditors on every entry of a log.
 *
 * <p>The envelope is {@code {"payload": {...}, "signature": "<base64url>"}}; the payload has exactly the fields
 * {@code type, society, signer, nonce, expires, body} ({@code society} is absent only in the genesis transaction); the
 * signature is Ed25519 by the signer over the RFC 8785 canonical bytes of the payload.
 */
public final class TxDecoder {
    public static final String GENESIS_TYPE = "society.genesis";

    private final TxTypes types;
    private final Hash society;
    private final int maxBytes;

    /**
     * @param society  the society's id (genesis hash); null to decode the genesis transaction of a new society
     * @param maxBytes the largest canonical envelope accepted
     */
    public TxDecoder(TxTypes types, Hash society, int maxBytes) {
        this.types = types;
        this.society = society;
        this.maxBytes = maxBytes;
    }

    /** Decodes the JSON text of one envelope. */
    public VerifiedTx decode(byte[] json) {
        // whitespace around a pretty-printed envelope is tolerated, but not unboundedly
        if (json.length > 2L * maxBytes) {
            throw tooLarge(json.length);
        }
        JsonNode envelope;
        try {
            envelope = StrictJson.parse(json);
        } catch (StrictJson.MalformedJsonException e) {
            throw new Rejection(TxCode.MALFORMED, "not JSON: " + e.getMessage());
        }
        return decode(envelope);
    }

    /** Decodes one envelope already parsed (strictly) from JSON, e.g. an element of a batch. */
    public VerifiedTx decode(JsonNode envelope) {
        Unchecked u = decodeUnchecked(envelope);
        if (!u.signer().verify(u.payloadBytes, u.signature)) {
            throw u.badSignature();
        }
        return u.tx;
    }

    /**
     * Everything {@link #decode(byte[])} checks except the signature, which {@link TxBatch} then checks for many
     * envelopes at once.
     */
    Unchecked decodeUnchecked(byte[] json) {
        if (json.length > 2L * maxBytes) {
            throw tooLarge(json.length);
        }
        JsonNode envelope;
        try {
            envelope = StrictJson.parse(json);
        } catch (StrictJson.MalformedJsonException e) {
            throw new Rejection(TxCode.MALFORMED, "not JSON: " + e.getMessage());
        }
        return decodeUnchecked(envelope);
    }

    /** An envelope that passed every check but the signature's; only this package can take its transaction. */
    static final class Unchecked {
        private final VerifiedTx tx;
        private final byte[] payloadBytes;
        private final byte[] signature;

        private Unchecked(VerifiedTx tx, byte[] payloadBytes, byte[] signature) {
            this.tx = tx;
            this.payloadBytes = payloadBytes;
            this.signature = signature;
        }

        VerifyingKey signer() {
            return tx.signer();
        }

        byte[] payloadBytes() {
            return payloadBytes;
        }

        byte[] signature() {
            return signature;
        }

        /** The transaction, for a caller that has checked the signature. */
        VerifiedTx verifiedTx() {
            return tx;
        }

        Rejection badSignature() {
            return new Rejection(TxCode.BAD_SIGNATURE, "signature does not verify over the canonical payload for "
                    + tx.signer().did());
        }
    }

    /** Everything {@link #decode(JsonNode)} checks except the signature. */
    Unchecked decodeUnchecked(JsonNode envelope) {
        Fields outer = Fields.of(envelope, "", types.vocabulary());
        Fields payloadFields = outer.object("payload");
        String signatureText = outer.base64Url("signature", 86, 86,
                "an Ed25519 signature: 64 bytes in unpadded base64url (86 characters)");
        outer.end();

        String typeName = payloadFields.line("type", 1, 64);
        TxType type = types.get(typeName);
        if (type == null) {
            throw new Rejection(TxCode.UNKNOWN_TYPE, "unknown transaction type '" + typeName + "'");
        }
        boolean genesis = GENESIS_TYPE.equals(typeName);
        Hash named = null;
        if (genesis) {
            if (society != null) {
                throw new Rejection(TxCode.GENESIS_ONLY, "this society already has its genesis");
            }
        } else {
            if (society == null) {
                throw new Rejection(TxCode.GENESIS_ONLY, "the first transaction of a ledger is society.genesis");
            }
            named = payloadFields.hash("society");
            if (!named.equals(society)) {
                throw new Rejection(TxCode.WRONG_SOCIETY,
                        "transaction is for society " + named.hex() + ", this is " + society.hex());
            }
        }
        VerifyingKey signer = payloadFields.did("signer");
        String nonce = payloadFields.base64Url("nonce", 1, 64, "1 to 64 characters of A-Z a-z 0-9 _ -");
        long expires = payloadFields.integer("expires", 0, Fields.MAX_SAFE_INTEGER);
        TxBody body = type.reader().apply(payloadFields.object("body"));
        payloadFields.end();

        byte[] signature = decodeSignature(signatureText);
        String canonicalPayload;
        try {
            canonicalPayload = Jcs.canonicalString(envelope.get("payload"));
        } catch (IllegalArgumentException e) {
            throw new Rejection(TxCode.MALFORMED, "payload cannot be canonicalized: " + e.getMessage());
        }
        byte[] payloadBytes = canonicalPayload.getBytes(StandardCharsets.UTF_8);
        // RFC 8785 sorts "payload" before "signature", so the canonical envelope is this concatenation
        byte[] entry = ("{\"payload\":" + canonicalPayload + ",\"signature\":\"" + signatureText + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        if (entry.length > maxBytes) {
            throw tooLarge(entry.length);
        }
        return new Unchecked(new VerifiedTx(Hash.sha256(payloadBytes), typeName, named, signer, nonce, expires, body,
                entry, Merkle.leafHash(entry)), payloadBytes, signature);
    }

    public Hash society() {
        return society;
    }

    public int maxBytes() {
        return maxBytes;
    }

    private static byte[] decodeSignature(String text) {
        byte[] signature = Base64.getUrlDecoder().decode(text);
        // the last character carries 2 bits of the signature and 4 that must be zero
        if (!Base64.getUrlEncoder().withoutPadding().encodeToString(signature).equals(text)) {
            throw new Rejection(TxCode.BAD_SIGNATURE, "signature is not canonical base64url");
        }
        return signature;
    }

    private Rejection tooLarge(int size) {
        return new Rejection(TxCode.TOO_LARGE, "transaction has " + size + " bytes; the limit is " + maxBytes);
    }
}

package org.phyle.core.tx;

import org.phyle.crypto.Hash;
import org.phyle.crypto.VerifyingKey;

/**
 * A transaction whose envelope has been parsed and whose signature has been checked against the canonical payload.
 * Only {@link TxDecoder} makes these (the constructor is package-private), so holding one means the signature is
 * valid; whether the society accepts the transaction is decided when a block applies it.
 */
public final class VerifiedTx {
    private final Hash id;
    private final String type;
    private final Hash society;
    private final VerifyingKey signer;
    private final String nonce;
    private final long expires;
    private final TxBody body;
    private final byte[] entry;
    private final Hash leafHash;

    VerifiedTx(Hash id, String type, Hash society, VerifyingKey signer, String nonce, long expires, TxBody body,
               byte[] entry, Hash leafHash) {
        this.id = id;
        this.type = type;
        this.society = society;
        this.signer = signer;
        this.nonce = nonce;
        this.expires = expires;
        this.body = body;
        this.entry = entry;
        this.leafHash = leafHash;
    }

    /** SHA-256 of the canonical (RFC 8785) payload. */
    public Hash id() {
        return id;
    }

    public String type() {
        return type;
    }

    /** The genesis hash the payload names; null only for the genesis transaction itself. */
    public Hash society() {
        return society;
    }

    public VerifyingKey signer() {
        return signer;
    }

    public String signerDid() {
        return signer.did();
    }

    public String nonce() {
        return nonce;
    }

    /** Block time (ms since the epoch) after which the transaction is void. */
    public long expires() {
        return expires;
    }

    public TxBody body() {
        return body;
    }

    /** The canonical envelope: the exact bytes of this transaction's leaf in the log. */
    public byte[] entry() {
        return entry.clone();
    }

    /** Size of the canonical envelope in bytes. */
    public int size() {
        return entry.length;
    }

    /** RFC 9162 leaf hash of the entry. */
    public Hash leafHash() {
        return leafHash;
    }

    @Override
    public String toString() {
        return type + " " + id.hex() + " by " + signer.did();
    }
}

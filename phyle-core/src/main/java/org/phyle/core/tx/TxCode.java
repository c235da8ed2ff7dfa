package org.phyle.core.tx;

import org.phyle.core.RejectionCode;

/** Why a transaction envelope, before any mechanism looks at it, is refused. */
public enum TxCode implements RejectionCode {
    MALFORMED(Kind.MALFORMED, "The transaction is not well-formed JSON of the envelope's shape, or a field has the wrong type or form."),
    MISSING_FIELD(Kind.MALFORMED, "A required field of the envelope, payload or body is absent."),
    UNKNOWN_FIELD(Kind.MALFORMED, "The envelope, payload or body has a field this transaction type does not define."),
    UNKNOWN_TYPE(Kind.MALFORMED, "The payload names a transaction type this society does not know."),
    WRONG_SOCIETY(Kind.RULE, "The payload names another society (genesis hash); it is void here."),
    INVALID_KEY(Kind.UNAUTHENTICATED, "The signer is not a usable Ed25519 did:key (malformed, off the curve, or of small order)."),
    BAD_SIGNATURE(Kind.UNAUTHENTICATED, "The signature is malformed, non-canonical, or does not verify over the canonical payload."),
    TOO_LARGE(Kind.TOO_LARGE, "The transaction is larger than the society's limit."),
    BATCH_TOO_LARGE(Kind.TOO_LARGE, "The batch holds more transactions, or more bytes, than the node accepts at once."),
    TX_EXPIRED(Kind.RULE, "The transaction's expiry is before the time of the block that would include it."),
    EXPIRY_TOO_FAR(Kind.RULE, "The transaction's expiry is further ahead than the society's maximum transaction lifetime."),
    TX_REPLAYED(Kind.CONFLICT, "A transaction with the same id is already on the ledger; a transaction applies at most once."),
    TX_PENDING(Kind.CONFLICT, "A transaction with the same id is already waiting to be sequenced."),
    GENESIS_ONLY(Kind.RULE, "A society.genesis transaction can only be the first entry of a new ledger.");

    private final Kind kind;
    private final String meaning;

    TxCode(Kind kind, String meaning) {
        this.kind = kind;
        this.meaning = meaning;
    }

    @Override
    public Kind kind() {
        return kind;
    }

    @Override
    public String meaning() {
        return meaning;
    }
}

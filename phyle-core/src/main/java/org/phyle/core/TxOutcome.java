package org.phyle.core;

import org.phyle.core.tx.VerifiedTx;

/** What happened to a transaction offered to a block. */
public sealed interface TxOutcome {
    VerifiedTx tx();

    /** Applied; it will be the leaf at this index once the block is durable. */
    record Accepted(VerifiedTx tx, long leafIndex) implements TxOutcome {
    }

    /** Refused; nothing changed. */
    record Rejected(VerifiedTx tx, Rejection rejection) implements TxOutcome {
    }
}

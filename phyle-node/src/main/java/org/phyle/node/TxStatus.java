package org.phyle.node;

import org.phyle.core.Rejection;

/** Where a transaction stands, as far as this node knows. */
public sealed interface TxStatus {
    /** Verified and waiting for a block. */
    record Pending() implements TxStatus {
    }

    /** Durably on the ledger. */
    record Committed(long height, long leafIndex) implements TxStatus {
    }

    /** Refused when it was sequenced (remembered for a while, not on the ledger). */
    record Rejected(Rejection rejection) implements TxStatus {
    }

    /** Never seen, or refused long ago. */
    record Unknown() implements TxStatus {
    }
}

package org.phyle.core;

import org.phyle.core.tx.VerifiedTx;
import org.phyle.crypto.Hash;
import org.phyle.crypto.VerifyingKey;

/**
 * What a mechanism knows while it applies one transaction: the transaction, the block's time and height, the leaf
 * index the transaction will have in the log, and the society, whose other mechanisms it may only read.
 */
public record TxContext(Society society, VerifiedTx tx, long time, long height, long leafIndex) {
    public VerifyingKey signer() {
        return tx.signer();
    }

    public Hash txId() {
        return tx.id();
    }

    public Parameters parameters() {
        return society.parameters();
    }
}

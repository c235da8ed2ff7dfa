package org.phyle.core;

import org.phyle.core.tx.VerifiedTx;
import org.phyle.crypto.Hash;
import org.phyle.crypto.VerifyingKey;

/**
 * What a mechanism knows while it applies one of its transactions: the transaction, and the block it is in (time,
 * height, the leaf index the transaction will have, the read views of the others, the way to send effects).
 */
public record TxContext(VerifiedTx tx, BlockContext block) {
    public VerifyingKey signer() {
        return tx.signer();
    }

    public Hash txId() {
        return tx.id();
    }

    public long time() {
        return block.time();
    }

    public long height() {
        return block.height();
    }

    public long leafIndex() {
        return block.leafIndex();
    }

    public Facts facts() {
        return block.facts();
    }

    public Parameters parameters() {
        return block.parameters();
    }

    public <V> V view(Class<V> type) {
        return block.view(type);
    }

    public void send(Effect effect) {
        block.send(effect);
    }
}

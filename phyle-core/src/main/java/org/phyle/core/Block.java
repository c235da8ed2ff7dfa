package org.phyle.core;

import java.util.List;
import org.phyle.core.tx.VerifiedTx;
import org.phyle.crypto.VerifyingKey;

/** A signed block: its header, the sequencer's Ed25519 signature of the header, and its transactions in order. */
public record Block(BlockHeader header, byte[] signature, List<VerifiedTx> txs) {
    public Block {
        txs = List.copyOf(txs);
    }

    public long height() {
        return header.height();
    }

    public boolean signedBy(VerifyingKey sequencer) {
        return sequencer.verify(header.signingMessage(), signature);
    }
}

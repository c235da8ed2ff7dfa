package org.phyle.core;

import java.util.ArrayList;
import java.util.List;
import org.phyle.core.tx.VerifiedTx;
import org.phyle.crypto.Hash;
import org.phyle.crypto.MerkleAccumulator;
import org.phyle.crypto.SigningKey;
import org.phyle.crypto.VerifyingKey;

/**
 * A block in the making, for the sequencer: each offered transaction is applied at once or refused with nothing
 * changed; {@link #seal} signs the header over the accepted ones. The result equals {@link Society#apply} of the
 * sealed block on the state before it.
 */
public final class BlockBuilder {
    /** What a block is built on: the society's write side, which only {@link Society} can give. */
    interface Target {
        Hash id();

        VerifyingKey sequencer();

        Hash lastBlockHash();

        MerkleAccumulator log();

        /** Applies a transaction, or throws a Rejection having changed nothing. */
        void applyTx(VerifiedTx tx, long time, long height, long leaf);

        void finishBlock(BlockHeader header);

        void closeEmptyBlock();
    }

    private final Target society;
    private final long height;
    private final long time;
    private final long firstLeaf;
    private final List<VerifiedTx> accepted = new ArrayList<>();
    private boolean closed;

    BlockBuilder(Target society, long height, long time, long firstLeaf) {
        this.society = society;
        this.height = height;
        this.time = time;
        this.firstLeaf = firstLeaf;
    }

    public TxOutcome offer(VerifiedTx tx) {
        checkOpen();
        long leaf = society.log().size();
        try {
            society.applyTx(tx, time, height, leaf);
        } catch (Rejection r) {
            return new TxOutcome.Rejected(tx, r);
        }
        accepted.add(tx);
        return new TxOutcome.Accepted(tx, leaf);
    }

    public boolean isEmpty() {
        return accepted.isEmpty();
    }

    public int size() {
        return accepted.size();
    }

    public long height() {
        return height;
    }

    public long time() {
        return time;
    }

    /**
     * Signs the block with the sequencer's key (the one the genesis names) and closes it. A block may be empty: the
     * node seals one when something is due at the end of a block ({@link Society#nextDue}) and nothing else waits.
     */
    public Block seal(SigningKey sequencer) {
        checkOpen();
        if (!sequencer.verifyingKey().equals(society.sequencer())) {
            throw new IllegalArgumentException("the genesis names sequencer " + society.sequencer().did()
                    + ", not " + sequencer.did());
        }
        BlockHeader header = new BlockHeader(society.id(), height, society.lastBlockHash(), time, firstLeaf,
                accepted.size(), society.log().size(), society.log().root());
        Block block = new Block(header, sequencer.sign(header.signingMessage()), accepted);
        society.finishBlock(header);
        closed = true;
        return block;
    }

    /** Closes a block to which no transaction was accepted; the society is as before. */
    public void abandon() {
        checkOpen();
        if (!accepted.isEmpty()) {
            throw new IllegalStateException("transactions were applied; seal the block");
        }
        society.closeEmptyBlock();
        closed = true;
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("block " + height + " is closed");
        }
    }
}

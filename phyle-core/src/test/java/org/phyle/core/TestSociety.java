package org.phyle.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.phyle.core.sortition.Draw;
import org.phyle.core.sortition.SortitionTx;
import org.phyle.core.tx.TxBody;
import org.phyle.core.tx.TxSigner;
import org.phyle.core.tx.VerifiedTx;
import org.phyle.crypto.Hash;
import org.phyle.crypto.Jcs;
import org.phyle.crypto.SigningKey;

/**
 * The fixture the mechanisms' tests share: a society with a founder and a sequencer of fixed keys, a clock the test
 * moves, and every sealed block kept (so tests can replay them). Each transaction goes in a block of its own;
 * {@link #ok} and {@link #refused} assert which, and refused also asserts that nothing changed. Each mechanism's
 * fixture extends it with helpers of its own (citizens, proposals, stewards ...).
 */
public class TestSociety {
    public static final long T0 = 1_800_000_000_000L;
    public static final long HOUR = 3_600_000L;
    public static final long DAY = 24 * HOUR;

    public final SigningKey founder;
    public final SigningKey sequencer;
    public final Block genesis;
    public final Society society;
    public final List<Block> blocks = new ArrayList<>();
    public long now = T0;
    /** After each block, prove every draw whose stewards' time is over, as the node does. */
    public boolean autoProve;
    /** Seal a block even when its transaction was refused (what is due at its end still happens), or abandon it. */
    protected boolean sealRefused = true;
    private final String noncePrefix;
    private int nonce;

    /**
     * @param keys        the fixture's keys by number (each fixture derives its own, so their ids differ)
     * @param noncePrefix what the fixture's nonces start with
     */
    protected TestSociety(String name, String purpose, Parameters p, IntFunction<SigningKey> keys, int founderKey,
                          int sequencerKey, String noncePrefix) {
        this.noncePrefix = noncePrefix;
        this.founder = keys.apply(founderKey);
        this.sequencer = keys.apply(sequencerKey);
        this.genesis = Society.createGenesis(founder, "Founder", sequencer, name, purpose, p, T0, "genesis");
        this.society = Society.fromGenesis(genesis);
    }

    /** A transaction signed now, valid for ten minutes. */
    public VerifiedTx tx(SigningKey signer, TxBody body) {
        return society.decoder().decode(Jcs.canonicalize(TxSigner.sign(society.id(), signer, body,
                noncePrefix + nonce++, now + 600_000)));
    }

    /** Offers a transaction in a block of its own at the current time. */
    public TxOutcome offer(VerifiedTx tx) {
        BlockBuilder b = society.newBlock(now);
        TxOutcome o = b.offer(tx);
        if (b.isEmpty() && !sealRefused) {
            b.abandon();
            return o;
        }
        blocks.add(b.seal(sequencer));
        if (autoProve) {
            proveDue();
        }
        return o;
    }

    public TxOutcome submit(SigningKey signer, TxBody body) {
        return offer(tx(signer, body));
    }

    /** Submits and asserts it was accepted; returns the transaction's id. */
    public Hash ok(SigningKey signer, TxBody body) {
        TxOutcome o = submit(signer, body);
        accepted(o);
        return o.tx().id();
    }

    /** Asserts the refusal code and that the state digest did not change; the block is abandoned. */
    public Rejection refused(SigningKey signer, TxBody body, RejectionCode code) {
        Hash before = society.digest();
        BlockBuilder b = society.newBlock(now);
        TxOutcome o = b.offer(tx(signer, body));
        assertThat(o).isInstanceOf(TxOutcome.Rejected.class);
        Rejection r = ((TxOutcome.Rejected) o).rejection();
        assertThat(r.code()).as(r.toString()).isEqualTo(code);
        b.abandon();
        assertThat(society.digest()).as("nothing changed").isEqualTo(before);
        return r;
    }

    public static void accepted(TxOutcome o) {
        assertThat(o).as(() -> o instanceof TxOutcome.Rejected r ? r.rejection().toString() : "")
                .isInstanceOf(TxOutcome.Accepted.class);
    }

    /** Moves the clock and seals an empty block at the new time, so that whatever is due happens. */
    public void at(long time) {
        now = time;
        blocks.add(society.newBlock(now).seal(sequencer));
        if (autoProve) {
            proveDue();
        }
    }

    public void later(long ms) {
        at(now + ms);
    }

    /** Proves every draw whose stewards' time is over with the sequencer's VRF key, one block each. */
    public void proveDue() {
        while (proveOneDue() != null) {
            // one block per draw
        }
    }

    /** Proves the first draw due, in a block of its own; null if none is due. */
    public Block proveOneDue() {
        for (Draw d : society.sortition().pending()) {
            if (d.revealUntil() <= now) {
                BlockBuilder b = society.newBlock(now);
                accepted(b.offer(tx(sequencer, new SortitionTx.Prove(d.id(), sequencer.vrfProve(d.alpha())))));
                Block block = b.seal(sequencer);
                blocks.add(block);
                return block;
            }
        }
        return null;
    }

    /** A replica that applied every kept block from the genesis. */
    public Society replay() {
        Society replica = Society.fromGenesis(genesis);
        blocks.forEach(replica::apply);
        return replica;
    }
}

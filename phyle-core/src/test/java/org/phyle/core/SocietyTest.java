package org.phyle.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.phyle.core.notary.NotaryRecord;
import org.phyle.core.tx.TxCode;
import org.phyle.core.tx.VerifiedTx;
import org.phyle.crypto.Hash;
import org.phyle.crypto.Merkle;
import org.phyle.crypto.SigningKey;

class SocietyTest {
    final Fixture f = new Fixture();

    @Test
    void genesisCreatesTheSocietyWhoseIdIsTheGenesisPayloadHash() {
        Society s = f.society;
        VerifiedTx g = f.genesisBlock.txs().get(0);
        assertThat(s.id()).isEqualTo(g.id());
        assertThat(s.name()).isEqualTo("Test Society");
        assertThat(s.founder()).isEqualTo(f.founder.verifyingKey());
        assertThat(s.sequencer()).isEqualTo(f.sequencer.verifyingKey());
        assertThat(s.height()).isZero();
        assertThat(s.treeSize()).isEqualTo(1);
        assertThat(s.root()).isEqualTo(Merkle.leafHash(g.entry()));
        assertThat(s.parameters()).isEqualTo(Catalog.defaultParameters());
        assertThat(s.origin()).isEqualTo("phyle/" + s.id().hex());
    }

    @Test
    void genesisSignedByAnotherSequencerIsRefused() {
        Block g = f.genesisBlock;
        Block forged = new Block(g.header(), SigningKey.fromSeed(Fixture.seed(9)).sign(g.header().signingMessage()),
                g.txs());
        assertThatThrownBy(() -> Society.fromGenesis(forged)).isInstanceOf(InvalidBlockException.class)
                .hasMessageContaining("sequencer");
    }

    @Test
    void aNotaryRecordIsAppliedAndIndexedByDigest() {
        SigningKey alice = SigningKey.fromSeed(Fixture.seed(10));
        VerifiedTx tx = f.tx(alice, new NotaryRecord(Hash.sha256("minutes".getBytes()), "Minutes of the first assembly",
                Optional.of("Held online.")), Fixture.T0 + 60_000);
        BlockBuilder b = f.society.newBlock(Fixture.T0 + 1000);
        assertThat(b.offer(tx)).isInstanceOf(TxOutcome.Accepted.class)
                .extracting(o -> ((TxOutcome.Accepted) o).leafIndex()).isEqualTo(1L);
        Block block = b.seal(f.sequencer);

        assertThat(block.header().height()).isEqualTo(1);
        assertThat(block.header().treeSize()).isEqualTo(2);
        assertThat(block.header().prev()).isEqualTo(f.genesisBlock.header().hash());
        assertThat(f.society.notary().recordsOf(Hash.sha256("minutes".getBytes()))).containsExactly(1L);
        assertThat(f.society.notary().recordCount()).isEqualTo(1);
        assertThat(f.society.time()).isEqualTo(Fixture.T0 + 1000);
    }

    @Test
    void aReplayedTransactionIsRefusedAndChangesNothing() {
        VerifiedTx tx = f.notary(f.founder, "once");
        BlockBuilder b1 = f.society.newBlock(Fixture.T0 + 1000);
        assertThat(b1.offer(tx)).isInstanceOf(TxOutcome.Accepted.class);
        b1.seal(f.sequencer);
        Hash before = f.society.digest();

        BlockBuilder b2 = f.society.newBlock(Fixture.T0 + 2000);
        TxOutcome again = b2.offer(tx);
        assertThat(again).isInstanceOf(TxOutcome.Rejected.class);
        assertThat(((TxOutcome.Rejected) again).rejection().code()).isEqualTo(TxCode.TX_REPLAYED);
        b2.abandon();
        assertThat(f.society.digest()).isEqualTo(before);
    }

    @Test
    void aDuplicateWithinOneBlockIsRefused() {
        VerifiedTx tx = f.notary(f.founder, "twice");
        BlockBuilder b = f.society.newBlock(Fixture.T0 + 1000);
        assertThat(b.offer(tx)).isInstanceOf(TxOutcome.Accepted.class);
        assertThat(b.offer(tx)).isInstanceOf(TxOutcome.Rejected.class);
        assertThat(b.seal(f.sequencer).txs()).hasSize(1);
    }

    @Test
    void expiredAndTooDistantTransactionsAreRefused() {
        VerifiedTx expired = f.notary(f.founder, "late", Fixture.T0 + 500);
        VerifiedTx tooFar = f.notary(f.founder, "early", Fixture.T0 + 1000 + 3601_000);
        VerifiedTx justInTime = f.notary(f.founder, "edge", Fixture.T0 + 1000);
        Hash before = f.society.digest();
        BlockBuilder b = f.society.newBlock(Fixture.T0 + 1000);
        assertThat(code(b.offer(expired))).isEqualTo(TxCode.TX_EXPIRED);
        assertThat(code(b.offer(tooFar))).isEqualTo(TxCode.EXPIRY_TOO_FAR);
        b.abandon();
        assertThat(f.society.digest()).isEqualTo(before);
        BlockBuilder again = f.society.newBlock(Fixture.T0 + 1000);
        assertThat(again.offer(justInTime)).isInstanceOf(TxOutcome.Accepted.class);
    }

    @Test
    void replayProtectionForgetsIdsOnceTheyExpire() {
        VerifiedTx tx = f.notary(f.founder, "short-lived", Fixture.T0 + 5000);
        BlockBuilder b = f.society.newBlock(Fixture.T0 + 1000);
        b.offer(tx);
        b.seal(f.sequencer);
        assertThat(f.society.replayGuardSize()).isEqualTo(2); // genesis + tx

        BlockBuilder later = f.society.newBlock(Fixture.T0 + 4_000_000);
        later.offer(f.notary(f.founder, "later", Fixture.T0 + 4_100_000));
        later.seal(f.sequencer);
        assertThat(f.society.replayGuardSize()).isEqualTo(1);
        assertThat(f.society.isOnLedger(tx.id(), tx.expires())).isFalse();

        BlockBuilder replay = f.society.newBlock(Fixture.T0 + 4_000_001);
        assertThat(code(replay.offer(tx))).isEqualTo(TxCode.TX_EXPIRED);
        replay.abandon();
    }

    @Test
    void blockTimeNeverGoesBackwards() {
        BlockBuilder b = f.society.newBlock(Fixture.T0 - 10_000);
        assertThat(b.time()).isEqualTo(Fixture.T0);
        b.abandon();
    }

    @Test
    void aGenesisTransactionCannotBeAppliedAgain() {
        VerifiedTx genesisAgain = f.genesisBlock.txs().get(0);
        BlockBuilder b = f.society.newBlock(Fixture.T0 + 1);
        assertThat(code(b.offer(genesisAgain))).isEqualTo(TxCode.WRONG_SOCIETY);
        b.abandon();
    }

    @Test
    void aSealedBlockAppliedToACopyGivesTheSameState() {
        Society replica = Society.fromGenesis(f.genesisBlock);
        BlockBuilder b = f.society.newBlock(Fixture.T0 + 1000);
        for (int i = 0; i < 20; i++) {
            b.offer(f.notary(f.founder, "record " + i));
        }
        Block block = b.seal(f.sequencer);
        replica.apply(block);
        assertThat(replica.digest()).isEqualTo(f.society.digest());
        assertThat(replica.root()).isEqualTo(f.society.root());
    }

    @Test
    void damagedBlocksAreRefusedByReplicas() {
        BlockBuilder b = f.society.newBlock(Fixture.T0 + 1000);
        b.offer(f.notary(f.founder, "a"));
        b.offer(f.notary(f.founder, "b"));
        Block good = b.seal(f.sequencer);
        BlockHeader h = good.header();

        BlockHeader wrongRoot = new BlockHeader(h.society(), h.height(), h.prev(), h.time(), h.firstLeaf(),
                h.txCount(), h.treeSize(), Hash.sha256("x".getBytes()));
        assertRefused(new Block(wrongRoot, f.sequencer.sign(wrongRoot.signingMessage()), good.txs()), "root");

        BlockHeader wrongPrev = new BlockHeader(h.society(), h.height(), Hash.ZERO, h.time(), h.firstLeaf(),
                h.txCount(), h.treeSize(), h.root());
        assertRefused(new Block(wrongPrev, f.sequencer.sign(wrongPrev.signingMessage()), good.txs()), "link");

        BlockHeader wrongHeight = new BlockHeader(h.society(), 2, h.prev(), h.time(), h.firstLeaf(), h.txCount(),
                h.treeSize(), h.root());
        assertRefused(new Block(wrongHeight, f.sequencer.sign(wrongHeight.signingMessage()), good.txs()),
                "expected block 1");

        assertRefused(new Block(h, f.founder.sign(h.signingMessage()), good.txs()), "signature");
        assertRefused(new Block(h, good.signature(), List.of(good.txs().get(1), good.txs().get(0))), "root");
        assertRefused(new Block(h, good.signature(), good.txs().subList(0, 1)), "holds 1");

        Society replica = Society.fromGenesis(f.genesisBlock);
        replica.apply(good);
        assertThat(replica.digest()).isEqualTo(f.society.digest());
    }

    @Test
    void aSnapshotRestoresTheSameStateAndDigest() {
        for (int round = 0; round < 3; round++) {
            BlockBuilder b = f.society.newBlock(Fixture.T0 + 1000 * (round + 1));
            for (int i = 0; i < 5; i++) {
                b.offer(f.notary(f.founder, "r" + round + "-" + (i % 3)));
            }
            b.seal(f.sequencer);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Hash digest = f.society.writeSnapshot(out);
        Society restored = Society.readSnapshot(new ByteArrayInputStream(out.toByteArray()));
        assertThat(restored.digest()).isEqualTo(digest).isEqualTo(f.society.digest());
        assertThat(restored.root()).isEqualTo(f.society.root());
        assertThat(restored.height()).isEqualTo(3);

        // both go on identically
        VerifiedTx next = f.notary(f.founder, "next");
        BlockBuilder b = f.society.newBlock(Fixture.T0 + 10_000);
        b.offer(next);
        restored.apply(b.seal(f.sequencer));
        assertThat(restored.digest()).isEqualTo(f.society.digest());
    }

    @Test
    void aTruncatedSnapshotIsDetected() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        f.society.writeSnapshot(out);
        byte[] bytes = out.toByteArray();
        byte[] cut = java.util.Arrays.copyOf(bytes, bytes.length - 3);
        assertThatThrownBy(() -> Society.readSnapshot(new ByteArrayInputStream(cut)))
                .isInstanceOf(org.phyle.core.state.StateReader.CorruptStateException.class);
    }

    private static org.phyle.core.RejectionCode code(TxOutcome o) {
        assertThat(o).isInstanceOf(TxOutcome.Rejected.class);
        return ((TxOutcome.Rejected) o).rejection().code();
    }

    private void assertRefused(Block block, String reason) {
        Society replica = Society.fromGenesis(f.genesisBlock);
        Hash before = replica.digest();
        assertThatThrownBy(() -> replica.apply(block)).isInstanceOf(InvalidBlockException.class)
                .hasMessageContaining(reason);
        if (!reason.equals("root")) {
            assertThat(replica.digest()).isEqualTo(before);
        }
    }
}

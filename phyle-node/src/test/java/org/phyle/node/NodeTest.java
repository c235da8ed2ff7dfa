package org.phyle.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.phyle.core.Rejection;
import org.phyle.core.Society;
import org.phyle.core.SocietyView;
import org.phyle.core.tx.TxCode;
import org.phyle.core.tx.VerifiedTx;
import org.phyle.crypto.Checkpoint;
import org.phyle.crypto.Hash;
import org.phyle.crypto.Merkle;
import org.phyle.crypto.SigningKey;

class NodeTest {
    final SigningKey alice = SigningKey.generate();
    TestNodes.Running running;

    @AfterEach
    void tearDown() {
        if (running != null) {
            running.close();
        }
    }

    Node node() {
        return running.node;
    }

    VerifiedTx tx(String label) {
        return node().decoder().decode(Txs.notary(node().read(SocietyView::id), alice, label));
    }

    @Test
    void everyEntryIsProvableAgainstTheSignedCheckpoint() {
        running = TestNodes.small();
        Head head = node().head();
        assertThat(head.treeSize()).isEqualTo(11); // genesis and ten notary records
        Checkpoint c = Checkpoint.open(head.checkpoint(), node().checkpointVerifier(), node().read(SocietyView::origin));
        assertThat(c.size()).isEqualTo(head.treeSize());
        assertThat(c.root()).isEqualTo(node().read(SocietyView::root));
        for (long leaf = 0; leaf < head.treeSize(); leaf++) {
            byte[] entry = node().store().entry(leaf).orElseThrow();
            assertThat(Merkle.verifyInclusion(Merkle.leafHash(entry), leaf, c.size(),
                    node().merkle().inclusionProof(leaf, c.size()), c.root())).isTrue();
        }
    }

    @Test
    void aSubmittedTransactionIsAcknowledgedOnlyOnceDurable() throws Exception {
        running = TestNodes.small();
        VerifiedTx tx = tx("durable");
        Committed c = node().submit(tx).get();
        assertThat(c.txId()).isEqualTo(tx.id());
        assertThat(node().store().leafOf(tx.id())).hasValue(c.leafIndex());
        assertThat(node().status(tx.id())).isEqualTo(new TxStatus.Committed(c.height(), c.leafIndex()));
        Receipt r = node().receipt(tx.id()).orElseThrow();
        Checkpoint cp = Checkpoint.open(r.checkpoint(), node().checkpointVerifier(), node().read(SocietyView::origin));
        assertThat(Merkle.verifyInclusion(r.leafHash(), r.leafIndex(), r.treeSize(), r.inclusionProof(), cp.root()))
                .isTrue();
    }

    @Test
    void refusalsChangeNothing() throws Exception {
        running = TestNodes.small();
        VerifiedTx tx = tx("once");
        node().submit(tx).get();
        Hash digest = node().stateClaim().digest();

        // a replay is decided by the sequencer, with the society's rules
        assertThatThrownBy(() -> node().submit(tx).get()).isInstanceOf(ExecutionException.class)
                .satisfies(e -> assertThat(((Rejection) e.getCause()).code()).isEqualTo(TxCode.TX_REPLAYED));
        assertThat(node().status(tx.id())).isInstanceOf(TxStatus.Committed.class);
        VerifiedTx expired = node().decoder().decode(Txs.notary(node().read(SocietyView::id), alice, "old",
                System.currentTimeMillis() - 1000));
        assertThatThrownBy(() -> node().submit(expired)).isInstanceOf(Rejection.class)
                .satisfies(e -> assertThat(((Rejection) e).code()).isEqualTo(TxCode.TX_EXPIRED));
        VerifiedTx tooFar = node().decoder().decode(Txs.notary(node().read(SocietyView::id), alice, "far",
                System.currentTimeMillis() + 2 * 3600_000L));
        assertThatThrownBy(() -> node().submit(tooFar)).isInstanceOf(Rejection.class)
                .satisfies(e -> assertThat(((Rejection) e).code()).isEqualTo(TxCode.EXPIRY_TOO_FAR));
        assertThat(node().stateClaim().digest()).isEqualTo(digest);
    }

    @Test
    void rejectionsDecidedAtSequencingReachTheSubmitterAndAreRemembered() throws Exception {
        running = TestNodes.small();
        // two different transactions that expire before any block can include them are refused when sequenced
        long soon = System.currentTimeMillis() + 30;
        VerifiedTx tx = node().decoder().decode(Txs.notary(node().read(SocietyView::id), alice, "soon", soon));
        CompletableFuture<Committed> f;
        try {
            f = node().submit(tx);
        } catch (Rejection tooLate) {
            // a slow machine took more than 30 ms to get here: refused at admission, which is also consistent
            assertThat(tooLate.code().name()).isEqualTo("TX_EXPIRED");
            assertThat(node().store().leafOf(tx.id())).isEmpty();
            return;
        }
        Thread.sleep(40);
        // whether it made it depends on timing; either outcome must be consistent with the status
        try {
            Committed c = f.get();
            assertThat(node().status(tx.id())).isInstanceOf(TxStatus.Committed.class);
            assertThat(c.leafIndex()).isPositive();
        } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(Rejection.class);
            assertThat(node().status(tx.id())).isInstanceOf(TxStatus.Rejected.class);
            assertThat(node().store().leafOf(tx.id())).isEmpty();
        }
    }

    @Test
    void aRestartedNodeHasTheSameStateAndGoesOn() throws Exception {
        NodeConfig config = NodeConfig.defaults(TestNodes.tempDir()).withSnapshotEveryTxs(25);
        running = TestNodes.small(config);
        List<CompletableFuture<Committed>> futures = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            futures.add(node().submit(tx("before " + i)));
        }
        for (CompletableFuture<Committed> f : futures) {
            f.get();
        }
        Node.StateClaim before = node().stateClaim();
        Head head = node().head();
        running.stop();

        running = TestNodes.reopen(config);
        assertThat(node().stateClaim()).isEqualTo(before);
        assertThat(node().head()).isEqualTo(head);
        Committed after = node().submit(tx("after")).get();
        assertThat(after.leafIndex()).isEqualTo(before.treeSize());
        assertThat(node().store().snapshots()).isNotEmpty();
    }

    @Test
    void blocksAreCutByCount() throws Exception {
        NodeConfig config = NodeConfig.defaults(TestNodes.tempDir());
        running = TestNodes.small(config);
        running.stop();
        running = TestNodes.reopen(config.withBlocks(10, 60_000));
        node().submit(tx("the first one is cut at once")).get();
        long height = node().head().height();
        List<CompletableFuture<Committed>> futures = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            futures.add(node().submit(tx("count " + i)));
        }
        for (CompletableFuture<Committed> f : futures) {
            f.get();
        }
        // 30 transactions, 10 per block, and the interval (a minute) never elapsed
        assertThat(node().head().height()).isEqualTo(height + 3);
    }
}

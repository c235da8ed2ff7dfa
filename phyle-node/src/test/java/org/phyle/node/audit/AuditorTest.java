package org.phyle.node.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.phyle.core.Society;
import org.phyle.core.SocietyView;
import org.phyle.crypto.SigningKey;
import org.phyle.node.NodeConfig;
import org.phyle.node.ParallelDecoder;
import org.phyle.node.TestNodes;
import org.phyle.node.Txs;
import org.phyle.node.client.NodeClient;

class AuditorTest {
    static TestNodes.Running running;
    static TestNodes.Running other;
    static ParallelDecoder parallel;
    static String early;

    @BeforeAll
    static void start() throws Exception {
        parallel = new ParallelDecoder();
        running = TestNodes.small(NodeConfig.defaults(TestNodes.tempDir()).withSnapshotEveryTxs(30));
        early = running.node.head().checkpoint();
        SigningKey key = SigningKey.generate();
        for (int round = 0; round < 4; round++) {
            List<java.util.concurrent.CompletableFuture<?>> fs = new ArrayList<>();
            for (int i = 0; i < 25; i++) {
                fs.add(running.node.submit(running.node.decoder().decode(
                        Txs.notary(running.node.read(SocietyView::id), key, "audit " + round + "/" + i))));
            }
            for (var f : fs) {
                f.get();
            }
        }
        other = TestNodes.small();
    }

    @AfterAll
    static void stop() {
        running.close();
        other.close();
        parallel.close();
    }

    Auditor.Report verifyNode(String since, String key) {
        return new Auditor(parallel).verify(new HttpLedgerSource(new NodeClient(running.url())), since, key,
                (d, t) -> { });
    }

    @Test
    void anHonestNodePassesAndTheReplayMatchesItsClaim() {
        Auditor.Report r = verifyNode(null, null);
        assertThat(r.entries()).isEqualTo(running.node.head().treeSize());
        assertThat(r.blocks()).isEqualTo(running.node.head().height() + 1);
        assertThat(r.digest()).isEqualTo(running.node.stateClaim().digest());
        assertThat(r.claimsChecked()).isEqualTo(1);
    }

    @Test
    void theDataDirectoryPassesAndEverySnapshotDigestIsChecked() {
        try (DataDirSource source = new DataDirSource(running.dir)) {
            Auditor.Report r = new Auditor(parallel).verify(source, null, null, (d, t) -> { });
            assertThat(r.claimsChecked()).isGreaterThanOrEqualTo(1);
            assertThat(r.entries()).isEqualTo(running.node.head().treeSize());
        }
    }

    @Test
    void aCheckpointSavedEarlierMustStillBeAPrefix() {
        assertThat(verifyNode(early, null).sinceChecked()).isTrue();
        // a checkpoint of another society's log does not even verify with this sequencer's key
        assertThatThrownBy(() -> verifyNode(other.node.head().checkpoint(), null)).isInstanceOf(AuditFailure.class)
                .hasMessageContaining("--since does not verify");
    }

    @Test
    void aPinnedKeyMustBeTheGenesisSequencer() {
        String right = running.node.checkpointVerifier().vkey();
        assertThat(verifyNode(null, right).entries()).isPositive();
        String wrong = other.node.checkpointVerifier().vkey();
        assertThatThrownBy(() -> verifyNode(null, wrong)).isInstanceOf(AuditFailure.class)
                .hasMessageContaining("not the key you pinned");
    }

    @Test
    void progressIsReportedUpToTheWholeLog() {
        long[] last = new long[2];
        new Auditor(parallel).verify(new HttpLedgerSource(new NodeClient(running.url())), null, null, (d, t) -> {
            last[0] = d;
            last[1] = t;
        });
        assertThat(last[0]).isEqualTo(running.node.head().treeSize());
        assertThat(last[1]).isEqualTo(running.node.head().treeSize());
    }
}

package org.phyle.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.phyle.core.Catalog;
import org.phyle.core.Rejection;
import org.phyle.core.tx.TxCode;
import org.phyle.core.tx.TxDecoder;
import org.phyle.core.tx.VerifiedTx;
import org.phyle.crypto.Hash;
import org.phyle.crypto.SigningKey;

class MempoolTest {
    final Hash society = Hash.sha256("s".getBytes());
    final TxDecoder decoder = new TxDecoder(Catalog.TX_TYPES, society, 16384);
    final SigningKey key = SigningKey.generate();

    VerifiedTx tx(String label) {
        return decoder.decode(Txs.notary(society, key, label));
    }

    @Test
    void aDuplicateWhileWaitingIsRefused() {
        Mempool m = new Mempool(10);
        VerifiedTx a = tx("a");
        m.add(a);
        assertThatThrownBy(() -> m.add(a)).isInstanceOf(Rejection.class)
                .satisfies(e -> assertThat(((Rejection) e).code()).isEqualTo(TxCode.TX_PENDING));
        assertThat(m.size()).isEqualTo(1);
    }

    @Test
    void aFullMempoolPushesBack() {
        Mempool m = new Mempool(2);
        m.add(tx("a"));
        m.add(tx("b"));
        assertThatThrownBy(() -> m.add(tx("c"))).isInstanceOf(Rejection.class)
                .satisfies(e -> assertThat(((Rejection) e).code()).isEqualTo(NodeCode.MEMPOOL_FULL));
    }

    @Test
    void aBlockIsCutWhenEnoughWaitOrWhenItsTimeHasCome() throws Exception {
        Mempool m = new Mempool(100);
        for (int i = 0; i < 5; i++) {
            m.add(tx("t" + i));
        }
        long[] now = {1000};
        // enough waiting: cut at once, the first three in arrival order
        List<Mempool.Pending> first = m.takeBlock(3, 5000, () -> now[0]);
        assertThat(first).hasSize(3);
        // two left, fewer than three: the cut waits for its time, which has come
        now[0] = 5000;
        assertThat(m.takeBlock(3, 5000, () -> now[0])).hasSize(2);
        assertThat(m.size()).isZero();
    }

    @Test
    void closingRefusesNewOnesButHandsOutTheWaiting() throws Exception {
        Mempool m = new Mempool(10);
        m.add(tx("a"));
        m.close();
        assertThatThrownBy(() -> m.add(tx("b"))).isInstanceOf(Rejection.class)
                .satisfies(e -> assertThat(((Rejection) e).code()).isEqualTo(NodeCode.NODE_STOPPING));
        assertThat(m.takeBlock(10, Long.MAX_VALUE, () -> 0L)).hasSize(1);
        assertThat(m.takeBlock(10, Long.MAX_VALUE, () -> 0L)).isEmpty();
    }
}

package org.phyle.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.phyle.core.Society;
import org.phyle.core.SocietyView;
import org.phyle.crypto.SigningKey;
import org.phyle.node.audit.AuditFailure;
import org.phyle.node.audit.Auditor;
import org.phyle.node.audit.DataDirSource;
import org.phyle.node.store.LedgerStore;

/** A damaged data directory is detected and reported, never silently used. */
class RecoveryTest {
    NodeConfig config;
    Node.StateClaim claim;

    @BeforeEach
    void aLedgerWithSomeHistory() throws Exception {
        config = NodeConfig.defaults(TestNodes.tempDir()).withSnapshotEveryTxs(1_000_000);
        TestNodes.Running running = TestNodes.small(config);
        SigningKey key = SigningKey.generate();
        List<CompletableFuture<Committed>> futures = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            futures.add(running.node.submit(running.node.decoder().decode(
                    Txs.notary(running.node.read(SocietyView::id), key, "history " + i))));
            if (i % 10 == 9) {
                futures.get(futures.size() - 1).get(); // several blocks
            }
        }
        for (CompletableFuture<Committed> f : futures) {
            f.get();
        }
        claim = running.node.stateClaim();
        running.stop();
    }

    @AfterEach
    void cleanUp() {
        TestNodes.delete(config.dataDir());
    }

    @Test
    void anUndamagedLedgerReopensToTheSameState() {
        try (Node node = Node.open(config)) {
            assertThat(node.stateClaim()).isEqualTo(claim);
        }
    }

    @Test
    void aLostTailIsReported() throws Exception {
        sql(c -> {
            long last = longOf(c, "SELECT MAX(height) FROM blocks");
            long first = longOf(c, "SELECT first_leaf FROM blocks WHERE height = " + last);
            c.createStatement().executeUpdate("DELETE FROM entries WHERE leaf >= " + first);
            c.createStatement().executeUpdate("DELETE FROM blocks WHERE height = " + last);
            c.createStatement().executeUpdate("DELETE FROM tiles");
            c.createStatement().executeUpdate("DELETE FROM snapshots");
        });
        assertThatThrownBy(() -> Node.open(config)).isInstanceOf(CorruptLedgerException.class)
                .hasMessageContaining("lost its tail")
                .hasMessageContaining("acknowledged a checkpoint of " + claim.treeSize() + " entries");
    }

    @Test
    void aCorruptedEntryIsReportedWithItsBlock() throws Exception {
        sql(c -> {
            byte[] entry = bytesOf(c, "SELECT entry FROM entries WHERE leaf = 5");
            int at = new String(entry).indexOf("\"label\":\"") + 9;
            entry[at] ^= 1; // one bit in the label: still JSON, no longer what was signed
            try (PreparedStatement p = c.prepareStatement("UPDATE entries SET entry = ? WHERE leaf = 5")) {
                p.setBytes(1, entry);
                p.executeUpdate();
            }
            c.createStatement().executeUpdate("DELETE FROM snapshots");
        });
        assertThatThrownBy(() -> Node.open(config)).isInstanceOf(CorruptLedgerException.class)
                .hasMessageContaining("entry 5 does not verify")
                .hasMessageContaining("BAD_SIGNATURE");
    }

    @Test
    void aCorruptedEntryBeforeTheSnapshotIsFoundByTheAuditor() throws Exception {
        sql(c -> {
            byte[] entry = bytesOf(c, "SELECT entry FROM entries WHERE leaf = 3");
            int at = new String(entry).indexOf("\"label\":\"") + 9;
            entry[at] ^= 1;
            try (PreparedStatement p = c.prepareStatement("UPDATE entries SET entry = ? WHERE leaf = 3")) {
                p.setBytes(1, entry);
                p.executeUpdate();
            }
        });
        try (ParallelDecoder parallel = new ParallelDecoder(); DataDirSource source = new DataDirSource(config.dataDir())) {
            assertThatThrownBy(() -> new Auditor(parallel).verify(source, null, null, (d, t) -> { }))
                    .isInstanceOf(AuditFailure.class).hasMessageContaining("entry 3 does not verify");
        }
    }

    @Test
    void aTamperedBlockSignatureIsReported() throws Exception {
        sql(c -> {
            byte[] sig = bytesOf(c, "SELECT signature FROM blocks WHERE height = 2");
            sig[7] ^= 1;
            try (PreparedStatement p = c.prepareStatement("UPDATE blocks SET signature = ? WHERE height = 2")) {
                p.setBytes(1, sig);
                p.executeUpdate();
            }
            c.createStatement().executeUpdate("DELETE FROM snapshots");
        });
        assertThatThrownBy(() -> Node.open(config)).isInstanceOf(CorruptLedgerException.class)
                .hasMessageContaining("block 2: signature does not verify");
    }

    @Test
    void aDamagedSnapshotIsSetAsideAndTheBlocksReplayed() throws Exception {
        Path snapshot;
        try (var files = Files.list(config.dataDir().resolve("snapshots"))) {
            snapshot = files.filter(p -> p.toString().endsWith(".bin")).findFirst().orElseThrow();
        }
        try (RandomAccessFile f = new RandomAccessFile(snapshot.toFile(), "rw")) {
            f.seek(f.length() / 2);
            int b = f.read();
            f.seek(f.length() / 2);
            f.write(b ^ 0x40);
        }
        try (Node node = Node.open(config)) {
            assertThat(node.stateClaim()).isEqualTo(claim);
        }
    }

    @Test
    void aTruncatedDatabaseIsReported() throws Exception {
        Path db = config.dataDir().resolve(LedgerStore.FILE);
        try (RandomAccessFile f = new RandomAccessFile(db.toFile(), "rw")) {
            f.setLength(f.length() / 2);
        }
        assertThatThrownBy(() -> Node.open(config)).isInstanceOf(CorruptLedgerException.class)
                .hasMessageContaining("is damaged");
    }

    @Test
    void aTruncatedWriteAheadLogIsReportedAsALostTail() throws Exception {
        Path wal = config.dataDir().resolve(LedgerStore.FILE + "-wal");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(wal) && Files.size(wal) > 8192,
                "the recent blocks are in the write-ahead log");
        try (RandomAccessFile f = new RandomAccessFile(wal.toFile(), "rw")) {
            f.setLength(f.length() / 2);
        }
        assertThatThrownBy(() -> Node.open(config)).isInstanceOf(CorruptLedgerException.class)
                .hasMessageContaining("is damaged");
    }

    @Test
    void aNodeKeyThatIsNotTheSequencerIsRefused() throws Exception {
        Files.delete(config.nodeKeyFile());
        KeyFile.write(config.nodeKeyFile(), SigningKey.generate());
        assertThatThrownBy(() -> Node.open(config)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is not the sequencer");
    }

    interface Sql {
        void run(Connection c) throws SQLException;
    }

    void sql(Sql body) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + config.dataDir().resolve(LedgerStore.FILE))) {
            body.run(c);
        }
    }

    static long longOf(Connection c, String query) throws SQLException {
        try (ResultSet rs = c.createStatement().executeQuery(query)) {
            return rs.getLong(1);
        }
    }

    static byte[] bytesOf(Connection c, String query) throws SQLException {
        try (ResultSet rs = c.createStatement().executeQuery(query)) {
            return rs.getBytes(1);
        }
    }
}

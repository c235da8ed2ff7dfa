package org.phyle.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.phyle.crypto.Hash;
import org.phyle.crypto.SigningKey;
import org.phyle.node.client.NodeClient;
import org.phyle.node.demo.DemoSociety;
import org.phyle.node.store.DataDirLock;

/**
 * One writer per data directory, and the truth when storage fails: a second node on a directory is refused and told
 * who holds it; a sequencer whose storage fails refuses every transaction in flight at once and stops the node.
 */
class OneWriterTest {
    Path dir;
    Process first;
    Process second;

    @AfterEach
    void cleanUp() {
        for (Process p : new Process[] {first, second}) {
            if (p != null) {
                p.destroyForcibly();
            }
        }
        TestNodes.delete(dir);
    }

    @Test
    void aSecondNodeInTheSameProcessIsRefusedUntilTheFirstCloses() {
        dir = TestNodes.tempDir();
        DemoSociety.create(dir);
        NodeConfig config = NodeConfig.defaults(dir);
        try (Node node = Node.open(config)) {
            assertThatThrownBy(() -> Node.open(config)).isInstanceOf(DataDirLock.HeldException.class)
                    .hasMessageContaining("in use by another node")
                    .hasMessageContaining("pid=" + ProcessHandle.current().pid());
            // another spelling of the same directory is the same directory
            assertThatThrownBy(() -> Node.open(NodeConfig.defaults(dir.resolve("..").resolve(dir.getFileName()))))
                    .isInstanceOf(DataDirLock.HeldException.class);
            assertThat(node.head().height()).isGreaterThanOrEqualTo(0);
        }
        try (Node again = Node.open(config)) {
            assertThat(again.head().height()).isGreaterThanOrEqualTo(0);
        }
    }

    @Test
    void aSecondNodeProcessOnTheSameDirectoryRefusesToStartAndNamesTheHolder() throws Exception {
        dir = TestNodes.tempDir();
        DemoSociety.create(dir);
        int port = freePort();
        first = startNode(port, "one-writer-first");
        int otherPort = freePort();
        Path log = Path.of("target", "one-writer-second.log");
        second = launch(otherPort, log);
        assertThat(second.waitFor(60, TimeUnit.SECONDS)).as("the second node exits").isTrue();
        String said = Files.readString(log);
        assertThat(second.exitValue()).as(said).isEqualTo(1);
        assertThat(said).contains("is in use by another node").contains("pid=" + first.pid())
                .contains("port=" + port);

        // the first node was not disturbed: it still commits
        NodeClient client = new NodeClient("http://127.0.0.1:" + port);
        Hash society = Hash.fromHex(client.society().get("id").asText());
        JsonNode answer = client.submit(Txs.notary(society, SigningKey.generate(), "after the refusal"), true);
        assertThat(answer.get("status").asText()).isEqualTo("committed");
    }

    @Test
    void aStorageFailureRefusesTheTransactionInFlightAndStopsTheNode() throws Exception {
        dir = TestNodes.tempDir();
        DemoSociety.create(dir);
        int port = freePort();
        first = startNode(port, "storage-failure");
        NodeClient client = new NodeClient("http://127.0.0.1:" + port);
        Hash society = Hash.fromHex(client.society().get("id").asText());
        long next = client.state().get("height").asLong() + 1;

        // what a second writer did before the lock: a block at the height the sequencer will store next
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("ledger.db"))) {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO blocks(height, first_leaf, tx_count, time,"
                    + " header, signature, checkpoint) VALUES (?, 0, 0, 0, x'00', x'00', '')")) {
                s.setLong(1, next);
                s.executeUpdate();
            }
        }
        byte[] tx = Txs.notary(society, SigningKey.generate(), "lost to a second writer");
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> client.submit(tx, true)).isInstanceOfSatisfying(NodeClient.ProblemException.class,
                p -> {
                    assertThat(p.code()).isEqualTo("NODE_FAILED");
                    assertThat(p.status()).isEqualTo(503);
                    assertThat(p.getMessage()).contains("not on the ledger");
                });
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0))
                .as("answered when the block failed, not after the commit wait").isLessThan(20);

        assertThat(first.waitFor(60, TimeUnit.SECONDS)).as("the node stops").isTrue();
        assertThat(first.exitValue()).isEqualTo(1);
        assertThat(Files.readString(Path.of("target", "storage-failure.log"))).contains("the node STOPPED")
                .contains("none of them is on the ledger");
    }

    @Test
    void aFailureAfterTheBlockIsStoredDoesNotCallItsTransactionsLost() throws Exception {
        dir = TestNodes.tempDir();
        DemoSociety.create(dir);
        NodeConfig config = NodeConfig.defaults(dir);
        Hash id;
        try (Node node = Node.open(config)) {
            node.start();
            // the head file is written beside and renamed; a directory where its temporary file goes makes that
            // write fail after the block's SQLite commit (permissions would not stop a root user)
            Files.createDirectory(dir.resolve("head.checkpoint.tmp"));
            var tx = node.decoder().decode(Txs.notary(node.read(org.phyle.core.SocietyView::id), SigningKey.generate(),
                    "stored, then the head file failed"));
            id = tx.id();
            var result = node.submit(tx);
            assertThatThrownBy(() -> result.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(org.phyle.core.Rejection.class)
                    .cause().hasMessageContaining("just after storing this transaction's block")
                    .hasMessageContaining("ask for its status");
            assertThat(node.whenFailed().get(10, TimeUnit.SECONDS)).isInstanceOf(java.io.UncheckedIOException.class);
            assertThatThrownBy(() -> node.submit(node.decoder().decode(Txs.notary(node.read(
                    org.phyle.core.SocietyView::id), SigningKey.generate(), "after the failure"))))
                    .isInstanceOf(org.phyle.core.Rejection.class).hasMessageContaining("storage failure");
        }
        Files.delete(dir.resolve("head.checkpoint.tmp"));
        try (Node again = Node.open(config)) {
            assertThat(again.status(id)).isInstanceOf(TxStatus.Committed.class);
        }
    }

    private Process startNode(int port, String name) throws IOException, InterruptedException {
        Path log = Path.of("target", name + ".log");
        Process p = launch(port, log);
        NodeClient client = new NodeClient("http://127.0.0.1:" + port);
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            if (!p.isAlive()) {
                throw new IllegalStateException("the node exited: " + Files.readString(log));
            }
            try {
                if ("ok".equals(client.health().path("status").asText())) {
                    return p;
                }
            } catch (RuntimeException notYet) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("the node did not come up: " + Files.readString(log));
    }

    private Process launch(int port, Path log) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Files.createDirectories(log.toAbsolutePath().getParent());
        return new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"),
                "org.phyle.node.cli.Main", "serve", "--data", dir.toString(), "--port", Integer.toString(port))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}

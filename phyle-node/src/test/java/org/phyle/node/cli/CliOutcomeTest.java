package org.phyle.node.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.phyle.node.cli.CliTest.phyle;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.phyle.crypto.Hash;
import org.phyle.node.NodeConfig;
import org.phyle.node.TestNodes;
import org.phyle.node.demo.DemoSociety;

/**
 * Committed, refused and pending are three outcomes with three exit codes, and the CLI prints a block and a leaf only
 * when the node named them. The node cuts a block at most every two minutes after the first, so a transaction sent
 * after that first block is still waiting when the node's commit wait (30 s) ends.
 */
class CliOutcomeTest {
    static TestNodes.Running running;
    static Path work;

    @BeforeAll
    static void start() {
        Path dir = TestNodes.tempDir();
        DemoSociety.create(dir);
        running = TestNodes.reopen(NodeConfig.defaults(dir).withBlocks(5000, 120_000));
        work = TestNodes.tempDir();
    }

    @AfterAll
    static void stop() {
        running.close();
        TestNodes.delete(work);
    }

    private static Path signed(Path key, String label) {
        Path tx = work.resolve(label + ".json");
        CliTest.Run sign = phyle("sign", "--key", key.toString(), "--type", "notary.record", "--node", running.url(),
                "--body", "{\"digest\":\"" + Hash.sha256(label.getBytes()).hex() + "\",\"label\":\"" + label + "\"}",
                "--out", tx.toString());
        assertThat(sign.exit()).as(sign.err()).isZero();
        return tx;
    }

    private static int closedPort() throws java.io.IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void committedRefusedAndPendingExitDifferently() throws Exception {
        Path key = work.resolve("k.key");
        assertThat(phyle("keygen", "--out", key.toString()).exit()).isZero();

        Path first = signed(key, "first");
        CliTest.Run committed = phyle("submit", first.toString(), "--node", running.url());
        assertThat(committed.exit()).as(committed.out() + committed.err()).isEqualTo(Outcome.OK);
        assertThat(committed.out()).matches("(?s)committed [0-9a-f]{64} block \\d+ leaf \\d+\\s*");

        Path elsewhere = work.resolve("elsewhere.json");
        assertThat(phyle("sign", "--key", key.toString(), "--type", "notary.record", "--society", "ab".repeat(32),
                "--body", "{\"digest\":\"" + "cd".repeat(32) + "\",\"label\":\"x\"}", "--out", elsewhere.toString())
                .exit()).isZero();
        CliTest.Run refused = phyle("submit", elsewhere.toString(), "--node", running.url());
        assertThat(refused.exit()).isEqualTo(Outcome.REFUSED);
        assertThat(refused.out()).startsWith("refused ").contains("society").doesNotContain("block");

        // the next block is two minutes away: queued, not committed
        CliTest.Run queued = phyle("submit", signed(key, "second").toString(), "--node", running.url(), "--no-wait");
        assertThat(queued.exit()).isEqualTo(Outcome.PENDING);
        assertThat(queued.out()).startsWith("pending ").doesNotContain("block").doesNotContain("leaf");
        String waiting = queued.out().trim().split("\\s+")[1];
        CliTest.Run receipt = phyle("receipt", waiting, "--node", running.url());
        assertThat(receipt.exit()).as(receipt.out() + receipt.err()).isEqualTo(Outcome.PENDING);
        assertThat(receipt.err()).startsWith("pending: " + waiting);

        // nothing sent: a failure (1); sent but no answer: unknown, so pending (4)
        Path third = signed(key, "third");
        CliTest.Run unreachable = phyle("submit", third.toString(), "--node", "http://127.0.0.1:" + closedPort());
        assertThat(unreachable.exit()).isEqualTo(Outcome.FAILED);
        assertThat(unreachable.err()).contains("cannot reach the node");
        try (java.net.ServerSocket silent = new java.net.ServerSocket(0)) {
            Thread hangUp = new Thread(() -> {
                try (java.net.Socket s = silent.accept()) {
                    s.getInputStream().read(new byte[4096]); // the request arrives; the answer never does
                } catch (java.io.IOException ignored) {
                    // the test ends either way
                }
            });
            hangUp.start();
            CliTest.Run lost = phyle("submit", third.toString(), "--node", "http://127.0.0.1:" + silent.getLocalPort());
            hangUp.join(10_000);
            assertThat(lost.exit()).as(lost.out() + lost.err()).isEqualTo(Outcome.PENDING);
            assertThat(lost.out()).startsWith("unknown ").contains("no answer from the node");
        }

        Path doc = work.resolve("doc.txt");
        Files.writeString(doc, "not in a block yet");
        CliTest.Run waited = phyle("notary", "record", doc.toString(), "--label", "Waits", "--key", key.toString(),
                "--node", running.url());
        assertThat(waited.exit()).as(waited.out() + waited.err()).isEqualTo(Outcome.PENDING);
        assertThat(waited.out()).doesNotContain("block").doesNotContain("leaf");
        assertThat(waited.err()).contains("pending").contains("phyle receipt");
    }
}

package org.phyle.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.phyle.crypto.Hash;
import org.phyle.crypto.SigningKey;
import org.phyle.node.audit.Auditor;
import org.phyle.node.audit.HttpLedgerSource;
import org.phyle.node.audit.ReceiptCheck;
import org.phyle.node.client.NodeClient;
import org.phyle.node.demo.DemoSociety;
import org.phyle.crypto.SignedNote;

/**
 * Property 2 of the architecture: a block acknowledged to a client survives kill -9 at any instant. The node runs as
 * a separate process (the real CLI), is loaded by several clients, is killed with SIGKILL in the middle of the load,
 * and is restarted; every transaction it had acknowledged must be in the log with a valid receipt, and a full audit
 * of the restarted node must pass.
 */
class CrashTest {
    Path dir;
    Process process;

    @AfterEach
    void cleanUp() {
        if (process != null) {
            process.destroyForcibly();
        }
        TestNodes.delete(dir);
    }

    @Test
    void acknowledgedTransactionsSurviveSigkill() throws Exception {
        dir = TestNodes.tempDir();
        DemoSociety.create(dir);
        int port = freePort();
        process = startNode(port, "first");
        NodeClient client = new NodeClient("http://127.0.0.1:" + port);
        Hash society = Hash.fromHex(client.society().get("id").asText());

        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicBoolean killed = new AtomicBoolean();
        AtomicInteger failedRequests = new AtomicInteger();
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
            int clientNo = c;
            Thread t = new Thread(() -> {
                // the founder's writes are not limited by the write quotas; other keys would be after a few
                SigningKey key = KeyFile.read(dir.resolve("keys/founder.key"));
                for (int round = 0; !killed.get(); round++) {
                    StringBuilder batch = new StringBuilder("[");
                    for (int i = 0; i < 100; i++) {
                        batch.append(i == 0 ? "" : ",").append(new String(Txs.notary(society, key,
                                "crash " + clientNo + "/" + round + "/" + i)));
                    }
                    try {
                        JsonNode answer = client.submitBatch(batch.append("]").toString().getBytes(), true);
                        for (JsonNode r : answer.get("results")) {
                            if ("committed".equals(r.path("status").asText())) {
                                acknowledged.add(r.get("txId").asText());
                            }
                        }
                    } catch (RuntimeException e) {
                        failedRequests.incrementAndGet();
                        if (killed.get()) {
                            return;
                        }
                    }
                }
            });
            t.start();
            clients.add(t);
        }
        long deadline = System.currentTimeMillis() + 60_000;
        while (acknowledged.size() < 3000 && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertThat(acknowledged.size()).as("transactions acknowledged before the kill").isGreaterThanOrEqualTo(3000);
        killed.set(true);
        process.destroyForcibly(); // SIGKILL: no shutdown hook, no snapshot, no flush
        process.waitFor();
        for (Thread t : clients) {
            t.join(30_000);
        }
        Set<String> acked = Set.copyOf(acknowledged);

        process = startNode(port, "restarted");
        JsonNode info = client.society();
        SignedNote.Verifier verifier = SignedNote.Verifier.parse(info.at("/sequencer/vkey").asText());
        for (String id : acked) {
            JsonNode receipt = client.receipt(id);
            assertThat(ReceiptCheck.verify(receipt, verifier, info.get("origin").asText()).txId().hex()).isEqualTo(id);
        }
        try (ParallelDecoder parallel = new ParallelDecoder()) {
            Auditor.Report report = new Auditor(parallel).verify(new HttpLedgerSource(client), null, null,
                    (d, t) -> { });
            assertThat(report.entries()).isGreaterThanOrEqualTo(acked.size() + 1L);
        }
    }

    private Process startNode(int port, String name) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Path log = Path.of("target", "crash-test-" + name + ".log");
        Files.createDirectories(log.getParent());
        Process p = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"),
                "org.phyle.node.cli.Main", "serve", "--data", dir.toString(), "--port", Integer.toString(port))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
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

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}

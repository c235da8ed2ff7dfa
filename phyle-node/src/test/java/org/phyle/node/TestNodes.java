package org.phyle.node;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.phyle.node.demo.DemoSociety;
import org.phyle.node.http.ApiServer;

/** Real nodes for tests: a temporary data directory, a real SQLite ledger, a real HTTP server on a free port. */
public final class TestNodes {
    private TestNodes() {
    }

    /** A running node with its HTTP server; closing it stops both and deletes the directory. */
    public static final class Running implements AutoCloseable {
        public final Path dir;
        public final Node node;
        public final ApiServer server;
        /** The demo's history, or null for a small society. */
        public final DemoSociety.Seeded seeded;

        Running(Path dir, Node node, ApiServer server, DemoSociety.Seeded seeded) {
            this.dir = dir;
            this.node = node;
            this.server = server;
            this.seeded = seeded;
        }

        /** The node's clock, which a test may step forward (a demo node's is a {@link SteppedClock}). */
        public SteppedClock clock() {
            return (SteppedClock) node.config().clock();
        }

        public String url() {
            return "http://127.0.0.1:" + server.port();
        }

        /** Stops the server and the node but keeps the data directory (to reopen it). */
        public void stop() {
            server.close();
            node.close();
        }

        @Override
        public void close() {
            stop();
            delete(dir);
        }
    }

    /** The demo society with its whole history (some 2,500 transactions over 100 days), served on a free port. */
    public static Running demo() {
        return demo(NodeConfig.defaults(tempDir()));
    }

    public static Running demo(NodeConfig config) {
        DemoSociety.Demo demo = DemoSociety.build(config);
        return new Running(config.dataDir(), demo.node(), new ApiServer(demo.node()).start("127.0.0.1", 0),
                demo.seeded());
    }

    /** A society whose ledger holds only its genesis and ten notary records: quick to make, for ledger tests. */
    public static Running small() {
        return small(NodeConfig.defaults(tempDir()));
    }

    public static Running small(NodeConfig config) {
        DemoSociety.create(config.dataDir());
        Node node = Node.open(config);
        node.start();
        DemoSociety.seedRecordsOnly(node, config.dataDir());
        return new Running(config.dataDir(), node, new ApiServer(node).start("127.0.0.1", 0), null);
    }

    /** Reopens a stopped node's directory and serves it again. */
    public static Running reopen(NodeConfig config) {
        Node node = Node.open(config);
        node.start();
        return new Running(config.dataDir(), node, new ApiServer(node).start("127.0.0.1", 0), null);
    }

    public static Path tempDir() {
        try {
            return Files.createTempDirectory("phyle-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void delete(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.phyle.node.cli;

import java.nio.file.Path;
import java.util.Map;
import org.phyle.core.economy.Economy;
import org.phyle.crypto.SigningKey;
import org.phyle.node.KeyFile;
import org.phyle.node.TestNodes;
import org.phyle.node.demo.DemoSociety;

/**
 * The demo society served for a class of command-line tests: its running node, a work directory for key files, and
 * everyone's keys by name. Made in a {@code @BeforeAll}, closed in the {@code @AfterAll}.
 */
final class CliDemo implements AutoCloseable {
    final TestNodes.Running running;
    final Path work;
    final Map<String, SigningKey> keys;

    CliDemo() {
        running = TestNodes.demo();
        work = TestNodes.tempDir();
        keys = DemoSociety.keys(running.dir);
    }

    String url() {
        return running.url();
    }

    /** A key written to a key file in the work directory (once), named by its did. */
    Path keyFile(SigningKey key) {
        Path file = work.resolve(key.did().substring(8, 30) + ".key");
        if (!file.toFile().exists()) {
            KeyFile.write(file, key);
        }
        return file;
    }

    /** A demo person's key, written to a key file. */
    Path keyFile(String name) {
        return keyFile(keys.get(name));
    }

    long spendable(String did) {
        return running.node.read(s -> s.view(Economy.class).spendable(did, s.time()));
    }

    @Override
    public void close() {
        running.close();
        TestNodes.delete(work);
    }
}

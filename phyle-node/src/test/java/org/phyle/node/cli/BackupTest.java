package org.phyle.node.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.phyle.node.cli.CliTest.phyle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.phyle.core.Society;
import org.phyle.core.SocietyView;
import org.phyle.crypto.Hash;
import org.phyle.crypto.SigningKey;
import org.phyle.crypto.StrictJson;
import org.phyle.node.Node;
import org.phyle.node.NodeConfig;
import org.phyle.node.TestNodes;
import org.phyle.node.Txs;
import org.phyle.node.client.NodeClient;
import org.phyle.node.demo.DemoSociety;
import org.phyle.node.store.LedgerBackup;

/** {@code phyle backup} while the node takes load, and {@code phyle restore}, which verifies before it puts in place. */
class BackupTest {
    TestNodes.Running running;
    Path work;

    @AfterEach
    void cleanUp() {
        if (running != null) {
            running.close();
        }
        TestNodes.delete(work);
    }

    @Test
    void aBackupTakenUnderLoadRestoresAndReplaysToTheSameDigest() throws Exception {
        work = TestNodes.tempDir();
        Path dir = work.resolve("data");
        DemoSociety.create(dir);
        running = TestNodes.reopen(NodeConfig.defaults(dir).withBlocks(200, 20).withSnapshotEveryTxs(1500));
        Map<Long, Hash> digests = new ConcurrentHashMap<>();
        running.node.onHead(h -> digests.put(h.height(), running.node.read(SocietyView::digest)));
        digests.put(running.node.head().height(), running.node.read(SocietyView::digest));

        NodeClient client = new NodeClient(running.url());
        Hash society = running.node.read(SocietyView::id);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger committed = new AtomicInteger();
        List<Thread> load = new ArrayList<>();
        for (int c = 0; c < 2; c++) {
            int no = c;
            Thread t = new Thread(() -> {
                // the founder's writes are not limited by the write quotas; an unregistered key's stop after 30
                SigningKey key = org.phyle.node.KeyFile.read(dir.resolve("keys/founder.key"));
                for (int round = 0; !stop.get(); round++) {
                    StringBuilder batch = new StringBuilder("[");
                    for (int i = 0; i < 50; i++) {
                        batch.append(i == 0 ? "" : ",").append(new String(Txs.notary(society, key,
                                "load " + no + "/" + round + "/" + i)));
                    }
                    JsonNode answer = client.submitBatch(batch.append("]").toString().getBytes(), true);
                    committed.addAndGet(answer.get("committed").asInt());
                }
            });
            t.start();
            load.add(t);
        }
        while (committed.get() < 2000) {
            Thread.sleep(20);
        }
        Path backup = work.resolve("society.backup");
        CliTest.Run taken = phyle("backup", "--data", dir.toString(), "--out", backup.toString());
        int atBackup = committed.get();
        while (committed.get() < atBackup + 1000) {
            Thread.sleep(20);
        }
        stop.set(true);
        for (Thread t : load) {
            t.join(30_000);
        }
        assertThat(taken.exit()).as(taken.out() + taken.err()).isZero();
        assertThat(Files.getPosixFilePermissions(backup).toString()).isEqualTo("[OWNER_READ, OWNER_WRITE]");
        try (Stream<Path> left = Files.list(work)) {
            assertThat(left.map(p -> p.getFileName().toString())).allMatch(n -> !n.startsWith(".phyle-backup-"));
        }

        Path restored = work.resolve("restored");
        CliTest.Run restore = phyle("restore", backup.toString(), "--data", restored.toString());
        assertThat(restore.exit()).as(restore.out() + restore.err()).isZero();
        assertThat(restore.out()).startsWith("RESTORED: ").contains("snapshot claim(s) matched");

        long originalHeight = running.node.head().height();
        try (Node node = Node.open(NodeConfig.defaults(restored))) {
            Node.StateClaim claim = node.stateClaim();
            assertThat(claim.height()).as("taken under load: later blocks are not in it").isLessThan(originalHeight);
            assertThat(claim.treeSize()).isGreaterThan(2000);
            assertThat(claim.digest()).isEqualTo(digests.get(claim.height()));
        }
    }

    @Test
    void restoreRefusesADamagedBackupAndPutsNothingInPlace() throws Exception {
        work = TestNodes.tempDir();
        running = TestNodes.small();
        Path backup = work.resolve("small.backup");
        assertThat(phyle("backup", "--data", running.dir.toString(), "--out", backup.toString()).exit()).isZero();
        CliTest.Run again = phyle("backup", "--data", running.dir.toString(), "--out", backup.toString());
        assertThat(again.exit()).isEqualTo(1);
        assertThat(again.err()).contains("already exists");

        // an entry rewritten, and the manifest's hash made to match: only the full verification can tell
        Path unpacked = work.resolve("unpacked");
        LedgerBackup.unpack(backup, unpacked);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + unpacked.resolve("ledger.db"));
             PreparedStatement p = c.prepareStatement("UPDATE entries SET entry = replace(entry, 'record', 'recorx')"
                     + " WHERE leaf = 3")) {
            assertThat(p.executeUpdate()).isEqualTo(1);
        }
        Path forged = work.resolve("forged.backup");
        repack(backup, unpacked, forged);
        Path target = work.resolve("from-forged");
        CliTest.Run refused = phyle("restore", forged.toString(), "--data", target.toString());
        assertThat(refused.exit()).as(refused.out() + refused.err()).isEqualTo(1);
        assertThat(refused.out()).startsWith("FAILED: the backup does not verify: ");
        assertThat(target).doesNotExist();

        // a byte flipped in transit: the manifest catches it
        Path flipped = work.resolve("flipped.backup");
        repackFlipping(backup, flipped);
        CliTest.Run damaged = phyle("restore", flipped.toString(), "--data", target.toString());
        assertThat(damaged.exit()).isEqualTo(1);
        assertThat(damaged.err()).contains("is damaged");
        assertThat(target).doesNotExist();

        CliTest.Run noLedger = phyle("backup", "--data", work.resolve("nothing-here").toString(), "--out",
                work.resolve("nothing.backup").toString());
        assertThat(noLedger.exit()).isEqualTo(1);
        assertThat(noLedger.err()).startsWith("phyle: no ledger at").doesNotContain("\tat ");
        assertThat(work.resolve("nothing.backup")).doesNotExist();
        CliTest.Run notABackup = phyle("restore", work.resolve("unpacked").resolve("node.key").toString(), "--data",
                target.toString());
        assertThat(notABackup.exit()).isEqualTo(1);
        assertThat(notABackup.err()).contains("not a phyle backup").doesNotContain("\tat ");
        assertThat(target).doesNotExist();

        CliTest.Run notEmpty = phyle("restore", backup.toString(), "--data", running.dir.toString());
        assertThat(notEmpty.exit()).isEqualTo(1);
        assertThat(notEmpty.err()).contains("is not empty");
        try (Stream<Path> left = Files.list(work)) {
            assertThat(left.map(p -> p.getFileName().toString())).allMatch(n -> !n.startsWith(".phyle-restore-"));
        }
    }

    /** The backup's files from {@code dir}, with a manifest whose hashes match them. */
    private static void repack(Path original, Path dir, Path out) throws Exception {
        ObjectNode manifest = (ObjectNode) manifestOf(original);
        ObjectNode files = (ObjectNode) manifest.get("files");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(out))) {
            for (String name : names(files)) {
                byte[] bytes = Files.readAllBytes(dir.resolve(name));
                files.put(name, Hash.sha256(bytes).hex());
                zip.putNextEntry(new ZipEntry(name));
                zip.write(bytes);
                zip.closeEntry();
            }
            zip.putNextEntry(new ZipEntry(LedgerBackup.MANIFEST));
            zip.write(manifest.toString().getBytes());
            zip.closeEntry();
        }
    }

    private static void repackFlipping(Path original, Path out) throws Exception {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(original));
             ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(out))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] bytes = in.readAllBytes();
                if (e.getName().equals("ledger.db")) {
                    bytes[bytes.length / 2] ^= 1;
                }
                zip.putNextEntry(new ZipEntry(e.getName()));
                zip.write(bytes);
                zip.closeEntry();
            }
        }
    }

    private static JsonNode manifestOf(Path backup) throws Exception {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(backup))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().equals(LedgerBackup.MANIFEST)) {
                    return StrictJson.parse(in.readAllBytes());
                }
            }
        }
        throw new IllegalStateException("no manifest");
    }

    private static List<String> names(ObjectNode files) {
        List<String> out = new ArrayList<>();
        files.fieldNames().forEachRemaining(out::add);
        return out;
    }

}

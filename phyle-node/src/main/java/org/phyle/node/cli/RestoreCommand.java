package org.phyle.node.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.phyle.crypto.Hash;
import org.phyle.crypto.SigningKey;
import org.phyle.node.KeyFile;
import org.phyle.node.ParallelDecoder;
import org.phyle.node.audit.AuditFailure;
import org.phyle.node.audit.Auditor;
import org.phyle.node.audit.DataDirSource;
import org.phyle.node.store.LedgerBackup;
import org.phyle.node.store.LedgerStore;
import org.phyle.node.store.TiledMerkleLog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "restore", description = {"Restore a backup made with `phyle backup` into a new data directory, after",
        "verifying it in full: every file against the manifest, then the whole ledger as `phyle verify --data` does",
        "(signatures, links, Merkle roots, checkpoints, the replayed state digest against every snapshot's), the",
        "Merkle tiles, and that the node key is the society's sequencer. Nothing is put in place unless all pass;",
        "exits 1 naming the first discrepancy."})
final class RestoreCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "The backup file.")
    Path backup;

    @Option(names = "--data", required = true, description = "The data directory to create (absent or empty).")
    Path data;

    @Override
    public Integer call() {
        if (Files.exists(data) && !isEmptyDirectory(data)) {
            throw new IllegalArgumentException(data + " is not empty; restore into a new directory (move a damaged"
                    + " one aside first)");
        }
        Path parent = data.toAbsolutePath().getParent();
        Path staging;
        try {
            Files.createDirectories(parent);
            staging = Files.createTempDirectory(parent, ".phyle-restore-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a directory beside " + data + ": " + e.getMessage(), e);
        }
        try {
            LedgerBackup.Manifest manifest = LedgerBackup.unpack(backup, staging);
            Auditor.Report report;
            try (DataDirSource source = new DataDirSource(staging); ParallelDecoder parallel = new ParallelDecoder();
                 ProgressBar bar = new ProgressBar("verifying", "entries")) {
                report = new Auditor(parallel).verify(source, null, null, bar::update);
            } catch (AuditFailure e) {
                System.out.println("FAILED: the backup does not verify: " + e.getMessage());
                return 1;
            }
            String problem = check(manifest, report, staging);
            if (problem != null) {
                System.out.println("FAILED: the backup does not verify: " + problem);
                return 1;
            }
            // the last acknowledged checkpoint of the restored node is the backup's last, verified above
            Files.writeString(staging.resolve("head.checkpoint"), report.latestCheckpoint(), StandardCharsets.UTF_8);
            if (Files.exists(data)) {
                Files.delete(data);
            }
            Files.move(staging, data, StandardCopyOption.ATOMIC_MOVE);
            System.out.println("RESTORED: " + report.name() + " (" + report.society().hex() + ") into " + data);
            System.out.printf("  %,d blocks and %,d entries verified: signatures, links, roots, checkpoints%n",
                    report.blocks(), report.entries());
            System.out.println("  state digest " + report.digest().hex() + " (" + report.claimsChecked()
                    + " snapshot claim(s) matched); backup taken " + manifest.taken());
            System.out.println("  Anything the node recorded after the backup is not in it. Start it with"
                    + " `phyle serve --data " + data + "`.");
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot restore into " + data + ": " + e.getMessage(), e);
        } finally {
            LedgerBackup.deleteTree(staging);
        }
    }

    /** What the auditor does not check itself: the manifest's claims, the tiles, and the node key. */
    private static String check(LedgerBackup.Manifest m, Auditor.Report report, Path dir) {
        if (!report.society().hex().equals(m.society())) {
            return "the ledger is of society " + report.society().hex() + ", the manifest names " + m.society();
        }
        if (report.blocks() != m.height() + 1 || report.entries() != m.treeSize()
                || !report.latestCheckpoint().equals(m.checkpoint())) {
            return "the ledger holds " + report.blocks() + " blocks and " + report.entries() + " entries, the manifest"
                    + " says " + (m.height() + 1) + " and " + m.treeSize() + " with another checkpoint";
        }
        try (LedgerStore store = LedgerStore.open(dir, true)) {
            if (!TiledMerkleLog.load(store).root(report.entries()).equals(report.root())) {
                return "its Merkle tiles do not give the root its blocks commit to";
            }
            // each snapshot's recorded digest matched the replay (the auditor's claims); its file must hash to it
            for (LedgerStore.SnapshotRecord r : store.snapshots()) {
                Path file = dir.resolve("snapshots").resolve(r.file());
                if (Files.exists(file) && !Hash.sha256(Files.readAllBytes(file)).equals(r.digest())) {
                    return "snapshot " + r.file() + " does not hash to the state digest of block " + r.height();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SigningKey key;
        try {
            key = KeyFile.read(dir.resolve("node.key"));
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        if (!key.verifyingKey().equals(report.state().sequencer())) {
            return "its node key " + key.did() + " is not the sequencer " + report.state().sequencer().did()
                    + " the genesis names";
        }
        return null;
    }

    private static boolean isEmptyDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }
}

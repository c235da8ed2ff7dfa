package org.phyle.node.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.phyle.crypto.StrictJson;

/**
 * A backup of a data directory in one ZIP file: a consistent copy of the ledger ({@code VACUUM INTO}, taken while the
 * node runs), the node key, the snapshot files the copy records, the comments' texts kept beside the ledger, and a
 * manifest with each file's SHA-256 and the last
 * block's height, tree size and checkpoint. Unpacking checks every file against the manifest; the full verification
 * (signatures, roots, state digest) is the auditor's, before the copy is used.
 */
public final class LedgerBackup {
    public static final String MANIFEST = "phyle-backup.json";
    public static final String KIND = "phyle-backup";
    private static final String NODE_KEY = "node.key";
    private static final long MAX_FILE_BYTES = 1L << 40;

    private LedgerBackup() {
    }

    /** What a backup holds: the last block's height, the entries, its checkpoint, and each file's SHA-256. */
    public record Manifest(String society, long height, long treeSize, String checkpoint, Instant taken,
                           Map<String, String> files) {
        ObjectNode toJson() {
            ObjectNode o = StrictJson.mapper().createObjectNode().put("kind", KIND).put("format", 1)
                    .put("society", society).put("height", height).put("treeSize", treeSize)
                    .put("checkpoint", checkpoint).put("taken", taken.toString());
            ObjectNode f = o.putObject("files");
            files.forEach(f::put);
            return o;
        }

        static Manifest fromJson(JsonNode o) {
            if (!KIND.equals(o.path("kind").asText()) || o.path("format").asInt() != 1) {
                throw new StorageException("not a phyle backup (format 1): its manifest says kind '"
                        + o.path("kind").asText() + "', format " + o.path("format").asText());
            }
            Map<String, String> files = new LinkedHashMap<>();
            o.path("files").properties().forEach(e -> files.put(e.getKey(), e.getValue().asText()));
            if (!files.containsKey(LedgerStore.FILE) || !files.containsKey(NODE_KEY)) {
                throw new StorageException("the backup's manifest lists no " + LedgerStore.FILE + " or " + NODE_KEY);
            }
            return new Manifest(o.path("society").asText(), o.path("height").asLong(), o.path("treeSize").asLong(),
                    o.path("checkpoint").asText(), Instant.parse(o.path("taken").asText()), files);
        }
    }

    /**
     * Writes a backup of a data directory (a node may be running on it) to a new file, created owner-readable only
     * since it holds the node key; the file appears complete or not at all.
     */
    public static Manifest write(Path dataDir, Path out) {
        if (Files.exists(out)) {
            throw new IllegalArgumentException(out + " already exists; not overwriting it");
        }
        Path work;
        try {
            work = Files.createTempDirectory(out.toAbsolutePath().getParent(), ".phyle-backup-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write beside " + out + ": " + e.getMessage(), e);
        }
        Path partial = work.resolve("backup.zip");
        try {
            Path db = work.resolve(LedgerStore.FILE);
            try (LedgerStore live = LedgerStore.open(dataDir, true)) {
                live.copyTo(db);
            }
            Map<String, Path> files = new LinkedHashMap<>();
            files.put(LedgerStore.FILE, db);
            files.put(NODE_KEY, dataDir.resolve(NODE_KEY));
            String society;
            StoredBlock last;
            try (LedgerStore copy = LedgerStore.open(work, true)) {
                society = copy.meta("society").orElseThrow(() -> new StorageException("the ledger names no society"));
                long blocks = copy.blockCount();
                if (blocks == 0) {
                    throw new StorageException("the ledger in " + dataDir + " holds no blocks");
                }
                last = copy.block(blocks - 1).orElseThrow();
                for (LedgerStore.SnapshotRecord r : copy.snapshots()) {
                    Path snapshot = dataDir.resolve("snapshots").resolve(r.file());
                    if (Files.isRegularFile(snapshot) && r.file().matches("[A-Za-z0-9._-]+")) {
                        files.put("snapshots/" + r.file(), snapshot);
                    }
                }
            }
            Path texts = dataDir.resolve("texts");
            if (Files.isDirectory(texts)) {
                try (java.util.stream.Stream<Path> list = Files.list(texts)) {
                    list.filter(f -> f.getFileName().toString().matches("[0-9a-f]{64}")).sorted()
                            .forEach(f -> files.put("texts/" + f.getFileName(), f));
                }
            }
            Map<String, String> digests = new LinkedHashMap<>();
            Files.createFile(partial, ownerOnly());
            try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(partial,
                    StandardOpenOption.TRUNCATE_EXISTING))) {
                for (Map.Entry<String, Path> f : files.entrySet()) {
                    try {
                        digests.put(f.getKey(), put(zip, f.getKey(), f.getValue()));
                    } catch (java.nio.file.NoSuchFileException gone) {
                        if (!f.getKey().startsWith("snapshots/") && !f.getKey().startsWith("texts/")) {
                            throw gone;
                        }
                        // the node replaced that snapshot meanwhile (the restored node replays from an older one), or
                        // a comment's text was erased meanwhile
                    }
                }
                Manifest manifest = new Manifest(society, last.height(), last.endLeaf(), last.checkpoint(),
                        Instant.now(), digests);
                zip.putNextEntry(new ZipEntry(MANIFEST));
                zip.write(manifest.toJson().toPrettyString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                zip.closeEntry();
                zip.finish();
                try (var ch = java.nio.channels.FileChannel.open(partial, StandardOpenOption.WRITE)) {
                    ch.force(true);
                }
                Files.move(partial, out, StandardCopyOption.ATOMIC_MOVE);
                return manifest;
            }
        } catch (FileAlreadyExistsException e) {
            throw new IllegalArgumentException(out + " already exists; not overwriting it");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot back up " + dataDir + ": " + e.getMessage(), e);
        } finally {
            deleteTree(work);
        }
    }

    /**
     * Unpacks a backup into an empty directory, checking that it holds exactly the files its manifest lists, each
     * with its SHA-256. It does not verify the ledger: that is the auditor's part.
     */
    public static Manifest unpack(Path backup, Path into) {
        Map<String, String> found = new LinkedHashMap<>();
        JsonNode manifestJson = null;
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(backup))) {
            Files.createDirectories(into.resolve("snapshots"));
            Files.createDirectories(into.resolve("texts"));
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                String name = e.getName();
                if (name.equals(MANIFEST)) {
                    manifestJson = StrictJson.parse(zip.readNBytes(1 << 20));
                    continue;
                }
                if (!(name.equals(LedgerStore.FILE) || name.equals(NODE_KEY)
                        || name.matches("snapshots/[A-Za-z0-9._-]+") || name.matches("texts/[0-9a-f]{64}"))
                        || name.contains("..") || found.containsKey(name)) {
                    throw new StorageException("the backup holds an unexpected file '" + name + "'");
                }
                Path target = into.resolve(name);
                found.put(name, copyHashing(zip, target, name.equals(NODE_KEY)));
            }
        } catch (java.util.zip.ZipException | StrictJson.MalformedJsonException e) {
            throw new StorageException(backup + " is not a readable backup: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + backup + ": " + e.getMessage(), e);
        }
        if (manifestJson == null) {
            throw new StorageException(backup + " has no manifest (" + MANIFEST + "): not a phyle backup");
        }
        Manifest manifest = Manifest.fromJson(manifestJson);
        if (!manifest.files().keySet().equals(found.keySet())) {
            throw new StorageException("the backup's files " + found.keySet() + " are not those its manifest lists "
                    + manifest.files().keySet());
        }
        for (Map.Entry<String, String> f : manifest.files().entrySet()) {
            if (!f.getValue().equals(found.get(f.getKey()))) {
                throw new StorageException(f.getKey() + " in the backup is damaged: its SHA-256 is "
                        + found.get(f.getKey()) + ", the manifest says " + f.getValue());
            }
        }
        return manifest;
    }

    private static String put(ZipOutputStream zip, String name, Path file) throws IOException {
        MessageDigest sha = sha256();
        try (InputStream in = Files.newInputStream(file)) {
            zip.putNextEntry(new ZipEntry(name));
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                sha.update(buf, 0, n);
                zip.write(buf, 0, n);
            }
            zip.closeEntry();
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static String copyHashing(InputStream in, Path target, boolean secret) throws IOException {
        MessageDigest sha = sha256();
        if (secret) {
            Files.createFile(target, ownerOnly());
        }
        long total = 0;
        try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                total += n;
                if (total > MAX_FILE_BYTES) {
                    throw new StorageException(target.getFileName() + " in the backup is larger than any ledger file");
                }
                sha.update(buf, 0, n);
                out.write(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static java.nio.file.attribute.FileAttribute<?>[] ownerOnly() {
        if (!java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return new java.nio.file.attribute.FileAttribute<?>[0];
        }
        return new java.nio.file.attribute.FileAttribute<?>[] {java.nio.file.attribute.PosixFilePermissions
                .asFileAttribute(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"))};
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Deletes a directory and what it holds (a backup's working files). */
    public static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

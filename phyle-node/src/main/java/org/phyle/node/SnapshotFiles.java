package org.phyle.node;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import org.phyle.core.Society;
import org.phyle.crypto.Hash;

/** State snapshots as files in {@code <data>/snapshots}, written atomically and checked against their digest. */
final class SnapshotFiles {
    private final Path dir;

    SnapshotFiles(Path dataDir) {
        this.dir = dataDir.resolve("snapshots");
    }

    static String fileName(long height) {
        return "state-" + height + ".bin";
    }

    /** Writes the state durably; returns its digest. */
    Hash write(Society society) {
        try {
            Files.createDirectories(dir);
            Path target = dir.resolve(fileName(society.height()));
            Path tmp = dir.resolve(fileName(society.height()) + ".tmp");
            Hash digest;
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
                 OutputStream out = new BufferedOutputStream(Channels.newOutputStream(ch), 1 << 16)) {
                digest = society.writeSnapshot(out);
                out.flush();
                ch.force(true);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return digest;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a snapshot in " + dir, e);
        }
    }

    /** Reads a snapshot, refusing it unless its bytes hash to the recorded digest. */
    Society read(String fileName, Hash expectedDigest) {
        Path file = dir.resolve(fileName);
        MessageDigest md = Hash.newDigest();
        Society society;
        try (InputStream in = new DigestInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16), md)) {
            society = Society.readSnapshot(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read snapshot " + file, e);
        }
        Hash actual = Hash.of(md.digest());
        if (!actual.equals(expectedDigest)) {
            throw new IllegalStateException("snapshot " + file + " hashes to " + actual.hex() + ", recorded as "
                    + expectedDigest.hex());
        }
        return society;
    }

    void delete(String fileName) {
        try {
            Files.deleteIfExists(dir.resolve(fileName));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete snapshot " + fileName, e);
        }
    }
}

package org.phyle.node.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.phyle.crypto.Hash;

/**
 * The texts of comments, kept beside the ledger (in {@code DIR/texts/}, one file per SHA-256), so that a text can be
 * erased while the ledger's record that it existed stays. A text is stored only under its own digest.
 */
public final class CommentTexts {
    private final Path dir;

    public CommentTexts(Path dataDir) {
        this.dir = dataDir.resolve("texts");
    }

    public Optional<String> get(Hash digest) {
        Path f = dir.resolve(digest.hex());
        if (!Files.exists(f)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readString(f, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stores a text; the caller checked that it hashes to the digest. Written beside, then renamed. */
    public void put(Hash digest, String text) {
        try {
            Files.createDirectories(dir);
            Path tmp = dir.resolve(digest.hex() + ".tmp");
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, dir.resolve(digest.hex()), StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, dir.resolve(digest.hex()), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void delete(Hash digest) {
        try {
            Files.deleteIfExists(dir.resolve(digest.hex()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

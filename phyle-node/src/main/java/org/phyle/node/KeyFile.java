package org.phyle.node;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.phyle.crypto.InvalidKeyException;
import org.phyle.crypto.SigningKey;
import org.phyle.crypto.StrictJson;

/**
 * A private key on disk: {@code {"kind": "phyle-ed25519-key", "did": "did:key:...", "seed": "<base64url>"}}, readable by
 * its owner only. The did is stored for people to read and is checked against the seed when the file is loaded.
 */
public final class KeyFile {
    private static final String KIND = "phyle-ed25519-key";

    private KeyFile() {
    }

    /** Writes a new key file; refuses to overwrite an existing one. */
    public static void write(Path file, SigningKey key) {
        ObjectNode json = StrictJson.mapper().createObjectNode();
        json.put("kind", KIND);
        json.put("did", key.did());
        json.put("seed", key.seedBase64Url());
        try {
            writePrivate(file, json.toPrettyString() + "\n");
        } catch (FileAlreadyExistsException e) {
            throw new IllegalArgumentException("key file " + file + " already exists; not overwriting it");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write key file " + file, e);
        }
    }

    /**
     * Creates a new file readable and writable by its owner only, and writes a secret into it. The permissions are
     * given when the file is created, so it is never readable by others, whatever the umask; an existing file is
     * never overwritten ({@link FileAlreadyExistsException}).
     */
    public static void writePrivate(Path file, String secret) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        java.nio.file.attribute.FileAttribute<?>[] ownerOnly =
                file.getFileSystem().supportedFileAttributeViews().contains("posix")
                        ? new java.nio.file.attribute.FileAttribute<?>[] {
                                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                        : new java.nio.file.attribute.FileAttribute<?>[0]; // not POSIX: as private as its directory
        try (var channel = Files.newByteChannel(file, java.util.Set.of(StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE), ownerOnly)) {
            java.nio.ByteBuffer bytes = java.nio.ByteBuffer.wrap(secret.getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
        }
    }

    public static SigningKey read(Path file) {
        JsonNode json;
        try {
            json = StrictJson.parse(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read key file " + file + ": " + e.getMessage());
        } catch (StrictJson.MalformedJsonException e) {
            throw new IllegalArgumentException("key file " + file + " is not JSON: " + e.getMessage());
        }
        if (!KIND.equals(json.path("kind").asText()) || !json.path("seed").isTextual()) {
            throw new IllegalArgumentException("key file " + file + " is not a " + KIND);
        }
        SigningKey key;
        try {
            key = SigningKey.fromBase64Url(json.get("seed").asText());
        } catch (InvalidKeyException e) {
            throw new IllegalArgumentException("key file " + file + ": " + e.getMessage());
        }
        if (json.has("did") && !key.did().equals(json.get("did").asText())) {
            throw new IllegalArgumentException("key file " + file + ": its did does not match its seed");
        }
        return key;
    }

    /** Reads the key file, or creates it with a new key if it does not exist. */
    public static SigningKey readOrCreate(Path file) {
        if (Files.exists(file)) {
            return read(file);
        }
        SigningKey key = SigningKey.generate();
        write(file, key);
        return key;
    }
}

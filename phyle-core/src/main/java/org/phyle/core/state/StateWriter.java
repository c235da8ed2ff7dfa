package org.phyle.core.state;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import org.phyle.crypto.Hash;

/**
 * Writes state in the snapshot format: big-endian fixed-width numbers, length-prefixed bytes and UTF-8 strings.
 * Whatever is written is also hashed, so the state digest is the SHA-256 of exactly the snapshot bytes.
 */
public final class StateWriter {
    private final DataOutputStream out;
    private final MessageDigest digest = Hash.newDigest();

    public StateWriter(OutputStream sink) {
        this.out = new DataOutputStream(new DigestOutputStream(sink, digest));
    }

    /** A writer that only computes the digest. */
    public static StateWriter digestOnly() {
        return new StateWriter(OutputStream.nullOutputStream());
    }

    public StateWriter writeLong(long v) {
        try {
            out.writeLong(v);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public StateWriter writeInt(int v) {
        try {
            out.writeInt(v);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public StateWriter writeBoolean(boolean v) {
        try {
            out.writeBoolean(v);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public StateWriter writeBytes(byte[] b) {
        writeInt(b.length);
        try {
            out.write(b);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public StateWriter writeString(String s) {
        return writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }

    public StateWriter writeHash(Hash h) {
        try {
            out.write(h.bytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Flushes and returns the SHA-256 of everything written. */
    public Hash finish() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Hash.of(digest.digest());
    }
}

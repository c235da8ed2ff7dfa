package org.phyle.core.state;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.phyle.crypto.Hash;

/** Reads what {@link StateWriter} wrote; a truncated or implausible snapshot fails with {@link CorruptStateException}. */
public final class StateReader {
    private static final int MAX_BYTES = 64 << 20;
    private final DataInputStream in;

    public StateReader(InputStream source) {
        this.in = new DataInputStream(source);
    }

    public long readLong() {
        try {
            return in.readLong();
        } catch (IOException e) {
            throw fail(e);
        }
    }

    public int readInt() {
        try {
            return in.readInt();
        } catch (IOException e) {
            throw fail(e);
        }
    }

    /** A count of following items, checked to be plausible. */
    public int readCount() {
        int n = readInt();
        if (n < 0) {
            throw new CorruptStateException("negative count " + n);
        }
        return n;
    }

    public boolean readBoolean() {
        try {
            return in.readBoolean();
        } catch (IOException e) {
            throw fail(e);
        }
    }

    public byte[] readBytes() {
        int n = readInt();
        if (n < 0 || n > MAX_BYTES) {
            throw new CorruptStateException("implausible length " + n);
        }
        byte[] b = new byte[n];
        try {
            in.readFully(b);
        } catch (IOException e) {
            throw fail(e);
        }
        return b;
    }

    public String readString() {
        return new String(readBytes(), StandardCharsets.UTF_8);
    }

    public Hash readHash() {
        byte[] b = new byte[Hash.SIZE];
        try {
            in.readFully(b);
        } catch (IOException e) {
            throw fail(e);
        }
        return Hash.of(b);
    }

    /** Checks that nothing follows the state. */
    public void end() {
        try {
            if (in.read() != -1) {
                throw new CorruptStateException("unexpected bytes after the end of the state");
            }
        } catch (IOException e) {
            throw fail(e);
        }
    }

    private static RuntimeException fail(IOException e) {
        if (e instanceof EOFException) {
            return new CorruptStateException("snapshot ends early");
        }
        return new UncheckedIOException(e);
    }

    /** The snapshot bytes do not describe a state. */
    public static final class CorruptStateException extends RuntimeException {
        public CorruptStateException(String message) {
            super(message);
        }
    }
}

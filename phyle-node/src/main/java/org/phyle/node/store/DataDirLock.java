package org.phyle.node.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one writer of a data directory. An exclusive OS file lock on {@code node.lock} is the truth: it is held for as
 * long as the process that took it lives (a crash releases it). The file's text — process id, port and start time —
 * only tells a second node who holds it.
 *
 * <p>POSIX releases a process's lock on a file when any of its descriptors of that file is closed, so a second
 * attempt in the same process is answered from memory and never opens the file.
 */
public final class DataDirLock implements AutoCloseable {
    public static final String FILE = "node.lock";
    private static final Map<Path, DataDirLock> HELD_HERE = new ConcurrentHashMap<>();

    private final Path dir;
    private final FileChannel channel;
    private final FileLock lock;
    private final Instant started;
    private volatile String holder;

    /** Another node holds the data directory. */
    public static final class HeldException extends IllegalStateException {
        public HeldException(String message) {
            super(message);
        }
    }

    private DataDirLock(Path dir, FileChannel channel, FileLock lock) {
        this.dir = dir;
        this.channel = channel;
        this.lock = lock;
        this.started = Instant.now();
    }

    /** Takes the lock of a data directory, or throws {@link HeldException} naming the node that holds it. */
    public static DataDirLock acquire(Path dataDir) {
        Path dir = canonical(dataDir);
        DataDirLock here = HELD_HERE.get(dir);
        if (here != null) {
            throw held(dataDir, here.holder);
        }
        Path file = dir.resolve(FILE);
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new StorageException("cannot open " + file + ": " + e.getMessage(), e);
        }
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // taken in this process by a path we did not recognise; closing this channel would release it
            here = HELD_HERE.values().stream().filter(l -> l.dir.equals(dir)).findFirst().orElse(null);
            throw held(dataDir, here == null ? "this process" : here.holder);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new StorageException("cannot lock " + file + ": " + e.getMessage(), e);
        }
        if (lock == null) {
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                text = "";
            }
            closeQuietly(channel);
            throw held(dataDir, text.isEmpty() ? "another process" : text);
        }
        DataDirLock taken = new DataDirLock(dir, channel, lock);
        if (HELD_HERE.putIfAbsent(dir, taken) != null) {
            taken.close();
            throw held(dataDir, HELD_HERE.get(dir).holder);
        }
        taken.describe(null);
        return taken;
    }

    /** Records the port the node serves on, for the message a second node shows. */
    public void servingOn(int port) {
        describe(port);
    }

    private synchronized void describe(Integer port) {
        byte[] text = ("pid=" + ProcessHandle.current().pid() + "\n" + (port == null ? "" : "port=" + port + "\n")
                + "started=" + started + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(text), 0);
            channel.force(false);
        } catch (IOException e) {
            throw new StorageException("cannot write " + dir.resolve(FILE) + ": " + e.getMessage(), e);
        }
        holder = new String(text, StandardCharsets.UTF_8).strip().replace('\n', ' ');
    }

    private static HeldException held(Path dataDir, String holder) {
        return new HeldException(dataDir + " is in use by another node (" + holder + "); one data directory has one"
                + " writer: stop that node first, or give this one another --data directory");
    }

    private static Path canonical(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
            return dataDir.toRealPath();
        } catch (IOException e) {
            throw new StorageException("cannot open the data directory " + dataDir + ": " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing held
        }
    }

    /** Releases the lock; the file stays, with the text of its last holder. */
    @Override
    public void close() {
        if (HELD_HERE.remove(dir, this)) {
            try {
                lock.release();
            } catch (IOException ignored) {
                // closing the channel releases it too
            }
            closeQuietly(channel);
        }
    }
}

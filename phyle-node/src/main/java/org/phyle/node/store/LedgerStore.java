package org.phyle.node.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.phyle.core.economy.Movement;
import org.phyle.core.tx.VerifiedTx;
import org.phyle.crypto.Hash;
import org.sqlite.SQLiteConfig;

/**
 * The ledger on disk, in SQLite: blocks, log entries, Merkle tiles and a few facts about the node. One writer (the
 * sequencer) commits a whole block in one transaction with {@code synchronous=FULL} in WAL mode, so a block is
 * either durable or absent; any number of readers read committed data through a small pool of connections.
 */
public final class LedgerStore implements AutoCloseable {
    public static final String FILE = "ledger.db";
    private static final int READERS = 4;
    private static final String HISTORY_THROUGH = "historyThrough";

    private final Path file;
    private final Connection writer;
    private final BlockingQueue<Connection> readers = new ArrayBlockingQueue<>(READERS);
    private final boolean readOnly;

    private LedgerStore(Path file, boolean readOnly) throws SQLException {
        this.file = file;
        this.readOnly = readOnly;
        this.writer = readOnly ? null : connect(file, false);
        if (!readOnly) {
            createSchema();
        }
        for (int i = 0; i < READERS; i++) {
            readers.add(connect(file, true));
        }
    }

    /** Opens (creating if asked) the ledger in a data directory. */
    public static LedgerStore open(Path dataDir, boolean readOnly) {
        Path file = dataDir.resolve(FILE);
        if (readOnly && !Files.exists(file)) {
            throw new StorageException("no ledger at " + file);
        }
        try {
            Files.createDirectories(dataDir);
            checkNotTruncated(file);
            return new LedgerStore(file, readOnly);
        } catch (SQLException e) {
            throw new StorageException("cannot open the ledger at " + file + ": " + e.getMessage(), e);
        } catch (java.io.IOException e) {
            throw new StorageException("cannot create " + dataDir + ": " + e.getMessage(), e);
        }
    }

    /**
     * SQLite's header records the page size and, when valid, the number of pages; a file shorter than that has lost
     * its end, which SQLite itself may not notice until it reads there.
     */
    static void checkNotTruncated(Path file) throws java.io.IOException {
        if (!Files.exists(file) || Files.size(file) < 100) {
            return;
        }
        java.nio.ByteBuffer header = java.nio.ByteBuffer.allocate(100);
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(file)) {
            ch.read(header, 0);
        }
        int pageSize = header.getShort(16) & 0xffff;
        long pageSize64 = pageSize == 1 ? 65536 : pageSize;
        long pages = header.getInt(28) & 0xffffffffL;
        boolean countValid = header.getInt(24) == header.getInt(92);
        long expected = pageSize64 * pages;
        if (countValid && pages > 0 && Files.size(file) < expected) {
            throw new StorageException(file + " is truncated: it has " + Files.size(file) + " bytes, its header says "
                    + expected);
        }
    }

    public static boolean exists(Path dataDir) {
        return Files.exists(dataDir.resolve(FILE));
    }

    private static Connection connect(Path file, boolean readOnly) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout(10_000);
        config.setReadOnly(readOnly);
        config.setCacheSize(-32_000); // 32 MB page cache per connection
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + file, config.toProperties());
        if (!readOnly) {
            c.setAutoCommit(false);
        }
        return c;
    }

    private void createSchema() throws SQLException {
        try (Statement s = writer.createStatement()) {
            s.executeUpdate("CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL)");
            s.executeUpdate("CREATE TABLE IF NOT EXISTS blocks(height INTEGER PRIMARY KEY, first_leaf INTEGER NOT NULL,"
                    + " tx_count INTEGER NOT NULL, time INTEGER NOT NULL, header BLOB NOT NULL,"
                    + " signature BLOB NOT NULL, checkpoint TEXT NOT NULL)");
            // not unique: an empty block (one that only lets due events happen) starts where the next block does
            s.executeUpdate("CREATE INDEX IF NOT EXISTS blocks_by_first_leaf ON blocks(first_leaf)");
            s.executeUpdate("CREATE TABLE IF NOT EXISTS entries(leaf INTEGER PRIMARY KEY, txid BLOB NOT NULL,"
                    + " entry BLOB NOT NULL)");
            s.executeUpdate("CREATE UNIQUE INDEX IF NOT EXISTS entries_by_txid ON entries(txid)");
            s.executeUpdate("CREATE TABLE IF NOT EXISTS tiles(tile INTEGER PRIMARY KEY, root BLOB NOT NULL,"
                    + " hashes BLOB NOT NULL)");
            s.executeUpdate("CREATE TABLE IF NOT EXISTS snapshots(height INTEGER PRIMARY KEY, tree_size INTEGER NOT NULL,"
                    + " digest BLOB NOT NULL, file TEXT NOT NULL)");
            // the accounts' history: the economy's movements of money, block by block (not state: derived by replay)
            s.executeUpdate("CREATE TABLE IF NOT EXISTS movements(height INTEGER NOT NULL, seq INTEGER NOT NULL,"
                    + " account TEXT NOT NULL, time INTEGER NOT NULL, kind TEXT NOT NULL, direction TEXT NOT NULL,"
                    + " amount INTEGER NOT NULL, counterparty TEXT NOT NULL, memo TEXT NOT NULL, tx BLOB,"
                    + " proposal BLOB, round INTEGER NOT NULL, project INTEGER NOT NULL, campaign INTEGER NOT NULL,"
                    + " lock INTEGER NOT NULL, PRIMARY KEY(height, seq))");
            s.executeUpdate("CREATE INDEX IF NOT EXISTS movements_by_account ON movements(account, height, seq)");
        }
        writer.commit();
    }

    // ---- writes (the sequencer's thread only) -----------------------------------------------------------------

    /** Stores a block, its transactions and any tiles it completed, durably, in one transaction. */
    public void append(StoredBlock block, List<VerifiedTx> txs, List<Tile> tiles) {
        append(block, txs, tiles, null);
    }

    /**
     * Stores a block, its transactions, any tiles it completed and the movements of money it made (the accounts'
     * history), durably, in one transaction. The history counts as complete through this block if it was complete
     * through the one before ({@link #historyThrough}).
     */
    public void append(StoredBlock block, List<VerifiedTx> txs, List<Tile> tiles, List<Movement> movements) {
        checkWritable();
        try {
            if (movements != null) {
                insertMovements(movements);
                try (PreparedStatement m = writer.prepareStatement("INSERT OR REPLACE INTO meta(key, value)"
                        + " SELECT ?, ? WHERE ? = 0 OR EXISTS (SELECT 1 FROM meta WHERE key = ? AND value = ?)")) {
                    m.setString(1, HISTORY_THROUGH);
                    m.setString(2, Long.toString(block.height()));
                    m.setLong(3, block.height());
                    m.setString(4, HISTORY_THROUGH);
                    m.setString(5, Long.toString(block.height() - 1));
                    m.executeUpdate();
                }
            }
            try (PreparedStatement b = writer.prepareStatement(
                    "INSERT INTO blocks(height, first_leaf, tx_count, time, header, signature, checkpoint)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                b.setLong(1, block.height());
                b.setLong(2, block.firstLeaf());
                b.setInt(3, block.txCount());
                b.setLong(4, block.time());
                b.setBytes(5, block.header());
                b.setBytes(6, block.signature());
                b.setString(7, block.checkpoint());
                b.executeUpdate();
            }
            try (PreparedStatement e = writer.prepareStatement("INSERT INTO entries(leaf, txid, entry) VALUES (?, ?, ?)")) {
                long leaf = block.firstLeaf();
                for (VerifiedTx tx : txs) {
                    e.setLong(1, leaf++);
                    e.setBytes(2, tx.id().bytes());
                    e.setBytes(3, tx.entry());
                    e.addBatch();
                }
                e.executeBatch();
            }
            insertTiles(tiles);
            writer.commit();
        } catch (SQLException e) {
            rollbackQuietly();
            throw new StorageException("cannot store block " + block.height() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Stores the movements of money of blocks already stored (their history, filled again by a replay), durably, and
     * records that the history is complete through block {@code through}. Storing a movement again changes nothing.
     */
    public void appendHistory(List<Movement> movements, long through) {
        checkWritable();
        try {
            insertMovements(movements);
            try (PreparedStatement m = writer.prepareStatement("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)")) {
                m.setString(1, HISTORY_THROUGH);
                m.setString(2, Long.toString(through));
                m.executeUpdate();
            }
            writer.commit();
        } catch (SQLException e) {
            rollbackQuietly();
            throw new StorageException("cannot store the history through block " + through + ": " + e.getMessage(), e);
        }
    }

    /** Movements numbered within their block in the order given; a movement already stored is kept as it was. */
    private void insertMovements(List<Movement> movements) throws SQLException {
        if (movements.isEmpty()) {
            return;
        }
        try (PreparedStatement p = writer.prepareStatement("INSERT OR IGNORE INTO movements(height, seq, account, time,"
                + " kind, direction, amount, counterparty, memo, tx, proposal, round, project, campaign, lock)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            long height = -1;
            int seq = 0;
            for (Movement m : movements) {
                if (m.height() != height) {
                    height = m.height();
                    seq = 0;
                }
                p.setLong(1, m.height());
                p.setInt(2, seq++);
                p.setString(3, m.account());
                p.setLong(4, m.time());
                p.setString(5, m.kind().json());
                p.setString(6, m.direction().json());
                p.setLong(7, m.amount());
                p.setString(8, m.counterparty());
                p.setString(9, m.memo());
                p.setBytes(10, m.tx() == null ? null : m.tx().bytes());
                p.setBytes(11, m.proposal() == null ? null : m.proposal().bytes());
                p.setInt(12, m.round());
                p.setInt(13, m.project());
                p.setInt(14, m.campaign());
                p.setInt(15, m.lock());
                p.addBatch();
            }
            p.executeBatch();
        }
    }

    /**
     * Stores Merkle tiles on their own, durably. The node stores tiles with their block ({@link #append}); this is for
     * tools that build a tree without entries, such as the proof benchmark.
     */
    public void appendTiles(List<Tile> tiles) {
        checkWritable();
        try {
            insertTiles(tiles);
            writer.commit();
        } catch (SQLException e) {
            rollbackQuietly();
            throw new StorageException("cannot store tiles: " + e.getMessage(), e);
        }
    }

    private void insertTiles(List<Tile> tiles) throws SQLException {
        if (tiles.isEmpty()) {
            return;
        }
        try (PreparedStatement t = writer.prepareStatement("INSERT INTO tiles(tile, root, hashes) VALUES (?, ?, ?)")) {
            for (Tile tile : tiles) {
                t.setLong(1, tile.index());
                t.setBytes(2, tile.root().bytes());
                t.setBytes(3, tile.hashes());
                t.addBatch();
            }
            t.executeBatch();
        }
    }

    public void putMeta(String key, String value) {
        checkWritable();
        try (PreparedStatement p = writer.prepareStatement("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)")) {
            p.setString(1, key);
            p.setString(2, value);
            p.executeUpdate();
            writer.commit();
        } catch (SQLException e) {
            rollbackQuietly();
            throw new StorageException("cannot store " + key + ": " + e.getMessage(), e);
        }
    }

    /** Records a snapshot file written for a block; older records beyond the newest {@code keep} are returned. */
    public List<String> recordSnapshot(long height, long treeSize, Hash digest, String fileName, int keep) {
        checkWritable();
        try {
            try (PreparedStatement p = writer.prepareStatement(
                    "INSERT OR REPLACE INTO snapshots(height, tree_size, digest, file) VALUES (?, ?, ?, ?)")) {
                p.setLong(1, height);
                p.setLong(2, treeSize);
                p.setBytes(3, digest.bytes());
                p.setString(4, fileName);
                p.executeUpdate();
            }
            List<String> dropped = new ArrayList<>();
            try (PreparedStatement q = writer.prepareStatement(
                    "SELECT height, file FROM snapshots ORDER BY height DESC LIMIT -1 OFFSET ?")) {
                q.setInt(1, keep);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        dropped.add(rs.getString(2));
                    }
                }
            }
            try (PreparedStatement d = writer.prepareStatement(
                    "DELETE FROM snapshots WHERE height NOT IN (SELECT height FROM snapshots ORDER BY height DESC LIMIT ?)")) {
                d.setInt(1, keep);
                d.executeUpdate();
            }
            writer.commit();
            return dropped;
        } catch (SQLException e) {
            rollbackQuietly();
            throw new StorageException("cannot record snapshot " + height + ": " + e.getMessage(), e);
        }
    }

    // ---- reads (any thread) ------------------------------------------------------------------------------------

    public Optional<String> meta(String key) {
        return read(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT value FROM meta WHERE key = ?")) {
                p.setString(1, key);
                try (ResultSet rs = p.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    /**
     * Writes a consistent copy of the whole database to a new file with SQLite's {@code VACUUM INTO}: it reads one
     * snapshot of the committed data (one read transaction), so the node may go on writing meanwhile.
     */
    public void copyTo(Path target) {
        if (Files.exists(target)) {
            throw new StorageException(target + " already exists");
        }
        this.<Void>read(c -> {
            try (PreparedStatement p = c.prepareStatement("VACUUM INTO ?")) {
                p.setString(1, target.toAbsolutePath().toString());
                p.execute();
            }
            return null;
        });
        // the copy is in rollback-journal mode; the node's connections (and read-only ones) expect WAL
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + target);
             Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
        } catch (SQLException e) {
            throw new StorageException("cannot set up the copy at " + target + ": " + e.getMessage(), e);
        }
    }

    /** Number of blocks stored (the next height). */
    public long blockCount() {
        return read(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT MAX(height) FROM blocks")) {
                long max = rs.getLong(1);
                return rs.wasNull() ? 0L : max + 1;
            }
        });
    }

    /** Number of log entries stored. */
    public long entryCount() {
        return read(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT MAX(leaf) FROM entries")) {
                long max = rs.getLong(1);
                return rs.wasNull() ? 0L : max + 1;
            }
        });
    }

    public Optional<StoredBlock> block(long height) {
        List<StoredBlock> one = blocks(height, height + 1);
        return one.isEmpty() ? Optional.empty() : Optional.of(one.get(0));
    }

    /** Blocks with heights in [from, to), in order. */
    public List<StoredBlock> blocks(long from, long to) {
        return read(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT height, first_leaf, tx_count, time, header, signature,"
                    + " checkpoint FROM blocks WHERE height >= ? AND height < ? ORDER BY height")) {
                p.setLong(1, from);
                p.setLong(2, to);
                List<StoredBlock> out = new ArrayList<>();
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        out.add(new StoredBlock(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getLong(4),
                                rs.getBytes(5), rs.getBytes(6), rs.getString(7)));
                    }
                }
                return out;
            }
        });
    }

    /** The height of the block holding a leaf. */
    public OptionalLong blockOfLeaf(long leaf) {
        return read(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT height, first_leaf, tx_count FROM blocks"
                    + " WHERE first_leaf <= ? AND tx_count > 0 ORDER BY first_leaf DESC LIMIT 1")) {
                p.setLong(1, leaf);
                try (ResultSet rs = p.executeQuery()) {
                    if (rs.next() && leaf < rs.getLong(2) + rs.getInt(3)) {
                        return OptionalLong.of(rs.getLong(1));
                    }
                    return OptionalLong.empty();
                }
            }
        });
    }

    /** Canonical entries with leaf indices in [start, end), in order. */
    public List<byte[]> entries(long start, long end) {
        return read(c -> {
            try (PreparedStatement p = c.prepareStatement(
                    "SELECT entry FROM entries WHERE leaf >= ? AND leaf < ? ORDER BY leaf")) {
                p.setLong(1, start);
                p.setLong(2, end);
                List<byte[]> out = new ArrayList<>();
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getBytes(1));
                    }
                }
                return out;
            }
        });
    }

    public Optional<byte[]> entry(long leaf) {
        List<byte[]> one = entries(leaf, leaf + 1);
        return one.isEmpty() ? Optional.empty() : Optional.of(one.get(0));
    }

    /** The leaf index of a transaction, if it is in the log. */
    public OptionalLong leafOf(Hash txId) {
        return read(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT leaf FROM entries WHERE txid = ?")) {
                p.setBytes(1, txId.bytes());
                try (ResultSet rs = p.executeQuery()) {
                    return rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
                }
            }
        });
    }

    public Optional<byte[]> tileHashes(long tile) {
        return read(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT hashes FROM tiles WHERE tile = ?")) {
                p.setLong(1, tile);
                try (ResultSet rs = p.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.<byte[]>empty();
                }
            }
        });
    }

    /** The roots of all stored tiles, in order; fails if a tile is missing. */
    public List<Hash> tileRoots() {
        return read(c -> {
            List<Hash> roots = new ArrayList<>();
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT tile, root FROM tiles ORDER BY tile")) {
                while (rs.next()) {
                    if (rs.getLong(1) != roots.size()) {
                        throw new StorageException("Merkle tile " + roots.size() + " is missing");
                    }
                    roots.add(Hash.of(rs.getBytes(2)));
                }
            }
            return roots;
        });
    }

    /** The last block through which the accounts' history is stored completely; -1 if none (an older ledger). */
    public long historyThrough() {
        return meta(HISTORY_THROUGH).map(Long::parseLong).orElse(-1L);
    }

    /**
     * An account's movements of money, newest first: at most {@code limit} of those before the position
     * ({@code beforeHeight}, {@code beforeSeq}) (exclusive; {@code Long.MAX_VALUE} for the newest).
     */
    public List<StoredMovement> history(String account, long beforeHeight, int beforeSeq, int limit) {
        return read(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT height, seq, time, kind, direction, amount,"
                    + " counterparty, memo, tx, proposal, round, project, campaign, lock FROM movements"
                    + " WHERE account = ? AND (height < ? OR (height = ? AND seq < ?))"
                    + " ORDER BY height DESC, seq DESC LIMIT ?")) {
                p.setString(1, account);
                p.setLong(2, beforeHeight);
                p.setLong(3, beforeHeight);
                p.setInt(4, beforeSeq);
                p.setInt(5, limit);
                List<StoredMovement> out = new ArrayList<>();
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        byte[] tx = rs.getBytes(9);
                        byte[] proposal = rs.getBytes(10);
                        out.add(new StoredMovement(rs.getInt(2), new Movement(rs.getLong(1), rs.getLong(3), account,
                                kind(rs.getString(4)), direction(rs.getString(5)), rs.getLong(6), rs.getString(7),
                                rs.getString(8), tx == null ? null : Hash.of(tx),
                                proposal == null ? null : Hash.of(proposal), rs.getInt(11), rs.getInt(12),
                                rs.getInt(13), rs.getInt(14))));
                    }
                }
                return out;
            }
        });
    }

    private static Movement.Kind kind(String json) {
        for (Movement.Kind k : Movement.Kind.values()) {
            if (k.json().equals(json)) {
                return k;
            }
        }
        throw new StorageException("the ledger holds a movement of an unknown kind: " + json);
    }

    private static Movement.Direction direction(String json) {
        for (Movement.Direction d : Movement.Direction.values()) {
            if (d.json().equals(json)) {
                return d;
            }
        }
        throw new StorageException("the ledger holds a movement of an unknown direction: " + json);
    }

    /** A movement of money as stored: its place in its block, and the movement. */
    public record StoredMovement(int seq, Movement movement) {
    }

    /** Snapshot records, newest first. */
    public List<SnapshotRecord> snapshots() {
        return read(c -> {
            List<SnapshotRecord> out = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT height, tree_size, digest, file FROM snapshots ORDER BY height DESC")) {
                while (rs.next()) {
                    out.add(new SnapshotRecord(rs.getLong(1), rs.getLong(2), Hash.of(rs.getBytes(3)), rs.getString(4)));
                }
            }
            return out;
        });
    }

    /** A state snapshot taken after a block: its file in the snapshot directory and the digest it must have. */
    public record SnapshotRecord(long height, long treeSize, Hash digest, String file) {
    }

    public Path file() {
        return file;
    }

    @Override
    public void close() {
        try {
            if (writer != null) {
                writer.close();
            }
            for (Connection c : readers) {
                c.close();
            }
        } catch (SQLException e) {
            throw new StorageException("cannot close the ledger: " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface Query<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T read(Query<T> query) {
        Connection c;
        try {
            c = readers.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException("interrupted while waiting for a ledger connection");
        }
        try {
            return query.run(c);
        } catch (SQLException e) {
            throw new StorageException("cannot read the ledger at " + file + ": " + e.getMessage(), e);
        } finally {
            readers.add(c);
        }
    }

    private void checkWritable() {
        if (readOnly) {
            throw new IllegalStateException("the ledger is open read-only");
        }
    }

    private void rollbackQuietly() {
        try {
            writer.rollback();
        } catch (SQLException ignored) {
            // the original failure is what matters
        }
    }
}

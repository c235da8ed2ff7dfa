package org.phyle.node.audit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.phyle.crypto.Hash;
import org.phyle.node.store.LedgerStore;
import org.phyle.node.store.StoredBlock;
import org.phyle.node.store.TiledMerkleLog;

/** Reads a ledger straight from a node's data directory (read-only; the node may be running). */
public final class DataDirSource implements LedgerSource {
    private final Path dir;
    private final LedgerStore store;
    private final long lastHeight;

    public DataDirSource(Path dir) {
        this.dir = dir;
        this.store = LedgerStore.open(dir, true);
        this.lastHeight = store.blockCount() - 1;
    }

    @Override
    public String describe() {
        return dir.toString();
    }

    @Override
    public long lastHeight() {
        return lastHeight;
    }

    /** Every snapshot the node recorded claims the digest of the state at its block. */
    @Override
    public List<Claim> claims() {
        List<Claim> out = new ArrayList<>();
        for (LedgerStore.SnapshotRecord r : store.snapshots()) {
            if (r.height() <= lastHeight) {
                out.add(new Claim(r.height(), r.treeSize(), r.digest()));
            }
        }
        return out;
    }

    @Override
    public String latestCheckpoint() {
        return store.block(lastHeight).orElseThrow().checkpoint();
    }

    @Override
    public List<StoredBlock> blocks(long from, long to) {
        return store.blocks(from, to);
    }

    /** The stored bytes as they are; the auditor checks that each is canonical and verifies. */
    @Override
    public List<Entry> entries(long start, long end) {
        List<Entry> out = new ArrayList<>((int) (end - start));
        for (byte[] e : store.entries(start, end)) {
            out.add(Entry.raw(e));
        }
        return out;
    }

    @Override
    public List<Hash> consistencyProof(long from, long to) {
        // the tiles are on disk too; proofs from them are checked like a node's
        return TiledMerkleLog.load(store).consistencyProof(from, to);
    }

    @Override
    public void close() {
        store.close();
    }
}

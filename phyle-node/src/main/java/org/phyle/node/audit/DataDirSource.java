package org.phyle.node.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.phyle.crypto.Hash;
import org.phyle.crypto.Jcs;
import org.phyle.crypto.StrictJson;
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

    @Override
    public List<JsonNode> entries(long start, long end) {
        List<JsonNode> out = new ArrayList<>();
        long leaf = start;
        for (byte[] e : store.entries(start, end)) {
            JsonNode parsed;
            try {
                parsed = StrictJson.parse(e);
            } catch (StrictJson.MalformedJsonException bad) {
                throw new AuditFailure("entry " + leaf + " is not JSON: " + bad.getMessage());
            }
            if (!java.util.Arrays.equals(Jcs.canonicalize(parsed), e)) {
                throw new AuditFailure("entry " + leaf + " is not stored in canonical form");
            }
            out.add(parsed);
            leaf++;
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

package org.phyle.node;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.phyle.core.Block;
import org.phyle.core.BlockHeader;
import org.phyle.core.InvalidBlockException;
import org.phyle.core.Society;
import org.phyle.core.economy.Movement;
import org.phyle.core.economy.Movements;
import org.phyle.crypto.Checkpoint;
import org.phyle.crypto.SignedNote;
import org.phyle.crypto.SigningKey;
import org.phyle.node.store.LedgerStore;
import org.phyle.node.store.StorageException;
import org.phyle.node.store.StoredBlock;
import org.phyle.node.store.TiledMerkleLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opening a data directory: the blocks are the truth, the state a cache. Start from the newest snapshot whose file
 * hashes to its recorded digest (or from genesis), replay every later block with full verification, then check that
 * the stored entries, the Merkle tiles and the last acknowledged checkpoint all agree with the replayed state.
 */
final class Recovery {
    private static final Logger LOG = LoggerFactory.getLogger(Recovery.class);
    private static final int BLOCKS_PER_READ = 64;

    private Recovery() {
    }

    static Node open(NodeConfig config) {
        Path dir = config.dataDir();
        if (!LedgerStore.exists(dir)) {
            throw new IllegalStateException("no ledger in " + dir + " (create one with `phyle init`)");
        }
        SigningKey nodeKey = KeyFile.read(config.nodeKeyFile());
        LedgerStore store;
        try {
            store = LedgerStore.open(dir, false);
        } catch (StorageException e) {
            throw new CorruptLedgerException("the ledger in " + dir + " is damaged: " + e.getMessage()
                    + ". The node does not start on a damaged ledger; restore the data directory from a copy.", e);
        }
        ParallelDecoder verifier = new ParallelDecoder();
        try {
            return recover(config, store, nodeKey, verifier);
        } catch (InvalidBlockException | StorageException | CorruptLedgerException e) {
            store.close();
            verifier.close();
            throw new CorruptLedgerException("the ledger in " + dir + " is damaged: " + e.getMessage()
                    + ". The node does not start on a damaged ledger; restore the data directory from a copy.", e);
        } catch (RuntimeException e) {
            store.close();
            verifier.close();
            throw e;
        }
    }

    private static Node recover(NodeConfig config, LedgerStore store, SigningKey nodeKey, ParallelDecoder verifier) {
        long blocks = store.blockCount();
        if (blocks == 0) {
            throw new CorruptLedgerException("it holds no genesis block");
        }
        StoredBlock storedGenesis = store.block(0).orElseThrow(() -> new CorruptLedgerException("block 0 is missing"));
        Block genesis = StoredBlocks.assemble(storedGenesis, store.entries(0, 1), StoredBlocks.genesisDecoder(), verifier);
        Society society = Society.fromGenesis(genesis);
        if (!society.sequencer().equals(nodeKey.verifyingKey())) {
            throw new IllegalStateException("the node key " + nodeKey.did() + " in " + config.nodeKeyFile()
                    + " is not the sequencer " + society.sequencer().did() + " this society's genesis names");
        }
        SignedNote.Verifier noteVerifier = new SignedNote.Signer(society.origin(), nodeKey).verifier();
        StoredBlocks.checkCheckpoint(storedGenesis, genesis.header(), noteVerifier, society.origin());

        // the accounts' history is stored with each block; a ledger written before it was (or a gap) is filled by
        // replaying the blocks it lacks, so a snapshot past the stored history is not used
        long historyThrough = store.historyThrough();
        if (historyThrough < 0) {
            store.appendHistory(society.view(Movements.class).ofBlock(0), 0);
            historyThrough = 0;
        }
        if (historyThrough < blocks - 1) {
            LOG.info("the accounts' history is stored through block {}; filling it up to block {}", historyThrough,
                    blocks - 1);
        }
        long snapshotTreeSize = society.treeSize();
        SnapshotFiles snapshots = new SnapshotFiles(config.dataDir());
        for (LedgerStore.SnapshotRecord rec : store.snapshots()) {
            if (rec.height() > historyThrough) {
                LOG.info("not starting from snapshot {}: the history of the blocks up to it is not stored yet",
                        rec.file());
                continue;
            }
            if (rec.height() >= blocks) {
                LOG.warn("snapshot {} is of block {}, beyond the last stored block {}; ignoring it", rec.file(),
                        rec.height(), blocks - 1);
                continue;
            }
            try {
                Society restored = snapshots.read(rec.file(), rec.digest());
                if (!restored.id().equals(society.id()) || restored.height() != rec.height()) {
                    throw new IllegalStateException("it is of another society or block");
                }
                society = restored;
                snapshotTreeSize = rec.treeSize();
                LOG.info("restored the state of block {} from {}", rec.height(), rec.file());
                break;
            } catch (RuntimeException e) {
                LOG.warn("snapshot {} is unusable ({}); trying an older one", rec.file(), e.getMessage());
            }
        }

        long from = society.height() + 1;
        List<Movement> history = new ArrayList<>();
        long started = System.nanoTime();
        long lastReport = started;
        for (long h = from; h < blocks; h += BLOCKS_PER_READ) {
            List<StoredBlock> chunk = store.blocks(h, Math.min(blocks, h + BLOCKS_PER_READ));
            for (StoredBlock stored : chunk) {
                if (stored.height() != society.height() + 1) {
                    throw new CorruptLedgerException("block " + (society.height() + 1) + " is missing");
                }
                Block block = StoredBlocks.assemble(stored, store.entries(stored.firstLeaf(), stored.endLeaf()),
                        society.decoder(), verifier);
                StoredBlocks.checkCheckpoint(stored, block.header(), noteVerifier, society.origin());
                society.apply(block);
                if (block.header().height() > historyThrough) {
                    history.addAll(society.view(Movements.class).ofBlock(block.header().height()));
                }
            }
            if (society.height() > historyThrough) {
                store.appendHistory(history, society.height());
                historyThrough = society.height();
                history.clear();
            }
            if (System.nanoTime() - lastReport > 2_000_000_000L) {
                lastReport = System.nanoTime();
                LOG.info("replaying: block {} of {}", society.height(), blocks - 1);
            }
        }
        if (blocks > from) {
            LOG.info("replayed blocks {}..{} in {} ms", from, blocks - 1, (System.nanoTime() - started) / 1_000_000);
        }

        long entries = store.entryCount();
        if (entries != society.treeSize()) {
            throw new CorruptLedgerException("it holds " + entries + " entries, but its blocks account for "
                    + society.treeSize());
        }
        Checkpoint acknowledged = acknowledged(new HeadFile(config.dataDir()), society, noteVerifier);
        TiledMerkleLog merkle = TiledMerkleLog.load(store);
        if (!merkle.root(society.treeSize()).equals(society.root())) {
            throw new CorruptLedgerException("its Merkle tiles do not give the root its blocks commit to");
        }
        if (acknowledged != null && !merkle.root(acknowledged.size()).equals(acknowledged.root())) {
            throw new CorruptLedgerException("the acknowledged checkpoint of " + acknowledged.size()
                    + " entries is not a prefix of the ledger");
        }

        StoredBlock last = store.block(society.height()).orElseThrow();
        BlockHeader lastHeader = StoredBlocks.header(last);
        Head head = new Head(last.height(), last.time(), lastHeader.treeSize(), lastHeader.root(), last.checkpoint());
        return Node.assemble(config, store, merkle, nodeKey, society, head, verifier,
                society.treeSize() - snapshotTreeSize);
    }

    /**
     * The last checkpoint acknowledged to clients, which the ledger must not be shorter than; null if it cannot be
     * read (a warning says so).
     */
    private static Checkpoint acknowledged(HeadFile headFile, Society society, SignedNote.Verifier verifier) {
        Optional<String> note = headFile.read();
        if (note.isEmpty()) {
            LOG.warn("{} is missing; cannot check that the ledger kept every acknowledged block", headFile.path());
            return null;
        }
        Checkpoint acknowledged;
        try {
            acknowledged = Checkpoint.open(note.get(), verifier, society.origin());
        } catch (IllegalArgumentException e) {
            LOG.warn("{} is unreadable ({}); cannot check the ledger's tail against it", headFile.path(), e.getMessage());
            return null;
        }
        if (acknowledged.size() > society.treeSize()) {
            throw new CorruptLedgerException("it lost its tail: the node acknowledged a checkpoint of "
                    + acknowledged.size() + " entries, but the ledger holds " + society.treeSize());
        }
        return acknowledged;
    }
}

package org.phyle.node;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.function.Function;
import org.phyle.core.Block;
import org.phyle.core.BlockBuilder;
import org.phyle.core.Rejection;
import org.phyle.core.Society;
import org.phyle.core.SocietyView;
import org.phyle.core.TxOutcome;
import org.phyle.core.economy.Movements;
import org.phyle.core.sortition.Draw;
import org.phyle.core.sortition.SortitionTx;
import org.phyle.core.tx.TxSigner;
import org.phyle.core.tx.TxDecoder;
import org.phyle.core.TxRules;
import org.phyle.core.tx.VerifiedTx;
import org.phyle.crypto.Checkpoint;
import org.phyle.crypto.Hash;
import org.phyle.crypto.SignedNote;
import org.phyle.crypto.SigningKey;
import org.phyle.node.store.DataDirLock;
import org.phyle.node.store.LedgerStore;
import org.phyle.node.store.StoredBlock;
import org.phyle.node.store.TiledMerkleLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node society: verified transactions wait in the mempool; the sequencer thread cuts a block every
 * {@code blockIntervalMs} or {@code maxBlockTxs}, applies it to the society, stores it durably, and only then answers
 * the submitters and issues a signed checkpoint. The state readers see is always the durable state.
 */
public final class Node implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Node.class);
    private static final int REMEMBERED_REJECTIONS = 100_000;

    private final NodeConfig config;
    private final LedgerStore store;
    private final TiledMerkleLog merkle;
    private final SigningKey nodeKey;
    private final SignedNote.Signer checkpointSigner;
    private final HeadFile headFile;
    private final SnapshotFiles snapshots;
    private final Mempool mempool;
    private final ParallelDecoder verifier;
    private final ReentrantReadWriteLock stateLock = new ReentrantReadWriteLock();
    private final Society society;
    private final TxDecoder decoder;
    private final org.phyle.core.Parameters parameters;
    private final List<Consumer<Head>> listeners = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Throwable> failed = new CompletableFuture<>();
    private DataDirLock dataDirLock;
    private long sealing = -1; // the height of the block holding the batch being stored (sequencer thread)
    private long lastAppended = -1; // the height of the last block the store committed (sequencer thread)
    private final Map<Hash, Rejection> recentRejections = new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Hash, Rejection> eldest) {
            return size() > REMEMBERED_REJECTIONS;
        }
    };
    private volatile Head head;
    private volatile Throwable failure;
    private volatile boolean running;
    private Thread sequencer;
    private long txsSinceSnapshot;
    private long lastCut;

    private Node(NodeConfig config, LedgerStore store, TiledMerkleLog merkle, SigningKey nodeKey, Society society,
                 Head head, ParallelDecoder verifier) {
        this.config = config;
        this.store = store;
        this.merkle = merkle;
        this.nodeKey = nodeKey;
        this.society = society;
        this.decoder = society.decoder();
        this.parameters = society.parameters();
        this.checkpointSigner = new SignedNote.Signer(society.origin(), nodeKey);
        this.headFile = new HeadFile(config.dataDir());
        this.snapshots = new SnapshotFiles(config.dataDir());
        this.mempool = new Mempool(config.mempoolCapacity());
        this.verifier = verifier;
        this.head = head;
    }

    // ---- creating and opening ---------------------------------------------------------------------------------

    /** Creates a new ledger in an empty data directory from a genesis block signed with the node key. */
    public static void init(java.nio.file.Path dataDir, Block genesis, SigningKey nodeKey) {
        Society society = Society.fromGenesis(genesis);
        if (!society.sequencer().equals(nodeKey.verifyingKey())) {
            throw new IllegalArgumentException("the genesis names sequencer " + society.sequencer().did()
                    + ", but the node key is " + nodeKey.did());
        }
        NodeConfig config = NodeConfig.defaults(dataDir);
        try (DataDirLock lock = DataDirLock.acquire(dataDir)) {
            if (LedgerStore.exists(dataDir)) {
                throw new IllegalStateException(dataDir + " already holds a ledger");
            }
            init(config, society, genesis, nodeKey);
        }
    }

    private static void init(NodeConfig config, Society society, Block genesis, SigningKey nodeKey) {
        java.nio.file.Path dataDir = config.dataDir();
        KeyFile.write(config.nodeKeyFile(), nodeKey);
        String note = SignedNote.sign(new Checkpoint(society.origin(), society.treeSize(), society.root()).body(),
                new SignedNote.Signer(society.origin(), nodeKey));
        try (LedgerStore store = LedgerStore.open(dataDir, false)) {
            store.putMeta("society", society.id().hex());
            store.putMeta("format", "1");
            store.append(new StoredBlock(0, 0, 1, genesis.header().time(), genesis.header().canonical(),
                    genesis.signature(), note), genesis.txs(), List.of(), society.view(Movements.class).ofBlock(0));
        }
        new HeadFile(dataDir).write(note);
    }

    /**
     * Opens a data directory: takes its lock (one writer per directory: a second node is refused, named by who holds
     * it), loads the newest good snapshot, replays the blocks after it, and checks the tail.
     */
    public static Node open(NodeConfig config) {
        if (!LedgerStore.exists(config.dataDir())) {
            // said before the lock is taken, so that a mistyped --data leaves no lock file behind
            throw new IllegalStateException("no ledger in " + config.dataDir() + " (create one with `phyle init`)");
        }
        DataDirLock lock = DataDirLock.acquire(config.dataDir());
        try {
            Node node = Recovery.open(config);
            node.dataDirLock = lock;
            return node;
        } catch (RuntimeException | Error e) {
            lock.close();
            throw e;
        }
    }

    /** The data directory's lock, which this node holds until it is closed. */
    public DataDirLock dataDirLock() {
        return dataDirLock;
    }

    static Node assemble(NodeConfig config, LedgerStore store, TiledMerkleLog merkle, SigningKey nodeKey,
                         Society society, Head head, ParallelDecoder verifier, long txsSinceSnapshot) {
        Node node = new Node(config, store, merkle, nodeKey, society, head, verifier);
        node.txsSinceSnapshot = txsSinceSnapshot;
        return node;
    }

    /** Starts sequencing. */
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        sequencer = new Thread(this::sequence, "phyle-sequencer");
        sequencer.start();
    }

    // ---- submitting -------------------------------------------------------------------------------------------

    /** The decoder for this society's transactions. */
    public TxDecoder decoder() {
        return decoder;
    }

    /** The pool that verifies batches of signatures on every core. */
    public ParallelDecoder verifier() {
        return verifier;
    }

    /**
     * Queues a verified transaction. Obvious refusals (expired, already waiting, node full) come at once as a
     * {@link Rejection}; the future completes when the block holding it is durable, or fails with the rejection the
     * society's rules gave when it was sequenced (a replay, for one).
     */
    public CompletableFuture<Committed> submit(VerifiedTx tx) {
        checkAdmission(tx);
        return mempool.add(tx).result();
    }

    /**
     * Queues many verified transactions at once; each element of the answer is the transaction's future, or the
     * {@link Rejection} that kept it out.
     */
    public List<Object> submitAll(List<VerifiedTx> txs) {
        List<Object> out = new ArrayList<>(txs.size());
        List<VerifiedTx> admitted = new ArrayList<>(txs.size());
        List<Integer> positions = new ArrayList<>(txs.size());
        for (VerifiedTx tx : txs) {
            try {
                checkAdmission(tx);
                positions.add(out.size());
                admitted.add(tx);
                out.add(null);
            } catch (Rejection r) {
                out.add(r);
            }
        }
        List<Object> queued = mempool.addAll(admitted);
        for (int i = 0; i < queued.size(); i++) {
            out.set(positions.get(i), queued.get(i));
        }
        return out;
    }

    /**
     * Checks that need no lock on the state, so that admission never waits for a block being made durable: the node
     * is sequencing, and the transaction has not expired and does not expire too far ahead. Everything else, replays
     * included, is decided by the sequencer with the society's rules.
     */
    private void checkAdmission(VerifiedTx tx) {
        Throwable failed = failure;
        if (failed != null) {
            throw new Rejection(NodeCode.NODE_FAILED, "the node stopped after a storage failure: " + failed.getMessage());
        }
        if (!running) {
            throw new Rejection(NodeCode.NODE_STOPPING, "the node is not sequencing");
        }
        TxRules.checkExpiry(tx, Math.max(config.clock().millis(), head.time()), parameters);
        org.phyle.node.land.ParcelArea.admit(tx.body());
    }

    // ---- reading ----------------------------------------------------------------------------------------------

    /** Runs a query on the durable state, concurrently with other readers. */
    public <T> T read(Function<SocietyView, T> query) {
        stateLock.readLock().lock();
        try {
            return query.apply(society);
        } finally {
            stateLock.readLock().unlock();
        }
    }

    public Head head() {
        return head;
    }

    public NodeConfig config() {
        return config;
    }

    public LedgerStore store() {
        return store;
    }

    public TiledMerkleLog merkle() {
        return merkle;
    }

    public SignedNote.Verifier checkpointVerifier() {
        return checkpointSigner.verifier();
    }

    public int pendingCount() {
        return mempool.size();
    }

    public Optional<Throwable> failure() {
        return Optional.ofNullable(failure);
    }

    public boolean isRunning() {
        return running;
    }

    /** Called after every durable block, on the sequencer thread: keep it short. */
    public void onHead(Consumer<Head> listener) {
        listeners.add(listener);
    }

    /** The state digest, with the height and tree size it belongs to. */
    public record StateClaim(long height, long treeSize, Hash digest) {
    }

    public StateClaim stateClaim() {
        return read(s -> new StateClaim(s.height(), s.treeSize(), s.digest()));
    }

    public TxStatus status(Hash txId) {
        if (mempool.contains(txId)) {
            return new TxStatus.Pending();
        }
        OptionalLong leaf = store.leafOf(txId);
        if (leaf.isPresent()) {
            return new TxStatus.Committed(store.blockOfLeaf(leaf.getAsLong()).orElseThrow(), leaf.getAsLong());
        }
        synchronized (recentRejections) {
            Rejection r = recentRejections.get(txId);
            if (r != null) {
                return new TxStatus.Rejected(r);
            }
        }
        return new TxStatus.Unknown();
    }

    /** The receipt of a committed transaction, proven against the latest checkpoint. */
    public Optional<Receipt> receipt(Hash txId) {
        OptionalLong leaf = store.leafOf(txId);
        if (leaf.isEmpty()) {
            return Optional.empty();
        }
        Head h = head;
        long l = leaf.getAsLong();
        long height = store.blockOfLeaf(l).orElseThrow();
        StoredBlock block = store.block(height).orElseThrow();
        byte[] entry = store.entry(l).orElseThrow();
        return Optional.of(new Receipt(txId, height, block.time(), l, entry, merkle.leafHash(l), h.treeSize(),
                merkle.inclusionProof(l, h.treeSize()), h.checkpoint()));
    }

    // ---- the sequencer ----------------------------------------------------------------------------------------

    private void sequence() {
        try {
            while (true) {
                List<Mempool.Pending> batch = mempool.takeBlock(config.maxBlockTxs(),
                        lastCut + config.blockIntervalMs(), () -> config.clock().millis());
                if (batch.isEmpty()) {
                    if (!running) {
                        return;
                    }
                    // nothing waits, but something may be due (a vote to open or close): an empty block lets it happen
                    long now = config.clock().millis();
                    if (read(s -> s.blockDue(now))) {
                        lastCut = now;
                        sealAndStore(batch);
                    }
                    continue;
                }
                lastCut = config.clock().millis();
                try {
                    sealAndStore(batch);
                } catch (RuntimeException | Error e) {
                    fail(e, batch, sealing >= 0 && lastAppended == sealing);
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            fail(e, List.of(), false);
        }
    }

    /**
     * The sequencer cannot go on (storage failed, or a bug): every transaction in flight or waiting is refused with
     * NODE_FAILED — none of them is durable — no more are admitted, and whoever runs the node is told at once.
     */
    private void fail(Throwable e, List<Mempool.Pending> inFlight, boolean inFlightDurable) {
        failure = e;
        LOG.error("the sequencer stopped: {}", e.toString(), e);
        Rejection refused = new Rejection(NodeCode.NODE_FAILED, "the node stopped after a storage failure, before"
                + " this transaction was durable; it is not on the ledger: " + e.getMessage());
        // a failure after the block's commit (writing the head file, say): its transactions are on the ledger, but
        // the node cannot vouch for them now; saying "not on the ledger" would be as false as saying "committed"
        Rejection unknown = new Rejection(NodeCode.NODE_FAILED, "the node stopped after a storage failure just after"
                + " storing this transaction's block, before acknowledging it; ask for its status once the node is"
                + " restarted: " + e.getMessage());
        for (Mempool.Pending p : inFlight) {
            p.result().completeExceptionally(inFlightDurable ? unknown : refused);
        }
        mempool.failAll(refused);
        failed.complete(e);
    }

    /** Completes with the failure that stopped the sequencer, if one ever does. */
    public CompletableFuture<Throwable> whenFailed() {
        return failed;
    }

    private void sealAndStore(List<Mempool.Pending> batch) {
        sealing = -1;
        List<TxOutcome> outcomes = new ArrayList<>(batch.size());
        Head newHead = null;
        long t0 = System.nanoTime();
        long t1 = t0;
        stateLock.writeLock().lock();
        try {
            long now = config.clock().millis();
            List<VerifiedTx> proofs = drawProofs(Math.max(now, society.time()));
            if (!proofs.isEmpty() || !batch.isEmpty() && society.nextDue() <= Math.max(now, society.time())) {
                // what is due by now (a vote opening, closing, a draw to prove) happens first, in a block of its own,
                // so that these transactions see the state as it is at their block's time
                BlockBuilder due = society.newBlock(now);
                for (VerifiedTx proof : proofs) {
                    if (due.offer(proof) instanceof TxOutcome.Rejected r) {
                        LOG.error("the node's proof of a draw was refused: {}", r.rejection().toString());
                    }
                }
                store(due.seal(nodeKey));
            }
            BlockBuilder builder = society.newBlock(now);
            for (Mempool.Pending p : batch) {
                outcomes.add(builder.offer(p.tx()));
            }
            if (builder.isEmpty() && society.nextDue() > builder.time()) {
                builder.abandon();
            } else {
                Block block = builder.seal(nodeKey);
                t1 = System.nanoTime();
                sealing = block.height();
                newHead = store(block);
            }
        } finally {
            stateLock.writeLock().unlock();
        }
        if (LOG.isDebugEnabled() && newHead != null) {
            LOG.debug("block {}: {} txs, applied in {} ms, stored in {} ms", newHead.height(), batch.size(),
                    (t1 - t0) / 1_000_000, (System.nanoTime() - t1) / 1_000_000);
        }
        for (int i = 0; i < batch.size(); i++) {
            Mempool.Pending p = batch.get(i);
            switch (outcomes.get(i)) {
                case TxOutcome.Accepted a -> p.result().complete(
                        new Committed(a.tx().id(), newHead.height(), a.leafIndex()));
                case TxOutcome.Rejected r -> {
                    synchronized (recentRejections) {
                        recentRejections.put(r.tx().id(), r.rejection());
                    }
                    p.result().completeExceptionally(r.rejection());
                }
            }
        }
        if (newHead != null) {
            for (Consumer<Head> l : listeners) {
                try {
                    l.accept(newHead);
                } catch (RuntimeException e) {
                    LOG.warn("a head listener failed: {}", e.toString());
                }
            }
            maybeSnapshot();
        }
    }

    /**
     * The node's part in every draw by lot whose stewards' time is over: its VRF proof on the draw's input, signed
     * as a {@code sortition.prove} transaction (one per draw: the nonce is the draw's id). Called with the state
     * write lock held.
     */
    private List<VerifiedTx> drawProofs(long time) {
        List<VerifiedTx> out = new ArrayList<>();
        for (Draw d : society.sortition().provable(time)) {
            byte[] envelope = TxSigner.signBytes(society.id(), nodeKey,
                    new SortitionTx.Prove(d.id(), nodeKey.vrfProve(d.alpha())), "draw-" + d.id().hex().substring(0, 58), time + 600_000);
            out.add(society.decoder().decode(envelope));
        }
        return out;
    }

    /** Makes a sealed block durable; called with the state write lock held. */
    private Head store(Block block) {
        String note = SignedNote.sign(new Checkpoint(society.origin(), block.header().treeSize(),
                block.header().root()).body(), checkpointSigner);
        List<Hash> leafHashes = new ArrayList<>(block.txs().size());
        block.txs().forEach(tx -> leafHashes.add(tx.leafHash()));
        TiledMerkleLog.Append append = merkle.prepare(leafHashes);
        store.append(new StoredBlock(block.height(), block.header().firstLeaf(), block.header().txCount(),
                block.header().time(), block.header().canonical(), block.signature(), note), block.txs(),
                append.completedTiles(), society.view(Movements.class).ofBlock(block.height()));
        lastAppended = block.height();
        merkle.commit(append);
        headFile.write(note);
        Head h = new Head(block.height(), block.header().time(), block.header().treeSize(), block.header().root(), note);
        head = h;
        txsSinceSnapshot += block.txs().size();
        return h;
    }

    private void maybeSnapshot() {
        if (txsSinceSnapshot >= config.snapshotEveryTxs()) {
            snapshot();
        }
    }

    /** Writes a snapshot of the current state (sequencer thread, or after it stopped). */
    private void snapshot() {
        stateLock.readLock().lock();
        try {
            Hash digest = snapshots.write(society);
            for (String dropped : store.recordSnapshot(society.height(), society.treeSize(), digest,
                    SnapshotFiles.fileName(society.height()), 2)) {
                snapshots.delete(dropped);
            }
            txsSinceSnapshot = 0;
            LOG.info("snapshot at block {} ({} entries), digest {}", society.height(), society.treeSize(), digest.hex());
        } finally {
            stateLock.readLock().unlock();
        }
    }

    /** Stops taking transactions, sequences those already waiting, snapshots, and closes the ledger. */
    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            t = sequencer;
            running = false;
        }
        mempool.close();
        if (t != null) {
            try {
                t.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (failure == null && txsSinceSnapshot > 0) {
            snapshot();
        }
        verifier.close();
        store.close();
        if (dataDirLock != null) {
            dataDirLock.close();
        }
    }
}

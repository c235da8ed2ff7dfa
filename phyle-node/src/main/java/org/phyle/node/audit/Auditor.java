package org.phyle.node.audit;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.phyle.core.Block;
import org.phyle.core.InvalidBlockException;
import org.phyle.core.Society;
import org.phyle.crypto.Checkpoint;
import org.phyle.crypto.Hash;
import org.phyle.crypto.Merkle;
import org.phyle.crypto.MerkleAccumulator;
import org.phyle.crypto.SignedNote;
import org.phyle.node.ParallelDecoder;
import org.phyle.node.StoredBlocks;
import org.phyle.node.store.StoredBlock;

/**
 * The auditor's check of a whole ledger, trusting nothing the operator says: every entry's signature and canonical
 * form, every block's signature, link and Merkle root, every checkpoint's signature, the replayed state digest
 * against the operator's claim, and the consistency of the latest checkpoint (and of one saved earlier) with what was
 * replayed. Stops at the first discrepancy with an {@link AuditFailure} that names it.
 */
public final class Auditor {
    private static final int BLOCKS_PER_FETCH = 200;
    private static final int MAX_ENTRIES_PER_FETCH = 20_000;

    /** Told how far the audit has got. */
    public interface Progress {
        void update(long entriesDone, long entriesTotal);
    }

    /** What a passed audit established; {@code state} is the society as the auditor's replay left it. */
    public record Report(Hash society, String name, long blocks, long entries, Hash root, Hash digest,
                         int claimsChecked, String latestCheckpoint, long latestSize, boolean sinceChecked,
                         long millis, Society state) {
        public double entriesPerSecond() {
            return millis == 0 ? 0 : entries * 1000.0 / millis;
        }
    }

    private final ParallelDecoder parallel;

    public Auditor(ParallelDecoder parallel) {
        this.parallel = parallel;
    }

    /**
     * @param since      a checkpoint note saved earlier, which the log must still contain, or null
     * @param pinnedVkey the sequencer's verifier key as the auditor knows it (C2SP vkey), or null to take the
     *                   genesis's word for it
     */
    public Report verify(LedgerSource source, String since, String pinnedVkey, Progress progress) {
        return verify(source, since, pinnedVkey, progress, state -> { });
    }

    /**
     * As {@link #verify(LedgerSource, String, String, Progress)}, showing the replayed state to {@code afterBlock}
     * after each block (to look at something the state holds only for a while, such as a draw's pool).
     */
    public Report verify(LedgerSource source, String since, String pinnedVkey, Progress progress,
                         java.util.function.Consumer<Society> afterBlock) {
        long started = System.nanoTime();
        long lastHeight = source.lastHeight();
        if (lastHeight < 0) {
            throw new AuditFailure(source.describe() + " holds no blocks");
        }
        String latestNote = source.latestCheckpoint();
        Deque<LedgerSource.Claim> claims = new ArrayDeque<>(source.claims().stream()
                .sorted(java.util.Comparator.comparingLong(LedgerSource.Claim::height)).toList());
        int claimsChecked = 0;

        List<StoredBlock> first = source.blocks(0, 1);
        if (first.isEmpty()) {
            throw new AuditFailure("block 0 is missing");
        }
        StoredBlock genesisStored = first.get(0);
        List<LedgerSource.Entry> genesisEntry = source.entries(0, 1);
        Society society;
        Block genesis;
        try {
            genesis = StoredBlocks.assembleEntries(genesisStored, genesisEntry, StoredBlocks.genesisDecoder(), parallel);
            society = Society.fromGenesis(genesis);
        } catch (InvalidBlockException e) {
            throw new AuditFailure(e.getMessage(), e);
        }
        SignedNote.Verifier noteVerifier = new SignedNote.Verifier(society.origin(), society.sequencer());
        if (pinnedVkey != null) {
            SignedNote.Verifier pinned = SignedNote.Verifier.parse(pinnedVkey);
            if (!pinned.key().equals(society.sequencer()) || !pinned.name().equals(society.origin())) {
                throw new AuditFailure("the genesis names sequencer " + society.sequencer().did() + " for "
                        + society.origin() + ", not the key you pinned (" + pinned.name() + ")");
            }
        }
        Checkpoint latest = open(latestNote, noteVerifier, society, "the latest checkpoint");
        Checkpoint old = since == null ? null : open(since, noteVerifier, society, "the checkpoint given with --since");

        long totalEntries = latest.size();
        MerkleAccumulator prefix = new MerkleAccumulator();
        Hash rootAtOld = track(prefix, genesisEntry, old, null);
        checkBlock(genesisStored, genesis, noteVerifier, society);
        claimsChecked += checkClaims(claims, society);
        progress.update(society.treeSize(), totalEntries);

        // the next chunk is fetched while this one is verified and applied
        ExecutorService fetcher = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "phyle-audit-fetch");
            t.setDaemon(true);
            return t;
        });
        try {
            Future<Chunk> next = fetcher.submit(() -> fetch(source, 1, lastHeight));
            while (true) {
                Chunk chunk = get(next);
                if (chunk.blocks().isEmpty()) {
                    break;
                }
                long after = chunk.blocks().get(chunk.blocks().size() - 1).height() + 1;
                next = fetcher.submit(() -> fetch(source, after, lastHeight));
                for (StoredBlock stored : chunk.blocks()) {
                    if (stored.height() != society.height() + 1) {
                        throw new AuditFailure("block " + (society.height() + 1) + " is missing");
                    }
                    List<LedgerSource.Entry> blockEntries = chunk.entries().subList(
                            (int) (stored.firstLeaf() - chunk.start()), (int) (stored.endLeaf() - chunk.start()));
                    try {
                        Block block = StoredBlocks.assembleEntries(stored, blockEntries, society.decoder(), parallel);
                        society.apply(block);
                        checkBlock(stored, block, noteVerifier, society);
                        afterBlock.accept(society);
                    } catch (InvalidBlockException e) {
                        throw new AuditFailure(e.getMessage(), e);
                    }
                    rootAtOld = track(prefix, blockEntries, old, rootAtOld);
                    claimsChecked += checkClaims(claims, society);
                }
                progress.update(society.treeSize(), Math.max(totalEntries, society.treeSize()));
            }
        } finally {
            fetcher.shutdownNow();
        }
        if (society.height() != lastHeight) {
            throw new AuditFailure("block " + (society.height() + 1) + " is missing");
        }
        if (!claims.isEmpty()) {
            throw new AuditFailure("the operator claims a state at block " + claims.peek().height()
                    + ", beyond the last block " + society.height());
        }

        long n = society.treeSize();
        Hash root = society.root();
        if (latest.size() < n) {
            throw new AuditFailure("the latest checkpoint has " + latest.size() + " entries, fewer than the " + n
                    + " replayed");
        } else if (latest.size() == n) {
            if (!latest.root().equals(root)) {
                throw new AuditFailure("the latest checkpoint's root differs from the replayed root at size " + n);
            }
        } else {
            List<Hash> proof = source.consistencyProof(n, latest.size());
            if (!Merkle.verifyConsistency(n, latest.size(), root, latest.root(), proof)) {
                throw new AuditFailure("the latest checkpoint (size " + latest.size() + ") is not consistent with "
                        + "the replayed log of size " + n);
            }
        }
        boolean sinceChecked = false;
        if (old != null) {
            if (old.size() > latest.size()) {
                throw new AuditFailure("the saved checkpoint has " + old.size() + " entries, the log now only "
                        + latest.size() + ": the log was rolled back");
            }
            if (old.size() <= n && !old.root().equals(rootAtOld)) {
                throw new AuditFailure("the saved checkpoint of size " + old.size()
                        + " is not a prefix of this log: it was rewritten");
            }
            List<Hash> proof = source.consistencyProof(old.size(), latest.size());
            if (!Merkle.verifyConsistency(old.size(), latest.size(), old.root(), latest.root(), proof)) {
                throw new AuditFailure("the operator's consistency proof from the saved checkpoint (size "
                        + old.size() + ") to the latest (size " + latest.size() + ") does not verify");
            }
            sinceChecked = true;
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        return new Report(society.id(), society.name(), society.height() + 1, n, root, society.digest(), claimsChecked,
                latestNote, latest.size(), sinceChecked, millis, society);
    }

    /** Whole blocks from a height, with their entries: up to BLOCKS_PER_FETCH blocks or about MAX_ENTRIES_PER_FETCH. */
    private record Chunk(List<StoredBlock> blocks, long start, List<LedgerSource.Entry> entries) {
    }

    private static Chunk fetch(LedgerSource source, long from, long lastHeight) {
        if (from > lastHeight) {
            return new Chunk(List.of(), 0, List.of());
        }
        List<StoredBlock> page = source.blocks(from, Math.min(lastHeight + 1, from + BLOCKS_PER_FETCH));
        if (page.isEmpty()) {
            throw new AuditFailure("block " + from + " is missing");
        }
        long start = page.get(0).firstLeaf();
        int j = 1;
        while (j < page.size() && page.get(j).endLeaf() - start <= MAX_ENTRIES_PER_FETCH) {
            j++;
        }
        List<StoredBlock> blocks = page.subList(0, j);
        long end = blocks.get(blocks.size() - 1).endLeaf();
        List<LedgerSource.Entry> entries = source.entries(start, end);
        if (entries.size() != end - start) {
            throw new AuditFailure("entries " + start + ".." + (end - 1) + " are incomplete: got " + entries.size());
        }
        return new Chunk(List.copyOf(blocks), start, entries);
    }

    private static Chunk get(Future<Chunk> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuditFailure("interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new AuditFailure("cannot read the ledger: " + e.getCause(), e.getCause());
        }
    }

    private static Checkpoint open(String note, SignedNote.Verifier verifier, Society society, String what) {
        try {
            return Checkpoint.open(note, verifier, society.origin());
        } catch (IllegalArgumentException e) {
            throw new AuditFailure(what + " does not verify: " + e.getMessage());
        }
    }

    private static void checkBlock(StoredBlock stored, Block block, SignedNote.Verifier verifier, Society society) {
        StoredBlocks.checkCheckpoint(stored, block.header(), verifier, society.origin());
    }

    private static int checkClaims(Deque<LedgerSource.Claim> claims, Society society) {
        int checked = 0;
        while (!claims.isEmpty() && claims.peek().height() <= society.height()) {
            LedgerSource.Claim c = claims.poll();
            if (c.height() < society.height()) {
                throw new AuditFailure("a claim about block " + c.height() + " was passed over");
            }
            Hash digest = society.digest();
            if (!digest.equals(c.digest()) || c.treeSize() != society.treeSize()) {
                throw new AuditFailure("the state replayed to block " + c.height() + " has digest " + digest.hex()
                        + " and " + society.treeSize() + " entries; the operator claims " + c.digest().hex()
                        + " and " + c.treeSize());
            }
            checked++;
        }
        return checked;
    }

    private static Hash track(MerkleAccumulator prefix, List<LedgerSource.Entry> entries, Checkpoint old,
                              Hash rootAtOld) {
        if (old == null || prefix.size() >= old.size()) {
            return rootAtOld;
        }
        for (LedgerSource.Entry e : entries) {
            prefix.append(Merkle.leafHash(e.canonical()));
            if (prefix.size() == old.size()) {
                return prefix.root();
            }
        }
        return rootAtOld;
    }

}

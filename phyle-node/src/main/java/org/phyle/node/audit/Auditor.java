package org.phyle.node.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
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

    /** What a passed audit established. */
    public record Report(Hash society, String name, long blocks, long entries, Hash root, Hash digest,
                         int claimsChecked, String latestCheckpoint, long latestSize, boolean sinceChecked,
                         long millis) {
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
        Society society;
        Block genesis;
        try {
            genesis = StoredBlocks.assembleJson(genesisStored, source.entries(0, 1), StoredBlocks.genesisDecoder(),
                    parallel);
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
        Hash rootAtOld = null;
        List<JsonNode> genesisEntry = source.entries(0, 1);
        rootAtOld = track(prefix, genesisEntry, old, rootAtOld);
        checkBlock(genesisStored, genesis, noteVerifier, society);
        claimsChecked += checkClaims(claims, society);
        progress.update(society.treeSize(), totalEntries);

        for (long h = 1; h <= lastHeight; ) {
            List<StoredBlock> page = source.blocks(h, Math.min(lastHeight + 1, h + BLOCKS_PER_FETCH));
            if (page.isEmpty()) {
                throw new AuditFailure("block " + h + " is missing");
            }
            // fetch the entries of as many whole blocks as fit in one request
            int i = 0;
            while (i < page.size()) {
                int j = i;
                long start = page.get(i).firstLeaf();
                long end = start;
                while (j < page.size() && (j == i || page.get(j).endLeaf() - start <= MAX_ENTRIES_PER_FETCH)) {
                    end = page.get(j).endLeaf();
                    j++;
                }
                List<JsonNode> entries = source.entries(start, end);
                if (entries.size() != end - start) {
                    throw new AuditFailure("entries " + start + ".." + (end - 1) + " are incomplete: got "
                            + entries.size());
                }
                for (int k = i; k < j; k++) {
                    StoredBlock stored = page.get(k);
                    if (stored.height() != society.height() + 1) {
                        throw new AuditFailure("block " + (society.height() + 1) + " is missing");
                    }
                    List<JsonNode> blockEntries = entries.subList((int) (stored.firstLeaf() - start),
                            (int) (stored.endLeaf() - start));
                    try {
                        Block block = StoredBlocks.assembleJson(stored, blockEntries, society.decoder(), parallel);
                        society.apply(block);
                        checkBlock(stored, block, noteVerifier, society);
                    } catch (InvalidBlockException e) {
                        throw new AuditFailure(e.getMessage(), e);
                    }
                    rootAtOld = track(prefix, blockEntries, old, rootAtOld);
                    claimsChecked += checkClaims(claims, society);
                }
                progress.update(society.treeSize(), Math.max(totalEntries, society.treeSize()));
                i = j;
            }
            h = society.height() + 1;
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
                latestNote, latest.size(), sinceChecked, millis);
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

    private static Hash track(MerkleAccumulator prefix, List<JsonNode> entries, Checkpoint old, Hash rootAtOld) {
        if (old == null || prefix.size() >= old.size()) {
            return rootAtOld;
        }
        for (JsonNode e : entries) {
            prefix.append(Merkle.leafHash(org.phyle.crypto.Jcs.canonicalize(e)));
            if (prefix.size() == old.size()) {
                return prefix.root();
            }
        }
        return rootAtOld;
    }

}

package org.phyle.node;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.phyle.core.Block;
import org.phyle.core.BlockHeader;
import org.phyle.core.InvalidBlockException;
import org.phyle.core.Rejection;
import org.phyle.core.tx.TxBatch;
import org.phyle.core.tx.TxDecoder;
import org.phyle.core.tx.VerifiedTx;
import org.phyle.crypto.Checkpoint;
import org.phyle.crypto.SignedNote;
import org.phyle.crypto.StrictJson;
import org.phyle.node.audit.LedgerSource;
import org.phyle.node.store.StoredBlock;

/** Turns stored (or downloaded) blocks and entries back into verified core blocks, checking everything on the way. */
public final class StoredBlocks {
    private StoredBlocks() {
    }

    /** The header a stored block carries, parsed strictly; a damaged header is an invalid block. */
    public static BlockHeader header(StoredBlock stored) {
        try {
            BlockHeader h = BlockHeader.fromJson(StrictJson.parse(stored.header()));
            if (!Arrays.equals(h.canonical(), stored.header())) {
                throw new InvalidBlockException(stored.height(), "header is not canonical JSON");
            }
            if (h.height() != stored.height() || h.firstLeaf() != stored.firstLeaf() || h.txCount() != stored.txCount()
                    || h.time() != stored.time()) {
                throw new InvalidBlockException(stored.height(), "header disagrees with the block's index columns");
            }
            return h;
        } catch (Rejection | IllegalArgumentException e) {
            throw new InvalidBlockException(stored.height(), "header does not parse: " + e.getMessage());
        }
    }

    /** Decodes a block's stored entries in parallel and assembles the block; entries must be canonical and verify. */
    public static Block assemble(StoredBlock stored, List<byte[]> entries, TxDecoder decoder, ParallelDecoder parallel) {
        return assemble(stored, entries, chunk -> TxBatch.decodeAll(decoder, chunk), parallel, e -> e);
    }

    /**
     * The same for an auditor's entries: stored bytes must be canonical; JSON received over the API has its canonical
     * bytes recomputed. Parsing, canonical checks and signatures all run in the parallel stage.
     */
    public static Block assembleEntries(StoredBlock stored, List<LedgerSource.Entry> entries, TxDecoder decoder,
                                        ParallelDecoder parallel) {
        return assemble(stored, entries,
                chunk -> TxBatch.decodeAllOf(decoder, chunk, e -> e.raw() != null ? e.raw() : e.json()),
                parallel, LedgerSource.Entry::raw);
    }

    /**
     * @param storedBytes the exact bytes an entry was stored as, which must equal its canonical form, or null when
     *                    there are none to compare (JSON from the API)
     */
    private static <E> Block assemble(StoredBlock stored, List<E> entries,
                                      Function<List<E>, List<TxBatch.Decoded>> decodeChunk,
                                      ParallelDecoder parallel, Function<E, byte[]> storedBytes) {
        BlockHeader header = header(stored);
        if (entries.size() != stored.txCount()) {
            throw new InvalidBlockException(stored.height(), "has " + stored.txCount() + " transactions but "
                    + entries.size() + " entries were found");
        }
        // parsing, canonical checks and one batch signature check per chunk, on every core
        List<ParallelDecoder.Result<VerifiedTx>> decoded = parallel.decodeChunks(entries, chunk -> {
            List<TxBatch.Decoded> txs = decodeChunk.apply(chunk);
            List<ParallelDecoder.Result<VerifiedTx>> out = new ArrayList<>(txs.size());
            for (int i = 0; i < txs.size(); i++) {
                TxBatch.Decoded d = txs.get(i);
                byte[] bytes = storedBytes.apply(chunk.get(i));
                if (d.ok() && bytes != null && !Arrays.equals(d.tx().entry(), bytes)) {
                    out.add(new ParallelDecoder.Result<>(null, new Rejection(org.phyle.core.tx.TxCode.MALFORMED,
                            "the stored entry is not in canonical form")));
                } else {
                    out.add(new ParallelDecoder.Result<>(d.tx(), d.rejection()));
                }
            }
            return out;
        });
        List<VerifiedTx> txs = new ArrayList<>(entries.size());
        for (int i = 0; i < decoded.size(); i++) {
            ParallelDecoder.Result<VerifiedTx> r = decoded.get(i);
            if (!r.ok()) {
                throw new InvalidBlockException(stored.height(), "entry " + (stored.firstLeaf() + i)
                        + " does not verify: " + r.rejection());
            }
            txs.add(r.value());
        }
        return new Block(header, stored.signature(), txs);
    }

    /** Checks that a block's checkpoint note is signed by the sequencer and commits to the header's tree. */
    public static void checkCheckpoint(StoredBlock stored, BlockHeader header, SignedNote.Verifier verifier,
                                       String origin) {
        Checkpoint c;
        try {
            c = Checkpoint.open(stored.checkpoint(), verifier, origin);
        } catch (IllegalArgumentException e) {
            throw new InvalidBlockException(stored.height(), "checkpoint does not verify: " + e.getMessage());
        }
        if (c.size() != header.treeSize() || !c.root().equals(header.root())) {
            throw new InvalidBlockException(stored.height(), "checkpoint (size " + c.size() + ") does not match the "
                    + "header (size " + header.treeSize() + ")");
        }
    }

    /** Genesis needs its own decoder: it names no society yet. */
    public static TxDecoder genesisDecoder() {
        return org.phyle.core.Society.genesisDecoder();
    }
}

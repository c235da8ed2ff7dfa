package org.phyle.node;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import com.fasterxml.jackson.databind.JsonNode;
import org.phyle.core.Block;
import org.phyle.core.BlockHeader;
import org.phyle.core.InvalidBlockException;
import org.phyle.core.Rejection;
import org.phyle.core.tx.TxDecoder;
import org.phyle.core.tx.VerifiedTx;
import org.phyle.crypto.Checkpoint;
import org.phyle.crypto.SignedNote;
import org.phyle.crypto.StrictJson;
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
        return assemble(stored, entries, decoder::decode, parallel, true);
    }

    /** The same for entries received as JSON (by an auditor over HTTP): canonical bytes are recomputed. */
    public static Block assembleJson(StoredBlock stored, List<JsonNode> entries, TxDecoder decoder,
                                     ParallelDecoder parallel) {
        return assemble(stored, entries, decoder::decode, parallel, false);
    }

    private static <E> Block assemble(StoredBlock stored, List<E> entries, Function<E, VerifiedTx> decode,
                                      ParallelDecoder parallel, boolean checkBytes) {
        BlockHeader header = header(stored);
        if (entries.size() != stored.txCount()) {
            throw new InvalidBlockException(stored.height(), "has " + stored.txCount() + " transactions but "
                    + entries.size() + " entries were found");
        }
        List<ParallelDecoder.Result<VerifiedTx>> decoded = parallel.decodeAll(entries, decode);
        List<VerifiedTx> txs = new ArrayList<>(entries.size());
        for (int i = 0; i < decoded.size(); i++) {
            ParallelDecoder.Result<VerifiedTx> r = decoded.get(i);
            long leaf = stored.firstLeaf() + i;
            if (!r.ok()) {
                throw new InvalidBlockException(stored.height(), "entry " + leaf + " does not verify: " + r.rejection());
            }
            if (checkBytes && !Arrays.equals(r.value().entry(), (byte[]) entries.get(i))) {
                throw new InvalidBlockException(stored.height(), "entry " + leaf + " is not in canonical form");
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

package org.phyle.node.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.phyle.crypto.Hash;
import org.phyle.node.store.StoredBlock;

/** Where an auditor reads a ledger from: a node over HTTP, or a data directory on disk. Nothing here is trusted. */
public interface LedgerSource extends AutoCloseable {
    /** For messages: the URL or directory. */
    String describe();

    /** The height of the last block to verify. */
    long lastHeight();

    /** State digests the operator claims, at the heights they belong to (checked when replay reaches them). */
    List<Claim> claims();

    /** The operator's latest signed checkpoint note. */
    String latestCheckpoint();

    /** Blocks with heights in [from, to), in order. */
    List<StoredBlock> blocks(long from, long to);

    /** Entries with leaf indices in [start, end), in order, as JSON. */
    List<JsonNode> entries(long start, long end);

    /** The operator's consistency proof between two tree sizes. */
    List<Hash> consistencyProof(long from, long to);

    @Override
    default void close() {
    }

    /** A claimed state digest at a block. */
    record Claim(long height, long treeSize, Hash digest) {
    }
}

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

    /** Entries with leaf indices in [start, end), in order. */
    List<Entry> entries(long start, long end);

    /** The operator's consistency proof between two tree sizes. */
    List<Hash> consistencyProof(long from, long to);

    @Override
    default void close() {
    }

    /**
     * One log entry as the source has it: the exact stored bytes (which must then be canonical), or JSON received
     * over the API (whose canonical bytes are recomputed).
     */
    record Entry(byte[] raw, JsonNode json) {
        public static Entry raw(byte[] bytes) {
            return new Entry(bytes, null);
        }

        public static Entry json(JsonNode json) {
            return new Entry(null, json);
        }

        /** The canonical bytes of the entry (its Merkle leaf). */
        public byte[] canonical() {
            return raw != null ? raw : org.phyle.crypto.Jcs.canonicalize(json);
        }
    }

    /** A claimed state digest at a block. */
    record Claim(long height, long treeSize, Hash digest) {
    }
}

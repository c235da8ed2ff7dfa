package org.phyle.node.store;

/**
 * A block as stored: the canonical header JSON, the sequencer's signature of it, and the signed checkpoint note
 * issued after it. The transactions are the entries {@code [firstLeaf, firstLeaf + txCount)}.
 */
public record StoredBlock(long height, long firstLeaf, int txCount, long time, byte[] header, byte[] signature,
                          String checkpoint) {
    public long endLeaf() {
        return firstLeaf + txCount;
    }
}

package org.phyle.node;

import java.util.List;
import org.phyle.crypto.Hash;

/**
 * Proof that a transaction is in the log: its block and leaf, the canonical entry, and an RFC 9162 inclusion proof
 * of the entry's leaf hash in the tree the signed checkpoint commits to.
 */
public record Receipt(Hash txId, long height, long blockTime, long leafIndex, byte[] entry, Hash leafHash,
                      long treeSize, List<Hash> inclusionProof, String checkpoint) {
}

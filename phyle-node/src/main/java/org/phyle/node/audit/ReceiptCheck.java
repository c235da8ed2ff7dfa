package org.phyle.node.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.phyle.crypto.Checkpoint;
import org.phyle.crypto.Hash;
import org.phyle.crypto.Jcs;
import org.phyle.crypto.Merkle;
import org.phyle.crypto.SignedNote;

/**
 * Checks a receipt (as the API returns it) without trusting the node: the transaction id is the hash of the canonical
 * payload, the leaf hash is the hash of the canonical entry, the inclusion proof leads from it to the root of the
 * checkpoint, and the checkpoint is signed by the society's sequencer key.
 */
public final class ReceiptCheck {
    private ReceiptCheck() {
    }

    /** What a verified receipt proves. */
    public record Verified(Hash txId, long leafIndex, long treeSize, Hash root) {
    }

    /** Verifies; throws AuditFailure naming the first thing that does not hold. */
    public static Verified verify(JsonNode receipt, SignedNote.Verifier sequencer, String origin) {
        JsonNode entry = receipt.get("entry");
        Hash txId = Hash.sha256(Jcs.canonicalize(entry.get("payload")));
        if (!txId.hex().equals(receipt.path("txId").asText())) {
            throw new AuditFailure("the entry's payload hashes to " + txId.hex() + ", not the receipt's txId");
        }
        Hash leafHash = Merkle.leafHash(Jcs.canonicalize(entry));
        if (!leafHash.hex().equals(receipt.path("leafHash").asText())) {
            throw new AuditFailure("the entry's leaf hash is " + leafHash.hex() + ", not the receipt's");
        }
        Checkpoint checkpoint;
        try {
            checkpoint = Checkpoint.open(receipt.path("checkpoint").asText(), sequencer, origin);
        } catch (IllegalArgumentException e) {
            throw new AuditFailure("the checkpoint does not verify: " + e.getMessage());
        }
        long size = receipt.path("treeSize").asLong();
        if (checkpoint.size() != size) {
            throw new AuditFailure("the proof is for size " + size + ", the checkpoint for " + checkpoint.size());
        }
        List<Hash> proof = new ArrayList<>();
        for (JsonNode h : receipt.path("inclusionProof")) {
            proof.add(Hash.fromHex(h.asText()));
        }
        long leaf = receipt.path("leafIndex").asLong();
        if (!Merkle.verifyInclusion(leafHash, leaf, size, proof, checkpoint.root())) {
            throw new AuditFailure("the inclusion proof of leaf " + leaf + " does not lead to the checkpoint's root");
        }
        return new Verified(txId, leaf, size, checkpoint.root());
    }
}

package org.phyle.node.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.phyle.core.tx.TxBody;
import org.phyle.core.tx.TxSigner;
import org.phyle.crypto.Hash;
import org.phyle.crypto.Jcs;
import org.phyle.crypto.SigningKey;
import org.phyle.node.KeyFile;
import org.phyle.node.client.NodeClient;

/** Signs a transaction body with a key file and submits it to a node, as the mechanism commands do. */
final class Submitter {
    static final long TTL_MS = 10 * 60_000L;

    private final NodeClient client;
    private JsonNode society;

    Submitter(String node) {
        this.client = new NodeClient(node);
    }

    NodeClient client() {
        return client;
    }

    JsonNode society() {
        if (society == null) {
            society = client.society();
        }
        return society;
    }

    Hash societyId() {
        return Hash.fromHex(society().get("id").asText());
    }

    Hash charter() {
        return Hash.fromHex(society().get("charter").asText());
    }

    /** A person's id, from their number, id or did:key. */
    Hash personId(String ref) {
        return Hash.fromHex(client.getJson("/citizens/" + ref).get("id").asText());
    }

    /**
     * Signs, submits, waits for the block, and prints one line; throws {@link Outcome.Refused} if the node refuses it
     * and {@link Outcome.Pending} if it is not known to be committed.
     */
    JsonNode submit(Path keyFile, TxBody body) {
        return submit(KeyFile.read(keyFile), body);
    }

    JsonNode submit(SigningKey key, TxBody body) {
        // the expiry counts from the node's clock if it is ahead of ours, so that a slow local clock is no bar
        long now = Math.max(System.currentTimeMillis(), society().path("now").asLong(0));
        com.fasterxml.jackson.databind.node.ObjectNode signed = TxSigner.sign(societyId(), key, body,
                org.phyle.node.client.Nonces.random(), now + TTL_MS);
        String txId = Hash.sha256(Jcs.canonicalize(signed.get("payload"))).hex();
        JsonNode answer = Outcome.commit(client, Jcs.canonicalize(signed), txId);
        System.out.println(body.type() + " committed: " + txId + " in block " + answer.get("height").asLong()
                + ", leaf " + answer.get("leafIndex").asLong());
        return answer;
    }
}

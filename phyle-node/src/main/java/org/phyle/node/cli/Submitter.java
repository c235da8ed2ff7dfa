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

    /** Signs, submits, waits for the block, and prints one line; throws the node's problem if it refuses. */
    JsonNode submit(Path keyFile, TxBody body) {
        return submit(KeyFile.read(keyFile), body);
    }

    JsonNode submit(SigningKey key, TxBody body) {
        // the expiry counts from the node's clock if it is ahead of ours, so that a slow local clock is no bar
        long now = Math.max(System.currentTimeMillis(), society().path("now").asLong(0));
        byte[] envelope = Jcs.canonicalize(TxSigner.sign(societyId(), key, body, org.phyle.node.client.Nonces.random(), now + TTL_MS));
        JsonNode answer = client.submit(envelope, true);
        System.out.println(body.type() + " committed: " + answer.path("txId").asText() + " in block "
                + answer.path("height").asLong());
        return answer;
    }
}

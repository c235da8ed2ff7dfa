package org.phyle.node.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.phyle.core.Catalog;
import org.phyle.core.tx.TxDecoder;
import org.phyle.core.TxRules;
import org.phyle.core.tx.TxSigner;
import org.phyle.crypto.Hash;
import org.phyle.crypto.Jcs;
import org.phyle.crypto.SigningKey;
import org.phyle.crypto.StrictJson;
import org.phyle.node.KeyFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "sign", description = {"Sign a transaction: prints the envelope {payload, signature} to submit.",
        "The payload is canonicalized (RFC 8785) and signed with Ed25519; it is checked as the node will check it."})
final class SignCommand implements Callable<Integer> {
    @Option(names = "--key", required = true, description = "Key file of the signer.")
    Path key;

    @Option(names = "--type", required = true, description = "Transaction type, e.g. notary.record.")
    String type;

    @Option(names = "--body", required = true, description = "The body as JSON, or @file, or - for standard input.")
    String body;

    @Option(names = "--society", description = "Society id (genesis hash, hex).")
    String society;

    @Option(names = "--node", description = "Node URL, to look the society id up.")
    String node;

    @Option(names = "--ttl", defaultValue = "1800", description = "Seconds until the transaction expires (default: ${DEFAULT-VALUE}).")
    long ttl;

    @Option(names = "--nonce", description = "Nonce (default: 16 random bytes, base64url).")
    String nonce;

    @Option(names = "--out", description = "Write the envelope here instead of standard output.")
    Path out;

    @Override
    public Integer call() {
        SigningKey signer = KeyFile.read(key);
        Hash id = Inputs.society(society, node);
        JsonNode bodyJson = Inputs.json(body, "--body");
        ObjectNode payload = StrictJson.mapper().createObjectNode();
        payload.put("type", type);
        payload.put("society", id.hex());
        payload.put("signer", signer.did());
        payload.put("nonce", nonce != null ? nonce : org.phyle.node.client.Nonces.random());
        payload.put("expires", System.currentTimeMillis() + ttl * 1000);
        payload.set("body", bodyJson);
        byte[] envelope = Jcs.canonicalize(TxSigner.sign(payload, signer));
        // refuse to hand out what the node would refuse
        new TxDecoder(Catalog.TX_TYPES, id, (int) TxRules.MAX_BYTES.max()).decode(envelope);
        String text = new String(envelope, StandardCharsets.UTF_8);
        if (out != null) {
            Inputs.write(out, text + "\n");
        } else {
            System.out.println(text);
        }
        return 0;
    }
}

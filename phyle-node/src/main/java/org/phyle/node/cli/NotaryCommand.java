package org.phyle.node.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.phyle.core.notary.NotaryRecord;
import org.phyle.core.tx.TxSigner;
import org.phyle.crypto.Hash;
import org.phyle.crypto.Jcs;
import org.phyle.crypto.SigningKey;
import org.phyle.node.KeyFile;
import org.phyle.node.client.NodeClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "notary", description = "Timestamp a document's SHA-256 on the ledger, or look up when it was.",
        subcommands = {NotaryCommand.Record.class, NotaryCommand.Show.class})
final class NotaryCommand {

    @Command(name = "record", description = "Hash a file and record its digest with a label (and optional text).")
    static final class Record implements Callable<Integer> {
        @Parameters(paramLabel = "FILE", description = "The document; only its SHA-256 leaves this machine.")
        Path file;

        @Option(names = "--label", required = true, description = "What the document is, in one line.")
        String label;

        @Option(names = "--text", description = "Optional text to record with it.")
        String text;

        @Option(names = "--key", required = true, description = "Your key file.")
        Path key;

        @Option(names = "--node", defaultValue = "http://localhost:8080", description = "Node URL (default: ${DEFAULT-VALUE}).")
        String node;

        @Override
        public Integer call() {
            SigningKey signer = KeyFile.read(key);
            NodeClient client = new NodeClient(node);
            Hash society = Hash.fromHex(client.society().get("id").asText());
            Hash digest = Hash.sha256(Inputs.file(file));
            com.fasterxml.jackson.databind.node.ObjectNode signed = TxSigner.sign(society, signer,
                    new NotaryRecord(digest, label, Optional.ofNullable(text)), org.phyle.node.client.Nonces.random(),
                    Math.max(System.currentTimeMillis(), client.society().path("now").asLong(0)) + 600_000);
            String txId = Hash.sha256(Jcs.canonicalize(signed.get("payload"))).hex();
            JsonNode answer = Outcome.commit(client, Jcs.canonicalize(signed), txId);
            System.out.println("recorded " + digest.hex() + " in block " + answer.get("height").asLong() + ", leaf "
                    + answer.get("leafIndex").asLong());
            System.out.println("  receipt: phyle receipt " + txId + " --node " + node);
            return 0;
        }
    }

    @Command(name = "show", description = "Show the ledger's records of a file (or of a digest given with --digest).")
    static final class Show implements Callable<Integer> {
        @Parameters(paramLabel = "FILE", arity = "0..1", description = "The document to look up.")
        Path file;

        @Option(names = "--digest", description = "The SHA-256 (hex) to look up instead of a file.")
        String digest;

        @Option(names = "--node", defaultValue = "http://localhost:8080", description = "Node URL (default: ${DEFAULT-VALUE}).")
        String node;

        @Override
        public Integer call() {
            if ((file == null) == (digest == null)) {
                throw new IllegalArgumentException("give a FILE or --digest, not both");
            }
            String hex = digest != null ? digest : Hash.sha256(Inputs.file(file)).hex();
            JsonNode answer = new NodeClient(node).notary(hex);
            if (answer.path("count").asInt() == 0) {
                System.out.println("no record of " + hex);
                return 1;
            }
            for (JsonNode r : answer.get("records")) {
                System.out.println(java.time.Instant.ofEpochMilli(r.path("time").asLong()) + "  block "
                        + r.path("height").asLong() + "  leaf " + r.path("leaf").asLong() + "  \""
                        + r.path("body").path("label").asText() + "\"  by " + r.path("signer").asText());
            }
            return 0;
        }
    }
}

package org.phyle.node.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.phyle.crypto.StrictJson;
import org.phyle.node.client.NodeClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "submit", description = {"Submit signed transactions to a node and wait until they are durably on the ledger.",
        "Each file holds one envelope or a JSON array of them (sent as one batch); - reads standard input."})
final class SubmitCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Envelope files, or - for standard input.")
    List<Path> files;

    @Option(names = "--node", defaultValue = "http://localhost:8080", description = "Node URL (default: ${DEFAULT-VALUE}).")
    String node;

    @Option(names = "--no-wait", description = "Return once the node has verified and queued them.")
    boolean noWait;

    @Override
    public Integer call() {
        NodeClient client = new NodeClient(node);
        int refused = 0;
        int pending = 0;
        for (Path file : files) {
            byte[] bytes = Inputs.file(file);
            JsonNode json;
            try {
                json = StrictJson.parse(bytes);
            } catch (StrictJson.MalformedJsonException e) {
                throw new IllegalArgumentException(file + " is not JSON: " + e.getMessage());
            }
            List<JsonNode> results = new java.util.ArrayList<>();
            if (json.isArray()) {
                try {
                    client.submitBatch(bytes, !noWait).get("results").forEach(results::add);
                } catch (NodeClient.ProblemException e) {
                    System.out.println("refused   " + file + " (the whole batch) " + e.getMessage());
                    refused++;
                } catch (NodeClient.NoAnswerException lost) {
                    System.out.println("unknown   " + file + " (the whole batch) " + lost.getMessage());
                    pending++;
                }
            } else {
                String txId = json.has("payload") ? org.phyle.crypto.Hash.sha256(org.phyle.crypto.Jcs.canonicalize(
                        json.get("payload"))).hex() : "(undecodable)";
                try {
                    results.add(client.submit(bytes, !noWait));
                } catch (NodeClient.ProblemException e) {
                    System.out.println("refused   " + txId + " " + e.getMessage());
                    refused++;
                } catch (NodeClient.NoAnswerException lost) {
                    System.out.println("unknown   " + txId + " " + lost.getMessage());
                    pending++;
                }
            }
            for (JsonNode r : results) {
                System.out.println(line(r));
                switch (r.path("status").asText()) {
                    case "committed" -> {
                        if (!r.path("height").isIntegralNumber()) {
                            pending++;
                        }
                    }
                    case "rejected" -> refused++;
                    default -> pending++;
                }
            }
        }
        if (refused > 0) {
            return Outcome.REFUSED;
        }
        if (pending > 0) {
            System.err.println(pending + " transaction(s) not committed yet: check them with `phyle receipt TXID`.");
            return Outcome.PENDING;
        }
        return Outcome.OK;
    }

    /** One line per transaction; a block and leaf only when the node gave them with status committed. */
    private static String line(JsonNode r) {
        String status = r.path("status").asText();
        return switch (status) {
            case "committed" -> r.path("height").isIntegralNumber() && r.path("leafIndex").isIntegralNumber()
                    ? "committed " + r.path("txId").asText() + " block " + r.path("height").asLong() + " leaf "
                    + r.path("leafIndex").asLong()
                    : "committed " + r.path("txId").asText() + " (the node named no block)";
            case "rejected" -> "refused   " + r.path("txId").asText("(undecodable)") + " " + r.path("code").asText()
                    + ": " + r.path("detail").asText();
            case "pending" -> "pending   " + r.path("txId").asText();
            default -> "unknown   " + r.path("txId").asText() + " (status '" + status + "')";
        };
    }
}

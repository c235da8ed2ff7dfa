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
        int failures = 0;
        for (Path file : files) {
            byte[] bytes = Inputs.file(file);
            JsonNode json;
            try {
                json = StrictJson.parse(bytes);
            } catch (StrictJson.MalformedJsonException e) {
                throw new IllegalArgumentException(file + " is not JSON: " + e.getMessage());
            }
            if (json.isArray()) {
                JsonNode answer = client.submitBatch(bytes, !noWait);
                for (JsonNode r : answer.get("results")) {
                    System.out.println(line(r));
                    if ("rejected".equals(r.path("status").asText())) {
                        failures++;
                    }
                }
            } else {
                try {
                    System.out.println(line(client.submit(bytes, !noWait)));
                } catch (NodeClient.ProblemException e) {
                    System.out.println("rejected  " + e.getMessage());
                    failures++;
                }
            }
        }
        return failures == 0 ? 0 : 1;
    }

    private static String line(JsonNode r) {
        String status = r.path("status").asText();
        return switch (status) {
            case "committed" -> "committed " + r.path("txId").asText() + " block " + r.path("height").asLong()
                    + " leaf " + r.path("leafIndex").asLong();
            case "rejected" -> "rejected  " + r.path("txId").asText("(undecodable)") + " " + r.path("code").asText()
                    + ": " + r.path("detail").asText();
            default -> status + "   " + r.path("txId").asText();
        };
    }
}

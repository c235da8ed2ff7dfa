package org.phyle.node.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.phyle.crypto.SignedNote;
import org.phyle.node.audit.ReceiptCheck;
import org.phyle.node.client.NodeClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "receipt", description = {"Fetch a transaction's receipt and verify it here: the entry, its inclusion proof,",
        "and the checkpoint's signature by the society's sequencer key."})
final class ReceiptCommand implements Callable<Integer> {
    @Parameters(paramLabel = "TXID", description = {"Transaction id (hex). Exits 4 if it still waits for a block,",
            "3 if it was refused."})
    String txId;

    @Option(names = "--node", defaultValue = "http://localhost:8080", description = "Node URL (default: ${DEFAULT-VALUE}).")
    String node;

    @Option(names = "--key", description = "The sequencer's verifier key (C2SP vkey) you trust; default: as the node states it.")
    String vkey;

    @Option(names = "--out", description = "Save the receipt (JSON) to this file.")
    Path out;

    @Override
    public Integer call() {
        NodeClient client = new NodeClient(node);
        JsonNode society = client.society();
        SignedNote.Verifier verifier = SignedNote.Verifier.parse(vkey != null ? vkey
                : society.path("sequencer").path("vkey").asText());
        JsonNode receipt;
        try {
            receipt = client.receipt(txId);
        } catch (NodeClient.ProblemException e) {
            if (e.status() == 404) {
                whyNoReceipt(client); // pending (exit 4) or refused (exit 3); unknown falls through to exit 1
            }
            throw e;
        }
        ReceiptCheck.Verified v = ReceiptCheck.verify(receipt, verifier, society.path("origin").asText());
        if (out != null) {
            Inputs.write(out, receipt.toPrettyString() + "\n");
        }
        System.out.println("verified: transaction " + v.txId().hex());
        System.out.println("  is leaf " + v.leafIndex() + " in block " + receipt.path("height").asLong() + " ("
                + java.time.Instant.ofEpochMilli(receipt.path("blockTime").asLong()) + ")");
        System.out.println("  of the log of " + v.treeSize() + " entries with root " + v.root().hex());
        System.out.println("  signed by " + verifier.name());
        return 0;
    }

    /** No receipt: the transaction's status says whether it waits for a block or was refused. */
    private void whyNoReceipt(NodeClient client) {
        JsonNode status;
        try {
            status = client.status(txId);
        } catch (NodeClient.ProblemException unknown) {
            return;
        }
        switch (status.path("status").asText()) {
            case "pending" -> throw new Outcome.Pending("pending: " + txId + " waits for a block; no receipt yet."
                    + " Ask again shortly.");
            case "rejected" -> throw new Outcome.Refused("refused " + txId + ": " + status.path("code").asText() + ": "
                    + status.path("detail").asText());
            default -> {
                // committed meanwhile, or something new: the receipt's own problem is the answer
            }
        }
    }
}

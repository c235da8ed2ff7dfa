package org.phyle.node.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.phyle.node.client.NodeClient;

/**
 * What became of a transaction the CLI submitted, and the exit code that says it. Only a node's answer with status
 * {@code committed} is reported as committed, and only the block and leaf the node gave are printed.
 */
final class Outcome {
    /** Committed (or any other success). */
    static final int OK = 0;
    /** Could not be done: the node unreachable, a file unreadable, a recount that differs. */
    static final int FAILED = 1;
    /** The command line itself was wrong (picocli's code). */
    static final int USAGE = 2;
    /** The node or the society's rules refused the transaction: it is not on the ledger. */
    static final int REFUSED = 3;
    /** Not known yet: the transaction waits for a block, or the answer was lost; ask again later. */
    static final int PENDING = 4;

    private Outcome() {
    }

    /** The node refused a transaction (exit 3). */
    static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    /** The outcome is not known yet (exit 4). */
    static final class Pending extends RuntimeException {
        Pending(String message) {
            super(message);
        }
    }

    /**
     * Submits one envelope and returns the node's answer if it says {@code committed}; otherwise throws {@link Refused}
     * (the node's problem) or {@link Pending} (queued but not durable yet, or sent and no answer came back). A node
     * that cannot be reached at all is a plain failure: nothing was sent.
     */
    static JsonNode commit(NodeClient client, byte[] envelope, String txId) {
        JsonNode answer;
        try {
            answer = client.submit(envelope, true);
        } catch (NodeClient.ProblemException e) {
            throw new Refused("refused " + txId + ": " + e.getMessage());
        } catch (NodeClient.NoAnswerException lost) {
            throw new Pending("no answer from the node about " + txId + " (" + lost.getMessage() + "); it may or may not"
                    + " be on the ledger: check with `phyle receipt " + txId + " --node " + client.base().resolve("/")
                    .toString().replaceAll("/$", "") + "`");
        }
        return committed(answer, txId);
    }

    /** The answer if it says committed with a block and a leaf; otherwise {@link Pending} or {@link Refused}. */
    static JsonNode committed(JsonNode answer, String txId) {
        String status = answer.path("status").asText("");
        switch (status) {
            case "committed" -> {
                if (!answer.path("height").isIntegralNumber() || !answer.path("leafIndex").isIntegralNumber()) {
                    throw new Pending("the node said " + txId + " is committed but named no block and leaf; check with"
                            + " `phyle receipt " + txId + "`");
                }
                return answer;
            }
            case "rejected" -> throw new Refused("refused " + txId + ": " + answer.path("code").asText() + ": "
                    + answer.path("detail").asText());
            case "pending" -> throw new Pending("pending: " + txId + " is queued but not yet in a durable block; check"
                    + " later with `phyle receipt " + txId + "`");
            default -> throw new Pending("the node's answer about " + txId + " has status '" + status + "'; check with"
                    + " `phyle receipt " + txId + "`");
        }
    }
}

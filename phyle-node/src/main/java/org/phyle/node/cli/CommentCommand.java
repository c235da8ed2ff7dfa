package org.phyle.node.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.phyle.core.discussion.DiscussionTx;
import org.phyle.crypto.Hash;
import org.phyle.node.client.NodeClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "comment", description = "Discussion: comment on a proposal or a text of the canon, reply, read, erase.",
        subcommands = {CommentCommand.Add.class, CommentCommand.Read.class, CommentCommand.Erase.class})
final class CommentCommand {
    /** Where a comment goes: a proposal or a text of the canon, by number or id. */
    static final class Place {
        @Option(names = "--proposal", description = "A proposal's number (as `proposal list` shows it) or id.")
        String proposal;

        @Option(names = "--canon", description = "A text's number (as `canon list` shows it) or id.")
        String canon;

        DiscussionTx.On on() {
            return proposal != null ? DiscussionTx.On.PROPOSAL : DiscussionTx.On.CANON;
        }

        Hash id(NodeClient client) {
            return proposal != null ? Refs.proposal(client, proposal) : Refs.text(client, canon);
        }
    }

    @Command(name = "add", description = {
            "Comment (or reply, with --reply) on a proposal or a text of the canon. The ledger records the text's",
            "SHA-256 and its place in the thread; the text itself goes to the node beside it."})
    static final class Add implements Callable<Integer> {
        @picocli.CommandLine.ArgGroup(exclusive = true, multiplicity = "1")
        Place place;

        @Option(names = "--text", required = true, description = "The comment, or @file.")
        String text;

        @Option(names = "--reply", description = "The id of the comment this one answers.")
        String reply;

        @Mixin
        CitizenCommand.Signer signer;

        @Override
        public Integer call() {
            String body = new String(Inputs.textOrFile(text), StandardCharsets.UTF_8).strip();
            if (body.isEmpty() || body.codePointCount(0, body.length()) > DiscussionTx.MAX_LENGTH) {
                throw new IllegalArgumentException("a comment has 1 to " + DiscussionTx.MAX_LENGTH + " characters");
            }
            Submitter s = new Submitter(signer.node);
            Hash digest = Hash.sha256(body.getBytes(StandardCharsets.UTF_8));
            s.submit(signer.key, new DiscussionTx.Comment(place.on(), place.id(s.client()),
                    Optional.ofNullable(reply).map(Hash::fromHex), digest, body.codePointCount(0, body.length())));
            s.client().postText("/texts/" + digest.hex(), body);
            System.out.println("  its text is on the node: " + digest.hex());
            return 0;
        }
    }

    @Command(name = "read", description = "Read the discussion of a proposal or a text of the canon, replies under what they answer.")
    static final class Read implements Callable<Integer> {
        @picocli.CommandLine.ArgGroup(exclusive = true, multiplicity = "1")
        Place place;

        @Option(names = "--node", defaultValue = "http://localhost:8080", description = "Node URL (default: ${DEFAULT-VALUE}).")
        String node;

        @Option(names = "--json", description = "The node's answer as JSON.")
        boolean json;

        @Override
        public Integer call() {
            NodeClient client = new NodeClient(node);
            JsonNode thread = client.getJson("/discussions/" + place.on().json() + "/" + place.id(client).hex());
            if (json) {
                System.out.println(thread.toPrettyString());
                return 0;
            }
            JsonNode comments = thread.get("comments");
            if (comments.isEmpty()) {
                System.out.println("No comments yet.");
            }
            print(comments, -1, 0);
            return 0;
        }

        private static void print(JsonNode comments, int parent, int depth) {
            for (JsonNode c : comments) {
                if (c.path("replyTo").asInt(-1) != parent) {
                    continue;
                }
                String indent = "  ".repeat(depth);
                String who = c.get("author").isNull() ? c.get("authorKey").asText()
                        : "#" + c.get("author").get("number").asInt() + " " + c.get("author").get("name").asText();
                System.out.println(indent + "[" + c.get("number").asInt() + "] " + who + " (" + c.get("standing")
                        .asText() + "), " + Instant.ofEpochMilli(c.get("time").asLong()) + "  id " + c.get("id").asText());
                if (c.has("erased")) {
                    JsonNode e = c.get("erased");
                    System.out.println(indent + "    (erased " + (e.get("byAuthor").asBoolean() ? "by its author"
                            : "by the society: " + e.get("reason").asText()) + ")");
                } else if (c.get("text").isNull()) {
                    System.out.println(indent + "    (this node does not hold the text; its SHA-256 is "
                            + c.get("digest").asText() + ")");
                } else {
                    c.get("text").asText().lines().forEach(l -> System.out.println(indent + "    " + l));
                }
                print(comments, c.get("number").asInt(), depth + 1);
            }
        }
    }

    @Command(name = "erase", description = "Erase your comment's text; the record that it existed stays on the ledger.")
    static final class Erase implements Callable<Integer> {
        @Parameters(paramLabel = "COMMENT", description = "The comment's id.")
        String comment;

        @Mixin
        CitizenCommand.Signer signer;

        @Override
        public Integer call() {
            new Submitter(signer.node).submit(signer.key, new DiscussionTx.Erase(Hash.fromHex(comment)));
            return 0;
        }
    }
}

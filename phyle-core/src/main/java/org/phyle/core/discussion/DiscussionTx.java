package org.phyle.core.discussion;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import org.phyle.core.Rejection;
import org.phyle.core.tx.Fields;
import org.phyle.core.tx.TxBody;
import org.phyle.core.tx.TxCode;
import org.phyle.core.tx.TxType;
import org.phyle.crypto.Hash;

/**
 * Discussion of proposals and of the canon's texts: signed comments and replies. The ledger records each comment's
 * place, its place in the thread, its author and the SHA-256 of its text; the text itself is kept beside the ledger,
 * so that it can be erased while the record that it existed stays.
 */
public sealed interface DiscussionTx extends TxBody {
    int MAX_LENGTH = 10_000;

    /** What is discussed: a proposal, or a text of the canon. */
    enum On {
        PROPOSAL("proposal"), CANON("canon");

        private final String json;

        On(String json) {
            this.json = json;
        }

        public String json() {
            return json;
        }

        public static On fromJson(String s) {
            for (On o : values()) {
                if (o.json.equals(s)) {
                    return o;
                }
            }
            throw new Rejection(TxCode.MALFORMED, "body.on is proposal or canon, not \"" + s + "\"");
        }
    }

    /**
     * {@code discussion.comment}: {@code {"on": "proposal", "place": "<id>", "reply": "<comment id>", "digest":
     * "<sha-256 of the text>", "length": 120}} ({@code reply} optional); the text goes to the node beside it.
     */
    record Comment(On on, Hash place, Optional<Hash> reply, Hash digest, int length) implements DiscussionTx {
        public static final String TYPE = "discussion.comment";

        public String type() {
            return TYPE;
        }

        public ObjectNode toJson() {
            ObjectNode o = JsonNodeFactory.instance.objectNode().put("on", on.json()).put("place", place.hex());
            reply.ifPresent(r -> o.put("reply", r.hex()));
            return o.put("digest", digest.hex()).put("length", length);
        }

        static Comment read(Fields f) {
            On on = On.fromJson(f.line("on", 1, 20));
            Hash place = f.hash("place");
            Optional<Hash> reply = f.has("reply") ? Optional.of(f.hash("reply")) : Optional.empty();
            Hash digest = f.hash("digest");
            int length = (int) f.integer("length", 1, MAX_LENGTH);
            f.end();
            return new Comment(on, place, reply, digest, length);
        }
    }

    /** {@code discussion.erase}: the author erases their comment's text; the record that it existed stays. */
    record Erase(Hash comment) implements DiscussionTx {
        public static final String TYPE = "discussion.erase";

        public String type() {
            return TYPE;
        }

        public ObjectNode toJson() {
            return JsonNodeFactory.instance.objectNode().put("comment", comment.hex());
        }
    }

    List<TxType> TYPES = List.of(
            new TxType(Comment.TYPE, "Anyone comments on a proposal or a text of the canon, or replies to a comment.",
                    Comment::read),
            new TxType(Erase.TYPE, "The author erases their comment's text; the record stays.", f -> {
                Erase e = new Erase(f.hash("comment"));
                f.end();
                return e;
            }));
}

package org.phyle.core.canon;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import org.phyle.core.Rejection;
import org.phyle.core.charter.Charter;
import org.phyle.core.tx.Fields;
import org.phyle.core.tx.TxBody;
import org.phyle.core.tx.TxCode;
import org.phyle.core.tx.TxType;
import org.phyle.crypto.Hash;

/** The canon: anyone publishes essays, citizens propose articles for the charter and endorse them. */
public sealed interface CanonTx extends TxBody {
    int MAX_TITLE = 200;
    int MAX_TEXT = Charter.MAX_ARTICLE_TEXT;

    /** An essay, or a proposed text for the charter (its purpose or an article). */
    enum Kind {
        ESSAY, ARTICLE;

        public String json() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * {@code canon.publish}: {@code {"kind": "essay", "title": "...", "text": "..."}} or {@code {"kind": "article",
     * "title": "...", "text": "...", "target": "article:assemblies"}}.
     */
    record Publish(Kind kind, String title, String text, Optional<String> target) implements CanonTx {
        public static final String TYPE = "canon.publish";

        public String type() {
            return TYPE;
        }

        public ObjectNode toJson() {
            ObjectNode o = JsonNodeFactory.instance.objectNode().put("kind", kind.json()).put("title", title)
                    .put("text", text);
            target.ifPresent(t -> o.put("target", t));
            return o;
        }

        static Publish read(Fields f) {
            String k = f.line("kind", 1, 20);
            Kind kind = switch (k) {
                case "essay" -> Kind.ESSAY;
                case "article" -> Kind.ARTICLE;
                default -> throw new Rejection(TxCode.MALFORMED, "body.kind is essay or article, not \"" + k + "\"");
            };
            String title = f.line("title", 1, MAX_TITLE);
            String text = f.text("text", 1, MAX_TEXT);
            Optional<String> target = Optional.empty();
            if (kind == Kind.ARTICLE) {
                target = Optional.of(f.line("target", 1, 200));
                Charter.checkTextTarget(target.get(), text);
            }
            f.end();
            return new Publish(kind, title, text, target);
        }
    }

    /** {@code canon.endorse}: {@code {"text": "<id>"}}. */
    record Endorse(Hash text) implements CanonTx {
        public static final String TYPE = "canon.endorse";

        public String type() {
            return TYPE;
        }

        public ObjectNode toJson() {
            return JsonNodeFactory.instance.objectNode().put("text", text.hex());
        }
    }

    List<TxType> TYPES = List.of(
            new TxType(Publish.TYPE, "Anyone publishes an essay; a citizen, a proposed text for the charter.",
                    Publish::read),
            new TxType(Endorse.TYPE, "A citizen endorses a text of the canon.", f -> {
                Endorse e = new Endorse(f.hash("text"));
                f.end();
                return e;
            }));
}

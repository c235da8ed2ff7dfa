package org.phyle.core.governance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.phyle.core.Rejection;
import org.phyle.core.Society;
import org.phyle.core.charter.Charter;
import org.phyle.core.tx.Fields;
import org.phyle.core.tx.TxCode;

/** Governance's own kinds: a signal (no action), a parameter change and a text amendment of the charter. */
public final class Actions {
    private Actions() {
    }

    public static final ProposalKind SIGNAL = new ProposalKind("signal",
            "A statement of the citizens' view; binding on nothing.", f -> {
                f.end();
                return null;
            });

    public static final ProposalKind PARAMETER = new ProposalKind("parameter",
            "Changes one or more parameters of the charter; takes effect after the timelock.", ParameterChange::read);

    public static final ProposalKind TEXT = new ProposalKind("text",
            "Rewrites the purpose or an article of the charter (an empty text repeals the article).", TextAmendment::read);

    public static final List<ProposalKind> KINDS = List.of(SIGNAL, PARAMETER, TEXT);

    /** Sets parameters of the charter: {@code {"changes": {"governance.quorumBp": "2500"}}} (values as text). */
    public record ParameterChange(Map<String, String> changes) implements ProposalAction {
        public ParameterChange {
            changes = Map.copyOf(new TreeMap<>(changes));
        }

        public String kind() {
            return PARAMETER.name();
        }

        public ObjectNode toJson() {
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            ObjectNode c = o.putObject("changes");
            new TreeMap<>(changes).forEach(c::put);
            return o;
        }

        public void check(Society society) {
            Charter.checkParameters(society.parameters(), changes, society.handover().stage());
        }

        public boolean entrenched(Society society) {
            return Charter.touchesEntrenched(changes);
        }

        public void execute(Society society, Execution e) {
            society.charter().amendParameters(changes, society.handover().stage(), e.time(), e.proposal());
        }

        static ParameterChange read(Fields f) {
            Fields changes = f.object("changes");
            Map<String, String> out = new TreeMap<>();
            for (Iterator<String> it = changes.names(); it.hasNext(); ) {
                String name = it.next();
                out.put(name, changes.line(name, 1, 10_000));
            }
            changes.end();
            f.end();
            if (out.isEmpty()) {
                throw new Rejection(TxCode.MALFORMED, "body.action.changes names no parameter");
            }
            return new ParameterChange(out);
        }
    }

    /**
     * Rewrites a text of the charter: {@code {"target": "article:assemblies", "text": "...", "entrenched": true}};
     * {@code entrenched}, if present, entrenches the target or releases it.
     */
    public record TextAmendment(String target, String text, Optional<Boolean> entrench) implements ProposalAction {
        public TextAmendment(String target, String text) {
            this(target, text, Optional.empty());
        }

        public String kind() {
            return TEXT.name();
        }

        public ObjectNode toJson() {
            ObjectNode o = JsonNodeFactory.instance.objectNode().put("target", target).put("text", text);
            entrench.ifPresent(e -> o.put("entrenched", e));
            return o;
        }

        public void check(Society society) {
            Charter.checkTextTarget(target, text);
        }

        public boolean entrenched(Society society) {
            return society.charter().isEntrenched(target) || entrench.isPresent();
        }

        public void execute(Society society, Execution e) {
            society.charter().amendText(target, text, entrench, e.time(), e.proposal());
            society.canon().adopted(e.proposal(), society, e.time(), e.height());
        }

        static TextAmendment read(Fields f) {
            String target = f.line("target", 1, 200);
            String text = f.text("text", 0, Charter.MAX_ARTICLE_TEXT);
            Optional<Boolean> entrench = Optional.empty();
            if (f.has("entrenched")) {
                JsonNode v = f.value("entrenched");
                if (!v.isBoolean()) {
                    throw new Rejection(TxCode.MALFORMED, f.path() + ".entrenched must be true or false");
                }
                entrench = Optional.of(v.booleanValue());
            }
            f.end();
            return new TextAmendment(target, text, entrench);
        }
    }
}

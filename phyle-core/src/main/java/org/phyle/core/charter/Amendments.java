package org.phyle.core.charter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.phyle.core.Reads;
import org.phyle.core.Rejection;
import org.phyle.core.proposals.ProposalAction;
import org.phyle.core.proposals.ProposalKind;
import org.phyle.core.proposals.Threshold;
import org.phyle.core.tx.Fields;
import org.phyle.core.tx.TxCode;

/**
 * Amendments of the charter: the proposal kinds that change its parameters or rewrite its texts, and the thresholds
 * the current stage requires of any binding proposal — the kind's own minimum for ordinary changes; for anything
 * entrenched (an entrenched article, entrenching or releasing one, the handover schedule, the amendment thresholds
 * themselves) at least {@code charter.entrenchedBp} before the Sovereign stage and {@code charter.referendumBp} in it.
 */
public final class Amendments {
    private Amendments() {
    }

    public static final ProposalKind PARAMETER = new ProposalKind("parameter",
            "Changes one or more parameters of the charter; takes effect after the timelock.", ParameterChange::read);

    public static final ProposalKind TEXT = new ProposalKind("text",
            "Rewrites the purpose or an article of the charter (an empty text repeals the article).", TextAmendment::read);

    public static final List<ProposalKind> KINDS = List.of(PARAMETER, TEXT);

    /** The least threshold a binding proposal of this action needs in the current stage. */
    public static Threshold minimumThreshold(ProposalAction action, Reads reads) {
        Threshold own = action.minimumThreshold();
        if (!action.entrenched(reads)) {
            return own;
        }
        Handover handover = reads.view(Handover.class);
        long bp = handover.stage() == Stage.SOVEREIGN
                ? reads.parameters().get(CharterParams.REFERENDUM_BP)
                : reads.parameters().get(CharterParams.ENTRENCHED_BP);
        return Threshold.stricter(own, Threshold.atLeastBp(bp));
    }

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

        public void check(Reads reads) {
            Charter.checkParameters(reads.parameters(), changes, reads.view(Handover.class).stage(), reads);
        }

        public boolean entrenched(Reads reads) {
            return Charter.touchesEntrenched(changes);
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

        public void check(Reads reads) {
            Charter.checkTextTarget(target, text);
        }

        public boolean entrenched(Reads reads) {
            return reads.view(Charter.class).isEntrenched(target) || entrench.isPresent();
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

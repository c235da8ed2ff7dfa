package org.phyle.core.authority;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.phyle.core.Rejection;
import org.phyle.core.charter.Offices;
import org.phyle.core.proposals.ProposalAction;
import org.phyle.core.proposals.ProposalKind;
import org.phyle.core.proposals.ProposalKinds;
import org.phyle.core.tx.Fields;
import org.phyle.core.tx.TxBody;
import org.phyle.core.tx.TxCode;
import org.phyle.core.tx.TxType;
import org.phyle.crypto.Hash;

/** The founder's acts under the charter, and the council's. */
public sealed interface CharterTx extends TxBody {

    /**
     * {@code charter.amend}: in the Founding stage the founder amends the charter or its offices directly, with the
     * action a proposal of that kind would carry: {@code {"kind": "parameter", "action": {"changes": {...}}}}.
     */
    record Amend(String kind, ProposalAction action) implements CharterTx {
        public static final String TYPE = "charter.amend";
        static final List<String> KINDS = List.of("parameter", "text", "stewards");

        public String type() {
            return TYPE;
        }

        public ObjectNode toJson() {
            ObjectNode o = JsonNodeFactory.instance.objectNode().put("kind", kind);
            o.set("action", action.toJson());
            return o;
        }

        static Amend read(Fields f) {
            String kind = f.line("kind", 1, 50);
            if (!KINDS.contains(kind)) {
                throw new Rejection(TxCode.MALFORMED, "body.kind is one of " + KINDS + ", not \"" + kind + "\"");
            }
            ProposalKind k = f.vocabulary().get(ProposalKinds.class).byName(kind).orElseThrow();
            ProposalAction action = k.reader().apply(f.object("action"));
            f.end();
            return new Amend(kind, action);
        }
    }

    /** {@code charter.veto}: the founder delays a passed binding proposal once, by one voting period. */
    record Veto(Hash proposal) implements CharterTx {
        public static final String TYPE = "charter.veto";

        public String type() {
            return TYPE;
        }

        public ObjectNode toJson() {
            return JsonNodeFactory.instance.objectNode().put("proposal", proposal.hex());
        }
    }

    /** {@code charter.retire}: the founder gives up every founder power, for good. */
    record Retire() implements CharterTx {
        public static final String TYPE = "charter.retire";

        public String type() {
            return TYPE;
        }

        public ObjectNode toJson() {
            return JsonNodeFactory.instance.objectNode();
        }
    }

    /**
     * {@code charter.councilAct}: a member of the sitting council signs an act (appoint or dismiss a steward); it is
     * carried out when more than half of the members have signed it.
     */
    record CouncilAct(Offices.Act act, Hash person) implements CharterTx {
        public static final String TYPE = "charter.councilAct";

        public String type() {
            return TYPE;
        }

        public ObjectNode toJson() {
            return JsonNodeFactory.instance.objectNode().put("act", act.json()).put("person", person.hex());
        }
    }

    List<TxType> TYPES = List.of(
            new TxType(Amend.TYPE, "In the Founding stage, the founder amends the charter or appoints stewards "
                    + "directly.", Amend::read),
            new TxType(Veto.TYPE, "The founder delays a passed binding proposal once, by one voting period.",
                    f -> end(f, new Veto(f.hash("proposal")))),
            new TxType(Retire.TYPE, "The founder retires from every founder power, irreversibly.",
                    f -> end(f, new Retire())),
            new TxType(CouncilAct.TYPE, "A council member signs an act of the council.",
                    f -> end(f, new CouncilAct(Offices.Act.fromJson(f.line("act", 1, 30)), f.hash("person")))));

    private static TxBody end(Fields f, TxBody body) {
        f.end();
        return body;
    }
}

package org.phyle.core.governance;

import org.phyle.core.proposals.Method;
import org.phyle.core.proposals.Threshold;
import org.phyle.core.proposals.ProposalAction;
import org.phyle.core.proposals.ProposalKind;
import org.phyle.core.proposals.ProposalKinds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.phyle.core.Rejection;
import org.phyle.core.tx.Fields;
import org.phyle.core.tx.TxBody;
import org.phyle.core.tx.TxCode;
import org.phyle.core.tx.TxType;
import org.phyle.crypto.Hash;

/** The transactions of governance: propose, sponsor, cancel, vote, delegate and execute. */
public sealed interface GovernanceTx extends TxBody {
    int MAX_TITLE = 200;
    int MAX_TEXT = 20_000;
    int MAX_OPTIONS = 20;
    int MAX_OPTION = 200;

    /**
     * {@code governance.propose}: a citizen proposes. Its rules (method, options, threshold, quorum, voting period,
     * timelock, sponsors needed) are frozen when it is made.
     *
     * @param action null for a signal
     */
    record Propose(String title, String text, String topic, String kind, ProposalAction action, Method method,
                   List<String> options, int winners, int maxApprovals, boolean allowNegative, Threshold threshold,
                   Optional<Integer> votingHours) implements GovernanceTx {
        public static final String TYPE = "governance.propose";

        public Propose {
            options = List.copyOf(options);
        }

        public String type() {
            return TYPE;
        }

        public ObjectNode toJson() {
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            o.put("title", title);
            o.put("text", text);
            o.put("topic", topic);
            o.put("kind", kind);
            if (action != null) {
                o.set("action", action.toJson());
            }
            o.put("method", method.json());
            if (method != Method.YES_NO) {
                ArrayNode a = o.putArray("options");
                options.forEach(a::add);
                o.put("winners", winners);
            }
            if (method == Method.APPROVAL) {
                o.put("maxApprovals", maxApprovals);
            }
            if (method == Method.QUADRATIC) {
                o.put("allowNegative", allowNegative);
            }
            if (method == Method.YES_NO) {
                o.put("threshold", threshold.name());
            }
            votingHours.ifPresent(h -> o.put("votingHours", h));
            return o;
        }

        /** A yes/no signal with the society's defaults. */
        public static Propose signal(String title, String text) {
            return new Propose(title, text, "general", "signal", null, Method.YES_NO, List.of(), 1, 0, false,
                    Threshold.named("majority"), Optional.empty());
        }

        static Propose read(Fields f) {
            String title = f.line("title", 1, MAX_TITLE);
            String text = f.text("text", 0, MAX_TEXT);
            String topic = f.has("topic") ? GovernanceTx.topic(f, "topic") : "general";
            String kindName = f.line("kind", 1, 50);
            ProposalKind kind = f.vocabulary().get(ProposalKinds.class).byName(kindName).orElseThrow(() -> new Rejection(GovernanceCode.INVALID_PROPOSAL, "no proposal kind \"" + kindName
                            + "\""));
            ProposalAction action = kind.reader().apply(f.has("action") ? f.object("action")
                    : Fields.of(JsonNodeFactory.instance.objectNode(), f.path() + ".action"));
            Method method = Method.fromJson(f.line("method", 1, 20));
            List<String> options = new ArrayList<>();
            int winners = 1;
            int maxApprovals = 0;
            boolean allowNegative = false;
            Threshold threshold = Threshold.named("majority");
            if (method == Method.YES_NO) {
                if (f.has("threshold")) {
                    threshold = Threshold.named(f.line("threshold", 1, 20));
                }
            } else {
                JsonNode a = f.value("options");
                if (!a.isArray() || a.size() < (method == Method.QUADRATIC ? 1 : 2) || a.size() > MAX_OPTIONS) {
                    throw new Rejection(GovernanceCode.INVALID_PROPOSAL, "body.options must list "
                            + (method == Method.QUADRATIC ? 1 : 2) + " to " + MAX_OPTIONS + " options");
                }
                for (JsonNode o : a) {
                    if (!o.isTextual() || o.textValue().isBlank() || o.textValue().length() > MAX_OPTION
                            || o.textValue().contains("\n")) {
                        throw new Rejection(GovernanceCode.INVALID_PROPOSAL, "each option is one line of 1 to "
                                + MAX_OPTION + " characters");
                    }
                    if (options.contains(o.textValue())) {
                        throw new Rejection(GovernanceCode.INVALID_PROPOSAL, "option \"" + o.textValue() + "\" twice");
                    }
                    options.add(o.textValue());
                }
                if (method != Method.RANKED && f.has("winners")) {
                    winners = (int) f.integer("winners", 1, options.size());
                } else if (method == Method.RANKED && f.has("winners")) {
                    winners = (int) f.integer("winners", 1, 1);
                }
                if (method == Method.APPROVAL) {
                    maxApprovals = f.has("maxApprovals") ? (int) f.integer("maxApprovals", 1, options.size())
                            : options.size();
                }
                if (method == Method.QUADRATIC && f.has("allowNegative")) {
                    JsonNode v = f.value("allowNegative");
                    if (!v.isBoolean()) {
                        throw new Rejection(TxCode.MALFORMED, "body.allowNegative must be true or false");
                    }
                    allowNegative = v.booleanValue();
                }
            }
            Optional<Integer> votingHours = f.has("votingHours")
                    ? Optional.of((int) f.integer("votingHours", 1, 24 * 90)) : Optional.empty();
            f.end();
            return new Propose(title, text, topic, kindName, action, method, options, winners, maxApprovals,
                    allowNegative, threshold, votingHours);
        }
    }

    /** {@code governance.sponsor}: a citizen co-sponsors a proposal. */
    record Sponsor(Hash proposal) implements GovernanceTx {
        public static final String TYPE = "governance.sponsor";

        public String type() {
            return TYPE;
        }

        public ObjectNode toJson() {
            return JsonNodeFactory.instance.objectNode().put("proposal", proposal.hex());
        }
    }

    /** {@code governance.cancel}: the author withdraws a proposal before its voting opens. */
    record Cancel(Hash proposal) implements GovernanceTx {
        public static final String TYPE = "governance.cancel";

        public String type() {
            return TYPE;
        }

        public ObjectNode toJson() {
            return JsonNodeFactory.instance.objectNode().put("proposal", proposal.hex());
        }
    }

    /** {@code governance.vote}: a ballot; the last one a voter casts before the close counts. */
    record Vote(Hash proposal, Ballot ballot) implements GovernanceTx {
        public static final String TYPE = "governance.vote";

        public String type() {
            return TYPE;
        }

        public ObjectNode toJson() {
            ObjectNode o = JsonNodeFactory.instance.objectNode().put("proposal", proposal.hex());
            o.set("ballot", ballot.toJson());
            return o;
        }
    }

    /** {@code governance.panelVote}: a host resident on a proposal's outside panel casts (or re-casts) a ballot. */
    record PanelVote(Hash proposal, Ballot ballot) implements GovernanceTx {
        public static final String TYPE = "governance.panelVote";

        public String type() {
            return TYPE;
        }

        public ObjectNode toJson() {
            ObjectNode o = JsonNodeFactory.instance.objectNode().put("proposal", proposal.hex());
            o.set("ballot", ballot.toJson());
            return o;
        }
    }

    /** {@code governance.delegate}: a citizen delegates their vote on a topic ("*": every topic) to another citizen. */
    record Delegate(String topic, Hash to) implements GovernanceTx {
        public static final String TYPE = "governance.delegate";

        public String type() {
            return TYPE;
        }

        public ObjectNode toJson() {
            return JsonNodeFactory.instance.objectNode().put("topic", topic).put("to", to.hex());
        }
    }

    /** {@code governance.undelegate}: revokes a delegation. */
    record Undelegate(String topic) implements GovernanceTx {
        public static final String TYPE = "governance.undelegate";

        public String type() {
            return TYPE;
        }

        public ObjectNode toJson() {
            return JsonNodeFactory.instance.objectNode().put("topic", topic);
        }
    }

    /** {@code governance.execute}: carries out a passed proposal after its timelock (it also happens by itself). */
    record Execute(Hash proposal) implements GovernanceTx {
        public static final String TYPE = "governance.execute";

        public String type() {
            return TYPE;
        }

        public ObjectNode toJson() {
            return JsonNodeFactory.instance.objectNode().put("proposal", proposal.hex());
        }
    }

    List<TxType> TYPES = List.of(
            new TxType(Propose.TYPE, "A citizen proposes: a signal, a parameter change, a text amendment, or another "
                    + "mechanism's binding kind, with its counting method and rules.", Propose::read),
            new TxType(Sponsor.TYPE, "A citizen co-sponsors a proposal.", f -> end(f, new Sponsor(f.hash("proposal")))),
            new TxType(Cancel.TYPE, "The author withdraws a proposal before voting opens.",
                    f -> end(f, new Cancel(f.hash("proposal")))),
            new TxType(Vote.TYPE, "A citizen of the electorate casts (or re-casts) a ballot.",
                    f -> end(f, new Vote(f.hash("proposal"), Ballot.read(f.object("ballot"))))),
            new TxType(PanelVote.TYPE, "A host resident on a proposal's outside panel casts (or re-casts) a ballot.",
                    f -> end(f, new PanelVote(f.hash("proposal"), Ballot.read(f.object("ballot"))))),
            new TxType(Delegate.TYPE, "A citizen delegates their vote on a topic to another citizen.",
                    f -> end(f, new Delegate(topic(f, "topic"), f.hash("to")))),
            new TxType(Undelegate.TYPE, "A citizen revokes a delegation.",
                    f -> end(f, new Undelegate(topic(f, "topic")))),
            new TxType(Execute.TYPE, "Carries out a passed proposal after its timelock.",
                    f -> end(f, new Execute(f.hash("proposal")))));

    private static TxBody end(Fields f, TxBody body) {
        f.end();
        return body;
    }

    /** A topic: "*" or 1-50 characters of a-z, 0-9 and -. */
    static String topic(Fields f, String name) {
        String t = f.line(name, 1, 50);
        if (!t.equals("*") && !t.matches("[a-z0-9-]{1,50}")) {
            throw new Rejection(TxCode.MALFORMED, f.path() + "." + name + " is \"*\" or lowercase letters, digits and -");
        }
        return t;
    }
}

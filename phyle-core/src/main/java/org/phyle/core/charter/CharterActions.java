package org.phyle.core.charter;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.phyle.core.Rejection;
import org.phyle.core.Society;
import org.phyle.core.citizenship.Person;
import org.phyle.core.governance.GovernanceTx;
import org.phyle.core.governance.Method;
import org.phyle.core.governance.ProposalAction;
import org.phyle.core.governance.ProposalKind;
import org.phyle.core.tx.Fields;
import org.phyle.core.tx.TxCode;
import org.phyle.crypto.Hash;

/** The charter's binding proposal kinds: appointing and dismissing stewards, and electing the council. */
public final class CharterActions {
    private CharterActions() {
    }

    public static final ProposalKind STEWARDS = new ProposalKind("stewards",
            "Appoints and dismisses stewards.", Stewards::read);
    public static final ProposalKind COUNCIL = new ProposalKind("council",
            "Elects the council by approval voting, from the Commonwealth stage; it sits for charter.councilTermDays.",
            CouncilElection::read);

    public static final List<ProposalKind> KINDS = List.of(STEWARDS, COUNCIL);

    /** {@code {"appoint": [person ids], "dismiss": [person ids]}}, at least one in all. */
    public record Stewards(List<Hash> appoint, List<Hash> dismiss) implements ProposalAction {
        public Stewards {
            appoint = List.copyOf(appoint);
            dismiss = List.copyOf(dismiss);
        }

        public String kind() {
            return STEWARDS.name();
        }

        public ObjectNode toJson() {
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            ArrayNode a = o.putArray("appoint");
            appoint.forEach(h -> a.add(h.hex()));
            ArrayNode d = o.putArray("dismiss");
            dismiss.forEach(h -> d.add(h.hex()));
            return o;
        }

        public void check(Society society) {
            for (Hash id : appoint) {
                Person p = citizen(society, id);
                if (society.offices().isSteward(p.number())) {
                    throw new Rejection(CharterCode.ALREADY_IN_OFFICE, "person #" + p.number() + " is already a steward");
                }
            }
            for (Hash id : dismiss) {
                int n = person(society, id).number();
                if (!society.offices().isSteward(n)) {
                    throw new Rejection(CharterCode.NOT_IN_OFFICE, "person #" + n + " is not a steward");
                }
            }
        }

        public void execute(Society society, Execution e) {
            check(society);
            String authority = e.result() == null ? "the founder" : "proposal " + e.proposal().hex();
            for (Hash id : dismiss) {
                society.offices().dismiss(person(society, id).number(), e.time(), e.height(), authority);
            }
            for (Hash id : appoint) {
                society.offices().appoint(person(society, id).number(), e.time(), e.height(), authority);
            }
        }

        static Stewards read(Fields f) {
            List<Hash> appoint = f.has("appoint") ? f.hashes("appoint", 50) : List.of();
            List<Hash> dismiss = f.has("dismiss") ? f.hashes("dismiss", 50) : List.of();
            f.end();
            if (appoint.isEmpty() && dismiss.isEmpty()) {
                throw new Rejection(TxCode.MALFORMED, f.path() + " appoints or dismisses at least one steward");
            }
            if (new java.util.HashSet<>(appoint).size() + new java.util.HashSet<>(dismiss).size() != appoint.size()
                    + dismiss.size() || appoint.stream().anyMatch(dismiss::contains)) {
                throw new Rejection(TxCode.MALFORMED, f.path() + " names a person twice");
            }
            return new Stewards(appoint, dismiss);
        }
    }

    /**
     * {@code {"candidates": [person ids]}}: an approval vote whose i-th option is the i-th candidate; the winners
     * take the council's seats for a term when the proposal is executed (winners no longer citizens in good standing
     * by then do not sit).
     */
    public record CouncilElection(List<Hash> candidates) implements ProposalAction {
        public CouncilElection {
            candidates = List.copyOf(candidates);
        }

        public String kind() {
            return COUNCIL.name();
        }

        public Method method() {
            return Method.APPROVAL;
        }

        public Stage.CommunityPower requiredPower() {
            return Stage.CommunityPower.ELECT_COUNCIL;
        }

        public ObjectNode toJson() {
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            ArrayNode a = o.putArray("candidates");
            candidates.forEach(h -> a.add(h.hex()));
            return o;
        }

        public void check(Society society) {
            for (Hash id : candidates) {
                citizen(society, id);
            }
        }

        public void checkTerms(GovernanceTx.Propose terms, Society society) {
            if (terms.options().size() != candidates.size()) {
                throw new Rejection(org.phyle.core.governance.GovernanceCode.INVALID_PROPOSAL, "a council election "
                        + "has one option per candidate, in the same order: " + candidates.size() + " candidates, "
                        + terms.options().size() + " options");
            }
            long seats = society.parameters().get(CharterParams.COUNCIL_SIZE);
            if (terms.winners() > seats) {
                throw new Rejection(org.phyle.core.governance.GovernanceCode.INVALID_PROPOSAL, "the council has "
                        + seats + " seats, not " + terms.winners());
            }
        }

        public void execute(Society society, Execution e) {
            List<Integer> members = new ArrayList<>();
            for (int option : e.result().winners()) {
                society.registry().byId(candidates.get(option))
                        .filter(p -> p.activeCitizen(e.time()))
                        .ifPresent(p -> members.add(p.number()));
            }
            if (members.isEmpty()) {
                throw new Rejection(CharterCode.NOT_IN_OFFICE, "none of the winners is a citizen in good standing now");
            }
            society.offices().seatCouncil(members.stream().mapToInt(Integer::intValue).toArray(), e.proposal(),
                    e.time(), e.height(), society.parameters().get(CharterParams.COUNCIL_TERM_DAYS) * 86_400_000L);
        }

        static CouncilElection read(Fields f) {
            List<Hash> candidates = f.hashes("candidates", 20);
            f.end();
            if (candidates.size() < 2 || new java.util.HashSet<>(candidates).size() != candidates.size()) {
                throw new Rejection(TxCode.MALFORMED, f.path() + ".candidates names at least two people, each once");
            }
            return new CouncilElection(candidates);
        }
    }

    static Person person(Society society, Hash id) {
        return society.registry().byId(id).orElseThrow(() -> new Rejection(
                org.phyle.core.citizenship.CitizenshipCode.UNKNOWN_PERSON, "no person " + id.hex()));
    }

    static Person citizen(Society society, Hash id) {
        Person p = person(society, id);
        if (!p.activeCitizen(society.time())) {
            throw new Rejection(org.phyle.core.citizenship.CitizenshipCode.NOT_A_CITIZEN, "person #" + p.number()
                    + " is not a citizen in good standing");
        }
        return p;
    }
}

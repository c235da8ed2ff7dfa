package org.phyle.core.authority;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.phyle.core.BlockContext;
import org.phyle.core.Reads;
import org.phyle.core.Rejection;
import org.phyle.core.charter.CharterCode;
import org.phyle.core.charter.CharterEffect;
import org.phyle.core.charter.CharterParams;
import org.phyle.core.charter.Offices;
import org.phyle.core.citizenship.CitizenshipCode;
import org.phyle.core.citizenship.Person;
import org.phyle.core.citizenship.Registry;
import org.phyle.core.governance.GovernanceCode;
import org.phyle.core.proposals.CommunityPower;
import org.phyle.core.proposals.Execution;
import org.phyle.core.proposals.Method;
import org.phyle.core.proposals.ProposalAction;
import org.phyle.core.proposals.ProposalKind;
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

        public void check(Reads reads) {
            Offices offices = reads.view(Offices.class);
            for (Hash id : appoint) {
                Person p = citizen(reads, id);
                if (offices.isSteward(p.number())) {
                    throw new Rejection(CharterCode.ALREADY_IN_OFFICE, "person #" + p.number() + " is already a steward");
                }
            }
            for (Hash id : dismiss) {
                int n = person(reads, id).number();
                if (!offices.isSteward(n)) {
                    throw new Rejection(CharterCode.NOT_IN_OFFICE, "person #" + n + " is not a steward");
                }
            }
        }

        /** Carries the change out (checked just before by the sender of the Carry). */
        void carryOut(Execution e, BlockContext ctx) {
            Reads reads = ctx.reads();
            for (Hash id : dismiss) {
                ctx.send(new CharterEffect.Dismiss(person(reads, id).number(), e.authority()));
            }
            for (Hash id : appoint) {
                ctx.send(new CharterEffect.Appoint(person(reads, id).number(), e.authority()));
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

        public CommunityPower requiredPower() {
            return CommunityPower.ELECT_COUNCIL;
        }

        public ObjectNode toJson() {
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            ArrayNode a = o.putArray("candidates");
            candidates.forEach(h -> a.add(h.hex()));
            return o;
        }

        public void check(Reads reads) {
            for (Hash id : candidates) {
                citizen(reads, id);
            }
        }

        public void checkTerms(int options, int winners, Reads reads) {
            if (options != candidates.size()) {
                throw new Rejection(GovernanceCode.INVALID_PROPOSAL, "a council election "
                        + "has one option per candidate, in the same order: " + candidates.size() + " candidates, "
                        + options + " options");
            }
            long seats = reads.parameters().get(CharterParams.COUNCIL_SIZE);
            if (winners > seats) {
                throw new Rejection(GovernanceCode.INVALID_PROPOSAL, "the council has "
                        + seats + " seats, not " + winners);
            }
        }

        public void checkExecution(Execution e, Reads reads) {
            seated(e, reads);
        }

        /** The winners who are citizens in good standing at the time; throws if none is. */
        List<Integer> seated(Execution e, Reads reads) {
            List<Integer> members = new ArrayList<>();
            for (int option : e.winners()) {
                reads.view(Registry.class).byId(candidates.get(option))
                        .filter(p -> p.activeCitizen(e.time()))
                        .ifPresent(p -> members.add(p.number()));
            }
            if (members.isEmpty()) {
                throw new Rejection(CharterCode.NOT_IN_OFFICE, "none of the winners is a citizen in good standing now");
            }
            return members;
        }

        /** Seats the council (the sender checked that some winner sits). */
        void carryOut(Execution e, BlockContext ctx) {
            List<Integer> members = seated(e, ctx.reads());
            ctx.send(new CharterEffect.SeatCouncil(members.stream().mapToInt(Integer::intValue).toArray(),
                    e.proposal(), ctx.parameters().get(CharterParams.COUNCIL_TERM_DAYS) * 86_400_000L));
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

    static Person person(Reads reads, Hash id) {
        return reads.view(Registry.class).byId(id).orElseThrow(() -> new Rejection(
                CitizenshipCode.UNKNOWN_PERSON, "no person " + id.hex()));
    }

    /** The person, if a citizen in good standing as of the last block. */
    static Person citizen(Reads reads, Hash id) {
        Person p = person(reads, id);
        if (!p.activeCitizen(reads.lastBlockTime())) {
            throw new Rejection(CitizenshipCode.NOT_A_CITIZEN, "person #" + p.number()
                    + " is not a citizen in good standing");
        }
        return p;
    }
}

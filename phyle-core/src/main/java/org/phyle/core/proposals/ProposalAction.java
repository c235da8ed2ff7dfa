package org.phyle.core.proposals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.phyle.core.Reads;

/**
 * What a binding proposal does once it passes and its timelock expires. The mechanism that declares a kind
 * ({@link ProposalKind}) implements its action and carries it out when it receives a {@link Carry} of it; governance
 * knows only this interface.
 */
public interface ProposalAction {
    /** The kind's name, e.g. {@code parameter}. */
    String kind();

    /** The action as the {@code action} object of the proposal. */
    ObjectNode toJson();

    /** Checks, when the proposal is made, that the action could be carried out; throws a Rejection if not. */
    void check(Reads reads);

    /**
     * Checks, just before it is carried out, that it still can be; throws a Rejection if not (the proposal is then
     * recorded as not executed, and nothing else changes). By default the same check as when it was proposed.
     */
    default void checkExecution(Execution execution, Reads reads) {
        check(reads);
    }

    /** The threshold the kind requires at least (a proposal may ask for more); entrenched actions need more. */
    default Threshold minimumThreshold() {
        return Threshold.named("majority");
    }

    /** True if the action touches something entrenched in the charter. */
    default boolean entrenched(Reads reads) {
        return false;
    }

    /** The counting method that decides the kind: yes/no for every binding kind but elections. */
    default Method method() {
        return Method.YES_NO;
    }

    /** What the citizens must be allowed in the society's stage to propose this kind. */
    default CommunityPower requiredPower() {
        return CommunityPower.PROPOSE_BINDING;
    }

    /** Checks a proposal's terms against the action (its options, winners); throws a Rejection if they disagree. */
    default void checkTerms(int options, int winners, Reads reads) {
    }
}

package org.phyle.core.governance;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.phyle.core.Society;

/**
 * What a binding proposal does once it passes and its timelock expires. Mechanisms add their own kinds (a treasury
 * spend, a charter amendment, zone rules) by implementing this and listing a {@link ProposalKind} in the catalogue;
 * governance does not change.
 */
public interface ProposalAction {
    /** The kind's name, e.g. {@code parameter}. */
    String kind();

    /** The action as the {@code action} object of the proposal. */
    ObjectNode toJson();

    /** Checks, when the proposal is made, that the action could be carried out; throws a Rejection if not. */
    void check(Society society);

    /** The threshold the kind requires at least (a proposal may ask for more); entrenched actions need more. */
    default Threshold minimumThreshold() {
        return Threshold.named("majority");
    }

    /** True if the action touches something entrenched in the charter (see the charter's Entrenchment). */
    default boolean entrenched(Society society) {
        return false;
    }

    /** The counting method that decides the kind: yes/no for every binding kind but elections. */
    default Method method() {
        return Method.YES_NO;
    }

    /** What the citizens must be allowed in the society's stage to propose this kind. */
    default org.phyle.core.charter.Stage.CommunityPower requiredPower() {
        return org.phyle.core.charter.Stage.CommunityPower.PROPOSE_BINDING;
    }

    /** Checks the proposal's terms against the action (its options, winners); throws a Rejection if they disagree. */
    default void checkTerms(GovernanceTx.Propose terms, Society society) {
    }

    /**
     * Carries the action out, at the end of the block in which the timelock expired. Throws a Rejection if it cannot
     * any more (the proposal is then recorded as failed to execute; nothing else changes).
     */
    void execute(Society society, Execution execution);

    /**
     * The proposal being executed (or, for the founder's direct amendments, the transaction), when, and its tally
     * (null for a direct amendment).
     */
    record Execution(org.phyle.crypto.Hash proposal, long time, long height, TallyResult result) {
    }
}

package org.phyle.core.sortition;

import org.phyle.core.RejectionCode;

/** Why a draw, a commitment, a reveal, a proof or a panellist's ballot is refused. */
public enum SortitionCode implements RejectionCode {
    UNKNOWN_DRAW(Kind.RULE, "No draw with that id."),
    NOT_A_STEWARD(Kind.RULE, "Only the society's stewards (those in office when the draw was requested) may do this."),
    POOL_TOO_SMALL(Kind.RULE, "The pool has fewer members than the draw needs."),
    COMMIT_CLOSED(Kind.RULE, "The time for commitments to this draw has passed."),
    ALREADY_COMMITTED(Kind.CONFLICT, "This steward already committed to this draw."),
    REVEAL_NOT_OPEN(Kind.RULE, "Secrets are revealed after the commitments close and before the reveals close."),
    NO_COMMITMENT(Kind.RULE, "This steward made no commitment to this draw."),
    REVEAL_MISMATCH(Kind.RULE, "The secret does not match the commitment."),
    ALREADY_REVEALED(Kind.CONFLICT, "This steward already revealed their secret."),
    NOT_THE_SEQUENCER(Kind.RULE, "Only the node whose key the genesis names proves a draw."),
    PROOF_TOO_EARLY(Kind.RULE, "The VRF proof comes after the stewards' reveals close."),
    ALREADY_DRAWN(Kind.CONFLICT, "The draw is already made."),
    BAD_PROOF(Kind.RULE, "The VRF proof does not verify under the node's key for this draw's input."),
    NOT_ON_PANEL(Kind.RULE, "Only members of the proposal's outside panel vote in the panel."),
    NO_PANEL(Kind.RULE, "The proposal has no outside panel seated.");

    private final Kind kind;
    private final String meaning;

    SortitionCode(Kind kind, String meaning) {
        this.kind = kind;
        this.meaning = meaning;
    }

    @Override
    public Kind kind() {
        return kind;
    }

    @Override
    public String meaning() {
        return meaning;
    }
}

package org.phyle.core.charter;

import org.phyle.core.RejectionCode;

/** Why a change to the charter, or an act of the founder or the council, is refused. */
public enum CharterCode implements RejectionCode {
    INVALID_AMENDMENT(Kind.RULE, "The amendment names no amendable text or parameter, or an invalid value for it."),
    NOT_FOUNDER(Kind.RULE, "Only the founder may do this."),
    FOUNDER_POWER_ENDED(Kind.RULE, "The society's stage no longer gives the founder this power."),
    FOUNDER_RETIRED(Kind.RULE, "The founder retired and holds no powers."),
    ALREADY_RETIRED(Kind.CONFLICT, "The founder already retired; retirement is final."),
    NOT_IN_THIS_STAGE(Kind.RULE, "The society's stage does not give the citizens this power yet."),
    DELAYS_HANDOVER(Kind.RULE, "Before the Sovereign stage, the handover schedule can only move power to the "
            + "community sooner."),
    ENTRENCHED(Kind.RULE, "This touches an entrenched article or the handover schedule: it needs a vote with the "
            + "entrenched threshold."),
    NOT_VETOABLE(Kind.RULE, "Only a passed binding proposal awaiting its timelock can be vetoed, and only once."),
    ALREADY_IN_OFFICE(Kind.CONFLICT, "The person already holds that office."),
    NOT_IN_OFFICE(Kind.RULE, "The person does not hold that office."),
    NOT_ON_COUNCIL(Kind.RULE, "Only members of the sitting council may sign its acts."),
    ALREADY_SIGNED(Kind.CONFLICT, "This council member already signed this act.");

    private final Kind kind;
    private final String meaning;

    CharterCode(Kind kind, String meaning) {
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

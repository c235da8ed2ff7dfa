package org.phyle.core.economy;

import org.phyle.core.RejectionCode;

/** Why a transfer, a lock, a round's step, a pledge or an economic proposal is refused. */
public enum EconomyCode implements RejectionCode {
    AMOUNT_NOT_POSITIVE(Kind.MALFORMED, "An amount of money must be a positive number of minor units."),
    INSUFFICIENT_FUNDS(Kind.RULE, "The account does not hold that much money."),
    FUNDS_LOCKED(Kind.RULE, "Part of the money is locked or not vested yet, and locked money cannot be spent."),
    AMOUNT_OVERFLOW(Kind.RULE, "The amount would overflow the largest sum the ledger can hold."),
    SELF_TRANSFER(Kind.RULE, "An account cannot send money to itself."),
    REVENUE_NOT_TO_TREASURY(Kind.MALFORMED, "Only a payment into the treasury can be marked as revenue."),
    TREASURY_INSUFFICIENT(Kind.RULE, "The treasury (or the budget the spend draws on) does not hold that much."),
    ISSUANCE_CAP(Kind.RULE, "The issuance would exceed the charter's cap on new money this year."),
    BAD_SCHEDULE(Kind.MALFORMED, "A lock or vesting schedule needs start <= cliff <= end, and an end in the future."),
    UNKNOWN_ROUND(Kind.NOT_FOUND, "No funding round with that number."),
    UNKNOWN_PROJECT(Kind.NOT_FOUND, "The round has no project with that number."),
    APPLICATIONS_CLOSED(Kind.RULE, "The round's application window is closed."),
    NOT_APPROVED(Kind.RULE, "The project is not approved for the round (yet)."),
    ALREADY_APPROVED(Kind.CONFLICT, "The project is already approved."),
    NOT_A_STEWARD(Kind.RULE, "Only the society's stewards approve projects of a round approved by its stewards."),
    APPROVAL_BY_VOTE(Kind.RULE, "The round's projects are approved by a vote (a qf-approve proposal)."),
    CONTRIBUTIONS_NOT_OPEN(Kind.RULE, "Contributions are taken only during the round's contribution window."),
    PAIRWISE_LIMIT(Kind.RULE, "A pairwise round counts at most economy.maxPairs pairs of contributors who gave to the "
            + "same project; it has reached that limit for new contributors."),
    ROUND_NOT_ENDED(Kind.RULE, "A round pays out after its contribution window ends."),
    ALREADY_PAID(Kind.CONFLICT, "The round was already paid out."),
    UNKNOWN_CAMPAIGN(Kind.NOT_FOUND, "No territory campaign with that number."),
    CAMPAIGN_CLOSED(Kind.RULE, "The campaign's deadline has passed."),
    BAD_CAMPAIGN(Kind.MALFORMED, "A campaign needs a deadline in the future (within a year) and a country code.");

    private final Kind kind;
    private final String meaning;

    EconomyCode(Kind kind, String meaning) {
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

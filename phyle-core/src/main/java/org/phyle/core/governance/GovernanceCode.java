package org.phyle.core.governance;

import org.phyle.core.RejectionCode;

/** Why a governance transaction is refused. */
public enum GovernanceCode implements RejectionCode {
    UNKNOWN_PROPOSAL(Kind.RULE, "No proposal with that id."),
    NOT_A_CITIZEN(Kind.RULE, "Only citizens in good standing may propose, sponsor, vote or delegate."),
    CITIZENSHIP_LAPSED(Kind.RULE, "The citizenship lapsed for want of renewal; renew it first."),
    NOT_IN_ELECTORATE(Kind.RULE, "Only the citizens in good standing when voting opened may vote on this proposal."),
    OWN_PROPOSAL(Kind.RULE, "An author does not co-sponsor their own proposal."),
    ALREADY_SPONSORED(Kind.CONFLICT, "This citizen already sponsors this proposal."),
    NOT_SPONSORABLE(Kind.RULE, "The proposal already has its sponsors, or was cancelled."),
    NOT_AUTHOR(Kind.RULE, "Only the proposal's author may do this."),
    CANNOT_CANCEL(Kind.RULE, "A proposal can be cancelled only before its voting opens."),
    VOTING_NOT_OPEN(Kind.RULE, "Voting on this proposal has not opened."),
    VOTING_CLOSED(Kind.RULE, "Voting on this proposal has closed."),
    BAD_BALLOT(Kind.MALFORMED, "The ballot does not have the shape this proposal's counting method needs."),
    UNKNOWN_OPTION(Kind.RULE, "The ballot names an option the proposal does not have."),
    DUPLICATE_OPTION(Kind.RULE, "A ranked ballot names an option twice."),
    TOO_MANY_APPROVALS(Kind.RULE, "The approval ballot approves more options than the proposal allows."),
    NEGATIVE_NOT_ALLOWED(Kind.RULE, "This quadratic vote does not allow votes against."),
    OVER_BUDGET(Kind.RULE, "The quadratic ballot costs more voice credits than the voter has left this epoch."),
    SELF_DELEGATION(Kind.RULE, "Nobody delegates to themselves."),
    DELEGATION_CYCLE(Kind.RULE, "The delegation would make a cycle."),
    NO_DELEGATION(Kind.RULE, "There is no delegation for this topic to revoke."),
    METHOD_NOT_ALLOWED(Kind.RULE, "A binding proposal is decided by a yes/no vote."),
    INVALID_PROPOSAL(Kind.MALFORMED, "The proposal's options or rules are inconsistent."),
    NOTHING_TO_EXECUTE(Kind.RULE, "The proposal did not pass, carries no action, or was already executed."),
    TIMELOCK(Kind.RULE, "The proposal passed, but its timelock has not expired.");

    private final Kind kind;
    private final String meaning;

    GovernanceCode(Kind kind, String meaning) {
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

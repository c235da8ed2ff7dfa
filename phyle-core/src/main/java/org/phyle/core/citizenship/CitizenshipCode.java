package org.phyle.core.citizenship;

import org.phyle.core.RejectionCode;

/** Why a citizenship transaction is refused. */
public enum CitizenshipCode implements RejectionCode {
    UNKNOWN_PERSON(Kind.RULE, "No person with that id is registered."),
    NOT_REGISTERED(Kind.RULE, "The signing key is not the key of any registered person."),
    KEY_RETIRED(Kind.RULE, "The signing key was replaced (rotation, recovery) or its person left or was removed; it acts for nobody."),
    ALREADY_REGISTERED(Kind.CONFLICT, "The key already belongs to a registered person: one key, one person, one application."),
    KEY_IN_USE(Kind.CONFLICT, "The new key is, or was, the key of a registered person; keys are never shared or reused."),
    BAD_KEY_PROOF(Kind.UNAUTHENTICATED, "The new key did not sign the possession message, so holding it is not proven."),
    CHARTER_MISMATCH(Kind.RULE, "The consent names a charter other than the one in force."),
    NOT_A_CITIZEN(Kind.RULE, "Only a citizen in good standing may do this."),
    CITIZENSHIP_LAPSED(Kind.RULE, "The citizenship lapsed for want of renewal; renew it first."),
    NOT_AN_APPLICANT(Kind.RULE, "The person is not an applicant for citizenship."),
    SELF_VOUCH(Kind.RULE, "Nobody may vouch for themselves."),
    ALREADY_VOUCHED(Kind.CONFLICT, "This citizen already vouched for this applicant."),
    VOUCH_QUOTA(Kind.RULE, "The citizen has used every vouch allowed in this period."),
    VOUCH_BANNED(Kind.RULE, "The citizen vouched for someone removed as a duplicate or fake and may not vouch for a while."),
    CANNOT_CHALLENGE(Kind.RULE, "Only applicants and citizens can be challenged, and not by themselves."),
    UNDER_CHALLENGE(Kind.CONFLICT, "The person is under a challenge that has not been decided."),
    JURY_TOO_SMALL(Kind.RULE, "Too few citizens are eligible to serve on the jury."),
    UNKNOWN_CHALLENGE(Kind.RULE, "No challenge with that id."),
    NOT_A_JUROR(Kind.RULE, "The signer is not on this challenge's jury."),
    JURY_NOT_DRAWN(Kind.RULE, "The challenge's jury is still being drawn by lot."),
    ALREADY_VOTED(Kind.CONFLICT, "This juror already voted on this challenge."),
    VOTING_CLOSED(Kind.RULE, "The challenge is decided or its deadline has passed."),
    NOT_TRANSFERABLE(Kind.RULE, "Citizenship is soulbound: there is no way to transfer, sell or give it."),
    GUARDIANS_INVALID(Kind.RULE, "Guardians must be distinct citizens in good standing other than oneself, with 1 <= m <= n <= the maximum."),
    NOT_A_GUARDIAN(Kind.RULE, "The signer is not a guardian of this person."),
    RECOVERY_CONFLICT(Kind.CONFLICT, "A recovery to another key is already under way; cancel it first."),
    NO_RECOVERY(Kind.RULE, "No recovery is under way for this person."),
    RECOVERY_DELAY(Kind.RULE, "The recovery's delay has not passed; the current key may still cancel it."),
    TOO_FEW_GUARDIANS(Kind.RULE, "Fewer guardians than the threshold approved this recovery."),
    NOT_REGISTRAR(Kind.RULE, "Only a host registrar named in the society's parameters may do this."),
    NOT_HOST_RESIDENT(Kind.RULE, "The person is not a registered host resident."),
    NOT_ALLOWED(Kind.RULE, "A person in this status cannot do this.");

    private final Kind kind;
    private final String meaning;

    CitizenshipCode(Kind kind, String meaning) {
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

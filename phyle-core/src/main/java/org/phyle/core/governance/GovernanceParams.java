package org.phyle.core.governance;

import java.util.List;
import org.phyle.core.ParameterSpec;

/** The parameters governance reads. A proposal copies the ones that apply to it when it is made. */
public final class GovernanceParams {
    public static final ParameterSpec SPONSORS_REQUIRED = new ParameterSpec("governance.sponsorsRequired", 2, 0, 1000,
            "citizens", "How many citizens besides the author must co-sponsor a proposal before it goes to a vote.");
    public static final ParameterSpec DELIBERATION_HOURS = new ParameterSpec("governance.deliberationHours", 24, 0,
            24 * 90, "hours", "Time between a proposal getting its sponsors and its voting opening.");
    public static final ParameterSpec VOTING_HOURS = new ParameterSpec("governance.votingHours", 168, 1, 24 * 90,
            "hours", "How long voting lasts, unless the proposal says otherwise.");
    public static final ParameterSpec MIN_VOTING_HOURS = new ParameterSpec("governance.minVotingHours", 24, 1, 24 * 90,
            "hours", "The shortest voting period a proposal may choose.");
    public static final ParameterSpec TIMELOCK_HOURS = new ParameterSpec("governance.timelockHours", 48, 0, 24 * 365,
            "hours", "Time between a binding proposal passing and taking effect.");
    public static final ParameterSpec QUORUM_BP = new ParameterSpec("governance.quorumBp", 2000, 0, 10_000,
            "basis points", "The share of the electorate that must take part (abstaining counts) for a vote to be valid.");
    public static final ParameterSpec VOICE_CREDITS = new ParameterSpec("governance.voiceCredits", 100, 1, 1_000_000,
            "credits", "Voice credits each citizen has per epoch for quadratic votes (n votes on an option cost n^2).");
    public static final ParameterSpec EPOCH_DAYS = new ParameterSpec("governance.epochDays", 30, 1, 3650, "days",
            "The length of a quadratic-voting epoch, counted from the genesis.");
    public static final ParameterSpec MAX_DELEGATED_BP = new ParameterSpec("governance.maxDelegatedBp", 500, 0, 10_000,
            "basis points", "The most any delegate may carry, as a share of the electorate; delegations beyond it fall "
            + "back to their delegators.");

    public static final List<ParameterSpec> ALL = List.of(SPONSORS_REQUIRED, DELIBERATION_HOURS, VOTING_HOURS,
            MIN_VOTING_HOURS, TIMELOCK_HOURS, QUORUM_BP, VOICE_CREDITS, EPOCH_DAYS, MAX_DELEGATED_BP);

    static final long HOUR_MS = 3_600_000L;

    private GovernanceParams() {
    }
}

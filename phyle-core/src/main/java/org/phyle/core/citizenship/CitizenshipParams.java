package org.phyle.core.citizenship;

import java.util.List;
import org.phyle.core.ParameterSpec;

/** The parameters citizenship reads. */
public final class CitizenshipParams {
    public static final ParameterSpec VOUCHES_REQUIRED = new ParameterSpec("citizenship.vouchesRequired", 3, 1, 50,
            "vouches", "How many citizens must vouch for an applicant to become a citizen.");
    public static final ParameterSpec VOUCHES_PER_PERIOD = new ParameterSpec("citizenship.vouchesPerPeriod", 5, 1,
            1000, "vouches", "How many vouches each citizen may give per vouching period.");
    public static final ParameterSpec VOUCH_PERIOD_DAYS = new ParameterSpec("citizenship.vouchPeriodDays", 30, 1, 3650,
            "days", "The length of a vouching period, counted from the genesis.");
    public static final ParameterSpec VOUCH_BAN_DAYS = new ParameterSpec("citizenship.vouchBanDays", 365, 0, 36500,
            "days", "How long vouchers of someone removed as a duplicate or fake may not vouch.");
    public static final ParameterSpec JURY_SIZE = new ParameterSpec("citizenship.jurySize", 5, 1, 101, "citizens",
            "How many citizens are drawn to judge a challenge (odd, so that there is a majority).");
    public static final ParameterSpec JURY_DAYS = new ParameterSpec("citizenship.juryDays", 7, 1, 365, "days",
            "How long a jury has to decide; without a majority by then the challenge is dismissed.");
    public static final ParameterSpec RENEWAL_DAYS = new ParameterSpec("citizenship.renewalDays", 730, 1, 36500, "days",
            "How long a citizenship lasts without a signed renewal.");
    public static final ParameterSpec RECOVERY_DELAY_DAYS = new ParameterSpec("citizenship.recoveryDelayDays", 7, 0,
            365, "days", "How long the current key has to cancel a guardians' recovery.");
    public static final ParameterSpec MAX_GUARDIANS = new ParameterSpec("citizenship.maxGuardians", 10, 1, 100,
            "guardians", "The most guardians a citizen may name.");
    public static final ParameterSpec HOST_REGISTRARS = ParameterSpec.keys("citizenship.hostRegistrars", 100,
            "Keys of the registrars who register residents of the host jurisdiction.");

    public static final List<ParameterSpec> ALL = List.of(VOUCHES_REQUIRED, VOUCHES_PER_PERIOD, VOUCH_PERIOD_DAYS,
            VOUCH_BAN_DAYS, JURY_SIZE, JURY_DAYS, RENEWAL_DAYS, RECOVERY_DELAY_DAYS, MAX_GUARDIANS,
            HOST_REGISTRARS);

    static final long DAY_MS = 86_400_000L;

    private CitizenshipParams() {
    }
}

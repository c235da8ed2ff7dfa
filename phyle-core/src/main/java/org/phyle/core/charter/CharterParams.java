package org.phyle.core.charter;

import java.util.List;
import org.phyle.core.ParameterSpec;

/**
 * The charter's own parameters: the handover schedule (the thresholds of citizens in good standing at which each
 * stage begins, and an optional time backstop), the stages' names, the thresholds for entrenched amendments, the
 * council, and the canon. The schedule's parameters are entrenched: until the Sovereign stage they can only move
 * power to the community sooner.
 */
public final class CharterParams {
    private CharterParams() {
    }

    public static final ParameterSpec COMMUNITY_AT = new ParameterSpec("charter.communityAt", 100, 1, 100_000_000,
            "citizens", "Citizens in good standing at which the Community stage begins.");
    public static final ParameterSpec REPUBLIC_AT = new ParameterSpec("charter.republicAt", 1_000, 1, 100_000_000,
            "citizens", "Citizens in good standing at which the Republic stage begins.");
    public static final ParameterSpec COMMONWEALTH_AT = new ParameterSpec("charter.commonwealthAt", 10_000, 1,
            100_000_000, "citizens", "Citizens in good standing at which the Commonwealth stage begins.");
    public static final ParameterSpec SOVEREIGN_AT = new ParameterSpec("charter.sovereignAt", 100_000, 1, 100_000_000,
            "citizens", "Citizens in good standing at which the Sovereign stage begins.");
    public static final ParameterSpec BACKSTOP_YEARS = new ParameterSpec("charter.backstopYears", 0, 0, 100, "years",
            "If not 0: a stage begins at the latest this many years after the previous one, whatever the population.");

    public static final ParameterSpec FOUNDING_NAME = ParameterSpec.name("charter.foundingName", "Founding",
            "The name of the first stage.");
    public static final ParameterSpec COMMUNITY_NAME = ParameterSpec.name("charter.communityName", "Community",
            "The name of the second stage.");
    public static final ParameterSpec REPUBLIC_NAME = ParameterSpec.name("charter.republicName", "Republic",
            "The name of the third stage.");
    public static final ParameterSpec COMMONWEALTH_NAME = ParameterSpec.name("charter.commonwealthName",
            "Commonwealth", "The name of the fourth stage.");
    public static final ParameterSpec SOVEREIGN_NAME = ParameterSpec.name("charter.sovereignName", "Sovereign",
            "The name of the fifth stage.");

    /** 6,666 by default: the largest whole number of basis points that a two-thirds threshold meets. */
    public static final ParameterSpec ENTRENCHED_BP = new ParameterSpec("charter.entrenchedBp", 6_666, 5_001, 10_000,
            "basis points", "The share of yes among yes and no that amending an entrenched article or the handover "
            + "schedule needs, before the Sovereign stage.");
    public static final ParameterSpec REFERENDUM_BP = new ParameterSpec("charter.referendumBp", 5_100, 5_001, 10_000,
            "basis points", "In the Sovereign stage, the share of yes that changes anything in the charter.");
    public static final ParameterSpec COUNCIL_SIZE = new ParameterSpec("charter.councilSize", 7, 1, 101, "members",
            "Seats on the council the citizens elect from the Commonwealth stage.");
    public static final ParameterSpec COUNCIL_TERM_DAYS = new ParameterSpec("charter.councilTermDays", 365, 30,
            3_650, "days", "How long an elected council sits.");
    public static final ParameterSpec CANON_ENDORSEMENTS = new ParameterSpec("charter.canonEndorsements", 10, 1,
            1_000_000, "citizens", "Endorsements that put a proposed article of the canon to a vote.");

    /** The handover schedule: entrenched, and before the Sovereign stage changeable only toward the community. */
    public static final List<ParameterSpec> SCHEDULE = List.of(COMMUNITY_AT, REPUBLIC_AT, COMMONWEALTH_AT, SOVEREIGN_AT,
            BACKSTOP_YEARS);

    /** Parameters whose change needs the entrenched threshold (the schedule, and the thresholds themselves). */
    public static final List<ParameterSpec> ENTRENCHED = List.of(COMMUNITY_AT, REPUBLIC_AT, COMMONWEALTH_AT,
            SOVEREIGN_AT, BACKSTOP_YEARS, ENTRENCHED_BP, REFERENDUM_BP);

    public static final List<ParameterSpec> ALL = List.of(COMMUNITY_AT, REPUBLIC_AT, COMMONWEALTH_AT, SOVEREIGN_AT,
            BACKSTOP_YEARS, FOUNDING_NAME, COMMUNITY_NAME, REPUBLIC_NAME, COMMONWEALTH_NAME, SOVEREIGN_NAME,
            ENTRENCHED_BP, REFERENDUM_BP, COUNCIL_SIZE, COUNCIL_TERM_DAYS, CANON_ENDORSEMENTS);
}

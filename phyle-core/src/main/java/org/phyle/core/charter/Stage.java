package org.phyle.core.charter;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import org.phyle.core.ParameterSpec;
import org.phyle.core.Parameters;
import org.phyle.core.proposals.CommunityPower;

/**
 * The maturity stages of a society, in order. Each begins when the citizens in good standing reach its threshold
 * (or its time backstop), and never ends: the founder's powers only shrink from one stage to the next, the
 * community's only grow.
 */
public enum Stage {
    FOUNDING(null, CharterParams.FOUNDING_NAME,
            EnumSet.of(FounderPower.ADMIT, FounderPower.AMEND, FounderPower.PROPOSE_WITHOUT_SPONSORS, FounderPower.VETO),
            EnumSet.of(CommunityPower.PROPOSE_SIGNALS)),
    COMMUNITY(CharterParams.COMMUNITY_AT, CharterParams.COMMUNITY_NAME,
            EnumSet.of(FounderPower.PROPOSE_WITHOUT_SPONSORS, FounderPower.VETO),
            EnumSet.of(CommunityPower.PROPOSE_SIGNALS, CommunityPower.PROPOSE_BINDING)),
    REPUBLIC(CharterParams.REPUBLIC_AT, CharterParams.REPUBLIC_NAME,
            EnumSet.of(FounderPower.VETO),
            EnumSet.of(CommunityPower.PROPOSE_SIGNALS, CommunityPower.PROPOSE_BINDING)),
    COMMONWEALTH(CharterParams.COMMONWEALTH_AT, CharterParams.COMMONWEALTH_NAME,
            EnumSet.noneOf(FounderPower.class),
            EnumSet.of(CommunityPower.PROPOSE_SIGNALS, CommunityPower.PROPOSE_BINDING, CommunityPower.ELECT_COUNCIL)),
    SOVEREIGN(CharterParams.SOVEREIGN_AT, CharterParams.SOVEREIGN_NAME,
            EnumSet.noneOf(FounderPower.class),
            EnumSet.of(CommunityPower.PROPOSE_SIGNALS, CommunityPower.PROPOSE_BINDING, CommunityPower.ELECT_COUNCIL,
                    CommunityPower.AMEND_ANYTHING));

    /** What the founder may do, beyond what every citizen may. */
    public enum FounderPower {
        /** Admit applicants as citizens without vouches. */
        ADMIT("admit applicants directly"),
        /** Amend the charter's parameters and texts, and appoint or dismiss stewards, without a vote. */
        AMEND("amend the charter and appoint stewards without a vote"),
        /** Put a proposal (binding or not) to a vote without co-sponsors: the founder's changes, ratified. */
        PROPOSE_WITHOUT_SPONSORS("put changes to the citizens' vote without co-sponsors"),
        /** Delay a passed binding proposal once, by one voting period. */
        VETO("delay a passed proposal once by one voting period");

        private final String description;

        FounderPower(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    private final ParameterSpec threshold;
    private final ParameterSpec name;
    private final Set<FounderPower> founderPowers;
    private final Set<CommunityPower> communityPowers;

    Stage(ParameterSpec threshold, ParameterSpec name, Set<FounderPower> founderPowers,
          Set<CommunityPower> communityPowers) {
        this.threshold = threshold;
        this.name = name;
        this.founderPowers = Collections.unmodifiableSet(EnumSet.copyOf(founderPowers));
        this.communityPowers = Collections.unmodifiableSet(EnumSet.copyOf(communityPowers));
    }

    /** The citizens in good standing at which this stage begins (0 for the first). */
    public long threshold(Parameters p) {
        return threshold == null ? 0 : p.get(threshold);
    }

    public ParameterSpec thresholdSpec() {
        return threshold;
    }

    /** The stage's name, as the charter calls it. */
    public String name(Parameters p) {
        return p.name(name);
    }

    public Set<FounderPower> founderPowers() {
        return founderPowers;
    }

    public Set<CommunityPower> communityPowers() {
        return communityPowers;
    }

    /** The next stage, or null for the last. */
    public Stage next() {
        return ordinal() + 1 < values().length ? values()[ordinal() + 1] : null;
    }

    public String json() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}

package org.phyle.core.proposals;

/** What the citizens may do together; the charter's stage says which of these they hold. */
public enum CommunityPower {
    PROPOSE_SIGNALS("propose and vote on signals"),
    PROPOSE_BINDING("propose and decide any kind of proposal"),
    ELECT_COUNCIL("elect a council that holds the executive powers the charter gives it"),
    AMEND_ANYTHING("change anything in the charter, entrenched articles and the schedule included, by referendum");

    private final String description;

    CommunityPower(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}

package org.phyle.core.land;

/**
 * A named place in a host country, with its tenure rule, its annual tax rate, its minimum price per m² (Harberger)
 * and its steward; established from a funded campaign (which names the campaign) or by a passed proposal.
 */
public record Territory(int number, String name, String country, Tenure tenure, int rateBp, long minPricePerM2,
                        String steward, int campaign, long created, long height) {
    /** The campaign number of a territory created by governance. */
    public static final int BY_GOVERNANCE = -1;
}

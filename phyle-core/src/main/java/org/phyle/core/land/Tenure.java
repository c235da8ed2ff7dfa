package org.phyle.core.land;

import org.phyle.core.Rejection;

/** How a territory's parcels are held and taxed. */
public enum Tenure {
    /** The holder states a price, pays a yearly share of it, and must sell at it (Harberger). */
    HARBERGER("harberger"),
    /** The holder pays a yearly share of the land's value as assessed by governance; buildings are exempt. */
    LAND_VALUE("land-value");

    private final String json;

    Tenure(String json) {
        this.json = json;
    }

    public String json() {
        return json;
    }

    public static Tenure fromJson(String s) {
        for (Tenure t : values()) {
            if (t.json.equals(s)) {
                return t;
            }
        }
        throw new Rejection(LandCode.BAD_TERRITORY, "tenure must be harberger or land-value, not \"" + s + "\"");
    }
}

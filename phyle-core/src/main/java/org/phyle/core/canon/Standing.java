package org.phyle.core.canon;

import org.phyle.core.citizenship.Person;
import org.phyle.core.citizenship.Status;

/** Who a writer was when they wrote: the canon is open to everyone with a key, and shows each writer's standing. */
public enum Standing {
    CITIZEN("citizen"),
    E_RESIDENT("e-resident"),
    HOST_RESIDENT("host-resident"),
    APPLICANT("applicant"),
    OUTSIDER("outsider");

    private final String json;

    Standing(String json) {
        this.json = json;
    }

    public String json() {
        return json;
    }

    /** The standing of the person a key acts for at a time (null: a key nobody registered). */
    public static Standing of(Person p, long time) {
        if (p == null) {
            return OUTSIDER;
        }
        if (p.activeCitizen(time)) {
            return CITIZEN;
        }
        return switch (p.status()) {
            case E_RESIDENT -> E_RESIDENT;
            case HOST_RESIDENT -> HOST_RESIDENT;
            case APPLICANT -> APPLICANT;
            default -> OUTSIDER;
        };
    }
}

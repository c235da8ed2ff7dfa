package org.phyle.core.citizenship;

/** Where a person stands in the registry. A citizen whose renewal is overdue is still CITIZEN, but lapsed. */
public enum Status {
    /** Applied for citizenship; waiting for vouches (or the founder's admission). */
    APPLICANT("applicant"),
    /** A citizen: votes and counts while in good standing (renewed). */
    CITIZEN("citizen"),
    /** Registered, with no vote. */
    E_RESIDENT("e-resident"),
    /** A resident of the host jurisdiction, registered by a host registrar: the pool for outside representation. */
    HOST_RESIDENT("host-resident"),
    /** Removed by a jury as a duplicate or fake. */
    REVOKED("revoked"),
    /** Left of their own will. */
    RENOUNCED("renounced"),
    /** A host residence ended by a registrar. */
    ENDED("ended");

    private final String json;

    Status(String json) {
        this.json = json;
    }

    public String json() {
        return json;
    }

    /** True for the statuses in which a person still acts (their key signs for them). */
    public boolean live() {
        return this == APPLICANT || this == CITIZEN || this == E_RESIDENT || this == HOST_RESIDENT;
    }

    public static Status fromJson(String s) {
        for (Status v : values()) {
            if (v.json.equals(s)) {
                return v;
            }
        }
        throw new IllegalArgumentException("no status " + s);
    }
}

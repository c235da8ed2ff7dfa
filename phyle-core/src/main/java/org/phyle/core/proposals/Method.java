package org.phyle.core.proposals;

import org.phyle.core.Rejection;
import org.phyle.core.tx.TxCode;

/** How a proposal's ballots are counted. No method weights a ballot by any balance. */
public enum Method {
    /** One person one vote: yes, no or abstain. */
    YES_NO("yes-no"),
    /** Voice credits per epoch; n votes on an option cost n^2. */
    QUADRATIC("quadratic"),
    /** Approve any number of options up to a limit; the most approved win. */
    APPROVAL("approval"),
    /** Rank the options; instant runoff for one winner. */
    RANKED("ranked");

    private final String json;

    Method(String json) {
        this.json = json;
    }

    public String json() {
        return json;
    }

    public static Method fromJson(String s) {
        for (Method m : values()) {
            if (m.json.equals(s)) {
                return m;
            }
        }
        throw new Rejection(TxCode.MALFORMED, "body.method must be yes-no, quadratic, approval or ranked, not \"" + s + "\"");
    }
}

package org.phyle.node;

import org.phyle.core.RejectionCode;

/** Why the node, rather than the society's rules, refuses a request. */
public enum NodeCode implements RejectionCode {
    BAD_REQUEST(Kind.MALFORMED, "A query parameter or path segment is missing or not of the expected form."),
    NOT_FOUND(Kind.NOT_FOUND, "No such transaction, block, entry or resource on this node."),
    MEMPOOL_FULL(Kind.UNAVAILABLE, "The node holds as many waiting transactions as it can; retry shortly."),
    NODE_STOPPING(Kind.UNAVAILABLE, "The node is shutting down and takes no more transactions."),
    NODE_FAILED(Kind.UNAVAILABLE, "The node stopped sequencing after a storage failure; its operator must restart it."),
    AREA_IMPRECISE(Kind.RULE, "A new parcel's declared area is more than 1 m² from its geodesic area (GeographicLib, "
            + "WGS 84): this node admits only a tight declaration, though the rules accept a looser one.");

    private final Kind kind;
    private final String meaning;

    NodeCode(Kind kind, String meaning) {
        this.kind = kind;
        this.meaning = meaning;
    }

    @Override
    public Kind kind() {
        return kind;
    }

    @Override
    public String meaning() {
        return meaning;
    }
}

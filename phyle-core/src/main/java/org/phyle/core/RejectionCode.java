package org.phyle.core;

/**
 * A stable reason a transaction or request is refused. Codes never change meaning once published; each mechanism
 * declares its own as an enum implementing this interface.
 */
public interface RejectionCode {
    /** The stable code, e.g. {@code TX_REPLAYED}. */
    String name();

    /** What kind of refusal this is, which adapters map to a protocol status. */
    Kind kind();

    /** One sentence describing when this code is used, for the problem catalogue. */
    String meaning();

    enum Kind {
        /** The input is not well-formed (bad JSON, a missing field, a wrong type). */
        MALFORMED,
        /** A signature or key does not verify. */
        UNAUTHENTICATED,
        /** The input is too large. */
        TOO_LARGE,
        /** The transaction conflicts with one already accepted (replay). */
        CONFLICT,
        /** Well-formed and signed, but the society's rules refuse it now. */
        RULE,
        /** The thing asked about does not exist. */
        NOT_FOUND,
        /** The node cannot take more work right now. */
        UNAVAILABLE
    }
}

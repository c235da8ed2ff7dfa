package org.phyle.core;

/**
 * A refusal with a stable code and a sentence for people, e.g.
 * {@code TX_EXPIRED: transaction expired at 2026-11-21T12:00:00Z, before block time 2026-11-21T12:00:05Z}.
 * Thrown by validation code before anything is changed; carries no stack trace, since it is an answer, not a fault.
 */
public final class Rejection extends RuntimeException {
    private final RejectionCode code;

    public Rejection(RejectionCode code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public RejectionCode code() {
        return code;
    }

    @Override
    public String toString() {
        return code.name() + ": " + getMessage();
    }
}

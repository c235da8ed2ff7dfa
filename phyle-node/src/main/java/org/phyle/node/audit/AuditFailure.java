package org.phyle.node.audit;

/** The first discrepancy an audit found. */
public final class AuditFailure extends RuntimeException {
    public AuditFailure(String message) {
        super(message);
    }

    public AuditFailure(String message, Throwable cause) {
        super(message, cause);
    }
}

package org.phyle.core;

/**
 * A block that cannot be part of this society's ledger: a broken link, a bad signature, a wrong root, or a
 * transaction the rules refuse. Raised by replay and replication, where it means the ledger (or its copy) is damaged.
 */
public final class InvalidBlockException extends RuntimeException {
    private final long height;

    public InvalidBlockException(long height, String message) {
        super("block " + height + ": " + message);
        this.height = height;
    }

    public long height() {
        return height;
    }
}

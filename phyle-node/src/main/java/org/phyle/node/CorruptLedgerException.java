package org.phyle.node;

/**
 * The data directory holds a ledger that is damaged: a block or entry that does not verify, a missing or truncated
 * tail, tiles that disagree with the blocks. The node reports it and does not start on it.
 */
public final class CorruptLedgerException extends RuntimeException {
    public CorruptLedgerException(String message, Throwable cause) {
        super(message, cause);
    }

    public CorruptLedgerException(String message) {
        super(message);
    }
}

package org.phyle.core;

/**
 * A change one mechanism needs in another, as a record: a command ("seat this jury") declared by the mechanism that
 * carries it out, or a notice ("this draw was made") declared by the mechanism that sends it. Effects are the only
 * way a mechanism changes anything outside its own state. {@link Society} routes each to the mechanisms that declare
 * they receive its type, at once and in the order sent, so a run of effects sees the earlier ones done.
 *
 * <p>An effect cannot be refused: its sender checks, through the receiver's read view, everything that could make
 * the receiver refuse it, before the sender changes anything. So a transaction is all or nothing.
 */
public interface Effect {
    /**
     * An effect that tells rather than asks: it may have no receiver in a society whose composition has no mechanism
     * that listens (a command with no receiver is a bug and stops the block).
     */
    interface Notice extends Effect {
    }
}

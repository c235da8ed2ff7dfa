package org.phyle.core;

/**
 * Where a mechanism is while it applies a transaction, receives an effect or ends a block: the block's time and
 * height, the leaf index of the transaction being applied (at the end of a block: the log's size), the society's
 * fixed facts, the read views of the others, and the way to send effects.
 */
public record BlockContext(long time, long height, long leafIndex, Facts facts, Reads reads, Effects effects) {
    /** The parameters in force now (an effect earlier in the same transaction may have changed them). */
    public Parameters parameters() {
        return reads.parameters();
    }

    public <V> V view(Class<V> type) {
        return reads.view(type);
    }

    /** Sends an effect: it takes place now, before this call returns. */
    public void send(Effect effect) {
        effects.send(effect, this);
    }

    /** Where effects go: {@link Society} routes them. */
    public interface Effects {
        void send(Effect effect, BlockContext ctx);
    }
}

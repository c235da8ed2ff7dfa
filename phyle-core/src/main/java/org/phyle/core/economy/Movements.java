package org.phyle.core.economy;

import java.util.ArrayList;
import java.util.List;

/**
 * The movements of money of the last block that moved any, in the order the economy made them: what a node stores as
 * the accounts' history beside the block. It is not part of the state (the state would grow without bound, and the
 * digest does not cover it); it is rebuilt by applying the block again, so replaying the ledger gives the same
 * history. Only movements of transactions that were accepted are listed.
 *
 * <p>It is for the node, not for the rules: no mechanism may read it (a node that started from a snapshot has not
 * listed the blocks before it, so a rule that read it would not be a function of the ledger).
 */
public final class Movements {
    private long height = -1;
    private final List<Movement> list = new ArrayList<>();

    /** The movements of the block at this height, in order; empty if it moved no money (or is not the last one). */
    public List<Movement> ofBlock(long height) {
        return height == this.height ? List.copyOf(list) : List.of();
    }

    void add(Movement m) {
        if (m.height() != height) {
            list.clear();
            height = m.height();
        }
        list.add(m);
    }

    /** Where the list of this block stands, to {@link #rollBack} to if the transaction being applied is refused. */
    int mark(long height) {
        return height == this.height ? list.size() : 0;
    }

    void rollBack(int mark, long height) {
        if (height == this.height) {
            list.subList(mark, list.size()).clear();
        }
    }
}

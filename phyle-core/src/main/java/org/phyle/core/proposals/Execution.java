package org.phyle.core.proposals;

import java.util.List;
import org.phyle.crypto.Hash;

/**
 * An action being carried out: the proposal (or, for the founder's direct amendments, the transaction), when, and the
 * options that won the vote (empty for a direct amendment or a yes/no vote).
 */
public record Execution(Hash proposal, long time, long height, boolean byFounder, List<Integer> winners) {
    public Execution {
        winners = List.copyOf(winners);
    }

    /** Who enacted it, in words: the founder or the proposal. */
    public String authority() {
        return byFounder ? "the founder" : "proposal " + proposal.hex();
    }
}

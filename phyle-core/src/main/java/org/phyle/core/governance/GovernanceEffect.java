package org.phyle.core.governance;

import org.phyle.core.Effect;
import org.phyle.core.proposals.Threshold;
import org.phyle.crypto.Hash;

/** What other mechanisms have governance do; each was checked by its sender through governance's view. */
public sealed interface GovernanceEffect extends Effect {
    /** The founder's suspensive veto of a passed binding proposal (checked: {@link Governance#checkVetoable}). */
    record Veto(Hash proposal) implements GovernanceEffect {
    }

    /**
     * A text of the canon reached its endorsements: put its text amendment to a yes/no vote, sponsored by its
     * endorsers (the sender checked the action and computed the threshold the stage requires).
     */
    record ProposeFromCanon(Hash id, int author, String title, String text,
                            org.phyle.core.charter.Amendments.TextAmendment action, Threshold threshold,
                            int[] endorsers) implements GovernanceEffect {
    }
}

package org.phyle.core.citizenship;

import org.phyle.core.Effect;
import org.phyle.crypto.Hash;

/** A challenge's jury, asked of the sortition mechanism and seated when drawn. */
public sealed interface CitizenshipEffect extends Effect {
    /**
     * A challenge needs a jury of {@code size}, drawn by lot from the citizens in good standing other than these
     * (the person challenged, the challenger and the person's vouchers); the registry checked there are enough.
     */
    record JuryRequested(Hash challenge, int[] excluded, int size) implements CitizenshipEffect {
    }

    /** Seat a challenge's jury, drawn by lot. */
    record SeatJury(Hash challenge, int[] jurors) implements CitizenshipEffect {
    }
}

package org.phyle.core.charter;

import org.phyle.core.Society;
import org.phyle.core.governance.ProposalAction;
import org.phyle.core.governance.Threshold;

/**
 * The thresholds of the current stage for binding proposals: the kind's own minimum for ordinary changes; for
 * anything entrenched (an entrenched article, entrenching or releasing one, the handover schedule, the amendment
 * thresholds themselves) at least {@code charter.entrenchedBp} before the Sovereign stage and
 * {@code charter.referendumBp} in it.
 */
public final class Amendments {
    private Amendments() {
    }

    public static Threshold minimumThreshold(ProposalAction action, Society society) {
        Threshold own = action.minimumThreshold();
        if (!action.entrenched(society)) {
            return own;
        }
        long bp = society.handover().stage() == Stage.SOVEREIGN
                ? society.parameters().get(CharterParams.REFERENDUM_BP)
                : society.parameters().get(CharterParams.ENTRENCHED_BP);
        return Threshold.stricter(own, Threshold.atLeastBp(bp));
    }
}

package org.phyle.core.sortition;

import java.util.List;
import org.phyle.core.Effect;
import org.phyle.crypto.Hash;

/** Draws asked of the sortition mechanism, and what it tells when one is made. */
public sealed interface SortitionEffect extends Effect {
    /**
     * Make a draw of {@code size} from these pool members in this block (the sender checked the pool with
     * {@link Sortition#checkPool}); {@code id} is {@link Sortition#idFor} the purpose and subject.
     */
    record RequestDraw(Hash id, Draw.Purpose purpose, Hash subject, Draw.Pool pool, List<Selection.Member> members,
                       int size, boolean stratify) implements SortitionEffect {
        public RequestDraw {
            members = List.copyOf(members);
        }
    }

    /** A draw was made: these people were chosen, for this purpose and subject (a proposal, a challenge). */
    record DrawMade(Hash draw, Draw.Purpose purpose, Hash subject, int[] selected)
            implements SortitionEffect, Effect.Notice {
    }
}

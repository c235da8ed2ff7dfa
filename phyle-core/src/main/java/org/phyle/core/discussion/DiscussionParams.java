package org.phyle.core.discussion;

import java.util.List;
import org.phyle.core.ParameterSpec;

/** How many comments one writer may make a day: generous for citizens, small for every other key. */
public final class DiscussionParams {
    private DiscussionParams() {
    }

    public static final ParameterSpec COMMENTS_PER_DAY = new ParameterSpec("discussion.commentsPerDay", 50, 1,
            100_000, "comments", "How many comments and replies a citizen may write per day.");
    public static final ParameterSpec OTHERS_COMMENTS_PER_DAY = new ParameterSpec("discussion.othersCommentsPerDay",
            5, 0, 100_000, "comments", "How many comments and replies each key that is not a citizen's may write per "
            + "day.");

    public static final List<ParameterSpec> ALL = List.of(COMMENTS_PER_DAY, OTHERS_COMMENTS_PER_DAY);
}

package org.phyle.core.guestbook;

import java.util.ArrayList;
import java.util.List;

/** The guestbook's state, and its read view: the lines signed, in order. */
public final class Guestbook {
    final List<String> lines = new ArrayList<>();
    int cleared;

    public List<String> lines() {
        return List.copyOf(lines);
    }

    /** How many times a decision of the society cleared it. */
    public int cleared() {
        return cleared;
    }
}

package org.phyle.core.canon;

import java.util.List;
import org.phyle.core.ParameterSpec;

/**
 * How much the canon takes from one writer: generous for citizens, small for everyone else (the canon is open to
 * outsiders who think well — the "first Polynyas" a society hopes for — but a fresh key costs nothing to make).
 */
public final class CanonParams {
    private CanonParams() {
    }

    public static final ParameterSpec TEXTS_PER_WEEK = new ParameterSpec("canon.textsPerWeek", 20, 1, 10_000, "texts",
            "How many essays and proposed articles a citizen may publish in the canon per week.");
    public static final ParameterSpec OTHERS_TEXTS_PER_WEEK = new ParameterSpec("canon.othersTextsPerWeek", 2, 0,
            10_000, "texts", "How many essays each key that is not a citizen's may publish in the canon per week.");

    public static final List<ParameterSpec> ALL = List.of(TEXTS_PER_WEEK, OTHERS_TEXTS_PER_WEEK);
}

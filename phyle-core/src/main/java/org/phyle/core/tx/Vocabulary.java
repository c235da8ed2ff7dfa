package org.phyle.core.tx;

import java.util.HashMap;
import java.util.Map;

/**
 * What a body reader may need to resolve beyond the JSON itself, by type: the proposal kinds and the parameters the
 * society's mechanisms declare. The society composes it; readers look up what they need ({@link Fields#vocabulary}).
 */
public final class Vocabulary {
    public static final Vocabulary EMPTY = new Vocabulary(Map.of());

    private final Map<Class<?>, Object> entries;

    private Vocabulary(Map<Class<?>, Object> entries) {
        this.entries = Map.copyOf(entries);
    }

    /** This vocabulary with one more entry. */
    public <T> Vocabulary with(Class<T> type, T value) {
        Map<Class<?>, Object> copy = new HashMap<>(entries);
        copy.put(type, value);
        return new Vocabulary(copy);
    }

    public <T> T get(Class<T> type) {
        Object v = entries.get(type);
        if (v == null) {
            throw new IllegalStateException("the vocabulary has no " + type.getName());
        }
        return type.cast(v);
    }
}

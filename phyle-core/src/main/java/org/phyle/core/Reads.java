package org.phyle.core;

import java.util.HashMap;
import java.util.Map;

/**
 * The read views of a society's mechanisms, by type: what one mechanism may know of another. A view is the public,
 * read-only face of a mechanism's state (its mutators are package-private), so holding one changes nothing. Which
 * views a mechanism may name is fixed by the layering in {@code docs/architecture.md}: a package imports only the
 * packages below it, so it cannot even name the view of a mechanism above it.
 */
public final class Reads {
    private final Map<Class<?>, Object> views = new HashMap<>();

    /** Registers a view; a type is offered once. */
    <V> void offer(View<V> view) {
        if (views.putIfAbsent(view.type(), view.view()) != null) {
            throw new IllegalStateException("two mechanisms offer a view of type " + view.type().getName());
        }
    }

    /** The view of this type; a mechanism that is not composed into this society has none. */
    public <V> V view(Class<V> type) {
        Object v = views.get(type);
        if (v == null) {
            throw new IllegalStateException("no mechanism offers a view of type " + type.getName());
        }
        return type.cast(v);
    }

    /** The parameters in force (offered by the charter). */
    public Parameters parameters() {
        return view(ParametersInForce.class).parameters();
    }

    /** The time of the last block applied (before the one being made), ms since the epoch. */
    public long lastBlockTime() {
        return view(Head.class).time();
    }

    /** What offers the parameters in force: the charter. */
    public interface ParametersInForce {
        Parameters parameters();
    }

    /** The last block applied: offered by the society itself. */
    public interface Head {
        long height();

        long time();
    }
}

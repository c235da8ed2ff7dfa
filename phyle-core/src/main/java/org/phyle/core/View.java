package org.phyle.core;

/** A read view a mechanism offers the others: its type, and the object that answers (read-only to other packages). */
public record View<V>(Class<V> type, V view) {
}

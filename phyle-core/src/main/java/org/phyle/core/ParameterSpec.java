package org.phyle.core;

/**
 * A society parameter a mechanism reads: an integer with a default, a range and a unit, a list of keys (did:key)
 * with a bound on its length, or a name (one line of text). Once published, a parameter's default never changes, so
 * that a genesis that omits it means the same thing forever.
 *
 * @param min for a list of keys: the fewest keys; for a name: the shortest
 * @param max for a list of keys: the most keys; for a name: the longest
 * @param defaultText for a name: its default (null for other kinds)
 */
public record ParameterSpec(String name, Kind kind, long defaultValue, long min, long max, String unit,
                            String meaning, String defaultText) {

    public enum Kind {
        INTEGER,
        /** A list of did:keys; its default is the empty list. */
        KEYS,
        /** One line of text, such as the name of a stage. */
        NAME
    }

    public ParameterSpec {
        if (!name.matches("[a-z]+\\.[a-z][a-zA-Z]*")) {
            throw new IllegalArgumentException("a parameter is <mechanism>.<name>: " + name);
        }
        if (kind == Kind.INTEGER && (defaultValue < min || defaultValue > max)) {
            throw new IllegalArgumentException(name + ": default outside its range");
        }
    }

    /** An integer parameter. */
    public ParameterSpec(String name, long defaultValue, long min, long max, String unit, String meaning) {
        this(name, Kind.INTEGER, defaultValue, min, max, unit, meaning, null);
    }

    /** A list of at most maxKeys did:keys, empty by default. */
    public static ParameterSpec keys(String name, int maxKeys, String meaning) {
        return new ParameterSpec(name, Kind.KEYS, 0, 0, maxKeys, "keys", meaning, null);
    }

    /** A name: one line of 1 to 60 characters. */
    public static ParameterSpec name(String name, String defaultText, String meaning) {
        return new ParameterSpec(name, Kind.NAME, 0, 1, 60, "name", meaning, defaultText);
    }
}

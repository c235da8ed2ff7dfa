package org.phyle.core;

/**
 * A society parameter a mechanism reads: an integer with a default, a range and a unit, or a list of keys (did:key)
 * with a bound on its length. Once published, a parameter's default never changes, so that a genesis that omits it
 * means the same thing forever.
 *
 * @param min for a list of keys: the fewest keys
 * @param max for a list of keys: the most keys
 */
public record ParameterSpec(String name, Kind kind, long defaultValue, long min, long max, String unit,
                            String meaning) {

    public enum Kind {
        INTEGER,
        /** A list of did:keys; its default is the empty list. */
        KEYS
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
        this(name, Kind.INTEGER, defaultValue, min, max, unit, meaning);
    }

    /** A list of at most maxKeys did:keys, empty by default. */
    public static ParameterSpec keys(String name, int maxKeys, String meaning) {
        return new ParameterSpec(name, Kind.KEYS, 0, 0, maxKeys, "keys", meaning);
    }
}

package org.phyle.core;

/**
 * A society parameter a mechanism reads: an integer with a default, a range and a unit. Once published, a
 * parameter's default never changes, so that a genesis that omits it means the same thing forever.
 */
public record ParameterSpec(String name, long defaultValue, long min, long max, String unit, String meaning) {
    public ParameterSpec {
        if (!name.matches("[a-z]+\\.[a-z][a-zA-Z]*")) {
            throw new IllegalArgumentException("a parameter is <mechanism>.<name>: " + name);
        }
        if (defaultValue < min || defaultValue > max) {
            throw new IllegalArgumentException(name + ": default outside its range");
        }
    }
}

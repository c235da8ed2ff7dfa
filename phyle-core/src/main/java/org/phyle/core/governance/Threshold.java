package org.phyle.core.governance;

import org.phyle.core.Rejection;
import org.phyle.core.tx.TxCode;

/**
 * The share of yes among yes and no that a yes/no vote needs, as an exact fraction: "majority" is more than 1/2,
 * "three-fifths", "two-thirds" and "three-quarters" are at least that fraction, "unanimity" is every non-abstaining vote.
 */
public record Threshold(String name, long numerator, long denominator, boolean strict) {

    public static Threshold named(String name) {
        return switch (name) {
            case "majority" -> new Threshold(name, 1, 2, true);
            case "three-fifths" -> new Threshold(name, 3, 5, false);
            case "two-thirds" -> new Threshold(name, 2, 3, false);
            case "three-quarters" -> new Threshold(name, 3, 4, false);
            case "unanimity" -> new Threshold(name, 1, 1, false);
            default -> throw new Rejection(TxCode.MALFORMED, "body.threshold must be majority, three-fifths, two-thirds, "
                    + "three-quarters or unanimity, not \"" + name + "\"");
        };
    }

    /** True if yes out of yes + no meets the threshold (with no votes at all, it does not). */
    public boolean met(long yes, long no) {
        long decided = yes + no;
        if (decided == 0) {
            return false;
        }
        long lhs = yes * denominator;
        long rhs = numerator * decided;
        return strict ? lhs > rhs : lhs >= rhs;
    }

    /** True if this threshold is at least as demanding as the other. */
    public boolean atLeast(Threshold other) {
        long a = numerator * other.denominator;
        long b = other.numerator * denominator;
        return a > b || (a == b && (strict || !other.strict));
    }
}

package org.phyle.core.proposals;

import org.phyle.core.Rejection;
import org.phyle.core.tx.TxCode;

/**
 * The share of yes among yes and no that a yes/no vote needs, as an exact fraction: "majority" is more than 1/2,
 * "three-fifths", "two-thirds" and "three-quarters" are at least that fraction, "unanimity" is every non-abstaining vote,
 * and "NNNNbp" (5001 to 10000 basis points, e.g. "6667bp") is at least NNNN/10000.
 */
public record Threshold(String name, long numerator, long denominator, boolean strict) {

    public static Threshold named(String name) {
        return switch (name) {
            case "majority" -> new Threshold(name, 1, 2, true);
            case "three-fifths" -> new Threshold(name, 3, 5, false);
            case "two-thirds" -> new Threshold(name, 2, 3, false);
            case "three-quarters" -> new Threshold(name, 3, 4, false);
            case "unanimity" -> new Threshold(name, 1, 1, false);
            default -> {
                if (name.matches("[0-9]{4,5}bp")) {
                    long bp = Long.parseLong(name.substring(0, name.length() - 2));
                    if (bp >= 5_001 && bp <= 10_000) {
                        yield atLeastBp(bp);
                    }
                }
                throw new Rejection(TxCode.MALFORMED, "body.threshold must be majority, three-fifths, two-thirds, "
                        + "three-quarters, unanimity or 5001bp to 10000bp, not \"" + name + "\"");
            }
        };
    }

    /** At least bp / 10000 of yes among yes and no. */
    public static Threshold atLeastBp(long bp) {
        return new Threshold(bp + "bp", bp, 10_000, false);
    }

    /** The stricter of the two. */
    public static Threshold stricter(Threshold a, Threshold b) {
        return a.atLeast(b) ? a : b;
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

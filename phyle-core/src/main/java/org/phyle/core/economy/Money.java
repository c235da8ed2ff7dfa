package org.phyle.core.economy;

import java.math.BigInteger;
import org.phyle.core.Rejection;

/** Exact arithmetic on minor units: a sum that would overflow is refused, never wrapped. */
public final class Money {
    private Money() {
    }

    public static long add(long a, long b) {
        try {
            return Math.addExact(a, b);
        } catch (ArithmeticException e) {
            throw new Rejection(EconomyCode.AMOUNT_OVERFLOW, a + " + " + b + " minor units overflows");
        }
    }

    public static long sub(long a, long b) {
        try {
            return Math.subtractExact(a, b);
        } catch (ArithmeticException e) {
            throw new Rejection(EconomyCode.AMOUNT_OVERFLOW, a + " - " + b + " minor units overflows");
        }
    }

    /** Throws unless the amount is a positive number of minor units. */
    public static void positive(long amount) {
        if (amount <= 0) {
            throw new Rejection(EconomyCode.AMOUNT_NOT_POSITIVE, "the amount must be positive, not " + amount);
        }
    }

    /** floor(a * b / c) for a, b >= 0 and c > 0, exactly (128-bit when a * b does not fit a long). */
    public static long mulDiv(long a, long b, long c) {
        if (Math.multiplyHigh(a, b) == 0) {
            long p = a * b;
            if (p >= 0) {
                return p / c;
            }
        }
        return BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)).divide(BigInteger.valueOf(c)).longValueExact();
    }

    /** The integer square root: the largest r with r * r <= n, for n >= 0. No floating point. */
    public static long isqrt(long n) {
        if (n < 0) {
            throw new IllegalArgumentException("negative");
        }
        if (n < 2) {
            return n;
        }
        int bits = 64 - Long.numberOfLeadingZeros(n);
        long x = 1L << ((bits + 1) / 2); // >= sqrt(n)
        while (true) {
            long y = (x + n / x) >>> 1;
            if (y >= x) {
                return x;
            }
            x = y;
        }
    }

    /** Minor units as a decimal with six places, e.g. 1500000 → "1.500000". */
    public static String format(long minor) {
        String sign = minor < 0 ? "-" : "";
        long a = Math.abs(minor);
        return sign + a / EconomyParams.UNIT + "." + String.format(java.util.Locale.ROOT, "%06d", a % EconomyParams.UNIT);
    }
}

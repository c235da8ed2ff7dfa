package org.phyle.core.land;

import java.math.BigInteger;

/**
 * The exact arithmetic of a tax that accrues in block time: {@code base × rateBp / 10000} a year of 365 days, per
 * millisecond, with the part of a minor unit not yet due kept as a named remainder (a numerator over
 * {@link #PER_YEAR}), so that settling often or seldom pays exactly the same. Products reach 128 bits (a price of
 * 10^18 at 10000 bp over years), so they are taken in {@link BigInteger}: this runs only when a parcel is touched,
 * never per block per parcel.
 */
final class Accrual {
    private Accrual() {
    }

    static final long YEAR_MS = 365L * 86_400_000L;
    /** The denominator of the remainder: 10000 basis points times the milliseconds of a year. */
    static final long PER_YEAR = 10_000L * YEAR_MS;
    private static final BigInteger Q = BigInteger.valueOf(PER_YEAR);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    /** Tax due and the remainder carried, after accruing over some milliseconds. */
    record Owed(long tax, long remainder) {
    }

    /** floor((base × rateBp × ms + remainder) / PER_YEAR), and what is left over; tax saturates at Long.MAX_VALUE. */
    static Owed owed(long base, long rateBp, long ms, long remainder) {
        if (base == 0 || rateBp == 0 || ms <= 0) {
            return new Owed(0, remainder);
        }
        BigInteger n = BigInteger.valueOf(base).multiply(BigInteger.valueOf(rateBp)).multiply(BigInteger.valueOf(ms))
                .add(BigInteger.valueOf(remainder));
        BigInteger[] qr = n.divideAndRemainder(Q);
        return new Owed(qr[0].min(LONG_MAX).longValueExact(), qr[1].longValueExact());
    }

    /**
     * The same at a rate that is a fraction of basis points, {@code rateNum / rateDen} (the building tax's
     * {@code 250 × (N + D − A) / N}): the remainder is then over {@code PER_YEAR × rateDen}.
     */
    static Owed owed(long base, long rateNum, long rateDen, long ms, long remainder) {
        if (base == 0 || rateNum == 0 || ms <= 0) {
            return new Owed(0, remainder);
        }
        BigInteger n = BigInteger.valueOf(base).multiply(BigInteger.valueOf(rateNum)).multiply(BigInteger.valueOf(ms))
                .add(BigInteger.valueOf(remainder));
        BigInteger[] qr = n.divideAndRemainder(Q.multiply(BigInteger.valueOf(rateDen)));
        return new Owed(qr[0].min(LONG_MAX).longValueExact(), qr[1].longValueExact());
    }

    /**
     * A remainder over {@code PER_YEAR × from} carried to one over {@code PER_YEAR × to}, rounding down: when a new
     * ring changes a building's denominator, less than {@code 1 / (PER_YEAR × to)} of a minor unit is dropped.
     */
    static long rescale(long remainder, long from, long to) {
        return BigInteger.valueOf(remainder).multiply(BigInteger.valueOf(to)).divide(BigInteger.valueOf(from))
                .longValueExact();
    }

    /**
     * The first time at or after {@code from} at which the tax accrued since {@code from} (with the remainder carried)
     * reaches the deposit: the deposit is used up then. Long.MAX_VALUE if no tax accrues.
     */
    static long exhaustedAt(long base, long rateBp, long deposit, long remainder, long from) {
        if (base == 0 || rateBp == 0) {
            return Long.MAX_VALUE;
        }
        // smallest ms with base × rate × ms + remainder >= deposit × PER_YEAR
        BigInteger need = BigInteger.valueOf(deposit).multiply(Q).subtract(BigInteger.valueOf(remainder));
        if (need.signum() <= 0) {
            return from;
        }
        BigInteger perMs = BigInteger.valueOf(base).multiply(BigInteger.valueOf(rateBp));
        BigInteger[] qr = need.divideAndRemainder(perMs);
        BigInteger ms = qr[1].signum() == 0 ? qr[0] : qr[0].add(BigInteger.ONE);
        BigInteger at = ms.add(BigInteger.valueOf(from));
        return at.compareTo(LONG_MAX) >= 0 ? Long.MAX_VALUE : at.longValueExact();
    }
}

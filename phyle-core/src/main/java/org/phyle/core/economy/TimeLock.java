package org.phyle.core.economy;

/** A time lock or vesting schedule: released linearly from start to end, nothing before the cliff. */
final class TimeLock {
    final int id;
    final String owner;
    final long amount;
    final long start;
    final long cliff;
    final long end;
    /** {@code holder} for a lock of the owner's own money, else who granted it (a proposal). */
    final String source;
    long claimed;

    TimeLock(int id, String owner, long amount, long start, long cliff, long end, String source) {
        this.id = id;
        this.owner = owner;
        this.amount = amount;
        this.start = start;
        this.cliff = cliff;
        this.end = end;
        this.source = source;
    }

    /** floor(amount * (t - start) / (end - start)) between the cliff and the end; all of it from the end. */
    long released(long t) {
        if (t >= end) {
            return amount;
        }
        if (t < cliff || t <= start) {
            return 0;
        }
        return Money.mulDiv(amount, t - start, end - start);
    }

    Economy.LockView view(long t) {
        long r = released(t);
        return new Economy.LockView(id, owner, amount, start, cliff, end, r, claimed, amount - r, source);
    }
}

package org.phyle.node;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/**
 * A clock that runs with the system's but can be stepped forward, never back: the demo writes a history of months in
 * seconds by starting in the past and stepping to the present, and tests step past a vote's close instead of waiting
 * a week. Block times stay monotonic because the offset only ever grows.
 */
public final class SteppedClock implements InstantSource {
    private volatile long offsetMs;

    /** A clock that reads {@code start} now and runs on from there. */
    public SteppedClock(Instant start) {
        this.offsetMs = start.toEpochMilli() - System.currentTimeMillis();
    }

    /** A clock that reads the system's time. */
    public static SteppedClock system() {
        return new SteppedClock(Instant.now());
    }

    @Override
    public long millis() {
        return System.currentTimeMillis() + offsetMs;
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis());
    }

    /** Steps forward by the duration. */
    public synchronized void step(Duration d) {
        if (d.isNegative()) {
            throw new IllegalArgumentException("a clock steps forward only, not by " + d);
        }
        offsetMs += d.toMillis();
    }

    /** Steps forward to the instant (if it is ahead; a clock never goes back). */
    public synchronized void stepTo(long epochMs) {
        long now = millis();
        if (epochMs > now) {
            offsetMs += epochMs - now;
        }
    }

    /** Steps forward to the system's time, if behind it: from here on it reads the same as the system clock. */
    public synchronized void catchUp() {
        if (offsetMs < 0) {
            offsetMs = 0;
        }
    }
}

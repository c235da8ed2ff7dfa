package org.phyle.crypto.ring;

import java.security.SecureRandom;
import java.util.SplittableRandom;

/** A SecureRandom that is not: the same seed gives the same bytes, so signatures in tests are reproducible. */
final class SeededRandom extends SecureRandom {
    private final SplittableRandom random;

    SeededRandom(long seed) {
        this.random = new SplittableRandom(seed);
    }

    @Override
    public void nextBytes(byte[] bytes) {
        random.nextBytes(bytes);
    }
}

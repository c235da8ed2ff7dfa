package org.phyle.core.land;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The tax's arithmetic: exact beyond 64 bits, the same paid in one settlement or many, and the exhaustion time. */
class AccrualTest {
    static final long YEAR = Accrual.YEAR_MS;

    @Test
    void productsBeyondSixtyFourBitsAreExact() {
        // 9e15 minor units at 100% for ten years: the numerator is about 2.8e31
        long base = 9_000_000_000_000_000L;
        Accrual.Owed o = Accrual.owed(base, 10_000, 10 * YEAR, 0);
        assertThat(o.tax()).isEqualTo(90_000_000_000_000_000L);
        assertThat(o.remainder()).isZero();
        BigInteger n = BigInteger.valueOf(base).multiply(BigInteger.valueOf(7)).multiply(BigInteger.valueOf(12_345));
        Accrual.Owed p = Accrual.owed(base, 7, 12_345, 0);
        assertThat(BigInteger.valueOf(p.tax()).multiply(BigInteger.valueOf(Accrual.PER_YEAR))
                .add(BigInteger.valueOf(p.remainder()))).isEqualTo(n);
    }

    @Test
    void manySettlementsPayExactlyWhatOneDoes() {
        Random rnd = new Random(7);
        for (int run = 0; run < 200; run++) {
            long base = 1 + rnd.nextLong(1L << 50);
            long rate = 1 + rnd.nextInt(10_000);
            long total = 1 + rnd.nextLong(5 * YEAR);
            long paid = 0;
            long remainder = 0;
            long at = 0;
            while (at < total) {
                long step = Math.min(total - at, 1 + rnd.nextLong(YEAR / 3));
                Accrual.Owed o = Accrual.owed(base, rate, step, remainder);
                paid += o.tax();
                remainder = o.remainder();
                at += step;
            }
            assertThat(paid).isEqualTo(Accrual.owed(base, rate, total, 0).tax());
        }
    }

    @Test
    void theDepositRunsOutAtTheFirstMillisecondTheTaxReachesIt() {
        Random rnd = new Random(11);
        for (int run = 0; run < 200; run++) {
            long base = 1 + rnd.nextLong(1L << 40);
            long rate = 1 + rnd.nextInt(10_000);
            long deposit = 1 + rnd.nextLong(1L << 30);
            long remainder = rnd.nextLong(Accrual.PER_YEAR);
            long from = 1_800_000_000_000L;
            long t = Accrual.exhaustedAt(base, rate, deposit, remainder, from);
            assertThat(Accrual.owed(base, rate, t - from, remainder).tax()).isGreaterThanOrEqualTo(deposit);
            if (t > from) {
                assertThat(Accrual.owed(base, rate, t - from - 1, remainder).tax()).isLessThan(deposit);
            }
        }
        assertThat(Accrual.exhaustedAt(0, 500, 10, 0, 5)).isEqualTo(Long.MAX_VALUE);
        assertThat(Accrual.exhaustedAt(10, 0, 10, 0, 5)).isEqualTo(Long.MAX_VALUE);
    }
}

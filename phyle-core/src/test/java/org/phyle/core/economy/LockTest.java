package org.phyle.core.economy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.phyle.crypto.SigningKey;

/** Time locks and vesting schedules: locked money cannot be spent; what is released becomes spendable with time. */
class LockTest {
    static final long U = Market.UNIT;
    static final long DAY = Economy.DAY;
    final Market m = new Market(3);

    @Test
    void aHolderLocksMoneyThatIsReleasedLinearlyAfterTheCliff() {
        m.grant(m.did(1), 100 * U);
        SigningKey c1 = m.citizen(1);
        long start = m.now;
        m.ok(c1, new EconomyTx.Lock(60 * U, Optional.of(start + 10 * DAY), start + 100 * DAY));
        assertThat(m.spendable(c1)).isEqualTo(40 * U);
        assertThat(m.economy().locked(m.did(1), m.now)).isEqualTo(60 * U);
        m.refused(c1, new EconomyTx.Transfer(m.citizen(2).verifyingKey(), 40 * U + 1), EconomyCode.FUNDS_LOCKED);
        m.ok(c1, new EconomyTx.Transfer(m.citizen(2).verifyingKey(), 40 * U));
        m.at(start + 5 * DAY); // before the cliff nothing is released
        assertThat(m.spendable(c1)).isZero();
        m.refused(c1, new EconomyTx.Transfer(m.citizen(2).verifyingKey(), 1), EconomyCode.FUNDS_LOCKED);
        m.at(start + 10 * DAY); // at the cliff: 10 of 100 days
        assertThat(m.spendable(c1)).isEqualTo(6 * U);
        m.refused(c1, new EconomyTx.Transfer(m.citizen(2).verifyingKey(), 6 * U + 1), EconomyCode.FUNDS_LOCKED);
        m.ok(c1, new EconomyTx.Transfer(m.citizen(2).verifyingKey(), 6 * U));
        m.at(start + 50 * DAY);
        assertThat(m.spendable(c1)).isEqualTo(24 * U);
        assertThat(m.economy().locked(m.did(1), m.now)).isEqualTo(30 * U);
        m.assertConserved();
        m.at(start + 100 * DAY);
        assertThat(m.spendable(c1)).isEqualTo(54 * U);
        assertThat(m.economy().locked(m.did(1), m.now)).isZero();
        m.ok(c1, new EconomyTx.Transfer(m.citizen(2).verifyingKey(), 54 * U));
        assertThat(m.spendable(c1)).isZero();
        m.assertConserved();
        assertThat(m.replay().digest()).isEqualTo(m.society.digest());
    }

    @Test
    void aPlainTimeLockReleasesEverythingAtItsEnd() {
        m.grant(m.did(1), 10 * U);
        long end = m.now + 30 * DAY;
        m.ok(m.citizen(1), new EconomyTx.Lock(10 * U, Optional.of(end), end));
        m.at(end - 1);
        assertThat(m.spendable(m.citizen(1))).isZero();
        m.at(end);
        assertThat(m.spendable(m.citizen(1))).isEqualTo(10 * U);
    }

    @Test
    void badLocksAreRefusedAndChangeNothing() {
        m.grant(m.did(1), 10 * U);
        SigningKey c1 = m.citizen(1);
        m.refused(c1, new EconomyTx.Lock(U, Optional.empty(), m.now), EconomyCode.BAD_SCHEDULE);
        m.refused(c1, new EconomyTx.Lock(U, Optional.of(m.now + 2 * DAY), m.now + DAY), EconomyCode.BAD_SCHEDULE);
        m.refused(c1, new EconomyTx.Lock(U, Optional.of(m.now - 1), m.now + DAY), EconomyCode.BAD_SCHEDULE);
        m.refused(c1, new EconomyTx.Lock(0, Optional.empty(), m.now + DAY), EconomyCode.AMOUNT_NOT_POSITIVE);
        m.refused(c1, new EconomyTx.Lock(11 * U, Optional.empty(), m.now + DAY), EconomyCode.INSUFFICIENT_FUNDS);
        m.ok(c1, new EconomyTx.Lock(10 * U, Optional.empty(), m.now + DAY));
        // locking locked money again is spending it
        m.refused(c1, new EconomyTx.Lock(U, Optional.empty(), m.now + DAY), EconomyCode.FUNDS_LOCKED);
    }

    @Test
    void aTreasurySpendCanVestInsteadOfPayingAtOnce() {
        SigningKey builder = Market.stranger(1);
        m.pass("treasury-spend", new EconomyActions.TreasurySpend(builder.verifyingKey().did(), 100 * U, "works",
                "the bridge, vested over 10 days after a 2-day cliff", 10, 2));
        Economy.LockView lock = m.economy().locksOf(builder.verifyingKey().did(), m.now).get(0);
        assertThat(lock.amount()).isEqualTo(100 * U);
        assertThat(lock.source()).startsWith("proposal ");
        assertThat(m.spendable(builder)).isLessThan(100 * U);
        m.at(lock.start() + 2 * DAY - 1);
        assertThat(m.spendable(builder)).isZero();
        m.at(lock.start() + 2 * DAY);
        assertThat(m.spendable(builder)).isEqualTo(20 * U);
        m.at(lock.start() + 10 * DAY);
        assertThat(m.spendable(builder)).isEqualTo(100 * U);
        m.assertConserved();
    }
}

package org.phyle.core.economy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.phyle.core.Catalog;
import org.phyle.crypto.SigningKey;

/** The citizen dividend: a share of the period's revenue, equally to every citizen in good standing. */
class DividendTest {
    static final long U = Market.UNIT;
    static final long DAY = Economy.DAY;
    final Market m = new Market(3, Catalog.defaultParameters().with("economy.dividendShareBp", 5_000)
            .with("economy.dividendPeriodDays", 7));
    final SigningKey trader = Market.stranger(1);

    @Test
    void aShareOfTheRevenueIsPaidEquallyAndTheRemainderStays() {
        m.grant(trader.verifyingKey().did(), 100 * U);
        m.ok(trader, EconomyTx.Transfer.toTreasury(10 * U + 1, "market tax", true));
        m.ok(trader, EconomyTx.Transfer.toTreasury(5 * U, "a gift, not revenue", false));
        assertThat(m.economy().revenueInPeriod()).isEqualTo(10 * U + 1);
        long treasury = m.economy().treasury();
        m.at(Market.T0 + 7 * DAY);
        // half of 10.000001 = 5.000000 (rounded down); three citizens get 1.666666 each; 0.000002 stays
        Economy.Dividend d = m.economy().dividends().get(0);
        assertThat(d.pot()).isEqualTo(5_000_000);
        assertThat(d.citizens()).isEqualTo(3);
        assertThat(d.each()).isEqualTo(1_666_666);
        assertThat(d.remainder()).isEqualTo(2);
        for (int i = 0; i < 3; i++) {
            assertThat(m.spendable(m.citizen(i))).isEqualTo(1_666_666);
        }
        assertThat(m.economy().treasury()).isEqualTo(treasury - 3 * 1_666_666);
        assertThat(m.spendable(trader)).isEqualTo(100 * U - 15 * U - 1); // not a citizen: no dividend
        assertThat(m.economy().revenueInPeriod()).isZero();
        assertThat(m.economy().nextDividendAt()).isEqualTo(Market.T0 + 14 * DAY);
        // a period without revenue pays nothing
        m.at(Market.T0 + 14 * DAY);
        assertThat(m.economy().dividends()).hasSize(1);
        m.assertConserved();
        assertThat(m.replay().digest()).isEqualTo(m.society.digest());
    }
}

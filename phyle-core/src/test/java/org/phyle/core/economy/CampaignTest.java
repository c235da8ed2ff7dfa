package org.phyle.core.economy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.phyle.crypto.SigningKey;

/** Crowdfunded territory: pledges in escrow; funded at the deadline into the land budget, or refunded. */
class CampaignTest {
    static final long U = Market.UNIT;
    static final long DAY = Economy.DAY;
    final Market m = new Market(4);
    final SigningKey patron = Market.stranger(3);

    CampaignTest() {
        m.grant(m.did(0), 1_000 * U);
        for (int i = 1; i < 4; i++) {
            m.ok(m.founder, new EconomyTx.Transfer(m.citizen(i).verifyingKey(), 100 * U));
        }
        m.ok(m.founder, new EconomyTx.Transfer(patron.verifyingKey(), 100 * U));
    }

    EconomyTx.Campaign campaign(long target, long deadline) {
        return new EconomyTx.Campaign("The olive grove", "Two hectares of olive trees near the coast.", "PT", target,
                deadline, m.citizen(1).verifyingKey());
    }

    @Test
    void aCampaignThatReachesItsTargetFundsTheLandBudgetAndAPendingTerritory() {
        long deadline = m.now + 30 * DAY;
        m.ok(m.citizen(1), campaign(150 * U, deadline));
        m.ok(m.citizen(1), new EconomyTx.Pledge(0, 60 * U));
        m.ok(m.citizen(2), new EconomyTx.Pledge(0, 60 * U));
        m.ok(patron, new EconomyTx.Pledge(0, 40 * U)); // anyone may pledge
        assertThat(m.economy().campaign(0).orElseThrow().escrow()).isEqualTo(160 * U);
        assertThat(m.economy().patronOf(patron.verifyingKey().did())).containsExactly(0);
        m.assertConserved();
        long treasury = m.economy().treasury();
        assertThat(m.society.nextDue()).isLessThanOrEqualTo(deadline);
        m.at(deadline); // settled at the end of the block at the deadline
        Economy.Campaign c = m.economy().campaign(0).orElseThrow();
        assertThat(c.state()).isEqualTo(Economy.Campaign.State.FUNDED);
        assertThat(c.escrow()).isZero();
        assertThat(m.economy().treasuryLand()).isEqualTo(160 * U);
        assertThat(m.economy().treasury()).isEqualTo(treasury + 160 * U);
        assertThat(m.economy().territories()).singleElement().satisfies(t -> {
            assertThat(t.country()).isEqualTo("PT");
            assertThat(t.amount()).isEqualTo(160 * U);
            assertThat(t.status()).isEqualTo("pending");
        });
        m.refused(patron, new EconomyTx.Pledge(0, U), EconomyCode.CAMPAIGN_CLOSED);
        // the land budget pays land spends only; other spends draw on the general budget
        m.pass("treasury-spend", new EconomyActions.TreasurySpend(m.did(3), 100 * U, "land", "the deposit"));
        assertThat(m.economy().treasuryLand()).isEqualTo(60 * U);
        m.assertConserved();
        assertThat(m.replay().digest()).isEqualTo(m.society.digest());
    }

    @Test
    void aCampaignThatMissesItsTargetRefundsEveryPledgeAtTheDeadline() {
        long deadline = m.now + 30 * DAY;
        m.ok(m.citizen(1), campaign(500 * U, deadline));
        m.ok(m.citizen(2), new EconomyTx.Pledge(0, 60 * U));
        m.ok(m.citizen(2), new EconomyTx.Pledge(0, 10 * U));
        m.ok(patron, new EconomyTx.Pledge(0, 40 * U));
        assertThat(m.spendable(patron)).isEqualTo(60 * U);
        m.at(deadline);
        assertThat(m.economy().campaign(0).orElseThrow().state()).isEqualTo(Economy.Campaign.State.REFUNDED);
        assertThat(m.spendable(patron)).isEqualTo(100 * U);
        assertThat(m.spendable(m.citizen(2))).isEqualTo(100 * U);
        assertThat(m.economy().territories()).isEmpty();
        assertThat(m.economy().patronOf(patron.verifyingKey().did())).containsExactly(0); // still a patron
        m.assertConserved();
        assertThat(m.replay().digest()).isEqualTo(m.society.digest());
    }

    @Test
    void badCampaignsAndPledgesAreRefusedAndChangeNothing() {
        m.refused(m.citizen(1), campaign(100 * U, m.now), EconomyCode.BAD_CAMPAIGN);
        m.refused(m.citizen(1), campaign(100 * U, m.now + 400 * DAY), EconomyCode.BAD_CAMPAIGN);
        m.refused(m.citizen(1), campaign(0, m.now + DAY), EconomyCode.AMOUNT_NOT_POSITIVE);
        m.refused(patron, campaign(100 * U, m.now + DAY), org.phyle.core.citizenship.CitizenshipCode.NOT_REGISTERED);
        m.ok(m.citizen(1), campaign(100 * U, m.now + DAY));
        m.refused(patron, new EconomyTx.Pledge(1, U), EconomyCode.UNKNOWN_CAMPAIGN);
        m.refused(patron, new EconomyTx.Pledge(0, -1), EconomyCode.AMOUNT_NOT_POSITIVE);
        m.refused(patron, new EconomyTx.Pledge(0, 101 * U), EconomyCode.INSUFFICIENT_FUNDS);
        m.later(DAY);
        m.refused(patron, new EconomyTx.Pledge(0, U), EconomyCode.CAMPAIGN_CLOSED);
    }
}

package org.phyle.core.land;

import static org.assertj.core.api.Assertions.assertThat;
import static org.phyle.core.land.Estate.U;
import static org.phyle.core.land.Estate.YEAR;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.phyle.core.governance.Proposal;

/**
 * The land value tax, worked: a parcel assessed at 2,000 units at 5% pays 100 a year; assessed at 4,000 from half way
 * through the year, it pays 50 for the first half and 100 for the second. Buildings are not taxed; the history of
 * assessments is kept.
 */
class LandValueTaxTest {
    final Estate e = new Estate(3);
    final int t = e.territory(Tenure.LAND_VALUE, 500, 0);
    final int p = e.parcel(t, 0);

    @Test
    void anAssessmentChangedMidPeriodIsTaxedPiecewise() {
        assertThat(e.m.pass("assessment", new LandActions.Assess(p, 2_000 * U)).state())
                .isEqualTo(Proposal.State.EXECUTED);
        long start = e.m.now;
        e.m.ok(e.m.citizen(2), new LandTx.Claim(p, 0, Optional.empty(), 500 * U));
        e.m.ok(e.m.citizen(2), new LandTx.Build(p, "A house of two floors", 9_000 * U));
        // the proposal takes a few hours: its execution time is when the new value applies
        Proposal change = e.m.pass("assessment", new LandActions.Assess(p, 4_000 * U));
        long changedAt = e.parcel(p).assessments().get(1).time();
        assertThat(change.state()).isEqualTo(Proposal.State.EXECUTED);
        long firstPart = Math.floorDiv(2_000 * U * 500 / 10_000 * (changedAt - start), YEAR);
        assertThat(e.parcel(p).taxPaid()).as("settled at the old value up to the change").isEqualTo(firstPart);
        e.m.at(changedAt + YEAR / 2);
        e.m.ok(e.m.citizen(2), new LandTx.Deposit(p, U));
        assertThat(e.parcel(p).taxPaid() - firstPart).as("half a year at 5% of 4,000").isEqualTo(100 * U);
        assertThat(e.parcel(p).assessments()).extracting(Parcel.Assessment::value)
                .containsExactly(2_000 * U, 4_000 * U);
        assertThat(e.parcel(p).buildings()).singleElement().satisfies(b -> assertThat(b.value()).isEqualTo(9_000 * U));
        e.assertConserved();
        assertThat(e.m.replay().digest()).isEqualTo(e.m.society.digest());
    }

    @Test
    void aYearAtFivePercentOfTheAssessmentAndTheForeclosureWhenTheDepositRunsOut() {
        e.m.pass("assessment", new LandActions.Assess(p, 2_000 * U));
        long start = e.m.now;
        e.m.ok(e.m.citizen(2), new LandTx.Claim(p, 0, Optional.empty(), 150 * U));
        assertThat(e.land().exhaustedAt(e.parcel(p))).isEqualTo(start + YEAR + YEAR / 2);
        e.m.at(start + YEAR);
        assertThat(e.land().taxOwed(e.parcel(p), e.m.now)).isEqualTo(100 * U);
        e.m.at(start + YEAR + YEAR / 2);
        assertThat(e.parcel(p).state()).isEqualTo(Parcel.State.AUCTION);
        assertThat(e.parcel(p).auctionPrice()).as("the auction starts at the assessment").isEqualTo(2_000 * U);
        e.assertConserved();
    }

    @Test
    void anUnassessedParcelPaysNothingAndHarbergerRulesDoNotApply() {
        e.m.ok(e.m.citizen(2), new LandTx.Claim(p, 0, Optional.empty(), 10 * U));
        assertThat(e.land().exhaustedAt(e.parcel(p))).isEqualTo(Long.MAX_VALUE);
        e.m.refused(e.m.citizen(1), new LandTx.Bid(p, 0, U), LandCode.NOT_HARBERGER);
        e.m.refused(e.m.citizen(2), new LandTx.SetPrice(p, U), LandCode.NOT_HARBERGER);
        e.m.refused(e.m.citizen(1), new LandTx.Claim(p, 0, Optional.of(U), U), LandCode.NOT_AVAILABLE);
    }
}

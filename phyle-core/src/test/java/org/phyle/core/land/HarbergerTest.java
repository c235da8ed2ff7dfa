package org.phyle.core.land;

import static org.assertj.core.api.Assertions.assertThat;
import static org.phyle.core.land.Estate.DAY;
import static org.phyle.core.land.Estate.U;
import static org.phyle.core.land.Estate.YEAR;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Harberger tenure, worked examples: a parcel priced 1,000 units at 10% a year pays 100 units a year from its deposit,
 * exactly, however often it is settled; a deposit of 150 lasts a year and a half to the millisecond; the foreclosed
 * parcel's auction falls from 1,000 to 0 over 14 days; a bid is accepted, rejected or completes by itself.
 */
class HarbergerTest {
    final Estate e = new Estate(4);
    final int t = e.territory(Tenure.HARBERGER, 1_000, U / 100); // 10% a year, 0.01 unit per m²
    final int p = e.parcel(t, 0);

    void claim(int citizen, long price, long deposit) {
        e.m.ok(e.m.citizen(citizen), new LandTx.Claim(p, 0, Optional.of(price), deposit));
    }

    @Test
    void aYearAtTenPercentOfTheStatedPriceIsPaidFromTheDepositExactlyWhateverTheSettlements() {
        long before = e.economy().treasury();
        long start = e.m.now;
        claim(2, 1_000 * U, 150 * U);
        assertThat(e.parcel(p).holder()).isEqualTo(e.m.did(2));
        assertThat(e.spendable(2)).isEqualTo(10_000 * U - 150 * U);
        // a partial period: one day is 100/365 units, rounded down, the rest kept as the remainder
        e.m.at(start + DAY);
        assertThat(e.land().taxOwed(e.parcel(p), e.m.now)).isEqualTo(273_972);
        e.m.ok(e.m.citizen(2), new LandTx.Deposit(p, U)); // settles the day
        assertThat(e.parcel(p).taxPaid()).isEqualTo(273_972);
        assertThat(e.parcel(p).deposit()).isEqualTo(151 * U - 273_972);
        e.m.at(start + 100 * DAY);
        e.m.ok(e.m.citizen(2), new LandTx.Withdraw(p, U)); // settles again
        e.m.at(start + YEAR);
        e.m.ok(e.m.citizen(2), new LandTx.SetPrice(p, 1_000 * U)); // and again, at the year
        assertThat(e.parcel(p).taxPaid()).isEqualTo(100 * U);
        assertThat(e.parcel(p).deposit()).isEqualTo(50 * U);
        assertThat(e.parcel(p).remainder()).isZero();
        assertThat(e.economy().treasury() - before).as("all tax is revenue in the treasury").isEqualTo(100 * U);
        e.assertConserved();
        assertThat(e.m.replay().digest()).isEqualTo(e.m.society.digest());
    }

    @Test
    void theDepositRunsOutAtAnExactTimeAndTheParcelIsSoldInADutchAuction() {
        long start = e.m.now;
        claim(2, 1_000 * U, 150 * U);
        long out = start + YEAR + YEAR / 2; // 150 units at 100 a year
        assertThat(e.land().exhaustedAt(e.parcel(p))).isEqualTo(out);
        assertThat(e.m.society.nextDue()).isEqualTo(out);
        e.m.at(out - 1);
        assertThat(e.parcel(p).state()).isEqualTo(Parcel.State.HELD);
        e.m.at(out);
        Parcel q = e.parcel(p);
        assertThat(q.state()).isEqualTo(Parcel.State.AUCTION);
        assertThat(q.taxPaid()).isEqualTo(150 * U);
        assertThat(q.formerHolder()).isEqualTo(e.m.did(2));
        assertThat(q.auctionEnd()).isEqualTo(out + 14 * DAY);
        // the price falls linearly: a quarter of the way, three quarters of the price
        assertThat(e.land().auctionPriceAt(q, out)).isEqualTo(1_000 * U);
        assertThat(e.land().auctionPriceAt(q, out + 14 * DAY / 4)).isEqualTo(750 * U);
        assertThat(e.land().auctionPriceAt(q, out + 14 * DAY)).isZero();
        e.m.at(out + 14 * DAY / 4);
        // a quote under the price now is stale; one above it (read earlier, the price has fallen since) buys at the
        // price now, not at the quote
        e.m.refused(e.m.citizen(3), new LandTx.Claim(p, 740 * U, Optional.of(800 * U), 10 * U), LandCode.STALE_PRICE);
        long seller = e.spendable(2);
        long buyer = e.spendable(3);
        e.m.ok(e.m.citizen(3), new LandTx.Claim(p, 760 * U, Optional.of(800 * U), 10 * U));
        assertThat(e.spendable(2) - seller).as("the former holder is paid the price now").isEqualTo(750 * U);
        assertThat(buyer - e.spendable(3)).as("the buyer pays the price now and the deposit").isEqualTo(760 * U);
        assertThat(e.parcel(p).holder()).isEqualTo(e.m.did(3));
        assertThat(e.parcel(p).price()).isEqualTo(800 * U);
        e.assertConserved();
        assertThat(e.m.replay().digest()).isEqualTo(e.m.society.digest());
    }

    @Test
    void anAuctionNobodyBuysLeavesTheParcelVacant() {
        claim(2, 1_000 * U, U);
        long out = e.land().exhaustedAt(e.parcel(p));
        e.m.at(out + 14 * DAY);
        assertThat(e.parcel(p).state()).isEqualTo(Parcel.State.VACANT);
        claim(3, 500 * U, 10 * U);
        assertThat(e.parcel(p).holder()).isEqualTo(e.m.did(3));
        e.assertConserved();
    }

    @Test
    void anAcceptedBidPaysTheHolderThePriceAndTheUnusedDeposit() {
        claim(2, 1_000 * U, 100 * U);
        e.m.later(DAY);
        long holder = e.spendable(2);
        e.m.ok(e.m.citizen(3), new LandTx.Bid(p, 1_000 * U, 20 * U));
        assertThat(e.spendable(3)).isEqualTo(10_000 * U - 1_020 * U);
        long deposit = e.land().depositAt(e.parcel(p), e.m.now);
        e.m.ok(e.m.citizen(2), new LandTx.Accept(p));
        assertThat(e.spendable(2) - holder).isEqualTo(1_000 * U + deposit);
        Parcel q = e.parcel(p);
        assertThat(q.holder()).isEqualTo(e.m.did(3));
        assertThat(q.deposit()).isEqualTo(20 * U);
        assertThat(q.bid()).isEmpty();
        e.assertConserved();
    }

    @Test
    void aRejectedBidRaisesThePriceCostsTheHolderTenPercentAndReturnsTheCollateral() {
        claim(2, 1_000 * U, 100 * U);
        e.m.later(DAY);
        e.m.ok(e.m.citizen(3), new LandTx.Bid(p, 1_000 * U, 20 * U));
        long revenue = e.economy().revenueInPeriod();
        e.m.refused(e.m.citizen(2), new LandTx.Reject(p, 999 * U), LandCode.REJECT_TOO_LOW);
        e.m.refused(e.m.citizen(3), new LandTx.Reject(p, 2_000 * U), LandCode.NOT_THE_HOLDER);
        long holder = e.spendable(2);
        e.m.ok(e.m.citizen(2), new LandTx.Reject(p, 1_200 * U));
        assertThat(holder - e.spendable(2)).as("the penalty").isEqualTo(100 * U);
        assertThat(e.spendable(3)).as("collateral returned").isEqualTo(10_000 * U);
        assertThat(e.economy().revenueInPeriod() - revenue).isGreaterThanOrEqualTo(100 * U);
        assertThat(e.parcel(p).price()).isEqualTo(1_200 * U);
        assertThat(e.parcel(p).holder()).isEqualTo(e.m.did(2));
        // the price was set in this block's predecessor: a bid quoting it in a later block is fine
        e.m.refused(e.m.citizen(3), new LandTx.Bid(p, 1_000 * U, 20 * U), LandCode.STALE_PRICE);
        e.m.ok(e.m.citizen(3), new LandTx.Bid(p, 1_200 * U, 20 * U));
        e.assertConserved();
    }

    @Test
    void aBidTheHolderLeavesUnansweredCompletesAtTheEndOfItsWindow() {
        claim(2, 1_000 * U, 100 * U);
        e.m.later(DAY);
        long bidAt = e.m.now;
        e.m.ok(e.m.citizen(3), new LandTx.Bid(p, 1_000 * U, 20 * U));
        assertThat(e.m.society.nextDue()).isEqualTo(bidAt + 7 * DAY);
        e.m.at(bidAt + 7 * DAY - 1);
        assertThat(e.parcel(p).holder()).isEqualTo(e.m.did(2));
        long holder = e.spendable(2);
        long deposit = e.land().depositAt(e.parcel(p), bidAt + 7 * DAY);
        e.m.at(bidAt + 7 * DAY);
        assertThat(e.parcel(p).holder()).isEqualTo(e.m.did(3));
        assertThat(e.parcel(p).taxFrom()).isEqualTo(bidAt + 7 * DAY);
        assertThat(e.spendable(2) - holder).isEqualTo(1_000 * U + deposit);
        e.assertConserved();
        assertThat(e.m.replay().digest()).isEqualTo(e.m.society.digest());
    }

    @Test
    void theLandsMoneyIsInTheAccountsHistory() {
        org.phyle.crypto.Hash claim = e.m.ok(e.m.citizen(2), new LandTx.Claim(p, 0, Optional.of(1_000 * U), 150 * U));
        long height = e.m.blocks.get(e.m.blocks.size() - 1).header().height();
        var moves = e.m.society.view(org.phyle.core.economy.Movements.class).ofBlock(height);
        assertThat(moves).singleElement().satisfies(mv -> {
            assertThat(mv.account()).isEqualTo(e.m.did(2));
            assertThat(mv.kind()).isEqualTo(org.phyle.core.economy.Movement.Kind.LAND);
            assertThat(mv.direction()).isEqualTo(org.phyle.core.economy.Movement.Direction.OUT);
            assertThat(mv.amount()).isEqualTo(150 * U);
            assertThat(mv.tx()).isEqualTo(claim);
        });
        e.m.later(DAY);
        e.m.ok(e.m.citizen(2), new LandTx.Deposit(p, U));
        height = e.m.blocks.get(e.m.blocks.size() - 1).header().height();
        assertThat(e.m.society.view(org.phyle.core.economy.Movements.class).ofBlock(height))
                .extracting(mv -> mv.account() + " " + mv.kind().json() + " " + mv.direction().json() + " "
                        + mv.amount())
                .containsExactly("treasury revenue in 273972", e.m.did(2) + " land out " + U);
    }

    @Test
    void aPriceChangedInTheSameBlockFailsTheBid() {
        claim(2, 1_000 * U, 100 * U);
        e.m.later(DAY);
        var b = e.m.society.newBlock(e.m.now);
        org.phyle.core.TestSociety.accepted(b.offer(e.m.tx(e.m.citizen(2), new LandTx.SetPrice(p, 1_100 * U))));
        var stale = b.offer(e.m.tx(e.m.citizen(3), new LandTx.Bid(p, 1_000 * U, 20 * U)));
        var fresh = b.offer(e.m.tx(e.m.citizen(3), new LandTx.Bid(p, 1_100 * U, 20 * U)));
        assertThat(((org.phyle.core.TxOutcome.Rejected) stale).rejection().code()).isEqualTo(LandCode.STALE_PRICE);
        assertThat(((org.phyle.core.TxOutcome.Rejected) fresh).rejection().code()).isEqualTo(LandCode.STALE_PRICE);
        e.m.blocks.add(b.seal(e.m.sequencer));
        e.m.later(1);
        e.m.ok(e.m.citizen(3), new LandTx.Bid(p, 1_100 * U, 20 * U));
    }
}

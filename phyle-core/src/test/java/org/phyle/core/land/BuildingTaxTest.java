package org.phyle.core.land;

import static org.assertj.core.api.Assertions.assertThat;
import static org.phyle.core.land.BuildingTax.Opinion.APPROVE;
import static org.phyle.core.land.BuildingTax.Opinion.DISAPPROVE;
import static org.phyle.core.land.BuildingTax.Opinion.WITHDRAW;
import static org.phyle.core.land.Neighbourhood.DAY;
import static org.phyle.core.land.Neighbourhood.U;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.phyle.core.Society;

/**
 * The floating building tax, worked examples: a building assessed at 3,650 units with three neighbours (citizens 2, 3
 * and 4 on parcels 0, 1 and 2; citizen 5 lives on parcel 4, about 350 m away). Its rate is 5% × (N + D − A) / (2N):
 * 2.5% while nobody speaks (0.25 unit a day), 0% when all approve, 5% when all disapprove (0.5 unit a day), 5/3% with
 * one approval of three; the tax accrues piecewise, settled at the old rate whenever an opinion changes it.
 */
class BuildingTaxTest {
    final Neighbourhood n = new Neighbourhood(8, 5);
    final Estate e = n.e;
    long start;
    int b;

    @BeforeEach
    void neighbours() {
        n.resident(2, 0);
        n.resident(3, 1);
        n.resident(4, 2);
        n.resident(5, 4);
        start = n.nextEpoch(); // the keys take effect in the next epoch
        b = n.build(0);
        e.m.ok(e.m.stranger(900), n.recordRing(b, 2, 3, 4)); // anyone may record it
    }

    @Test
    void theThreeCornersAndAMixedCaseAccruePiecewise() {
        long treasury = e.economy().treasury();
        n.assertRate(b, 750, 3); // nobody speaks: 2.5%
        e.m.at(start + 10 * DAY);
        assertThat(e.land().buildingTaxOwed(b, e.m.now)).isEqualTo(2_500_000);
        for (int c = 2; c <= 4; c++) {
            n.say(n.opinion(c, b, 1, APPROVE));
        }
        n.assertRate(b, 0, 3); // all approve: 0%
        assertThat(n.tax(b).taxPaid()).as("settled at 2.5% when the first opinion changed the rate")
                .isEqualTo(2_500_000);
        e.m.at(start + 20 * DAY);
        assertThat(e.land().buildingTaxOwed(b, e.m.now)).isZero();
        for (int c = 2; c <= 4; c++) {
            n.say(n.opinion(c, b, 2, DISAPPROVE));
        }
        n.assertRate(b, 1_500, 3); // all disapprove: 5%
        assertThat(n.tax(b).approvals()).isZero();
        assertThat(n.tax(b).disapprovals()).isEqualTo(3);
        e.m.at(start + 25 * DAY);
        n.say(n.opinion(2, b, 3, WITHDRAW));
        n.say(n.opinion(3, b, 3, APPROVE));
        n.say(n.opinion(4, b, 3, WITHDRAW));
        n.assertRate(b, 500, 3); // one approval of three: 5% × 2/6
        e.m.at(start + 28 * DAY);
        e.m.ok(e.m.citizen(1), new LandTx.Deposit(0, U)); // settles
        // 2.5 + 0 + 2.5 (5 days at 5%) + 0.5 (3 days at 5/3%)
        assertThat(n.tax(b).taxPaid()).isEqualTo(5_500_000);
        assertThat(e.economy().treasury() - treasury).as("revenue").isEqualTo(5_500_000);
        // the epoch ends at start + 30 days: from then 2.5% until a new ring; 2 days at 5/3% carry a third of a unit
        assertThat(e.land().buildingTaxOwed(b, start + 40 * DAY)).isEqualTo(333_333 + 2_500_000);
        e.m.at(start + 30 * DAY);
        n.assertRate(b, 750, 3);
        e.assertConserved();
        assertThat(e.m.replay().digest()).isEqualTo(e.m.society.digest());
        snapshotRoundTrip();
    }

    @Test
    void aNewerOpinionWithTheSameTagReplacesTheOlderOneAndAnOlderOneCannotComeBack() {
        LandTx.Opine first = n.opinion(2, b, 1, APPROVE);
        n.say(first);
        n.say(n.opinion(2, b, 2, DISAPPROVE));
        assertThat(n.tax(b).said()).hasSize(1);
        assertThat(n.tax(b).disapprovals()).isEqualTo(1);
        assertThat(n.tax(b).approvals()).isZero();
        n.refused(first, LandCode.OPINION_STALE); // anyone could copy it from the ledger: it must not undo the newer
        n.refused(n.opinion(2, b, 2, APPROVE), LandCode.OPINION_STALE);
        // one opinion per tag per block
        var outcomes = n.oneBlock(n.opinion(3, b, 1, APPROVE), n.opinion(3, b, 2, DISAPPROVE), n.opinion(4, b, 1,
                APPROVE));
        assertThat(outcomes.get(0)).isInstanceOf(org.phyle.core.TxOutcome.Accepted.class);
        assertThat(((org.phyle.core.TxOutcome.Rejected) outcomes.get(1)).rejection().code())
                .isEqualTo(LandCode.OPINION_SAME_BLOCK);
        assertThat(outcomes.get(2)).isInstanceOf(org.phyle.core.TxOutcome.Accepted.class);
        assertThat(n.tax(b).approvals()).isEqualTo(2);
    }

    @Test
    void theDepositsExhaustionAccountsForTheBuildingTax() {
        e.m.ok(e.m.citizen(1), new LandTx.Withdraw(0, 99 * U)); // 1 unit left
        Parcel p = e.parcel(0);
        assertThat(e.land().exhaustedAt(p)).as("4 days at 0.25 unit a day").isEqualTo(start + 4 * DAY);
        for (int c = 2; c <= 4; c++) {
            n.say(n.opinion(c, b, 1, DISAPPROVE));
        }
        assertThat(e.land().exhaustedAt(e.parcel(0))).as("2 days at 0.5 unit a day").isEqualTo(start + 2 * DAY);
        assertThat(e.m.society.nextDue()).isEqualTo(start + 2 * DAY);
        long treasury = e.economy().treasury();
        e.m.at(start + 2 * DAY - 1);
        assertThat(e.parcel(0).state()).isEqualTo(Parcel.State.HELD);
        e.m.at(start + 2 * DAY);
        assertThat(e.parcel(0).state()).isEqualTo(Parcel.State.AUCTION);
        assertThat(e.economy().treasury() - treasury).isEqualTo(U);
        e.assertConserved();
        assertThat(e.m.replay().digest()).isEqualTo(e.m.society.digest());
    }

    @Test
    void aBuildingWithNoRingIsTaxedAtTwoAndAHalfPercent() {
        int other = n.build(0);
        n.assertRate(other, 250, 1);
        e.m.later(10 * DAY);
        assertThat(e.land().buildingTaxOwed(other, e.m.now)).isEqualTo(2_500_000);
        n.refused(n.opinion(2, other, n.epoch(), 1, APPROVE, Neighbourhood.ring(2, 3, 4)), LandCode.NO_RING);
    }

    @Test
    void opinionsArePerEpochAndMustBeSaidAgainInANewRing() {
        n.say(n.opinion(2, b, 1, APPROVE));
        LandTx.Opine old = n.opinion(3, b, 1, APPROVE);
        long next = n.nextEpoch();
        n.refused(old, LandCode.WRONG_EPOCH); // signed for the last epoch
        n.refused(new LandTx.Opine(b, n.epoch(), old.seq(), old.opinion(), old.signature()),
                LandCode.NO_RING);
        e.m.ok(e.m.stranger(901), n.recordRing(b, 2, 3, 4));
        assertThat(n.tax(b).approvals()).as("a new ring starts with nobody speaking").isZero();
        assertThat(n.tax(b).epoch()).isEqualTo(n.epoch());
        assertThat(n.tax(b).until()).isEqualTo(next + 30 * DAY);
        n.refused(new LandTx.Opine(b, n.epoch(), old.seq(), old.opinion(), old.signature()),
                LandCode.OPINION_NOT_IN_RING); // the epoch is in what is signed
        n.say(n.opinion(2, b, 1, APPROVE)); // the same tag as last epoch, said again
        assertThat(n.tax(b).approvals()).isEqualTo(1);
    }

    @Test
    void everyBadOpinionIsRefusedWithItsCodeAndNothingChanges() {
        // from outside the ring: citizen 5 (350 m away) signs over a ring of their own making
        n.refused(n.opinion(5, b, n.epoch(), 1, APPROVE, Neighbourhood.ring(2, 3, 5)), LandCode.OPINION_NOT_IN_RING);
        // a signature over a ring of another size
        n.refused(n.opinion(2, b, n.epoch(), 1, APPROVE, Neighbourhood.ring(2, 3)),
                LandCode.RING_SIGNATURE_MALFORMED);
        // bytes that are no signature
        n.refused(new LandTx.Opine(b, n.epoch(), 1, APPROVE, Neighbourhood.b64(new byte[50])),
                LandCode.RING_SIGNATURE_MALFORMED);
        byte[] bad = java.util.Base64.getUrlDecoder().decode(n.opinion(2, b, 1, APPROVE).signature());
        bad[40] ^= 1; // a tampered challenge
        n.refused(new LandTx.Opine(b, n.epoch(), 1, APPROVE, Neighbourhood.b64(bad)), LandCode.OPINION_NOT_IN_RING);
        // the opinion is in what is signed
        LandTx.Opine yes = n.opinion(2, b, 1, APPROVE);
        n.refused(new LandTx.Opine(b, yes.epoch(), 1, DISAPPROVE, yes.signature()), LandCode.OPINION_NOT_IN_RING);
        n.refused(new LandTx.Opine(b, yes.epoch(), 2, APPROVE, yes.signature()), LandCode.OPINION_NOT_IN_RING);
        n.refused(new LandTx.Opine(99, yes.epoch(), 1, APPROVE, yes.signature()), LandCode.UNKNOWN_BUILDING);
        n.refused(new LandTx.Opine(b, yes.epoch() + 1, 1, APPROVE, yes.signature()), LandCode.WRONG_EPOCH);
        // replayed for another building: a second building with the same neighbours
        e.m.ok(e.m.citizen(1), new LandTx.Claim(1, 0, java.util.Optional.of(U), 100 * U));
        int b2 = n.build(1);
        e.m.ok(e.m.stranger(902), n.recordRing(b2, 2, 3, 4));
        n.refused(new LandTx.Opine(b2, yes.epoch(), 1, APPROVE, yes.signature()), LandCode.OPINION_NOT_IN_RING);
        n.say(yes);
        n.refused(new LandTx.Opine(b2, yes.epoch(), 1, APPROVE, yes.signature()), LandCode.OPINION_REPLAYED);
        assertThat(n.tax(b2).said()).isEmpty();
        n.say(n.opinion(2, b2, 1, APPROVE)); // signed for b2, its own tag there
        assertThat(n.tax(b2).said().keySet()).doesNotContainAnyElementsOf(n.tax(b).said().keySet());
    }

    @Test
    void everyBadRingIsRefusedWithItsCodeAndNothingChanges() {
        int other = n.build(0);
        long epoch = n.epoch();
        n.refused(new LandTx.RecordRing(other, epoch + 1, Neighbourhood.members(Neighbourhood.ring(2, 3, 4))),
                LandCode.WRONG_EPOCH);
        n.refused(new LandTx.RecordRing(99, epoch, Neighbourhood.members(Neighbourhood.ring(2, 3, 4))),
                LandCode.UNKNOWN_BUILDING);
        n.refused(n.recordRing(b, 2, 3, 4), LandCode.RING_RECORDED);
        java.util.List<String> sorted = Neighbourhood.members(Neighbourhood.ring(2, 3, 4));
        n.refused(new LandTx.RecordRing(other, epoch, java.util.List.of(sorted.get(1), sorted.get(0), sorted.get(2))),
                LandCode.RING_MALFORMED);
        n.refused(new LandTx.RecordRing(other, epoch, java.util.List.of(sorted.get(0), sorted.get(0))),
                LandCode.RING_MALFORMED);
        n.refused(new LandTx.RecordRing(other, epoch, java.util.List.of("not a key")), LandCode.RING_MALFORMED);
        n.refused(n.recordRing(other, 2, 3, 4, 5), LandCode.RING_MEMBER_TOO_FAR);
        n.refused(n.recordRing(other, 2, 4), LandCode.RING_NEIGHBOUR_MISSING);
        n.refused(n.recordRing(other, 2, 3, 4, 6), LandCode.RING_MEMBER_UNKNOWN); // citizen 6 registered no key
        // a key registered now takes effect in the next epoch only
        e.m.ok(e.m.citizen(6), new LandTx.Reside(2));
        e.m.ok(e.m.citizen(6), n.registration(6, 6));
        n.refused(n.recordRing(other, 2, 3, 4, 6), LandCode.RING_MEMBER_UNKNOWN);
        e.m.ok(e.m.stranger(903), n.recordRing(other, 2, 3, 4));
        n.nextEpoch();
        n.refused(n.recordRing(other, 2, 3, 4), LandCode.RING_NEIGHBOUR_MISSING);
        e.m.ok(e.m.stranger(904), n.recordRing(other, 2, 3, 4, 6));
        assertThat(n.tax(other).ringSize()).isEqualTo(4);
    }

    @Test
    void everyBadOpinionKeyIsRefused() {
        e.m.refused(e.m.citizen(6), n.registration(6, 6), LandCode.NOT_RESIDING);
        e.m.ok(e.m.citizen(6), new LandTx.Reside(3));
        e.m.refused(e.m.citizen(6), n.registration(2, 6), LandCode.OPINION_KEY_TAKEN);
        // another's key, with the proof its holder made for their own registration: not for citizen 6
        e.m.refused(e.m.citizen(6), n.registration(7, 2), LandCode.OPINION_KEY_UNPROVEN);
        e.m.refused(e.m.citizen(6), new LandTx.OpinionKey(Neighbourhood.key(7), Neighbourhood.b64(new byte[96])),
                LandCode.OPINION_KEY_UNPROVEN);
        // the key in another spelling of the same bytes is refused, not taken as a new key
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        String k2 = Neighbourhood.key(2);
        String other = k2.substring(0, 42) + alphabet.charAt(alphabet.indexOf(k2.charAt(42)) ^ 1); // an unused bit
        assertThat(java.util.Base64.getUrlDecoder().decode(other)).isEqualTo(java.util.Base64.getUrlDecoder()
                .decode(k2));
        e.m.refused(e.m.citizen(6), new LandTx.OpinionKey(other, n.registration(2, 6).proof()),
                LandCode.OPINION_KEY_INVALID);
        byte[] ff = new byte[32];
        java.util.Arrays.fill(ff, (byte) 0xff);
        e.m.refused(e.m.citizen(6), new LandTx.OpinionKey(Neighbourhood.b64(ff), n.registration(6, 6).proof()), LandCode.OPINION_KEY_INVALID);
        e.m.refused(e.m.citizen(6), new LandTx.OpinionKey(Neighbourhood.b64(new byte[32]), n.registration(6, 6).proof()),
                LandCode.OPINION_KEY_INVALID);
        e.m.refused(e.m.stranger(5), n.registration(7, 6), LandCode.NOT_RESIDENT_ELIGIBLE);
        // a replaced key is used from the next epoch; leaving ends it
        e.m.ok(e.m.citizen(2), n.registration(7, 2));
        Land.OpinionKey k = e.land().opinionKey(e.m.person(2).number()).orElseThrow();
        assertThat(k.at(n.epoch())).isEqualTo(Neighbourhood.key(2));
        assertThat(k.at(n.epoch() + 1)).isEqualTo(Neighbourhood.key(7));
        e.m.ok(e.m.citizen(2), new LandTx.Leave());
        assertThat(e.land().opinionKey(e.m.person(2).number())).isEmpty();
    }

    @Test
    void aRingIsASnapshotAndANewRingCarriesTheRemainderToItsDenominator() {
        n.say(n.opinion(2, b, 1, APPROVE));
        n.assertRate(b, 500, 3);
        e.m.ok(e.m.citizen(2), new LandTx.Reside(4)); // moves 350 m away: still in this epoch's ring
        e.m.ok(e.m.citizen(4), new LandTx.Reside(4)); // so does citizen 4
        e.m.ok(e.m.citizen(6), new LandTx.Reside(1));
        e.m.ok(e.m.citizen(6), n.registration(6, 6));
        n.assertRate(b, 500, 3);
        n.say(n.opinion(2, b, 2, DISAPPROVE)); // and may still speak in it
        n.assertRate(b, 1_000, 3);
        e.m.at(start + 7 * DAY);
        e.m.ok(e.m.citizen(1), new LandTx.Deposit(0, U)); // settles: 7 days at 10/3%, a third of a unit left over
        assertThat(n.tax(b).taxPaid()).isEqualTo(2_333_333);
        assertThat(n.tax(b).remainder()).isEqualTo(Accrual.PER_YEAR); // a third: over PER_YEAR × 3
        long next = n.nextEpoch();
        assertThat(next).isEqualTo(start + 30 * DAY);
        e.m.at(next + 3_600_000);
        n.refused(n.recordRing(b, 2, 3, 6), LandCode.RING_MEMBER_TOO_FAR);
        n.refused(n.recordRing(b, 3), LandCode.RING_NEIGHBOUR_MISSING);
        e.m.ok(e.m.stranger(905), n.recordRing(b, 3, 6));
        // settled when the ring was recorded: 23 days at 10/3% (whole with the third carried: 10 units in the
        // epoch), then an hour at 2.5% after the epoch ended: 0.0104166 units and two thirds of a unit's millionth
        assertThat(n.tax(b).taxPaid()).isEqualTo(10 * U + 10_416);
        // the two thirds, over PER_YEAR × 3, carried to the ring of 2: 4/3 PER_YEAR over PER_YEAR × 2
        assertThat(n.tax(b).remainder()).isEqualTo(Accrual.PER_YEAR / 3 * 4);
        assertThat(n.tax(b).ringSize()).isEqualTo(2);
        assertThat(n.tax(b).approvals() + n.tax(b).disapprovals()).as("everyone silent in a new ring").isZero();
        e.assertConserved();
        assertThat(e.m.replay().digest()).isEqualTo(e.m.society.digest());
        snapshotRoundTrip();
    }

    void snapshotRoundTrip() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        e.m.society.writeSnapshot(out);
        Society read = Society.readSnapshot(new ByteArrayInputStream(out.toByteArray()));
        assertThat(read.digest()).as("snapshot").isEqualTo(e.m.society.digest());
        assertThat(read.view(Land.class).nextDue()).isEqualTo(e.land().nextDue());
    }
}

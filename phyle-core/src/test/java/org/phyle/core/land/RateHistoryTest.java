package org.phyle.core.land;

import static org.assertj.core.api.Assertions.assertThat;
import static org.phyle.core.land.BuildingTax.Opinion.APPROVE;
import static org.phyle.core.land.BuildingTax.Opinion.DISAPPROVE;
import static org.phyle.core.land.BuildingTax.Opinion.WITHDRAW;
import static org.phyle.core.land.Neighbourhood.DAY;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.phyle.core.Society;
import org.phyle.core.land.BuildingTax.RatePoint;

/**
 * A building's rate history and the ring the core would accept, worked examples. Citizens 2, 3 and 4 live on parcels 0,
 * 1 and 2 (within 200 m of parcel 0), citizen 5 on parcel 4 (about 350 m away), citizen 6 on parcel 1 without a key.
 * The history has a point when the building is built (2.5%, no ring), when a ring is recorded, and when an opinion
 * changes the counts (not when it repeats them); the end of a ring's epoch, where the rate goes back to 2.5%, is a
 * point computed when the history is read (height -1).
 */
class RateHistoryTest {
    final Neighbourhood n = new Neighbourhood(8, 5);
    final Land land = n.e.land();

    static List<Object> row(RatePoint p) {
        return List.of(p.time(), p.height(), p.epoch(), p.neighbours(), p.approvals(), p.disapprovals(),
                p.numerator(), p.denominator());
    }

    @Test
    void theNeighboursAreTheResidentsWithinTheRadiusWhoseKeyIsInForceInAscendingOrder() {
        n.resident(2, 0);
        n.resident(3, 1);
        n.resident(4, 2);
        n.resident(5, 4);
        n.e.m.ok(n.e.m.citizen(6), new LandTx.Reside(1)); // no opinion key: not in any ring
        int b = n.build(0);
        long now = n.epoch();
        assertThat(land.neighbours(b, now, n.params())).as("the keys take effect in the next epoch").isEmpty();
        List<String> next = land.neighbours(b, now + 1, n.params());
        assertThat(next).isEqualTo(Neighbourhood.members(Neighbourhood.ring(2, 3, 4)));
        assertThat(next).doesNotContain(Neighbourhood.key(5));
        // ascending by the bytes of the encodings, which is not the order of the base64url strings
        for (int i = 1; i < next.size(); i++) {
            assertThat(java.util.Arrays.compareUnsigned(java.util.Base64.getUrlDecoder().decode(next.get(i - 1)),
                    java.util.Base64.getUrlDecoder().decode(next.get(i)))).isNegative();
        }
        n.nextEpoch();
        // what the view gives is accepted as the ring
        n.e.m.ok(n.e.m.stranger(900), new LandTx.RecordRing(b, n.epoch(), land.neighbours(b, n.epoch(), n.params())));
        assertThat(n.tax(b).ringKeys()).isEqualTo(next);
        // a wider radius takes in citizen 5; a new key replaces the old one from the epoch after its registration
        assertThat(land.neighbours(b, n.epoch(), n.params().with("land.neighbourRadiusM", 400)))
                .containsExactlyInAnyOrderElementsOf(Neighbourhood.members(Neighbourhood.ring(2, 3, 4, 5)));
        n.e.m.ok(n.e.m.citizen(3), n.registration(7, 3));
        assertThat(land.neighbours(b, n.epoch(), n.params())).contains(Neighbourhood.key(3));
        assertThat(land.neighbours(b, n.epoch() + 1, n.params())).contains(Neighbourhood.key(7))
                .doesNotContain(Neighbourhood.key(3));
        // leaving ends the key
        n.e.m.ok(n.e.m.citizen(4), new LandTx.Leave());
        assertThat(land.neighbours(b, n.epoch(), n.params())).doesNotContain(Neighbourhood.key(4)).hasSize(2);
        assertThat(org.junit.jupiter.api.Assertions.assertThrows(org.phyle.core.Rejection.class,
                () -> land.neighbours(99, 0, n.params())).code()).isEqualTo(LandCode.UNKNOWN_BUILDING);
    }

    @Test
    void theHistoryHasAPointForEachChangeAndTheEndOfTheRingsEpoch() {
        n.resident(2, 0);
        n.resident(3, 1);
        n.resident(4, 2);
        long built = n.e.m.now;
        long builtEpoch = n.epoch();
        int b = n.build(0);
        long h0 = n.e.m.society.height();
        assertThat(n.tax(b).history(built)).extracting(RateHistoryTest::row)
                .containsExactly(List.of(built, h0, builtEpoch, 0, 0, 0, 250L, 1L));

        long start = n.nextEpoch();
        long epoch = n.epoch();
        n.e.m.ok(n.e.m.stranger(900), n.recordRing(b, 2, 3, 4));
        long h1 = n.e.m.society.height();
        n.e.m.at(start + DAY);
        n.say(n.opinion(2, b, 1, APPROVE));
        long h2 = n.e.m.society.height();
        n.e.m.at(start + 2 * DAY);
        n.say(n.opinion(3, b, 1, DISAPPROVE));
        long h3 = n.e.m.society.height();
        n.e.m.at(start + 3 * DAY);
        n.say(n.opinion(2, b, 2, APPROVE)); // the same opinion again: the counts do not change, no point
        n.say(n.opinion(4, b, 1, WITHDRAW)); // saying nothing from nothing: no point either
        n.e.m.at(start + 4 * DAY);
        n.say(n.opinion(2, b, 3, DISAPPROVE)); // changes their mind
        long h4 = n.e.m.society.height();
        long until = start + 30 * DAY;

        List<List<Object>> during = List.of(
                List.of(built, h0, builtEpoch, 0, 0, 0, 250L, 1L),
                List.of(start, h1, epoch, 3, 0, 0, 750L, 3L), // nobody speaks: 2.5%
                List.of(start + DAY, h2, epoch, 3, 1, 0, 500L, 3L), // 5% × 2/6
                List.of(start + 2 * DAY, h3, epoch, 3, 1, 1, 750L, 3L), // one each way: 2.5%
                List.of(start + 4 * DAY, h4, epoch, 3, 0, 2, 1_250L, 3L)); // two disapprove: 5% × 5/6
        assertThat(n.tax(b).history(until - 1)).extracting(RateHistoryTest::row).isEqualTo(during);
        // from the end of the epoch the rate is 2.5%: a point at that time, read at or after it
        List<Object> ended = List.of(until, -1L, epoch + 1, 0, 0, 0, 250L, 1L);
        java.util.List<List<Object>> after = new java.util.ArrayList<>(during);
        after.add(ended);
        assertThat(n.tax(b).history(until)).extracting(RateHistoryTest::row).isEqualTo(after);

        // a ring recorded later in the next epoch: the end of the last one stays between them
        n.e.m.at(until + 5 * DAY);
        n.e.m.ok(n.e.m.stranger(901), n.recordRing(b, 2, 3, 4));
        long h5 = n.e.m.society.height();
        after.add(List.of(until + 5 * DAY, h5, epoch + 1, 3, 0, 0, 750L, 3L));
        assertThat(n.tax(b).history(n.e.m.now)).extracting(RateHistoryTest::row).isEqualTo(after);

        // kept in the snapshot, and the same on a replay of the ledger
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        n.e.m.society.writeSnapshot(out);
        Society read = Society.readSnapshot(new ByteArrayInputStream(out.toByteArray()));
        assertThat(read.digest()).isEqualTo(n.e.m.society.digest());
        assertThat(read.view(Land.class).buildingTax(b).orElseThrow().history(n.e.m.now))
                .isEqualTo(n.tax(b).history(n.e.m.now));
        assertThat(n.e.m.replay().view(Land.class).buildingTax(b).orElseThrow().history(n.e.m.now))
                .isEqualTo(n.tax(b).history(n.e.m.now));
    }

    @Test
    void aRingRecordedAtTheFirstMomentOfTheNextEpochLeavesNoPointBetween() {
        n.resident(2, 0);
        int b = n.build(0);
        long start = n.nextEpoch();
        n.e.m.ok(n.e.m.stranger(900), n.recordRing(b, 2));
        n.say(n.opinion(2, b, 1, APPROVE));
        long next = n.nextEpoch();
        assertThat(next).isEqualTo(start + 30 * DAY);
        n.e.m.ok(n.e.m.stranger(901), n.recordRing(b, 2));
        List<RatePoint> h = n.tax(b).history(next);
        assertThat(h).extracting(RatePoint::neighbours).containsExactly(0, 1, 1, 1);
        assertThat(h).extracting(RatePoint::approvals).containsExactly(0, 0, 1, 0);
        assertThat(h.get(3).time()).isEqualTo(next);
    }

    /**
     * Property, over seeded random sequences of opinions in two epochs: the history's last point is always the rate
     * now (N, A, D and the exact fraction), a point is added exactly when the counts change, and the times and heights
     * of the stored points never go back.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(longs = {1, 2, 3, 5, 8, 13, 21, 34})
    void theLastPointIsAlwaysTheRateNow(long seed) {
        java.util.Random random = new java.util.Random(seed);
        n.resident(2, 0);
        n.resident(3, 1);
        n.resident(4, 2);
        int b = n.build(0);
        int points = 1;
        for (int epoch = 0; epoch < 2; epoch++) {
            long start = n.nextEpoch();
            n.e.m.at(start + 3_600_000 * epoch); // the second ring an hour into its epoch: the first one's end between
            n.e.m.ok(n.e.m.stranger(900 + epoch), n.recordRing(b, 2, 3, 4));
            points++;
            long[] seq = new long[5];
            BuildingTax.Opinion[] values = BuildingTax.Opinion.values();
            for (int i = 0; i < 12; i++) {
                n.e.m.at(start + (i + 1) * DAY);
                int citizen = 2 + random.nextInt(3);
                int a = n.tax(b).approvals();
                int d = n.tax(b).disapprovals();
                n.say(n.opinion(citizen, b, ++seq[citizen], values[random.nextInt(values.length)]));
                if (n.tax(b).approvals() != a || n.tax(b).disapprovals() != d) {
                    points++;
                }
                List<RatePoint> h = n.tax(b).history(n.e.m.now);
                assertThat(h).hasSize(points + epoch); // plus the end of the first ring's epoch
                RatePoint last = h.get(h.size() - 1);
                assertThat(List.of(last.neighbours(), last.approvals(), last.disapprovals())).isEqualTo(List.of(
                        n.tax(b).ringSize(), n.tax(b).approvals(), n.tax(b).disapprovals()));
                assertThat(last.numerator() * n.tax(b).denominator())
                        .isEqualTo(n.tax(b).numerator(n.e.m.now) * last.denominator());
                for (int k = 1; k < h.size(); k++) {
                    assertThat(h.get(k).time()).isGreaterThanOrEqualTo(h.get(k - 1).time());
                }
            }
        }
    }
}

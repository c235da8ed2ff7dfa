package org.phyle.core.land;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.phyle.core.Society;

/**
 * Random sequences of opinions by random members of a building's ring of six, at random times within an epoch: after
 * each, the tally is the last opinion of each member (withdrawn ones count for nothing); at the end the building tax
 * paid is exactly the sum, over the pieces between opinions, of value × rate × time, rounded down once; money is
 * conserved, and a replay and a snapshot give the same state.
 */
class OpinionPropertyTest {
    static final BuildingTax.Opinion[] SAY = BuildingTax.Opinion.values();

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void onlyEachResidentsLatestOpinionCounts(long seed) {
        Random random = new Random(seed);
        Neighbourhood n = new Neighbourhood(9, 3, org.phyle.core.Catalog.defaultParameters(), seed);
        Estate e = n.e;
        int[] ring = {2, 3, 4, 5, 6, 7};
        for (int c : ring) {
            n.resident(c, c % 3);
        }
        long start = n.nextEpoch();
        int b = n.build(0);
        e.m.ok(e.m.stranger(900), n.recordRing(b, ring));
        long paidBefore = n.tax(b).taxPaid();
        TreeMap<Integer, BuildingTax.Opinion> last = new TreeMap<>();
        TreeMap<Integer, Long> seq = new TreeMap<>();
        // the exact sum of value × numerator × ms over the pieces, over PER_YEAR × 6
        BigInteger sum = BigInteger.ZERO;
        long numerator = 250 * 6;
        long t = start;
        for (int k = 0; k < 40; k++) {
            long next = t + random.nextInt(12 * 3_600_000);
            sum = sum.add(BigInteger.valueOf(Neighbourhood.VALUE).multiply(BigInteger.valueOf(numerator))
                    .multiply(BigInteger.valueOf(next - t)));
            t = next;
            e.m.at(t);
            int c = ring[random.nextInt(ring.length)];
            BuildingTax.Opinion o = SAY[random.nextInt(SAY.length)];
            long s = seq.merge(c, 1L + random.nextInt(3), Long::sum);
            n.say(n.opinion(c, b, s, o));
            last.put(c, o);
            long a = last.values().stream().filter(x -> x == BuildingTax.Opinion.APPROVE).count();
            long d = last.values().stream().filter(x -> x == BuildingTax.Opinion.DISAPPROVE).count();
            assertThat(n.tax(b).approvals()).as("approvals after %d opinions", k + 1).isEqualTo(a);
            assertThat(n.tax(b).disapprovals()).as("disapprovals after %d opinions", k + 1).isEqualTo(d);
            assertThat(n.tax(b).said()).hasSize(last.size());
            numerator = 250 * (6 + d - a);
            assertThat(n.tax(b).numerator(t)).isEqualTo(numerator);
        }
        e.m.ok(e.m.citizen(1), new LandTx.Deposit(0, Neighbourhood.U));
        long expected = sum.divide(BigInteger.valueOf(Accrual.PER_YEAR * 6)).longValueExact();
        assertThat(n.tax(b).taxPaid() - paidBefore).as("the tax, piecewise and exact").isEqualTo(expected);
        e.assertConserved();
        assertThat(e.m.replay().digest()).as("replay").isEqualTo(e.m.society.digest());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        e.m.society.writeSnapshot(out);
        Society read = Society.readSnapshot(new ByteArrayInputStream(out.toByteArray()));
        assertThat(read.digest()).as("snapshot").isEqualTo(e.m.society.digest());
        assertThat(read.view(Land.class).buildingTax(b).orElseThrow().said()).isEqualTo(n.tax(b).said());
    }
}

package org.phyle.core.sortition;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.phyle.crypto.Hash;
import org.phyle.crypto.SigningKey;
import org.phyle.crypto.vrf.EcVrf;

/**
 * No member of a pool is favoured: over many draws each member is chosen about k/n of the time. Pearson's
 * chi-squared statistic of the counts against that expectation stays below the 0.1% critical value of its degrees
 * of freedom (the inputs are fixed, so the test is deterministic: it fails only if the selection is biased, or with
 * these inputs by a one-in-a-thousand fluke that would show at once and stay).
 */
class FairnessTest {

    static List<Selection.Member> pool(int n, String... regions) {
        List<Selection.Member> pool = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            pool.add(new Selection.Member(i, Hash.sha256(("member " + i).getBytes()),
                    regions.length == 0 ? "" : regions[i % regions.length]));
        }
        return pool;
    }

    static double chiSquared(long[] counts, double expected) {
        double x = 0;
        for (long c : counts) {
            x += (c - expected) * (c - expected) / expected;
        }
        return x;
    }

    @Test
    void tenOfFiftyOverTwentyThousandDrawsChoosesEveryoneEqually() {
        List<Selection.Member> pool = pool(50);
        long[] chosen = new long[50];
        long[] chosenFirst = new long[50];
        int draws = 20_000;
        for (int d = 0; d < draws; d++) {
            Hash randomness = Hash.sha256(ByteBuffer.allocate(8).putLong(d).array());
            List<Selection.Member> picked = Selection.select(randomness, pool, 10);
            assertThat(picked).hasSize(10).doesNotHaveDuplicates();
            picked.forEach(m -> chosen[m.number()]++);
            chosenFirst[picked.get(0).number()]++;
        }
        // 49 degrees of freedom: the 0.1% critical value is 85.35
        assertThat(chiSquared(chosen, draws * 10 / 50.0)).isLessThan(85.35);
        assertThat(chiSquared(chosenFirst, draws / 50.0)).isLessThan(85.35);
    }

    @Test
    void twoHundredFullDrawsThroughTheNodesVrfChooseEveryoneEqually() {
        SigningKey node = Harbour.key(77);
        List<Selection.Member> pool = pool(20);
        Hash root = Selection.poolRoot(pool);
        long[] chosen = new long[20];
        int draws = 200;
        for (int d = 0; d < draws; d++) {
            Hash id = Hash.sha256(("draw " + d).getBytes());
            byte[] alpha = Selection.alpha(id, root);
            byte[] proof = node.vrfProve(alpha);
            byte[] beta = EcVrf.verify(node.verifyingKey().bytes(), proof, alpha).orElseThrow();
            Selection.select(Selection.randomness(beta, List.of()), pool, 5).forEach(m -> chosen[m.number()]++);
        }
        // 19 degrees of freedom: the 0.1% critical value is 43.82
        assertThat(chiSquared(chosen, draws * 5 / 20.0)).isLessThan(43.82);
    }

    @Test
    void withinEachRegionTheQuotaIsChosenEqually() {
        List<Selection.Member> pool = pool(60, "north", "south", "east"); // 20 in each
        Map<String, Integer> quotas = Selection.quotas(pool, 9);
        assertThat(quotas).containsEntry("north", 3).containsEntry("south", 3).containsEntry("east", 3);
        long[] chosen = new long[60];
        int draws = 10_000;
        for (int d = 0; d < draws; d++) {
            List<Selection.Member> picked = Selection.selectStratified(
                    Hash.sha256(ByteBuffer.allocate(8).putLong(d).array()), pool, quotas);
            assertThat(picked.stream().filter(m -> m.region().equals("north")).count()).isEqualTo(3);
            picked.forEach(m -> chosen[m.number()]++);
        }
        // 59 degrees of freedom (each member expected 3/20 of the draws): the 0.1% critical value is 98.32
        assertThat(chiSquared(chosen, draws * 3 / 20.0)).isLessThan(98.32);
    }
}

package org.phyle.core.economy;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Worked examples of quadratic funding (the ones docs/economy.md shows), and seeded properties of the matching. */
class MatchingTest {
    static final long U = EconomyParams.UNIT;

    static Matching.Contributions project(long... amounts) {
        int[] persons = new int[amounts.length];
        for (int i = 0; i < persons.length; i++) {
            persons[i] = i + 1;
        }
        return new Matching.Contributions(persons, amounts);
    }

    /** A: four people give 1 each; B: one person gives 16; C: two people give 1 and 4; E: two people give 1 each. */
    static final List<Matching.Contributions> EXAMPLE = List.of(project(U, U, U, U), project(16 * U),
            project(U, 4 * U), project(U, U));

    @Test
    void theRawMatchIsTheSquareOfTheSumOfRootsLessTheSum() {
        Matching.Result r = Matching.match(EXAMPLE, Matching.Mode.STANDARD, 0, 100 * U, 10_000);
        // A: (1+1+1+1)^2 - 4 = 12; B: one contributor, no match; C: (1+2)^2 - 5 = 4; E: (1+1)^2 - 2 = 2
        assertThat(r.raw()).containsExactly(12 * U, 0, 4 * U, 2 * U);
        assertThat(r.matches()).containsExactly(12 * U, 0, 4 * U, 2 * U);
        assertThat(r.saturated()).isFalse();
        assertThat(r.remainder()).isEqualTo(82 * U);
    }

    @Test
    void aSingleContributorGetsNoMatchHoweverLarge() {
        Matching.Result r = Matching.match(List.of(project(1_000_000 * U), project(3, 5)), Matching.Mode.STANDARD, 0,
                10 * U, 10_000);
        assertThat(r.matches()[0]).isZero();
        assertThat(r.matches()[1]).isEqualTo(7); // (sqrt 3 + sqrt 5)^2 - 8 = 7.746, rounded down
    }

    @Test
    void whenTheMatchesExceedThePoolTheyAreScaledDownAndTheRemainderStays() {
        // raw 12 + 4 + 2 = 18 units against a pool of 9.000001: each gets raw * 9.000001 / 18, rounded down
        Matching.Result r = Matching.match(EXAMPLE, Matching.Mode.STANDARD, 0, 9 * U + 1, 10_000);
        assertThat(r.saturated()).isTrue();
        assertThat(r.matches()).containsExactly(6_000_000, 0, 2_000_000, 1_000_000);
        assertThat(r.remainder()).isEqualTo(1);
    }

    @Test
    void theCapHoldsAProjectAndSharesItsExcessAmongTheOthers() {
        // pool 10, cap 50% = 5: A would get 12 * 10 / 18 = 6.67, is held at 5; the other 5 are shared by C and E
        // in proportion 4 : 2 (3.333333 and 1.666666); the rounding leaves 0.000001 in the pool
        Matching.Result r = Matching.match(EXAMPLE, Matching.Mode.STANDARD, 0, 10 * U, 5_000);
        assertThat(r.matches()).containsExactly(5 * U, 0, 3_333_333, 1_666_666);
        assertThat(r.capped()).isEqualTo(1);
        assertThat(r.remainder()).isEqualTo(1);
    }

    @Test
    void theCapIsAppliedAgainUntilNoProjectExceedsIt() {
        // pool 10, cap 35% = 3.5: A is held at 3.5; the 6.5 left cover C (4) and E (2) in full, but C is above the cap
        // too and is held at 3.5; E keeps its 2; the 1 that nobody may take stays in the pool
        Matching.Result r = Matching.match(EXAMPLE, Matching.Mode.STANDARD, 0, 10 * U, 3_500);
        assertThat(r.matches()).containsExactly(3_500_000, 0, 3_500_000, 2 * U);
        assertThat(r.capped()).isEqualTo(2);
        assertThat(r.remainder()).isEqualTo(U);
    }

    @Test
    void thePairwiseModeDampsPairsThatGiveTogether() {
        // two people give 1 each to one project: M_ij = sqrt(1 * 1) = 1, damped by k / (k + 1) = 1/2 with k = 1
        Matching.Result alone = Matching.match(List.of(project(U, U)), Matching.Mode.PAIRWISE, U, 100 * U, 10_000);
        assertThat(alone.matches()).containsExactly(U);
        // the same two give 1 each to two projects: M_ij = 2, damped by 1/3: each project gets 2/3, rounded down
        Matching.Result twice = Matching.match(List.of(project(U, U), project(U, U)), Matching.Mode.PAIRWISE, U,
                100 * U, 10_000);
        assertThat(twice.matches()).containsExactly(666_666, 666_666);
        // standard mode would give each project 2
        assertThat(Matching.match(List.of(project(U, U), project(U, U)), Matching.Mode.STANDARD, 0, 100 * U, 10_000)
                .matches()).containsExactly(2 * U, 2 * U);
        // a single contributor has no pair: no match
        assertThat(Matching.match(List.of(project(9 * U)), Matching.Mode.PAIRWISE, U, 100 * U, 10_000).matches())
                .containsExactly(0);
    }

    @Test
    void aLargeKMakesThePairwiseModeTheStandardOne() {
        Matching.Result pairwise = Matching.match(EXAMPLE, Matching.Mode.PAIRWISE, 1L << 40, 100 * U, 10_000);
        Matching.Result standard = Matching.match(EXAMPLE, Matching.Mode.STANDARD, 0, 100 * U, 10_000);
        for (int p = 0; p < EXAMPLE.size(); p++) {
            assertThat(standard.matches()[p] - pairwise.matches()[p]).isBetween(0L, 1_000L);
        }
    }

    @Test
    void hugeContributionsAreExact() {
        long big = (1L << 53) - 1;
        Matching.Result r = Matching.match(List.of(project(big, big)), Matching.Mode.STANDARD, 0, Long.MAX_VALUE / 4,
                10_000);
        // (2 sqrt(big))^2 - 2 big = 2 big, to within the rounding of the roots
        assertThat(2 * big - r.matches()[0]).isBetween(0L, 1L << 28);
        Matching.Result p = Matching.match(List.of(project(big, big)), Matching.Mode.PAIRWISE, big, Long.MAX_VALUE / 4,
                10_000);
        assertThat(p.matches()[0]).isBetween(big - (1L << 28), big); // damped by big / (big + big) = 1/2
    }

    /** Seeded rounds: shares never exceed the pool or the cap, nor a project's raw match; order does not matter. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
    void sharesRespectThePoolTheCapAndTheRawMatchesInAnyOrder(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int projects = 1 + rnd.nextInt(12);
        List<Matching.Contributions> in = new ArrayList<>();
        List<Matching.Contributions> reversed = new ArrayList<>();
        for (int p = 0; p < projects; p++) {
            int n = rnd.nextInt(8);
            int[] who = new int[n];
            long[] amounts = new long[n];
            for (int i = 0; i < n; i++) {
                who[i] = i * 3 + rnd.nextInt(3);
                amounts[i] = 1 + (rnd.nextBoolean() ? rnd.nextLong(1_000) : rnd.nextLong(1_000_000 * U));
            }
            in.add(new Matching.Contributions(who, amounts));
            int[] rw = new int[n];
            long[] ra = new long[n];
            for (int i = 0; i < n; i++) {
                rw[i] = who[n - 1 - i];
                ra[i] = amounts[n - 1 - i];
            }
            reversed.add(new Matching.Contributions(rw, ra));
        }
        long pool = 1 + rnd.nextLong(1_000_000 * U);
        int capBp = 1 + rnd.nextInt(10_000);
        for (Matching.Mode mode : Matching.Mode.values()) {
            long k = 1 + rnd.nextLong(100 * U);
            Matching.Result r = Matching.match(in, mode, k, pool, capBp);
            long cap = Money.mulDiv(pool, capBp, 10_000);
            long sum = 0;
            for (int p = 0; p < projects; p++) {
                assertThat(r.matches()[p]).isBetween(0L, Math.min(cap, r.raw()[p]));
                if (in.get(p).persons().length < 2) {
                    assertThat(r.matches()[p]).isZero();
                }
                sum += r.matches()[p];
            }
            assertThat(sum + r.remainder()).isEqualTo(pool);
            assertThat(r.remainder()).isNotNegative();
            assertThat(Matching.match(reversed, mode, k, pool, capBp).matches()).containsExactly(r.matches());
        }
    }

    @Test
    void theScaledRootIsTheFloorOfTheRoot() {
        SplittableRandom rnd = new SplittableRandom(7);
        for (int i = 0; i < 10_000; i++) {
            long c = rnd.nextBoolean() ? rnd.nextLong(1L << 40) : rnd.nextLong(Long.MAX_VALUE >> 2);
            BigInteger scaled = BigInteger.valueOf(c).shiftLeft(Matching.SCALE_BITS);
            BigInteger q = BigInteger.valueOf(Matching.scaledRoot(c));
            assertThat(q.multiply(q).compareTo(scaled) <= 0
                    && q.add(BigInteger.ONE).pow(2).compareTo(scaled) > 0).as("root of %d", c).isTrue();
        }
    }
}

package org.phyle.core.governance;

import org.phyle.core.proposals.Threshold;
import org.phyle.core.proposals.Method;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.phyle.core.governance.Tally.Rules;
import org.phyle.core.governance.Tally.Weighted;

/**
 * Worked examples of outside representation: each option's combined score is (1 - s) x its share among the
 * citizens who voted + s x its share among the panel's seats, computed in integers by weighting each citizen's
 * ballot (10000 - s) x panel size and each panellist's s x citizens voting. Panellists who do not vote abstain.
 */
class PanelCountingTest {

    static List<Weighted> citizens(Ballot... ballots) {
        List<Weighted> out = new ArrayList<>();
        for (Ballot b : ballots) {
            out.add(new Weighted(b, 1));
        }
        return out;
    }

    static Ballot[] times(int n, Ballot b) {
        Ballot[] out = new Ballot[n];
        java.util.Arrays.fill(out, b);
        return out;
    }

    static Ballot[] concat(Ballot[]... parts) {
        List<Ballot> out = new ArrayList<>();
        for (Ballot[] p : parts) {
            out.addAll(List.of(p));
        }
        return out.toArray(Ballot[]::new);
    }

    static final Ballot YES = new Ballot.YesNo(Ballot.YesNo.Choice.YES);
    static final Ballot NO = new Ballot.YesNo(Ballot.YesNo.Choice.NO);

    static Rules rules(Method method, int options, long electorate) {
        return new Rules(method, options, 1, Threshold.named("majority"), 2000, electorate);
    }

    @Test
    void yesNoWithAPanelOfFiveAtTwentyPercent() {
        // citizens: 6 yes, 4 no; panel of 5: 1 yes, 3 no, 1 did not vote
        TallyResult t = Tally.countWithPanel(rules(Method.YES_NO, 3, 20), citizens(concat(times(6, YES), times(4, NO))),
                0, 0, List.of(YES, NO, NO, NO), 5, 2000);
        assertThat(t.outside().citizenWeight()).isEqualTo(8000L * 5);   // 40,000 per citizen
        assertThat(t.outside().panelWeight()).isEqualTo(2000L * 10);    // 20,000 per panellist
        assertThat(t.scores()).containsExactly(260_000, 220_000, 20_000);
        // as shares: yes 0.8 x 6/10 + 0.2 x 1/5 = 0.52; no 0.8 x 4/10 + 0.2 x 3/5 = 0.44; abstain 0.2 x 1/5 = 0.04
        assertThat(t.scores()[0] / 500_000.0).isEqualTo(0.52);
        assertThat(t.outside().citizenScores()).containsExactly(6, 4, 0);
        assertThat(t.outside().panelScores()).containsExactly(1, 3, 1);
        assertThat(t.passed()).isTrue();
        assertThat(t.participants()).isEqualTo(10); // quorum counts citizens only
    }

    @Test
    void aUnitedPanelCanTurnANarrowCitizensMajority() {
        // citizens 6 yes to 5 no would pass alone; a panel of 5 all against: 0.8 x 6/11 = 0.436 < 0.8 x 5/11 + 0.2
        Rules r = rules(Method.YES_NO, 3, 20);
        List<Weighted> c = citizens(concat(times(6, YES), times(5, NO)));
        assertThat(Tally.count(r, c, 0, 0).passed()).isTrue();
        TallyResult t = Tally.countWithPanel(r, c, 0, 0, List.of(times(5, NO)), 5, 2000);
        assertThat(t.scores()).containsExactly(6 * 40_000L, 5 * 40_000L + 5 * 22_000L, 0);
        assertThat(t.passed()).isFalse();
    }

    @Test
    void aPanelThatDoesNotVoteOnlyDilutesAndNeverMakesQuorum() {
        Rules r = rules(Method.YES_NO, 3, 100); // quorum 20 of 100
        TallyResult silent = Tally.countWithPanel(r, citizens(concat(times(11, YES), times(9, NO))), 0, 0, List.of(),
                101, 2000);
        assertThat(silent.passed()).isTrue();
        assertThat(silent.scores()[2]).isEqualTo(101L * 2000 * 20); // the silent panel abstains: 20% of the weight
        assertThat(silent.outside().panelScores()).containsExactly(0, 0, 101);
        TallyResult belowQuorum = Tally.countWithPanel(r, citizens(times(19, YES)), 0, 0, List.of(times(101, YES)),
                101, 2000);
        assertThat(belowQuorum.quorumMet()).isFalse();
        assertThat(belowQuorum.passed()).isFalse();
    }

    @Test
    void quadraticScoresAreVotesWeightedTheSameWay() {
        // citizens [3,0,1] and [1,2,0]; a panel of 4 in which two voted [0,3,0] and [0,1,0]
        TallyResult t = Tally.countWithPanel(rules(Method.QUADRATIC, 3, 10),
                citizens(new Ballot.Quadratic(new int[] {3, 0, 1}), new Ballot.Quadratic(new int[] {1, 2, 0})), 0, 0,
                List.of(new Ballot.Quadratic(new int[] {0, 3, 0}), new Ballot.Quadratic(new int[] {0, 1, 0})), 4, 2000);
        // citizen weight 8000 x 4 = 32,000; panellist weight 2000 x 2 = 4,000
        assertThat(t.scores()).containsExactly(4 * 32_000L, 2 * 32_000L + 4 * 4_000L, 32_000L);
        assertThat(t.winners()).containsExactly(0);
    }

    @Test
    void approvalCountsApprovalsWeightedTheSameWay() {
        TallyResult t = Tally.countWithPanel(rules(Method.APPROVAL, 3, 10),
                citizens(new Ballot.Approval(new int[] {0}), new Ballot.Approval(new int[] {0}),
                        new Ballot.Approval(new int[] {1}), new Ballot.Approval(new int[] {0, 1})), 0, 0,
                List.of(new Ballot.Approval(new int[] {1}), new Ballot.Approval(new int[] {1}),
                        new Ballot.Approval(new int[] {2})), 3, 2000);
        // citizen weight 8000 x 3 = 24,000; panellist 2000 x 4 = 8,000
        assertThat(t.scores()).containsExactly(72_000, 48_000 + 16_000, 8_000);
        assertThat(t.winners()).containsExactly(0);
    }

    @Test
    void rankedChoiceCountsWeightedBallotsInEveryRound() {
        // citizens: A>B, A>B, B>A, C>B, C>B, C>A; panel of 2: B>C, B>A (weights 16,000 and 12,000)
        Ballot ab = new Ballot.Ranked(new int[] {0, 1});
        TallyResult t = Tally.countWithPanel(rules(Method.RANKED, 3, 10),
                citizens(ab, ab, new Ballot.Ranked(new int[] {1, 0}), new Ballot.Ranked(new int[] {2, 1}),
                        new Ballot.Ranked(new int[] {2, 1}), new Ballot.Ranked(new int[] {2, 0})), 0, 0,
                List.of(new Ballot.Ranked(new int[] {1, 2}), new Ballot.Ranked(new int[] {1, 0})), 2, 2000);
        // round 1: A 32,000, B 16,000 + 24,000 = 40,000, C 48,000: no majority of 120,000; A is out
        assertThat(t.rounds().get(0)).containsExactly(32_000, 40_000, 48_000);
        assertThat(t.eliminated().get(0)).isEqualTo(0);
        // round 2: A's two ballots go to B: 72,000 against C's 48,000
        assertThat(t.rounds().get(1)[1]).isEqualTo(72_000);
        assertThat(t.rounds().get(1)[2]).isEqualTo(48_000);
        assertThat(t.winners()).containsExactly(1);
        // without the panel, C leads the first round and B is out first
        assertThat(Tally.count(rules(Method.RANKED, 3, 10), citizens(ab, ab, new Ballot.Ranked(new int[] {1, 0}),
                new Ballot.Ranked(new int[] {2, 1}), new Ballot.Ranked(new int[] {2, 1}),
                new Ballot.Ranked(new int[] {2, 0})), 0, 0).eliminated().get(0)).isEqualTo(1);
    }
}

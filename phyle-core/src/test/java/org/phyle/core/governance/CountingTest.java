package org.phyle.core.governance;

import org.phyle.core.proposals.Threshold;
import org.phyle.core.proposals.Method;
import static org.assertj.core.api.Assertions.assertThat;
import static org.phyle.core.governance.GovernanceCode.*;
import static org.phyle.core.governance.Polity.abstain;
import static org.phyle.core.governance.Polity.approve;
import static org.phyle.core.governance.Polity.no;
import static org.phyle.core.governance.Polity.qv;
import static org.phyle.core.governance.Polity.rank;
import static org.phyle.core.governance.Polity.yes;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.phyle.core.governance.GovernanceTx.*;

/** Worked examples of every counting method, with their ties and quorum edges. */
class CountingTest {
    final Polity polity = new Polity(10); // electorate of 10; quorum 20% = 2 votes

    static Propose yesNo(String threshold) {
        return new Propose("Y", "", "general", "signal", null, Method.YES_NO, List.of(), 1, 0, false,
                Threshold.named(threshold), Optional.empty());
    }

    static Propose quadratic(boolean negative, int winners, String... options) {
        return new Propose("Q", "", "budget", "signal", null, Method.QUADRATIC, List.of(options), winners, 0, negative,
                Threshold.named("majority"), Optional.empty());
    }

    static Propose approval(int max, int winners, String... options) {
        return new Propose("A", "", "general", "signal", null, Method.APPROVAL, List.of(options), winners, max, false,
                Threshold.named("majority"), Optional.empty());
    }

    static Propose ranked(String... options) {
        return new Propose("R", "", "general", "signal", null, Method.RANKED, List.of(options), 1, 0, false,
                Threshold.named("majority"), Optional.empty());
    }

    // ---- yes / no ----------------------------------------------------------------------------------------------

    @Test
    void oneVoteIsBelowAQuorumOfTwoAndAnAbstentionReachesIt() {
        Proposal p = polity.open(yesNo("majority"));
        polity.vote(1, p, yes());
        polity.close(p);
        assertThat(p.result().quorumRequired()).isEqualTo(2);
        assertThat(p.result().quorumMet()).isFalse();
        assertThat(p.state()).isEqualTo(Proposal.State.FAILED);

        Proposal q = polity.open(yesNo("majority"));
        polity.vote(1, q, yes());
        polity.vote(2, q, abstain());
        polity.close(q);
        assertThat(q.result().quorumMet()).isTrue();
        assertThat(q.state()).isEqualTo(Proposal.State.PASSED); // 1 yes, 0 no
    }

    @Test
    void aTieIsNotAMajorityButTwoThirdsIsExactlyEnough() {
        Proposal tie = polity.open(yesNo("majority"));
        polity.vote(1, tie, yes());
        polity.vote(2, tie, yes());
        polity.vote(3, tie, no());
        polity.vote(4, tie, no());
        polity.vote(5, tie, abstain());
        polity.close(tie);
        assertThat(tie.state()).isEqualTo(Proposal.State.FAILED);

        Proposal twoThirds = polity.open(yesNo("two-thirds"));
        polity.vote(1, twoThirds, yes());
        polity.vote(2, twoThirds, yes());
        polity.vote(3, twoThirds, no());
        polity.close(twoThirds);
        assertThat(twoThirds.state()).isEqualTo(Proposal.State.PASSED);

        Proposal short_ = polity.open(yesNo("three-quarters"));
        polity.vote(1, short_, yes());
        polity.vote(2, short_, yes());
        polity.vote(3, short_, no());
        polity.close(short_);
        assertThat(short_.state()).isEqualTo(Proposal.State.FAILED); // 2/3 < 3/4
    }

    @Test
    void aYesNoBallotOnAnotherMethodIsRefused() {
        Proposal p = polity.open(ranked("a", "b"));
        polity.refused(polity.citizen(1), new Vote(p.id(), yes()), BAD_BALLOT);
    }

    // ---- quadratic -----------------------------------------------------------------------------------------------

    @Test
    void quadraticVotesCostTheirSquareFromOneBudgetPerEpoch() {
        Proposal p = polity.open(quadratic(false, 1, "library", "garden", "bikes"));
        Proposal other = polity.open(quadratic(true, 1, "yes to the mural"));
        polity.refused(polity.citizen(1), new Vote(p.id(), qv(8, 7, 0)), OVER_BUDGET); // 64 + 49 = 113 > 100
        polity.vote(1, p, qv(7, 5, 5)); // 49 + 25 + 25 = 99
        polity.refused(polity.citizen(1), new Vote(other.id(), qv(2)), OVER_BUDGET); // 99 + 4 > 100: shared budget
        polity.ok(polity.citizen(1), new Vote(other.id(), qv(1)));
        polity.vote(1, p, qv(6, 0, 0)); // re-voting refunds the old ballot: 36
        polity.ok(polity.citizen(1), new Vote(other.id(), qv(-8))); // 36 + 64 = 100, against
        assertThat(polity.governance().creditsSpent(p.epoch(), polity.person(1).number())).isEqualTo(100);
        polity.refused(polity.citizen(2), new Vote(p.id(), qv(-1, 0, 0)), NEGATIVE_NOT_ALLOWED);
        polity.refused(polity.citizen(2), new Vote(p.id(), qv(1, 1)), BAD_BALLOT);

        polity.vote(2, p, qv(1, 9, 0));
        polity.vote(3, p, qv(0, 2, 9));
        polity.close(p);
        assertThat(p.result().scores()).containsExactly(7, 11, 9);
        assertThat(p.result().winners()).containsExactly(1);
        assertThat(p.result().creditsSpent()).isEqualTo(36 + 82 + 85);
    }

    // ---- approval -----------------------------------------------------------------------------------------------

    @Test
    void approvalVotingPicksTheMostApprovedAndBreaksTiesByListOrder() {
        Proposal p = polity.open(approval(2, 2, "Ana", "Bo", "Cy", "Di"));
        polity.refused(polity.citizen(1), new Vote(p.id(), approve(0, 1, 2)), TOO_MANY_APPROVALS);
        polity.refused(polity.citizen(1), new Vote(p.id(), approve(0, 0)), DUPLICATE_OPTION);
        polity.refused(polity.citizen(1), new Vote(p.id(), approve(7)), UNKNOWN_OPTION);
        polity.vote(1, p, approve(0, 1));
        polity.vote(2, p, approve(2, 1));
        polity.vote(3, p, approve(2, 0));
        polity.vote(4, p, approve(3));
        polity.close(p);
        assertThat(p.result().scores()).containsExactly(2, 2, 2, 1);
        assertThat(p.result().winners()).containsExactly(0, 1); // three tied at 2: the first listed win
    }

    // ---- ranked choice ------------------------------------------------------------------------------------------

    @Test
    void instantRunoffTransfersTheEliminatedOptionsBallots() {
        // 0 = Alder, 1 = Birch, 2 = Cedar; 9 voters
        Proposal p = polity.open(ranked("Alder", "Birch", "Cedar"));
        polity.refused(polity.citizen(1), new Vote(p.id(), rank(0, 0)), DUPLICATE_OPTION);
        polity.refused(polity.citizen(1), new Vote(p.id(), rank(3)), UNKNOWN_OPTION);
        polity.refused(polity.citizen(1), new Vote(p.id(), rank()), BAD_BALLOT);
        for (int i = 0; i < 4; i++) {
            polity.vote(i, p, rank(0, 2));
        }
        for (int i = 4; i < 7; i++) {
            polity.vote(i, p, rank(1, 2));
        }
        polity.vote(7, p, rank(2, 1));
        polity.vote(8, p, rank(2, 1));
        polity.close(p);
        // round 1: A 4, B 3, C 2 -> C out; round 2: A 4, B 5 -> B wins with 5 of 9
        assertThat(p.result().rounds().get(0)).containsExactly(4, 3, 2);
        assertThat(p.result().eliminated()).containsExactly(2);
        assertThat(p.result().rounds().get(1)).containsExactly(4, 5, 0);
        assertThat(p.result().winners()).containsExactly(1);
    }

    @Test
    void aTieForLastIsBrokenByEarlierRoundsThenByListOrder() {
        // round 1: A 3, B 2, C 2, D 1 -> D out (its voter ranked C next); round 2: A 3, B 2, C 3 -> B out
        Proposal p = polity.open(ranked("A", "B", "C", "D"));
        for (int i = 0; i < 3; i++) {
            polity.vote(i, p, rank(0));
        }
        polity.vote(3, p, rank(1, 0));
        polity.vote(4, p, rank(1, 0));
        polity.vote(5, p, rank(2));
        polity.vote(6, p, rank(2));
        polity.vote(7, p, rank(3, 2));
        polity.close(p);
        assertThat(p.result().eliminated()).startsWith(3, 1);
        assertThat(p.result().winners()).containsExactly(0); // round 3: A 5, C 3

        // a tie in the first round with no history: the option listed last goes first
        Proposal q = polity.open(ranked("X", "Y", "Z"));
        polity.vote(0, q, rank(0));
        polity.vote(1, q, rank(0));
        polity.vote(2, q, rank(1, 0));
        polity.vote(3, q, rank(2, 1));
        polity.close(q);
        assertThat(q.result().eliminated().get(0)).isEqualTo(2);
        assertThat(q.result().rounds().get(1)).containsExactly(2, 2, 0);
        assertThat(q.result().eliminated().get(1)).isEqualTo(1); // tied again: Y had 1 in round 1 as did... Y listed later
        assertThat(q.result().winners()).containsExactly(0);
    }

    @Test
    void exhaustedBallotsLeaveTheCountButNotTheQuorum() {
        Proposal p = polity.open(ranked("A", "B", "C"));
        polity.vote(0, p, rank(0));
        polity.vote(1, p, rank(0));
        polity.vote(2, p, rank(1));
        polity.vote(3, p, rank(1));
        polity.vote(4, p, rank(2)); // C out first; this ballot is exhausted
        polity.close(p);
        // round 1: A 2, B 2, C 1 -> C out; round 2: A 2, B 2 and C's ballot exhausted: tied, B (listed later) out;
        // round 3: A 2 of the 2 continuing ballots
        assertThat(p.result().exhausted()).containsExactly(0L, 1L, 3L);
        assertThat(p.result().participants()).isEqualTo(5);
        assertThat(p.result().quorumMet()).isTrue();
        assertThat(p.result().winners()).containsExactly(0);
    }
}

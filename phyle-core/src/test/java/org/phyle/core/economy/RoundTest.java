package org.phyle.core.economy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.phyle.core.governance.Proposal;
import org.phyle.crypto.SigningKey;

/** A quadratic funding round through the society: proposal, applications, approval, contributions, payout. */
class RoundTest {
    static final long U = Market.UNIT;
    final Market m = new Market(5);
    final SigningKey r0 = Market.stranger(10);
    final SigningKey r1 = Market.stranger(11);
    final SigningKey outsider = Market.stranger(12);

    RoundTest() {
        m.grant(m.did(0), 1_000 * U);
        for (int i = 1; i < 5; i++) {
            m.ok(m.founder, new EconomyTx.Transfer(m.citizen(i).verifyingKey(), 100 * U));
        }
        m.ok(m.founder, new EconomyTx.Transfer(outsider.verifyingKey(), 100 * U));
        m.appointStewards(1);
    }

    @Test
    void aRoundRunsFromItsProposalToItsPayoutAndEveryFigureAddsUp() {
        long treasuryBefore = m.economy().treasury();
        int n = m.round(30 * U, 24, 48, EconomyActions.Approval.STEWARDS, Matching.Mode.STANDARD, 10_000, 0);
        Economy.Round round = m.economy().round(n).orElseThrow();
        assertThat(m.economy().treasury()).isEqualTo(treasuryBefore - 30 * U);
        assertThat(round.escrow()).isEqualTo(30 * U);
        m.ok(outsider, new EconomyTx.Apply(n, "Library", r0.verifyingKey(), "Books for all."));
        m.ok(m.citizen(1), new EconomyTx.Apply(n, "Garden", r1.verifyingKey(), "A shared garden."));
        m.ok(m.citizen(2), new EconomyTx.Apply(n, "Statue", r1.verifyingKey(), "Of the founder."));
        // approval by the stewards only
        m.refused(m.citizen(2), new EconomyTx.Approve(n, 0), EconomyCode.NOT_A_STEWARD);
        m.ok(m.citizen(1), new EconomyTx.Approve(n, 0));
        m.ok(m.citizen(1), new EconomyTx.Approve(n, 1));
        m.refused(m.citizen(1), new EconomyTx.Approve(n, 1), EconomyCode.ALREADY_APPROVED);
        m.refused(m.citizen(1), new EconomyTx.Approve(n, 9), EconomyCode.UNKNOWN_PROJECT);
        m.refused(m.citizen(1), new EconomyTx.Approve(7, 0), EconomyCode.UNKNOWN_ROUND);
        // contributions wait for the applications to close
        m.refused(m.citizen(2), new EconomyTx.Contribute(n, 0, U), EconomyCode.CONTRIBUTIONS_NOT_OPEN);
        m.at(round.applicationsUntil());
        m.refused(outsider, new EconomyTx.Apply(n, "Late", r0.verifyingKey(), ""), EconomyCode.APPLICATIONS_CLOSED);
        for (int i = 0; i < 4; i++) {
            m.ok(m.citizen(i), new EconomyTx.Contribute(n, 0, U));
        }
        m.ok(m.citizen(0), new EconomyTx.Contribute(n, 1, U));
        m.ok(m.citizen(1), new EconomyTx.Contribute(n, 1, 3 * U));
        m.ok(m.citizen(1), new EconomyTx.Contribute(n, 1, U)); // one person, one square root: 4 in all
        m.ok(outsider, new EconomyTx.Contribute(n, 1, 5 * U)); // accepted, not matched
        m.refused(m.citizen(3), new EconomyTx.Contribute(n, 2, U), EconomyCode.NOT_APPROVED);
        m.refused(m.citizen(3), new EconomyTx.Contribute(n, 5, U), EconomyCode.UNKNOWN_PROJECT);
        m.refused(m.citizen(3), new EconomyTx.Contribute(n, 0, 0), EconomyCode.AMOUNT_NOT_POSITIVE);
        m.refused(m.citizen(3), new EconomyTx.Contribute(n, 0, 1_000 * U), EconomyCode.INSUFFICIENT_FUNDS);
        assertThat(round.projects().get(1).counted()).containsEntry(m.person(1).number(), 4 * U).hasSize(2);
        assertThat(round.projects().get(1).uncounted()).isEqualTo(5 * U);
        // the live estimate: project 0 (1+1+1+1)^2 - 4 = 12, project 1 (1+2)^2 - 5 = 4
        assertThat(m.economy().matching(n).matches()).containsExactly(12 * U, 4 * U, 0);
        m.assertConserved();
        m.refused(outsider, new EconomyTx.Payout(n), EconomyCode.ROUND_NOT_ENDED);
        m.at(round.contributionsUntil());
        m.refused(m.citizen(2), new EconomyTx.Contribute(n, 0, U), EconomyCode.CONTRIBUTIONS_NOT_OPEN);
        long treasury = m.economy().treasury();
        m.ok(outsider, new EconomyTx.Payout(n));
        assertThat(m.spendable(r0)).isEqualTo(4 * U + 12 * U);
        assertThat(m.spendable(r1)).isEqualTo(10 * U + 4 * U);
        assertThat(m.economy().treasury()).isEqualTo(treasury + 14 * U); // the pool's remainder comes back
        assertThat(round.escrow()).isZero();
        assertThat(round.paid()).isTrue();
        m.refused(m.citizen(2), new EconomyTx.Payout(n), EconomyCode.ALREADY_PAID);
        assertThat(m.economy().matching(n).matches()).containsExactly(12 * U, 4 * U, 0);
        assertThat(m.economy().statement(0, Long.MAX_VALUE).income()).containsEntry("round-return", 14 * U);
        m.assertConserved();
        assertThat(m.replay().digest()).isEqualTo(m.society.digest());
    }

    @Test
    void aRoundApprovedByVoteTakesAProposalPerProject() {
        int n = m.round(10 * U, 24, 24, EconomyActions.Approval.VOTE, Matching.Mode.PAIRWISE, 5_000, U);
        m.ok(outsider, new EconomyTx.Apply(n, "Library", r0.verifyingKey(), ""));
        m.refused(m.citizen(1), new EconomyTx.Approve(n, 0), EconomyCode.APPROVAL_BY_VOTE);
        Proposal p = m.pass("qf-approve", new EconomyActions.ApproveProject(n, 0));
        assertThat(p.state()).isEqualTo(Proposal.State.EXECUTED);
        Economy.Project project = m.economy().round(n).orElseThrow().projects().get(0);
        assertThat(project.approved()).isTrue();
        assertThat(project.approvedBy()).startsWith("proposal ");
        m.assertConserved();
    }

    @Test
    void aPairwiseRoundRefusesNewContributorsBeyondItsLimitOfPairs() {
        Market small = new Market(5, org.phyle.core.Catalog.defaultParameters().with("economy.maxPairs", 3));
        small.grant(small.did(0), 100 * U);
        for (int i = 1; i < 5; i++) {
            small.ok(small.founder, new EconomyTx.Transfer(small.citizen(i).verifyingKey(), 10 * U));
        }
        int n = small.round(10 * U, 1, 24, EconomyActions.Approval.VOTE, Matching.Mode.PAIRWISE, 10_000, U);
        small.ok(outsider, new EconomyTx.Apply(n, "Library", r0.verifyingKey(), ""));
        small.pass("qf-approve", new EconomyActions.ApproveProject(n, 0));
        small.at(Math.max(small.now, small.economy().round(n).orElseThrow().applicationsUntil()));
        for (int i = 0; i < 3; i++) {
            small.ok(small.citizen(i), new EconomyTx.Contribute(n, 0, U)); // 0, 1, then 3 pairs
        }
        assertThat(small.economy().round(n).orElseThrow().pairs()).isEqualTo(3);
        small.refused(small.citizen(3), new EconomyTx.Contribute(n, 0, U), EconomyCode.PAIRWISE_LIMIT);
        small.ok(small.citizen(2), new EconomyTx.Contribute(n, 0, U)); // a counted contributor may give more
        small.assertConserved();
    }

    @Test
    void aRoundCannotTakeMoreThanTheTreasuryHolds() {
        m.refused(m.founder, new org.phyle.core.governance.GovernanceTx.Propose("P", "Because.", "economy",
                "qf-round", new EconomyActions.FundingRound("Too big", 10_000_000 * U, 1, 1,
                EconomyActions.Approval.STEWARDS, Matching.Mode.STANDARD, 10_000, 0),
                org.phyle.core.proposals.Method.YES_NO, java.util.List.of(), 1, 0, false,
                org.phyle.core.proposals.Threshold.named("majority"), java.util.Optional.empty()),
                EconomyCode.TREASURY_INSUFFICIENT);
    }
}

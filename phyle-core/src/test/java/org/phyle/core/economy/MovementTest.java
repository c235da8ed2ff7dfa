package org.phyle.core.economy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.phyle.core.Block;
import org.phyle.core.BlockBuilder;
import org.phyle.core.Catalog;
import org.phyle.core.Society;
import org.phyle.core.TxOutcome;
import org.phyle.core.governance.Proposal;
import org.phyle.crypto.Hash;
import org.phyle.crypto.SigningKey;

/**
 * The movements of money each block makes, the accounts' history: one for every account a movement touches, in the
 * order the economy made them, none for a refused transaction, the same when the ledger is replayed, and adding up
 * to every balance and to the treasury.
 */
class MovementTest {
    static final long U = Market.UNIT;
    static final long DAY = Economy.DAY;
    final Market m = new Market(3, Catalog.defaultParameters().with("economy.dividendShareBp", 5_000)
            .with("economy.dividendPeriodDays", 7));
    final SigningKey outsider = Market.stranger(1);

    /** Every movement since the genesis, from a replica that replays the kept blocks one by one. */
    List<Movement> history() {
        Society replica = Society.fromGenesis(m.genesis);
        List<Movement> all = new ArrayList<>(replica.view(Movements.class).ofBlock(0));
        for (Block b : m.blocks) {
            replica.apply(b);
            all.addAll(replica.view(Movements.class).ofBlock(b.header().height()));
        }
        return all;
    }

    List<Movement> of(String account) {
        return history().stream().filter(x -> x.account().equals(account)).toList();
    }

    /** The movements of the last block, as the live society lists them. */
    List<Movement> last() {
        return m.society.view(Movements.class).ofBlock(m.society.height());
    }

    @Test
    void aTransferIsAMovementOutOfTheSenderAndIntoTheRecipientWithMemoAndTransaction() {
        m.grant(m.did(1), 10 * U);
        Hash tx = m.ok(m.citizen(1), new EconomyTx.Transfer(outsider.verifyingKey().did(), 2 * U, "rent", false));
        List<Movement> block = last();
        assertThat(block).hasSize(2);
        Movement out = block.get(0);
        Movement in = block.get(1);
        assertThat(out.account()).isEqualTo(m.did(1));
        assertThat(out.kind()).isEqualTo(Movement.Kind.TRANSFER);
        assertThat(out.direction()).isEqualTo(Movement.Direction.OUT);
        assertThat(out.amount()).isEqualTo(2 * U);
        assertThat(out.counterparty()).isEqualTo(outsider.verifyingKey().did());
        assertThat(out.memo()).isEqualTo("rent");
        assertThat(out.tx()).isEqualTo(tx);
        assertThat(out.height()).isEqualTo(m.society.height());
        assertThat(out.time()).isEqualTo(m.now);
        assertThat(in.account()).isEqualTo(outsider.verifyingKey().did());
        assertThat(in.direction()).isEqualTo(Movement.Direction.IN);
        assertThat(in.counterparty()).isEqualTo(m.did(1));
        assertThat(in.memo()).isEqualTo("rent");
        assertThat(in.tx()).isEqualTo(tx);
        // the grant before it: out of the treasury, into the account, naming the proposal
        List<Movement> grant = of(m.did(1)).stream().filter(x -> x.kind() == Movement.Kind.TREASURY_SPEND).toList();
        assertThat(grant).singleElement().satisfies(g -> {
            assertThat(g.direction()).isEqualTo(Movement.Direction.IN);
            assertThat(g.counterparty()).isEqualTo(EconomyTx.TREASURY);
            assertThat(g.memo()).isEqualTo("a grant");
            assertThat(g.proposal()).isNotNull();
            assertThat(g.tx()).isNull();
        });
        // replaying the ledger lists the same movements
        assertThat(history().subList(history().size() - 2, history().size())).isEqualTo(block);
    }

    @Test
    void aRefusedTransactionMovesNothingEvenInABlockWithAcceptedOnes() {
        m.grant(m.did(1), 10 * U);
        BlockBuilder b = m.society.newBlock(m.now);
        TxOutcome ok = b.offer(m.tx(m.citizen(1), new EconomyTx.Transfer(m.citizen(2).verifyingKey(), U)));
        TxOutcome overdraft = b.offer(m.tx(m.citizen(1), new EconomyTx.Transfer(m.citizen(2).verifyingKey(), 100 * U)));
        TxOutcome lock = b.offer(m.tx(m.citizen(1), new EconomyTx.Lock(U, Optional.empty(), m.now - 1)));
        TxOutcome ok2 = b.offer(m.tx(m.citizen(2), new EconomyTx.Transfer(m.citizen(1).verifyingKey(), 1)));
        assertThat(ok).isInstanceOf(TxOutcome.Accepted.class);
        assertThat(overdraft).isInstanceOf(TxOutcome.Rejected.class);
        assertThat(lock).isInstanceOf(TxOutcome.Rejected.class);
        assertThat(ok2).isInstanceOf(TxOutcome.Accepted.class);
        m.blocks.add(b.seal(m.sequencer));
        assertThat(last()).extracting(Movement::tx).containsExactly(ok.tx().id(), ok.tx().id(), ok2.tx().id(),
                ok2.tx().id());
        assertThat(last()).extracting(Movement::amount).containsExactly(U, U, 1L, 1L);
        // a refused transaction alone in its block: the last block's movements are as they were
        List<Movement> before = last();
        m.refused(m.citizen(1), new EconomyTx.Transfer(m.citizen(2).verifyingKey(), 100 * U),
                EconomyCode.INSUFFICIENT_FUNDS);
        assertThat(last()).isEqualTo(before);
    }

    @Test
    void locksAndVestingAreListedWhenCreatedAndWhenTheirReleaseIsClaimed() {
        long start = m.now;
        m.pass("treasury-spend", new EconomyActions.TreasurySpend(m.did(1), 100 * U, "grants", "a grant", 100, 0));
        m.grant(m.did(1), 10 * U);
        m.ok(m.citizen(1), new EconomyTx.Lock(10 * U, Optional.empty(), m.now + 10 * DAY));
        m.at(start + 50 * DAY);
        m.ok(m.citizen(1), new EconomyTx.Transfer(m.citizen(2).verifyingKey(), 20 * U));
        List<Movement> block = last();
        // the releases are claimed first, lock by lock, then the transfer spends them
        assertThat(block).extracting(Movement::kind).containsExactly(Movement.Kind.VESTING_RELEASE,
                Movement.Kind.LOCK_RELEASE, Movement.Kind.TRANSFER, Movement.Kind.TRANSFER);
        assertThat(block.get(0).lock()).isZero();
        assertThat(block.get(1).lock()).isEqualTo(1);
        assertThat(block.get(1).amount()).isEqualTo(10 * U);
        assertThat(block.get(0).direction()).isEqualTo(Movement.Direction.IN);
        List<Movement> mine = of(m.did(1));
        Movement vesting = mine.get(0);
        assertThat(vesting.kind()).isEqualTo(Movement.Kind.VESTING);
        assertThat(vesting.direction()).isEqualTo(Movement.Direction.LOCKED);
        assertThat(vesting.amount()).isEqualTo(100 * U);
        assertThat(vesting.lock()).isZero();
        Movement lock = mine.stream().filter(x -> x.kind() == Movement.Kind.LOCK).findFirst().orElseThrow();
        assertThat(lock.direction()).isEqualTo(Movement.Direction.OUT);
        assertThat(lock.lock()).isEqualTo(1);
        assertReconciles();
    }

    @Test
    void aRoundListsItsPoolContributionsPayoutsMatchesAndWhatReturnsToTheTreasury() {
        m.grant(m.did(0), 100 * U);
        m.ok(m.founder, new EconomyTx.Transfer(m.citizen(1).verifyingKey(), 10 * U));
        m.ok(m.founder, new EconomyTx.Transfer(m.citizen(2).verifyingKey(), 10 * U));
        m.appointStewards(1);
        int n = m.round(30 * U, 1, 2, EconomyActions.Approval.STEWARDS, Matching.Mode.STANDARD, 10_000, 0);
        SigningKey recipient = Market.stranger(9);
        m.ok(outsider, new EconomyTx.Apply(n, "Library", recipient.verifyingKey(), "Books."));
        m.ok(m.citizen(1), new EconomyTx.Approve(n, 0));
        Economy.Round round = m.economy().round(n).orElseThrow();
        m.at(round.applicationsUntil());
        m.ok(m.citizen(1), new EconomyTx.Contribute(n, 0, U));
        m.ok(m.citizen(2), new EconomyTx.Contribute(n, 0, U));
        m.at(round.contributionsUntil());
        m.ok(outsider, new EconomyTx.Payout(n));
        assertThat(last()).extracting(Movement::kind).containsExactly(Movement.Kind.QF_PAYOUT,
                Movement.Kind.QF_MATCH, Movement.Kind.QF_RETURN);
        assertThat(last().get(0).amount()).isEqualTo(2 * U);
        assertThat(last().get(1).amount()).isEqualTo(2 * U); // (1 + 1)^2 - 2
        assertThat(last().get(2).amount()).isEqualTo(28 * U);
        assertThat(last().get(2).account()).isEqualTo(EconomyTx.TREASURY);
        assertThat(last()).allSatisfy(x -> assertThat(x.round()).isEqualTo(n));
        assertThat(last().get(0).project()).isZero();
        Movement contribution = of(m.did(2)).stream().filter(x -> x.kind() == Movement.Kind.QF_CONTRIBUTION)
                .findFirst().orElseThrow();
        assertThat(contribution.direction()).isEqualTo(Movement.Direction.OUT);
        assertThat(contribution.counterparty()).isEqualTo(recipient.verifyingKey().did());
        assertThat(contribution.memo()).isEqualTo("Library");
        assertThat(contribution.project()).isZero();
        assertThat(of(EconomyTx.TREASURY)).extracting(Movement::kind).contains(Movement.Kind.QF_POOL);
        assertReconciles();
    }

    @Test
    void campaignsListPledgesRefundsAndTheLandBudget() {
        m.grant(m.did(1), 100 * U);
        long deadline = m.now + 10 * DAY;
        m.ok(m.citizen(1), new EconomyTx.Campaign("Grove", "Olive trees.", "PT", 50 * U, deadline,
                m.citizen(1).verifyingKey()));
        m.ok(m.citizen(1), new EconomyTx.Campaign("Vineyard", "Vines.", "FR", 500 * U, deadline,
                m.citizen(1).verifyingKey()));
        m.ok(m.citizen(1), new EconomyTx.Pledge(0, 50 * U));
        m.ok(m.citizen(1), new EconomyTx.Pledge(1, 20 * U));
        m.ok(m.citizen(1), new EconomyTx.Pledge(1, 5 * U));
        m.at(deadline);
        assertThat(last()).extracting(Movement::kind).containsExactly(Movement.Kind.LAND, Movement.Kind.REFUND,
                Movement.Kind.REFUND);
        assertThat(last()).extracting(Movement::campaign).containsExactly(0, 1, 1);
        assertThat(last()).extracting(Movement::amount).containsExactly(50 * U, 20 * U, 5 * U);
        assertThat(of(m.did(1))).filteredOn(x -> x.kind() == Movement.Kind.PLEDGE).extracting(Movement::campaign)
                .containsExactly(0, 1, 1);
        assertReconciles();
    }

    @Test
    void issuanceRevenueAndTheDividendAreListedForTheTreasuryAndEveryCitizen() {
        assertThat(history().get(0)).satisfies(g -> {
            assertThat(g.kind()).isEqualTo(Movement.Kind.GENESIS);
            assertThat(g.account()).isEqualTo(EconomyTx.TREASURY);
            assertThat(g.height()).isZero();
        });
        Proposal p = m.pass("issue", new EconomyActions.Issue(7 * U, "growth"));
        assertThat(p.state()).isEqualTo(Proposal.State.EXECUTED);
        m.grant(outsider.verifyingKey().did(), 30 * U);
        m.ok(outsider, EconomyTx.Transfer.toTreasury(6 * U, "market tax", true));
        m.ok(outsider, EconomyTx.Transfer.toTreasury(U, "a gift", false));
        m.at(Market.T0 + 7 * DAY);
        List<Movement> dividend = last();
        assertThat(dividend.get(0).account()).isEqualTo(EconomyTx.TREASURY);
        assertThat(dividend.get(0).direction()).isEqualTo(Movement.Direction.OUT);
        assertThat(dividend.get(0).amount()).isEqualTo(3 * U);
        assertThat(dividend.subList(1, 4)).allSatisfy(x -> {
            assertThat(x.kind()).isEqualTo(Movement.Kind.DIVIDEND);
            assertThat(x.amount()).isEqualTo(U);
            assertThat(x.direction()).isEqualTo(Movement.Direction.IN);
        });
        assertThat(of(outsider.verifyingKey().did())).extracting(Movement::kind).containsExactly(
                Movement.Kind.TREASURY_SPEND, Movement.Kind.REVENUE, Movement.Kind.TRANSFER);
        assertThat(of(EconomyTx.TREASURY)).extracting(Movement::kind).contains(Movement.Kind.ISSUANCE,
                Movement.Kind.REVENUE, Movement.Kind.TRANSFER, Movement.Kind.DIVIDEND);
        assertReconciles();
    }

    /** Every account's movements in and out add up to its balance, and the treasury's to the treasury. */
    void assertReconciles() {
        Map<String, Long> sums = new TreeMap<>();
        for (Movement x : history()) {
            long signed = switch (x.direction()) {
                case IN -> x.amount();
                case OUT -> -x.amount();
                case LOCKED -> 0;
            };
            sums.merge(x.account(), signed, Long::sum);
        }
        long treasury = sums.getOrDefault(EconomyTx.TREASURY, 0L);
        sums.remove(EconomyTx.TREASURY);
        sums.values().removeIf(v -> v == 0);
        assertThat(treasury).isEqualTo(m.economy().treasury());
        assertThat(sums).isEqualTo(m.economy().balances());
    }
}

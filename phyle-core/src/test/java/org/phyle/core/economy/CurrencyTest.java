package org.phyle.core.economy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;
import org.phyle.core.Catalog;
import org.phyle.core.Rejection;
import org.phyle.core.Society;
import org.phyle.core.governance.Proposal;
import org.phyle.core.tx.TxCode;
import org.phyle.crypto.Hash;
import org.phyle.crypto.SigningKey;

/** The currency, accounts, transfers, issuance within the yearly cap, and the treasury and its statement. */
class CurrencyTest {
    final Market m = new Market(4, Catalog.defaultParameters().with("economy.genesisAllocation", 1_000 * Market.UNIT)
            .withName("economy.currencyName", "Lumen").withName("economy.currencyCode", "LUM"));

    @Test
    void theTreasuryHoldsTheGenesisAllocationInTheCharterNamedCurrency() {
        assertThat(m.economy().treasury()).isEqualTo(1_000 * Market.UNIT);
        assertThat(m.economy().supply()).isEqualTo(1_000 * Market.UNIT);
        assertThat(m.society.parameters().name(EconomyParams.CURRENCY_NAME)).isEqualTo("Lumen");
        assertThat(m.society.parameters().name(EconomyParams.CURRENCY_CODE)).isEqualTo("LUM");
        assertThat(m.economy().balances()).isEmpty();
        m.assertConserved();
    }

    @Test
    void anyKeyHoldsAnAccountAndTransfersMoveExactAmounts() {
        m.grant(m.did(1), 10 * Market.UNIT);
        SigningKey outsider = Market.stranger(1);
        m.ok(m.citizen(1), new EconomyTx.Transfer(outsider.verifyingKey(), 2_500_001));
        // the outsider is not registered, yet holds and sends money
        m.ok(outsider, new EconomyTx.Transfer(m.did(2), 1, "thanks", false));
        assertThat(m.spendable(m.citizen(1))).isEqualTo(10 * Market.UNIT - 2_500_001);
        assertThat(m.spendable(outsider)).isEqualTo(2_500_000);
        assertThat(m.spendable(m.citizen(2))).isEqualTo(1);
        assertThat(m.economy().treasury()).isEqualTo(990 * Market.UNIT);
        m.assertConserved();
        assertThat(m.replay().digest()).isEqualTo(m.society.digest());
    }

    @Test
    void badTransfersAreRefusedAndChangeNothing() {
        m.grant(m.did(1), 5 * Market.UNIT);
        SigningKey c1 = m.citizen(1);
        m.refused(c1, new EconomyTx.Transfer(m.citizen(2).verifyingKey(), 5 * Market.UNIT + 1),
                EconomyCode.INSUFFICIENT_FUNDS);
        m.refused(Market.stranger(3), new EconomyTx.Transfer(m.citizen(2).verifyingKey(), 1),
                EconomyCode.INSUFFICIENT_FUNDS);
        m.refused(c1, new EconomyTx.Transfer(m.citizen(2).verifyingKey(), 0), EconomyCode.AMOUNT_NOT_POSITIVE);
        m.refused(c1, new EconomyTx.Transfer(m.citizen(2).verifyingKey(), -5), EconomyCode.AMOUNT_NOT_POSITIVE);
        m.refused(c1, new EconomyTx.Transfer(c1.verifyingKey(), 1), EconomyCode.SELF_TRANSFER);
        m.refused(c1, new EconomyTx.Transfer(m.did(2), 1, "", true), EconomyCode.REVENUE_NOT_TO_TREASURY);
        assertThat(m.spendable(c1)).isEqualTo(5 * Market.UNIT);
    }

    @Test
    void aMalformedRecipientIsRefusedWhenDecoded() {
        assertThatThrownBy(() -> m.tx(m.citizen(1), new EconomyTx.Transfer("did:key:zNotAKey", 1, "", false)))
                .isInstanceOf(Rejection.class).extracting(e -> ((Rejection) e).code()).isEqualTo(TxCode.INVALID_KEY);
    }

    @Test
    void arithmeticThatWouldOverflowIsRefusedWithAClearCode() {
        assertThatThrownBy(() -> Money.add(Long.MAX_VALUE, 1)).isInstanceOf(Rejection.class)
                .extracting(e -> ((Rejection) e).code()).isEqualTo(EconomyCode.AMOUNT_OVERFLOW);
        assertThatThrownBy(() -> Money.sub(Long.MIN_VALUE, 1)).isInstanceOf(Rejection.class)
                .extracting(e -> ((Rejection) e).code()).isEqualTo(EconomyCode.AMOUNT_OVERFLOW);
        assertThat(Money.mulDiv(Long.MAX_VALUE, 3, 4)).isEqualTo(6917529027641081855L);
        assertThat(Money.isqrt(Long.MAX_VALUE)).isEqualTo(3037000499L);
        for (long n = 0; n < 10_000; n++) {
            long r = Money.isqrt(n);
            assertThat(r * r <= n && (r + 1) * (r + 1) > n).as("isqrt(%d)", n).isTrue();
        }
        // an issuance that would take the supply past the ledger's range is refused at the proposal
        Market rich = new Market(2, Catalog.defaultParameters().with("economy.genesisAllocation",
                org.phyle.core.tx.Fields.MAX_SAFE_INTEGER).with("economy.issuanceCapBp", 10_000));
        assertThatThrownBy(() -> rich.economy().checkIssuance(Long.MAX_VALUE - 10, rich.now,
                rich.society.parameters())).isInstanceOf(Rejection.class)
                .extracting(e -> ((Rejection) e).code()).isEqualTo(EconomyCode.AMOUNT_OVERFLOW);
    }

    @Test
    void issuanceIsOnlyByAPassedProposalWithinTheYearlyCap() {
        // default cap: 2% of the supply at the start of the year = 20 units of 1000
        Proposal first = m.pass("issue", new EconomyActions.Issue(15 * Market.UNIT, "public works"));
        assertThat(first.state()).isEqualTo(Proposal.State.EXECUTED);
        assertThat(m.economy().supply()).isEqualTo(1_015 * Market.UNIT);
        assertThat(m.economy().issuanceRoom(m.now, m.society.parameters())).isEqualTo(5 * Market.UNIT);
        m.refused(m.founder, propose(new EconomyActions.Issue(5 * Market.UNIT + 1, "more")),
                EconomyCode.ISSUANCE_CAP);
        m.refused(m.founder, propose(new EconomyActions.Issue(0, "nothing")), EconomyCode.AMOUNT_NOT_POSITIVE);
        // a year after the genesis the cap is 2% of the supply then: 20.3 units
        m.at(Market.T0 + Economy.YEAR);
        assertThat(m.economy().issuanceRoom(m.now, m.society.parameters())).isEqualTo(20_300_000);
        m.assertConserved();
    }

    @Test
    void aFailedProposalMovesNoMoneyAndNoTransactionSpendsTheTreasury() {
        Proposal p = m.decide("treasury-spend", new EconomyActions.TreasurySpend(m.did(1), 7 * Market.UNIT,
                "grants", "a grant"), false);
        assertThat(p.state()).isEqualTo(Proposal.State.FAILED);
        assertThat(m.economy().treasury()).isEqualTo(1_000 * Market.UNIT);
        assertThat(m.spendable(m.citizen(1))).isZero();
        // "treasury" is a recipient, never a sender: a transfer signed by anyone spends the signer's own money
        m.refused(m.founder, new EconomyTx.Transfer(m.citizen(1).verifyingKey(), 1), EconomyCode.INSUFFICIENT_FUNDS);
        // nor can the founder spend it alone: the founder's direct amendments do not include the economy's kinds
        assertThatThrownBy(() -> m.tx(m.founder, new org.phyle.core.authority.CharterTx.Amend("treasury-spend",
                new EconomyActions.TreasurySpend(m.did(0), Market.UNIT, "grants", "for me"))))
                .isInstanceOf(Rejection.class).extracting(e -> ((Rejection) e).code()).isEqualTo(TxCode.MALFORMED);
        assertThat(m.economy().treasury()).isEqualTo(1_000 * Market.UNIT);
        // a spend of more than the treasury holds cannot even be proposed
        m.refused(m.founder, propose(new EconomyActions.TreasurySpend(m.did(1), 1_001 * Market.UNIT, "grants",
                "too much")), EconomyCode.TREASURY_INSUFFICIENT);
    }

    @Test
    void theTreasuryStatementRecomputesFromItsEntries() {
        m.grant(m.did(1), 10 * Market.UNIT);
        m.ok(m.citizen(1), EconomyTx.Transfer.toTreasury(3 * Market.UNIT, "market fee", true));
        m.ok(m.citizen(1), EconomyTx.Transfer.toTreasury(Market.UNIT, "a gift", false));
        m.pass("treasury-spend", new EconomyActions.TreasurySpend(m.did(2), 2 * Market.UNIT, "culture", "a concert"));
        Economy.Statement s = m.economy().statement(Market.T0, m.now + 1);
        assertThat(s.opening()).isZero();
        assertThat(s.income()).containsEntry("genesis", 1_000 * Market.UNIT).containsEntry("revenue", 3 * Market.UNIT)
                .containsEntry("payment", Market.UNIT);
        assertThat(s.spending()).containsEntry("grants", 10 * Market.UNIT).containsEntry("culture", 2 * Market.UNIT);
        assertThat(s.closing()).isEqualTo(m.economy().treasury()).isEqualTo(992 * Market.UNIT);
        // by day: the whole history falls in the first day
        assertThat(m.economy().statements(Economy.DAY, m.now)).hasSize(1).first().isEqualTo(s.withUntil(
                Market.T0 + Economy.DAY));
        m.assertConserved();
    }

    @Test
    void theSnapshotHoldsTheEconomyAndReplayGivesTheSameState() {
        m.grant(m.did(1), 10 * Market.UNIT);
        m.ok(m.citizen(1), new EconomyTx.Transfer(m.citizen(2).verifyingKey(), Market.UNIT));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Hash digest = m.society.writeSnapshot(out);
        Society read = Society.readSnapshot(new ByteArrayInputStream(out.toByteArray()));
        assertThat(read.digest()).isEqualTo(digest);
        assertThat(read.view(Economy.class).spendable(m.did(2), m.now)).isEqualTo(Market.UNIT);
        assertThat(m.replay().digest()).isEqualTo(digest);
    }

    org.phyle.core.governance.GovernanceTx.Propose propose(org.phyle.core.proposals.ProposalAction a) {
        return new org.phyle.core.governance.GovernanceTx.Propose("P", "Because.", "economy", a.kind(), a,
                org.phyle.core.proposals.Method.YES_NO, java.util.List.of(), 1, 0, false,
                org.phyle.core.proposals.Threshold.named("majority"), java.util.Optional.empty());
    }
}

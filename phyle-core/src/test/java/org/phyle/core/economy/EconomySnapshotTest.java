package org.phyle.core.economy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.phyle.core.Catalog;
import org.phyle.core.Society;
import org.phyle.crypto.Hash;
import org.phyle.crypto.SigningKey;

/**
 * A snapshot taken with every part of the economy in use (issuance, locks, a paid round and an open one, an open
 * campaign and a settled one, revenue and a dividend) reads back to the same digest and the same views, and the
 * society read from it goes on exactly as the original.
 */
class EconomySnapshotTest {
    static final long U = Market.UNIT;

    @Test
    void everyPartSurvivesTheSnapshot() {
        Market m = new Market(4, Catalog.defaultParameters().with("economy.dividendShareBp", 5_000)
                .with("economy.dividendPeriodDays", 3));
        SigningKey outsider = Market.stranger(5);
        m.grant(m.did(0), 200 * U);
        m.pass("issue", new EconomyActions.Issue(U, "a little more"));
        for (int i = 1; i < 4; i++) {
            m.ok(m.founder, new EconomyTx.Transfer(m.citizen(i).verifyingKey(), 20 * U));
        }
        m.ok(m.founder, new EconomyTx.Transfer(outsider.verifyingKey(), 20 * U));
        m.ok(m.citizen(1), new EconomyTx.Lock(5 * U, Optional.of(m.now + Economy.DAY), m.now + 10 * Economy.DAY));
        m.appointStewards(1);
        int paid = m.round(10 * U, 1, 2, EconomyActions.Approval.STEWARDS, Matching.Mode.PAIRWISE, 6_000, U);
        m.ok(outsider, new EconomyTx.Apply(paid, "Library", outsider.verifyingKey(), ""));
        m.ok(m.citizen(1), new EconomyTx.Approve(paid, 0));
        m.at(m.economy().round(paid).orElseThrow().applicationsUntil());
        for (int i = 0; i < 3; i++) {
            m.ok(m.citizen(i), new EconomyTx.Contribute(paid, 0, U));
        }
        m.at(m.economy().round(paid).orElseThrow().contributionsUntil());
        m.ok(outsider, new EconomyTx.Payout(paid));
        int open = m.round(10 * U, 48, 48, EconomyActions.Approval.STEWARDS, Matching.Mode.STANDARD, 10_000, 0);
        m.ok(outsider, new EconomyTx.Apply(open, "Garden", outsider.verifyingKey(), ""));
        m.ok(m.citizen(1), new EconomyTx.Campaign("Grove", "Olive trees.", "PT", 1_000 * U, m.now + Economy.DAY,
                m.citizen(1).verifyingKey()));
        m.ok(m.citizen(2), new EconomyTx.Pledge(0, U));
        m.ok(outsider, EconomyTx.Transfer.toTreasury(4 * U, "tax", true));
        m.at(m.now + Economy.DAY); // the campaign is refunded
        m.ok(m.citizen(1), new EconomyTx.Campaign("Field", "A field.", "ES", 10 * U, m.now + 5 * Economy.DAY,
                m.citizen(1).verifyingKey()));
        m.ok(m.citizen(3), new EconomyTx.Pledge(1, 2 * U));
        m.ok(outsider, EconomyTx.Transfer.toTreasury(2 * U, "tax", true));
        m.at(Market.T0 + 3 * Economy.DAY); // a dividend
        m.assertConserved();
        assertThat(m.economy().dividends()).isNotEmpty();

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Hash digest = m.society.writeSnapshot(out);
        Society read = Society.readSnapshot(new ByteArrayInputStream(out.toByteArray()));
        assertThat(read.digest()).isEqualTo(digest);
        Economy a = m.economy();
        Economy b = read.view(Economy.class);
        assertThat(b.supply()).isEqualTo(a.supply());
        assertThat(b.accounted(m.now)).isEqualTo(a.accounted(m.now));
        assertThat(b.balances()).isEqualTo(a.balances());
        assertThat(b.locks(m.now)).isEqualTo(a.locks(m.now));
        assertThat(b.treasuryEntries()).isEqualTo(a.treasuryEntries());
        assertThat(b.matching(paid).matches()).containsExactly(a.matching(paid).matches());
        assertThat(b.round(paid).orElseThrow().pairs()).isEqualTo(3);
        assertThat(b.campaigns()).extracting(Economy.Campaign::state).containsExactlyElementsOf(
                a.campaigns().stream().map(Economy.Campaign::state).toList());
        assertThat(b.dividends()).isEqualTo(a.dividends());
        assertThat(b.nextDue()).isEqualTo(a.nextDue());
        assertThat(read.nextDue()).isEqualTo(m.society.nextDue());
        // the copy settles the open campaign at its deadline just as the original does
        long deadline = a.campaign(1).orElseThrow().deadline();
        m.at(deadline);
        read.apply(m.blocks.get(m.blocks.size() - 1));
        assertThat(read.digest()).isEqualTo(m.society.digest());
        assertThat(m.economy().campaign(1).orElseThrow().state()).isEqualTo(Economy.Campaign.State.REFUNDED); // 2 of 10
    }
}

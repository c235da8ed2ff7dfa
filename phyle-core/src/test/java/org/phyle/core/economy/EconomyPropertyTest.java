package org.phyle.core.economy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.phyle.core.Catalog;
import org.phyle.core.governance.Ballot;
import org.phyle.core.governance.GovernanceTx;
import org.phyle.core.governance.Proposal;
import org.phyle.core.governance.TallyResult;
import org.phyle.core.proposals.Method;
import org.phyle.core.proposals.Threshold;
import org.phyle.crypto.SigningKey;

/**
 * Seeded histories of the economy: money is conserved exactly after every block (balances + treasury + escrows +
 * locks = genesis allocation + issuance; nothing is burnt), and no balance, locked or not, changes a tally.
 */
class EconomyPropertyTest {
    static final long U = Market.UNIT;
    static final long HOUR = Economy.HOUR;

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void moneyIsConservedAfterEveryBlock(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        Market m = new Market(5, Catalog.defaultParameters().with("economy.dividendShareBp", 3_000)
                .with("economy.dividendPeriodDays", 2));
        List<SigningKey> keys = new java.util.ArrayList<>(m.citizens);
        keys.add(Market.stranger(1));
        keys.add(Market.stranger(2));
        m.grant(m.did(0), 500 * U);
        m.assertConserved();
        for (int i = 1; i < keys.size(); i++) {
            m.ok(m.founder, new EconomyTx.Transfer(keys.get(i).verifyingKey(), 50 * U));
        }
        m.appointStewards(1);
        int round = m.round(40 * U, 6, 48, EconomyActions.Approval.STEWARDS,
                seed % 2 == 0 ? Matching.Mode.STANDARD : Matching.Mode.PAIRWISE, 2_000 + rnd.nextInt(8_001), U);
        m.assertConserved();
        for (int p = 0; p < 3; p++) {
            m.ok(keys.get(p + 2), new EconomyTx.Apply(round, "Project " + p, keys.get(p).verifyingKey(), ""));
            m.ok(m.citizen(1), new EconomyTx.Approve(round, p));
        }
        m.at(m.economy().round(round).orElseThrow().applicationsUntil());
        for (int step = 0; step < 120; step++) {
            SigningKey who = keys.get(rnd.nextInt(keys.size()));
            SigningKey other = keys.get(rnd.nextInt(keys.size()));
            long amount = rnd.nextInt(10) == 0 ? -rnd.nextLong(5) : 1 + rnd.nextLong(30 * U);
            int projects = m.economy().round(round).orElseThrow().projects().size();
            switch (rnd.nextInt(11)) {
                case 0, 1 -> m.submit(who, new EconomyTx.Transfer(other.verifyingKey().did(), amount, "", false));
                case 2 -> m.submit(who, EconomyTx.Transfer.toTreasury(amount, "fee", rnd.nextBoolean()));
                case 3 -> m.submit(who, new EconomyTx.Lock(amount, rnd.nextBoolean() ? Optional.empty()
                        : Optional.of(m.now + rnd.nextLong(48 * HOUR)), m.now + 1 + rnd.nextLong(96 * HOUR)));
                case 4 -> m.submit(who, new EconomyTx.Apply(round, "P" + step, other.verifyingKey(), ""));
                case 5 -> m.submit(m.citizen(1), new EconomyTx.Approve(round, rnd.nextInt(projects + 1)));
                case 6, 7 -> m.submit(who, new EconomyTx.Contribute(round, rnd.nextInt(projects + 1), amount));
                case 8 -> m.submit(who, new EconomyTx.Campaign("Land", "A field.", "PT", 1 + rnd.nextLong(100 * U),
                        m.now + 1 + rnd.nextLong(72 * HOUR), other.verifyingKey()));
                case 9 -> m.submit(who, new EconomyTx.Pledge(rnd.nextInt(m.economy().campaigns().size() + 1),
                        amount));
                default -> m.submit(who, new EconomyTx.Payout(round));
            }
            m.assertConserved();
            if (rnd.nextInt(4) == 0) {
                m.later(rnd.nextLong(4 * HOUR));
                m.assertConserved();
            }
        }
        long last = m.economy().campaigns().stream().mapToLong(Economy.Campaign::deadline).max().orElse(0);
        m.at(Math.max(m.now, Math.max(last, m.economy().round(round).orElseThrow().contributionsUntil())));
        m.submit(m.founder, new EconomyTx.Payout(round));
        m.assertConserved();
        assertThat(m.economy().round(round).orElseThrow().paid()).isTrue();
        assertThat(m.economy().campaigns()).allSatisfy(c -> assertThat(c.escrow()).isZero());
        // the history did reach every part
        assertThat(m.economy().round(round).orElseThrow().projects()).anySatisfy(p -> assertThat(p.total()).isPositive());
        assertThat(m.economy().locks(m.now)).isNotEmpty();
        assertThat(m.economy().campaigns()).isNotEmpty();
        assertThat(m.economy().treasuryEntries()).anySatisfy(e -> assertThat(e.category()).isEqualTo("revenue"));
        assertThat(m.replay().digest()).isEqualTo(m.society.digest());
    }

    /**
     * The same proposals and ballots in two societies, one of which moves money between the voters (transfers, locks,
     * payments into the treasury) while they vote: the tallies are the same. No balance weighs a ballot.
     */
    @ParameterizedTest
    @ValueSource(longs = {11, 12, 13, 14, 15, 16})
    void noBalanceEverChangesATally(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int n = 6;
        boolean[] yes = new boolean[n];
        int[][] qv = new int[n][];
        for (int i = 0; i < n; i++) {
            yes[i] = rnd.nextBoolean();
            qv[i] = new int[]{rnd.nextInt(7) - 3, rnd.nextInt(7)};
        }
        long moneySeed = rnd.nextLong();
        TallyResult[] plain = tallies(n, yes, qv, null);
        TallyResult[] rich = tallies(n, yes, qv, new SplittableRandom(moneySeed));
        for (int t = 0; t < plain.length; t++) {
            assertThat(rich[t].scores()).containsExactly(plain[t].scores());
            assertThat(rich[t].passed()).isEqualTo(plain[t].passed());
            assertThat(rich[t].ballots()).isEqualTo(plain[t].ballots());
            assertThat(rich[t].winners()).containsExactly(plain[t].winners());
            assertThat(rich[t].creditsSpent()).isEqualTo(plain[t].creditsSpent());
        }
    }

    private static TallyResult[] tallies(int n, boolean[] yes, int[][] qv, SplittableRandom money) {
        Market m = new Market(n);
        if (money != null) {
            m.grant(m.did(0), 600 * U);
            for (int i = 1; i < n; i++) {
                m.ok(m.founder, new EconomyTx.Transfer(m.citizen(i).verifyingKey(), 1 + money.nextLong(100 * U)));
            }
        }
        GovernanceTx.Propose yesNo = new GovernanceTx.Propose("Y", "", "general", "signal", null, Method.YES_NO,
                List.of(), 1, 0, false, Threshold.named("majority"), Optional.empty());
        GovernanceTx.Propose quadratic = new GovernanceTx.Propose("Q", "", "budget", "signal", null, Method.QUADRATIC,
                List.of("a", "b"), 1, 0, true, Threshold.named("majority"), Optional.empty());
        Proposal a = m.society.governance().byId(m.ok(m.founder, yesNo)).orElseThrow();
        Proposal b = m.society.governance().byId(m.ok(m.founder, quadratic)).orElseThrow();
        m.at(Math.max(a.opensAt(), b.opensAt()));
        for (int i = 0; i < n; i++) {
            if (money != null) {
                moveMoney(m, money, n);
            }
            m.ok(m.citizen(i), new GovernanceTx.Vote(a.id(), new Ballot.YesNo(yes[i] ? Ballot.YesNo.Choice.YES
                    : Ballot.YesNo.Choice.NO)));
            m.ok(m.citizen(i), new GovernanceTx.Vote(b.id(), new Ballot.Quadratic(qv[i])));
        }
        m.at(Math.max(a.closesAt(), b.closesAt()));
        return new TallyResult[]{m.society.governance().tally(a), m.society.governance().tally(b)};
    }

    private static void moveMoney(Market m, SplittableRandom rnd, int n) {
        SigningKey from = m.citizen(rnd.nextInt(n));
        long have = m.spendable(from);
        if (have == 0) {
            return;
        }
        long amount = 1 + rnd.nextLong(have);
        switch (rnd.nextInt(3)) {
            case 0 -> m.ok(from, new EconomyTx.Transfer(m.citizen((m.citizens.indexOf(from) + 1) % n).verifyingKey(),
                    amount));
            case 1 -> m.ok(from, new EconomyTx.Lock(amount, Optional.empty(), m.now + Economy.DAY));
            default -> m.ok(from, EconomyTx.Transfer.toTreasury(amount, "tax", true));
        }
    }
}

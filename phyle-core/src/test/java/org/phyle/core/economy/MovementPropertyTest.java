package org.phyle.core.economy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.phyle.core.Block;
import org.phyle.core.Catalog;
import org.phyle.core.Society;
import org.phyle.core.tx.TxBody;
import org.phyle.crypto.SigningKey;

/**
 * Seeded histories of the economy (about half of the transactions refused): the movements each block lists as it is
 * made are those a replay of the ledger lists, and every account's movements in and out add up to its balance, the
 * treasury's to the treasury, after every block.
 */
class MovementPropertyTest {
    static final long U = Market.UNIT;
    static final long HOUR = Economy.HOUR;

    @ParameterizedTest
    @ValueSource(longs = {21, 22, 23, 24})
    void theHistoryIsTheSameReplayedAndAddsUpToEveryBalance(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        Market m = new Market(4, Catalog.defaultParameters().with("economy.dividendShareBp", 4_000)
                .with("economy.dividendPeriodDays", 1));
        List<SigningKey> keys = new ArrayList<>(m.citizens);
        keys.add(Market.stranger(1));
        m.grant(m.did(0), 300 * U);
        m.pass("treasury-spend", new EconomyActions.TreasurySpend(m.did(1), 60 * U, "grants", "vesting", 2, 0));
        for (int i = 1; i < keys.size(); i++) {
            m.ok(m.founder, new EconomyTx.Transfer(keys.get(i).verifyingKey(), 40 * U));
        }
        m.appointStewards(1);
        int round = m.round(20 * U, 2, 24, EconomyActions.Approval.STEWARDS, Matching.Mode.STANDARD, 5_000, 0);
        for (int p = 0; p < 2; p++) {
            m.ok(keys.get(p + 1), new EconomyTx.Apply(round, "Project " + p, keys.get(p).verifyingKey(), ""));
            m.ok(m.citizen(1), new EconomyTx.Approve(round, p));
        }
        m.at(m.economy().round(round).orElseThrow().applicationsUntil());
        Map<Long, List<Movement>> live = new TreeMap<>();
        for (int step = 0; step < 80; step++) {
            SigningKey who = keys.get(rnd.nextInt(keys.size()));
            SigningKey other = keys.get(rnd.nextInt(keys.size()));
            long amount = rnd.nextInt(8) == 0 ? -rnd.nextLong(3) : 1 + rnd.nextLong(20 * U);
            long height = m.society.height();
            TxBody body = switch (rnd.nextInt(8)) {
                case 0, 1 -> new EconomyTx.Transfer(other.verifyingKey().did(), amount, "m" + step, false);
                case 2 -> EconomyTx.Transfer.toTreasury(amount, "fee", rnd.nextBoolean());
                case 3 -> new EconomyTx.Lock(amount, Optional.empty(), m.now + 1 + rnd.nextLong(12 * HOUR));
                case 4 -> new EconomyTx.Contribute(round, rnd.nextInt(3), amount);
                case 5 -> new EconomyTx.Campaign("Land", "A field.", "PT", 1 + rnd.nextLong(40 * U),
                        m.now + 1 + rnd.nextLong(20 * HOUR), other.verifyingKey());
                case 6 -> new EconomyTx.Pledge(rnd.nextInt(m.economy().campaigns().size() + 1), amount);
                default -> new EconomyTx.Payout(round);
            };
            m.submit(who, body);
            collect(m, height, live);
            if (rnd.nextInt(3) == 0) {
                height = m.society.height();
                m.later(rnd.nextLong(6 * HOUR));
                collect(m, height, live);
            }
        }
        // a replica lists, block by block, what the society listed as it made them
        Society replica = Society.fromGenesis(m.genesis);
        List<Movement> all = new ArrayList<>(replica.view(Movements.class).ofBlock(0));
        Map<String, Long> sums = new TreeMap<>();
        all.forEach(x -> add(sums, x));
        int checked = 0;
        for (Block b : m.blocks) {
            replica.apply(b);
            long h = b.header().height();
            List<Movement> listed = replica.view(Movements.class).ofBlock(h);
            if (live.containsKey(h)) {
                assertThat(listed).as("block %d", h).isEqualTo(live.get(h));
                checked++;
            }
            listed.forEach(x -> add(sums, x));
            all.addAll(listed);
            Economy e = replica.view(Economy.class);
            Map<String, Long> balances = new TreeMap<>(sums);
            long treasury = balances.getOrDefault(EconomyTx.TREASURY, 0L);
            balances.remove(EconomyTx.TREASURY);
            balances.values().removeIf(v -> v == 0);
            assertThat(treasury).as("the treasury after block %d", h).isEqualTo(e.treasury());
            assertThat(balances).as("the balances after block %d", h).isEqualTo(e.balances());
        }
        assertThat(checked).isGreaterThan(20);
        // the history reached every kind a citizen's money can take part in here
        assertThat(all).extracting(Movement::kind).contains(Movement.Kind.TRANSFER, Movement.Kind.REVENUE,
                Movement.Kind.LOCK, Movement.Kind.VESTING, Movement.Kind.QF_CONTRIBUTION,
                Movement.Kind.TREASURY_SPEND);
    }

    /** The movements of the block the last step sealed, if it sealed one. */
    static void collect(Market m, long before, Map<Long, List<Movement>> live) {
        if (m.society.height() > before) {
            live.put(m.society.height(), m.society.view(Movements.class).ofBlock(m.society.height()));
        }
    }

    static void add(Map<String, Long> sums, Movement x) {
        long signed = switch (x.direction()) {
            case IN -> x.amount();
            case OUT -> -x.amount();
            case LOCKED -> 0;
        };
        sums.merge(x.account(), signed, Long::sum);
    }
}

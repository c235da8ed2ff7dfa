package org.phyle.core.land;

import static org.assertj.core.api.Assertions.assertThat;
import static org.phyle.core.land.Estate.DAY;
import static org.phyle.core.land.Estate.U;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Optional;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.phyle.core.Society;
import org.phyle.core.TxOutcome;
import org.phyle.crypto.SigningKey;

/**
 * Random land histories (seeded): claims, bids accepted, rejected or left to complete, price changes, deposits and
 * withdrawals, releases, foreclosures and auctions, assessments, buildings, residences, opinion keys, rings of
 * neighbours and anonymous opinions (the building tax paid from the deposits), with the clock jumping hours to
 * months. After every block money is conserved (the economy's books balance and its land escrow is what the land holds); at the end the
 * replay of the sealed blocks and a snapshot read back give the same state. A refused transaction (about half of
 * them, for every land code the generator reaches) leaves the state digest as it was, and in a replica every
 * account's movements (the accounts' history) add up to its balance after every block.
 */
class LandPropertyTest {
    static LongStream seeds() {
        return LongStream.range(0, 8);
    }

    static void add(java.util.Map<String, Long> sums, org.phyle.core.economy.Movement x) {
        long signed = switch (x.direction()) {
            case IN -> x.amount();
            case OUT -> -x.amount();
            case LOCKED -> 0;
        };
        sums.merge(x.account(), signed, Long::sum);
    }

    /** The citizens (of 5) whose opinion key is in use now and who reside within 200 m of a building's parcel. */
    static java.util.List<Integer> neighbours(Estate e, int building) {
        long epoch = Land.epochOf(e.m.now, e.m.society.parameters());
        Parcel at = e.parcel(e.land().buildingTax(building).orElseThrow().parcel());
        java.util.List<Integer> out = new java.util.ArrayList<>();
        for (int c = 0; c < 5; c++) {
            int person = e.m.person(c).number();
            String key = e.land().opinionKey(person).map(x -> x.at(epoch)).orElse("");
            java.util.Optional<Integer> home = e.land().residenceOf(person);
            if (!key.isEmpty() && home.isPresent() && Land.distance(e.parcel(home.get()), at) <= 200) {
                out.add(c);
            }
        }
        return out;
    }

    /** A ring for a random building (or none), right most of the time, leaving a neighbour out now and then. */
    static LandTx ring(Estate e, Random rnd) {
        int n = 0;
        for (int i = 0; i < e.land().parcelCount(); i++) {
            n += e.parcel(i).buildings().size();
        }
        int b = rnd.nextInt(Math.max(1, n + 1));
        if (e.land().buildingTax(b).isEmpty()) {
            return new LandTx.RecordRing(b, Land.epochOf(e.m.now, e.m.society.parameters()),
                    java.util.List.of(Neighbourhood.key(0)));
        }
        java.util.List<Integer> members = new java.util.ArrayList<>(neighbours(e, b));
        if (members.size() > 1 && rnd.nextInt(6) == 0) {
            members.remove(rnd.nextInt(members.size()));
        }
        if (members.isEmpty()) {
            return null;
        }
        return new LandTx.RecordRing(b, Land.epochOf(e.m.now, e.m.society.parameters()),
                Neighbourhood.members(Neighbourhood.ring(members.stream().mapToInt(Integer::intValue).toArray())));
    }

    /** An opinion by a random member of a building's ring, with a fresh sequence (now and then a stale one). */
    static LandTx opinion(Estate e, Random rnd, java.util.Map<String, Long> seqs, java.security.SecureRandom signing) {
        int b = rnd.nextInt(4);
        java.util.Optional<BuildingTax> t = e.land().buildingTax(b);
        long epoch = Land.epochOf(e.m.now, e.m.society.parameters());
        if (t.isEmpty() || t.get().ringSize() == 0) {
            return null;
        }
        java.util.List<String> keys = t.get().ringKeys();
        String key = keys.get(rnd.nextInt(keys.size()));
        int c = 0;
        while (c < 5 && !Neighbourhood.key(c).equals(key)) {
            c++;
        }
        if (c == 5) {
            return null;
        }
        long seq = rnd.nextInt(8) == 0 ? 1 : seqs.merge(b + "/" + c + "/" + epoch, 1L, Long::sum);
        BuildingTax.Opinion o = BuildingTax.Opinion.values()[rnd.nextInt(3)];
        org.phyle.crypto.ring.Ring ring = org.phyle.crypto.ring.Ring.of(keys.stream().map(x ->
                org.phyle.crypto.ring.RistrettoElement.decode(java.util.Base64.getUrlDecoder().decode(x))).toList());
        byte[] sig = org.phyle.crypto.ring.Blsag.sign(BuildingTax.message(e.m.society.id(), b, epoch, seq, o), ring,
                Neighbourhood.keys(c), BuildingTax.context(e.m.society.id(), b), signing).encode();
        return new LandTx.Opine(b, epoch, seq, o, Neighbourhood.b64(sig));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void moneyIsConservedAndReplayAndSnapshotEqualTheState(long seed) throws Exception {
        Random rnd = new Random(seed);
        Estate e = new Estate(5);
        int h = e.territory(Tenure.HARBERGER, 1 + rnd.nextInt(3_000), U / 1_000);
        int v = e.territory(Tenure.LAND_VALUE, 1 + rnd.nextInt(3_000), 0);
        for (int i = 0; i < 4; i++) {
            e.parcel(h, i);
        }
        for (int i = 4; i < 7; i++) {
            e.parcel(v, i);
            e.m.pass("assessment", new LandActions.Assess(i, (1 + rnd.nextInt(2_000)) * U));
        }
        java.util.TreeMap<String, Long> seqs = new java.util.TreeMap<>();
        java.security.SecureRandom signing = java.security.SecureRandom.getInstance("SHA1PRNG");
        signing.setSeed(seed);
        int accepted = 0;
        java.util.TreeMap<String, Integer> seen = new java.util.TreeMap<>();
        java.util.TreeMap<String, Integer> refusals = new java.util.TreeMap<>();
        for (int step = 0; step < 300; step++) {
            int p = rnd.nextInt(8); // 7 is no parcel
            Parcel q = e.land().parcel(p).orElse(null);
            SigningKey k = e.m.citizen(rnd.nextInt(5));
            int kind = rnd.nextInt(18);
            if (q != null && !q.holder().isEmpty() && kind >= 2 && kind <= 11 && kind != 6 && kind != 7 && kind != 10
                    && rnd.nextInt(4) != 0) {
                k = e.m.citizens.stream().filter(c -> c.verifyingKey().did().equals(q.holder())).findFirst()
                        .orElse(k);
            }
            long price = q == null ? U : Math.max(q.price(), e.land().auctionPriceAt(q, e.m.now));
            long amount = switch (rnd.nextInt(8)) {
                case 0 -> -rnd.nextInt(2);
                case 1 -> 5_000 * U + rnd.nextInt(10_000) * U;
                default -> 1 + rnd.nextInt(200) * U / 10;
            };
            LandTx tx = switch (kind) {
                case 0, 1 -> new LandTx.Claim(p, rnd.nextInt(6) == 0 ? 1 : e.land().parcel(p)
                        .map(x -> e.land().auctionPriceAt(x, e.m.now)).orElse(0L),
                        p < 4 || rnd.nextInt(5) == 0 ? Optional.of(amount + 20 * U) : Optional.empty(), amount);
                case 2 -> new LandTx.SetPrice(p, amount + 10 * U);
                case 3 -> new LandTx.Deposit(p, amount);
                case 4 -> new LandTx.Withdraw(p, amount);
                case 5 -> new LandTx.Release(p);
                case 6, 7 -> new LandTx.Bid(p, rnd.nextInt(6) == 0 ? price + 1 : price, amount);
                case 8 -> new LandTx.Accept(p);
                case 9 -> new LandTx.Reject(p, price + rnd.nextInt(3) * U - U);
                case 10 -> new LandTx.Reside(p);
                case 11 -> new LandTx.Build(p, "A shed", rnd.nextInt(100) * U);
                case 12 -> Neighbourhood.registration(e, e.m.citizens.indexOf(k), k.verifyingKey().did(), signing);
                default -> null;
            };
            if (kind >= 13) { // a ring or an anonymous opinion, from a one-time key
                k = org.phyle.core.economy.Market.stranger(step);
                tx = kind <= 14 ? ring(e, rnd) : opinion(e, rnd, seqs, signing);
                if (tx == null) {
                    tx = new LandTx.Reside(p);
                    k = e.m.citizen(rnd.nextInt(5));
                }
            }
            if (rnd.nextInt(10) == 0) {
                e.m.later(rnd.nextInt(3) == 0 ? rnd.nextInt(60) * DAY : 1 + rnd.nextInt((int) DAY));
            }
            if (rnd.nextInt(40) == 0) {
                e.m.pass("assessment", new LandActions.Assess(4 + rnd.nextInt(3), rnd.nextInt(3_000) * U));
            }
            org.phyle.crypto.Hash before = e.m.society.digest();
            org.phyle.core.BlockBuilder b = e.m.society.newBlock(e.m.now);
            TxOutcome o = b.offer(e.m.tx(k, tx));
            if (o instanceof TxOutcome.Rejected r) {
                b.abandon();
                assertThat(e.m.society.digest()).as("refused and unchanged: " + r.rejection()).isEqualTo(before);
                refusals.merge(r.rejection().code().name(), 1, Integer::sum);
                e.m.blocks.add(e.m.society.newBlock(e.m.now).seal(e.m.sequencer));
            } else {
                e.m.blocks.add(b.seal(e.m.sequencer));
            }
            if (o instanceof TxOutcome.Accepted) {
                accepted++;
                seen.merge(tx.type(), 1, Integer::sum);
            }
            for (int i = 0; i < e.land().parcelCount(); i++) {
                seen.merge(e.parcel(i).state().json(), 1, Integer::sum);
            }
            e.m.later(1 + rnd.nextInt(3_600_000));
            e.assertConserved();
        }
        assertThat(accepted).as("accepted").isGreaterThan(20);
        assertThat(refusals.keySet()).as(refusals.toString()).hasSizeGreaterThan(8);
        assertThat(seen).as("what the history reached").containsKeys("land.claim", "land.bid", "held", "vacant",
                "land.ring", "land.opinion");
        // a replica, block by block: every account's movements add up to its balance, the treasury's to the treasury
        Society replica = Society.fromGenesis(e.m.genesis);
        java.util.Map<String, Long> sums = new java.util.TreeMap<>();
        replica.view(org.phyle.core.economy.Movements.class).ofBlock(0).forEach(x -> add(sums, x));
        for (org.phyle.core.Block b : e.m.blocks) {
            replica.apply(b);
            replica.view(org.phyle.core.economy.Movements.class).ofBlock(b.header().height())
                    .forEach(x -> add(sums, x));
            org.phyle.core.economy.Economy ec = replica.view(org.phyle.core.economy.Economy.class);
            java.util.Map<String, Long> balances = new java.util.TreeMap<>(sums);
            assertThat(balances.remove(org.phyle.core.economy.EconomyTx.TREASURY)).as("the treasury")
                    .isEqualTo(ec.treasury());
            balances.values().removeIf(x -> x == 0);
            assertThat(balances).as("the balances after block %d", b.header().height()).isEqualTo(ec.balances());
        }
        assertThat(replica.digest()).as("replay").isEqualTo(e.m.society.digest());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        e.m.society.writeSnapshot(out);
        Society read = Society.readSnapshot(new ByteArrayInputStream(out.toByteArray()));
        assertThat(read.digest()).as("snapshot").isEqualTo(e.m.society.digest());
        assertThat(read.view(Land.class).nextDue()).isEqualTo(e.land().nextDue());
    }
}

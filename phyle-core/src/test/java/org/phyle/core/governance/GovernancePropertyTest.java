package org.phyle.core.governance;

import org.phyle.core.Catalog;
import org.phyle.core.proposals.Threshold;
import org.phyle.core.proposals.Method;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.phyle.core.Block;
import org.phyle.core.BlockBuilder;
import org.phyle.core.Parameters;
import org.phyle.core.Society;
import org.phyle.core.TxOutcome;
import org.phyle.core.notary.NotaryRecord;
import org.phyle.crypto.Hash;
import org.phyle.core.governance.GovernanceTx.*;
import org.phyle.core.tx.TxBody;

/**
 * Over generated histories (proposals of every method, sponsors, ballots valid and not, delegations, re-votes,
 * time passing past deliberation, closing and timelocks): replaying the sealed blocks reproduces the state and every
 * published tally; a recount of a closed proposal's ballots equals its published tally; a tally does not depend
 * on the order of the ballots; and nothing a voter holds or does besides voting and delegating moves a tally.
 */
class GovernancePropertyTest {

    static LongStream seeds() {
        return LongStream.range(0, 30);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void replayReproducesEveryTallyAndARecountAgrees(long seed) {
        Random random = new Random(seed);
        Polity polity = new Polity(15, Catalog.defaultParameters().with("governance.sponsorsRequired", 1)
                .with("governance.deliberationHours", 1).with("governance.minVotingHours", 1)
                .with("governance.maxDelegatedBp", 2000));
        for (int step = 0; step < 120; step++) {
            int who = random.nextInt(polity.citizens.size());
            TxBody body = randomTx(random, polity);
            BlockBuilder b = polity.society.newBlock(polity.now);
            b.offer(polity.tx(polity.citizen(who), body));
            polity.blocks.add(b.seal(polity.sequencer));
            polity.now += random.nextInt(4) == 0 ? Polity.HOUR * (1 + random.nextInt(30)) : 1000;
        }
        polity.later(100 * Polity.HOUR); // close everything still open

        Society replica = Society.fromGenesis(polity.genesis);
        for (Block b : polity.blocks) {
            replica.apply(b);
        }
        assertThat(replica.digest()).isEqualTo(polity.society.digest());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        polity.society.writeSnapshot(out);
        Society restored = Society.readSnapshot(new ByteArrayInputStream(out.toByteArray()));
        assertThat(restored.digest()).isEqualTo(polity.society.digest());

        for (Proposal p : polity.governance().proposals()) {
            Proposal mirror = replica.governance().byId(p.id()).orElseThrow();
            assertThat(mirror.state()).isEqualTo(p.state());
            assertThat(mirror.result()).isEqualTo(p.result());
            if (p.result() != null) {
                assertThat(polity.governance().tally(p)).as("recount of #%d", p.number()).isEqualTo(p.result());
                assertThat(orderIndependent(p)).isEqualTo(p.result());
            }
        }
    }

    /**
     * A tally depends on ballots and delegations and nothing else a voter holds or does. Two societies live the same
     * governance history; in one of them the voters also act otherwise, in varying amounts (notary records, the only
     * holdings this ledger has so far; when the economy lands, balances and transfers join this noise). Every
     * proposal ends with the same tally in both.
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void nothingButBallotsAndDelegationsMovesATally(long seed) {
        Polity quiet = history(seed, null);
        Polity busy = history(seed, new Random(~seed));
        List<Proposal> expected = quiet.governance().proposals();
        List<Proposal> actual = busy.governance().proposals();
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            assertThat(actual.get(i).state()).isEqualTo(expected.get(i).state());
            assertThat(actual.get(i).result()).as("proposal #%d", i).isEqualTo(expected.get(i).result());
        }
    }

    private static Polity history(long seed, Random noise) {
        Random random = new Random(seed);
        Polity polity = new Polity(12, Catalog.defaultParameters().with("governance.sponsorsRequired", 1)
                .with("governance.deliberationHours", 1).with("governance.minVotingHours", 1)
                .with("governance.maxDelegatedBp", 2500));
        for (int step = 0; step < 100; step++) {
            int who = random.nextInt(polity.citizens.size());
            TxBody body = randomTx(random, polity);
            BlockBuilder b = polity.society.newBlock(polity.now);
            if (noise != null) {
                for (int k = noise.nextInt(4); k > 0; k--) {
                    byte[] digest = new byte[8];
                    noise.nextBytes(digest);
                    TxOutcome o = b.offer(polity.tx(polity.citizen(noise.nextInt(polity.citizens.size())),
                            new NotaryRecord(Hash.sha256(digest), "holding", Optional.empty())));
                    assertThat(o).isInstanceOf(TxOutcome.Accepted.class);
                }
            }
            b.offer(polity.tx(polity.citizen(who), body));
            polity.blocks.add(b.seal(polity.sequencer));
            polity.now += random.nextInt(4) == 0 ? Polity.HOUR * (1 + random.nextInt(30)) : 1000;
        }
        polity.later(100 * Polity.HOUR);
        return polity;
    }

    /** The tally with the ballots in reverse and shuffled order (weights of 1: no delegation involved). */
    private static TallyResult orderIndependent(Proposal p) {
        if (p.result().delegated() > 0 || p.result().fellBack() > 0) {
            return p.result();
        }
        List<Tally.Weighted> ballots = new ArrayList<>();
        p.ballots().values().forEach(b -> ballots.add(new Tally.Weighted(b, 1)));
        Collections.shuffle(ballots, new Random(p.number()));
        return Tally.count(new Tally.Rules(p.method(), p.options().size(), p.winners(), p.threshold(), p.quorumBp(),
                p.electorateSize()), ballots, 0, 0);
    }

    private static TxBody randomTx(Random random, Polity polity) {
        List<Proposal> proposals = polity.governance().proposals();
        Proposal some = proposals.isEmpty() ? null : proposals.get(random.nextInt(proposals.size()));
        int choice = random.nextInt(10);
        if (some == null || choice < 2) {
            Method m = Method.values()[random.nextInt(4)];
            List<String> options = m == Method.YES_NO ? List.of() : List.of("a", "b", "c", "d").subList(0,
                    (m == Method.QUADRATIC ? 1 : 2) + random.nextInt(3));
            return new Propose("P" + proposals.size(), "", random.nextBoolean() ? "general" : "budget", "signal", null,
                    m, options, 1, m == Method.APPROVAL ? Math.max(1, options.size() - 1) : 0, random.nextBoolean(),
                    Threshold.named(random.nextBoolean() ? "majority" : "two-thirds"),
                    Optional.of(1 + random.nextInt(20)));
        }
        return switch (choice) {
            case 2 -> new Sponsor(some.id());
            case 3 -> new Delegate(random.nextBoolean() ? "*" : "budget",
                    polity.person(random.nextInt(polity.citizens.size())).id());
            case 4 -> random.nextInt(3) == 0 ? new Undelegate("*") : new Cancel(some.id());
            default -> new Vote(some.id(), randomBallot(random, some));
        };
    }

    private static Ballot randomBallot(Random random, Proposal p) {
        int n = p.options().size();
        return switch (random.nextInt(5) == 0 ? Method.values()[random.nextInt(4)] : p.method()) {
            case YES_NO -> new Ballot.YesNo(Ballot.YesNo.Choice.values()[random.nextInt(3)]);
            case QUADRATIC -> {
                int[] v = new int[n];
                for (int i = 0; i < n; i++) {
                    v[i] = random.nextInt(13) - 4;
                }
                yield new Ballot.Quadratic(v);
            }
            case APPROVAL -> {
                List<Integer> all = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    all.add(i);
                }
                Collections.shuffle(all, random);
                yield new Ballot.Approval(all.subList(0, random.nextInt(n + 1)).stream().mapToInt(i -> i).toArray());
            }
            case RANKED -> {
                List<Integer> all = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    all.add(i);
                }
                Collections.shuffle(all, random);
                yield new Ballot.Ranked(all.subList(0, 1 + random.nextInt(Math.max(1, n))).stream()
                        .mapToInt(i -> i).toArray());
            }
        };
    }
}

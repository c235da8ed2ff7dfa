package org.phyle.core.sortition;

import org.phyle.core.Catalog;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.phyle.core.Block;
import org.phyle.core.Parameters;
import org.phyle.core.Society;
import org.phyle.core.citizenship.Status;
import org.phyle.core.governance.Ballot;
import org.phyle.core.governance.GovernanceTx;
import org.phyle.core.proposals.Method;
import org.phyle.core.governance.Proposal;
import org.phyle.core.governance.TallyResult;
import org.phyle.core.proposals.Threshold;
import org.phyle.core.tx.TxBody;
import org.phyle.crypto.SigningKey;

/**
 * Over generated histories of proposals of every method with outside panels (ballots valid and not, by panellists,
 * citizens and host residents not drawn, re-votes, time passing): replaying the blocks reproduces the state; every
 * closed proposal's recount equals its published tally; panels are host residents drawn by lot and only their
 * ballots count in the panel; a yes/no result is exactly the documented weighting of the two sides.
 */
class PanelPropertyTest {
    static final Method[] METHODS = Method.values();

    static LongStream seeds() {
        return LongStream.range(0, 20);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void replayAndRecountAgreeWithPanelsInEveryMethod(long seed) {
        Random random = new Random(seed);
        Harbour h = new Harbour(Catalog.defaultParameters().with("governance.sponsorsRequired", 1)
                .with("governance.deliberationHours", 1).with("governance.minVotingHours", 1)
                .with("sortition.panelSize", 7).with("sortition.minPanel", 3)
                .withName("sortition.panelKinds", "signal"));
        h.populate(12, 15, "harbour", "hill", "market");
        if (seed % 2 == 1) {
            h.appointStewards(1, 2); // draws then wait for the stewards' hours, which nobody uses here
        }
        List<Proposal> proposals = new ArrayList<>();
        for (int step = 0; step < 160; step++) {
            List<SigningKey> everyone = new ArrayList<>(h.citizens);
            everyone.addAll(h.residents);
            int choice = random.nextInt(10);
            if (choice == 0 || proposals.isEmpty()) {
                Method m = METHODS[random.nextInt(METHODS.length)];
                List<String> options = m == Method.YES_NO ? List.of() : List.of("a", "b", "c");
                var o = h.submit(h.citizens.get(1 + random.nextInt(h.citizens.size() - 1)), new GovernanceTx.Propose(
                        "P" + step, "", "general", "signal", null, m, options, 1, m == Method.APPROVAL ? 2 : 0,
                        m == Method.QUADRATIC && random.nextBoolean(), Threshold.named("majority"), Optional.of(2)));
                h.society.governance().byId(o.tx().id()).ifPresent(proposals::add);
            } else {
                Proposal p = proposals.get(random.nextInt(proposals.size()));
                SigningKey who = everyone.get(random.nextInt(everyone.size()));
                TxBody body = switch (choice) {
                    case 1 -> new GovernanceTx.Sponsor(p.id());
                    case 2, 3, 4 -> new GovernanceTx.Vote(p.id(), ballot(random, p));
                    default -> new GovernanceTx.PanelVote(p.id(), ballot(random, p));
                };
                if (choice >= 5 && p.panel().length > 0 && random.nextBoolean()) {
                    who = keyOf(h, p.panel()[random.nextInt(p.panel().length)]);
                }
                h.submit(who, body);
            }
            h.later(random.nextInt(4) == 0 ? Harbour.HOUR * (1 + random.nextInt(3)) : 60_000);
        }
        h.later(100 * Harbour.HOUR); // close everything

        Society replica = Society.fromGenesis(h.genesis);
        for (Block b : h.blocks) {
            replica.apply(b);
        }
        assertThat(replica.digest()).isEqualTo(h.society.digest());
        for (Proposal p : proposals) {
            if (p.result() == null) {
                continue;
            }
            TallyResult recount = h.society.governance().tally(p);
            assertThat(recount).isEqualTo(p.result());
            assertThat(replica.governance().byId(p.id()).orElseThrow().result()).isEqualTo(p.result());
            int[] panel = p.panel();
            assertThat(p.panelBallots().keySet()).allMatch(n -> Arrays.stream(panel).anyMatch(x -> x == n));
            for (int member : panel) {
                assertThat(h.society.registry().byNumber(member).orElseThrow().status()).isEqualTo(Status.HOST_RESIDENT);
            }
            if (panel.length == 0) {
                assertThat(p.result().outside()).isNull();
                continue;
            }
            TallyResult.Outside o = p.result().outside();
            assertThat(o.panelBallots()).isEqualTo(p.panelBallots().size());
            assertThat(o.citizenWeight()).isEqualTo((10_000 - 2_000) * 7L);
            assertThat(o.panelWeight()).isEqualTo(2_000 * p.result().participants());
            if (p.method() == Method.YES_NO) {
                for (int i = 0; i < 3; i++) {
                    assertThat(p.result().scores()[i]).isEqualTo(o.citizenScores()[i] * o.citizenWeight()
                            + o.panelScores()[i] * o.panelWeight());
                }
                assertThat(Arrays.stream(o.panelScores()).sum()).isEqualTo(panel.length);
            }
        }
    }

    static SigningKey keyOf(Harbour h, int number) {
        List<SigningKey> all = new ArrayList<>(h.citizens);
        all.addAll(h.residents);
        for (SigningKey k : all) {
            if (h.society.registry().byCurrentKey(k.verifyingKey()).orElseThrow().number() == number) {
                return k;
            }
        }
        throw new AssertionError("no key for #" + number);
    }

    /** A ballot for the proposal's method, sometimes one the rules refuse. */
    static Ballot ballot(Random random, Proposal p) {
        return switch (p.method()) {
            case YES_NO -> new Ballot.YesNo(Ballot.YesNo.Choice.values()[random.nextInt(3)]);
            case QUADRATIC -> new Ballot.Quadratic(new int[] {random.nextInt(9) - 2, random.nextInt(5), random.nextInt(3)});
            case APPROVAL -> new Ballot.Approval(random.nextInt(5) == 0 ? new int[] {0, 1, 2}
                    : new int[] {random.nextInt(3)});
            case RANKED -> {
                List<Integer> order = new ArrayList<>(List.of(0, 1, 2));
                Collections.shuffle(order, random);
                yield new Ballot.Ranked(order.subList(0, 1 + random.nextInt(3)).stream().mapToInt(i -> i).toArray());
            }
        };
    }
}

package org.phyle.core.charter;

import org.phyle.core.Catalog;
import org.phyle.core.authority.CharterTx;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.phyle.core.Block;
import org.phyle.core.BlockBuilder;
import org.phyle.core.Parameters;
import org.phyle.core.Society;
import org.phyle.core.citizenship.CitizenshipTx;
import org.phyle.core.governance.Ballot;
import org.phyle.core.governance.GovernanceTx;
import org.phyle.core.proposals.Method;
import org.phyle.core.governance.Proposal;
import org.phyle.core.proposals.Threshold;
import org.phyle.core.tx.TxBody;

/**
 * Over generated histories (the society grows and shrinks, time passes, the founder amends, vetoes and sometimes
 * retires, citizens propose and pass schedule changes in both directions): after every block the founder's set of
 * powers is a subset of what it was, the stage never goes back, and before the Sovereign stage no threshold of the
 * schedule ever rose and no backstop was removed or lengthened. Replaying the blocks gives the same state.
 */
class HandoverPropertyTest {

    static LongStream seeds() {
        return LongStream.range(0, 25);
    }

    static final List<String> SCHEDULE = List.of("charter.communityAt", "charter.republicAt", "charter.commonwealthAt",
            "charter.sovereignAt", "charter.backstopYears");

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void founderPowerNeverGrowsAndTheScheduleNeverSlipsBeforeSovereignty(long seed) {
        Random random = new Random(seed);
        Founded s = new Founded(Founded.schedule().with("charter.backstopYears", random.nextInt(3)));
        for (int step = 0; step < 80; step++) {
            act(s, random);
        }

        // replay the history block by block, checking after every block
        Society replica = Society.fromGenesis(s.genesis);
        Set<Stage.FounderPower> powers = EnumSet.copyOf(replica.handover().founderPowers());
        Stage stage = replica.handover().stage();
        Parameters params = replica.parameters();
        for (Block b : s.blocks) {
            replica.apply(b);
            Set<Stage.FounderPower> now = replica.handover().founderPowers();
            assertThat(powers).as("block %d: the founder's powers only shrink", b.header().height()).containsAll(now);
            assertThat(replica.handover().stage().ordinal()).isGreaterThanOrEqualTo(stage.ordinal());
            Parameters next = replica.parameters();
            if (stage != Stage.SOVEREIGN) {
                for (String name : SCHEDULE.subList(0, 4)) {
                    assertThat(next.get(Catalog.defaultParameters().spec(name))).as("block %d: %s", b.header().height(), name)
                            .isLessThanOrEqualTo(params.get(Catalog.defaultParameters().spec(name)));
                }
                long before = params.get(CharterParams.BACKSTOP_YEARS);
                if (before > 0) {
                    assertThat(next.get(CharterParams.BACKSTOP_YEARS)).as("block %d: backstop", b.header().height())
                            .isBetween(1L, before);
                }
            }
            powers = now.isEmpty() ? EnumSet.noneOf(Stage.FounderPower.class) : EnumSet.copyOf(now);
            stage = replica.handover().stage();
            params = next;
        }
        assertThat(replica.digest()).isEqualTo(s.society.digest());
        REACHED.merge(stage, 1, Integer::sum);
    }

    /** How far the histories got, by last stage: the generator must exercise the later stages, not just the first. */
    static final Map<Stage, Integer> REACHED = new java.util.concurrent.ConcurrentHashMap<>();

    @org.junit.jupiter.api.AfterAll
    static void theHistoriesReachTheLaterStages() {
        int beyondFounding = REACHED.entrySet().stream().filter(e -> e.getKey() != Stage.FOUNDING)
                .mapToInt(Map.Entry::getValue).sum();
        assertThat(beyondFounding).as("histories past the Founding stage: %s", REACHED).isGreaterThanOrEqualTo(15);
        assertThat(REACHED.keySet()).as("%s", REACHED).contains(Stage.SOVEREIGN);
    }

    /** One random thing happens; refusals are expected and change nothing. */
    private static void act(Founded s, Random random) {
        int choice = random.nextInt(12);
        switch (choice) {
            case 0, 1, 2 -> s.grow(1 + random.nextInt(3));
            case 3 -> {
                int who = random.nextInt(s.people.size());
                if (who > 0 && s.person(who).activeCitizen(s.now)) {
                    s.submit(s.citizen(who), new CitizenshipTx.Renounce());
                }
            }
            case 4 -> {
                s.later(Founded.DAY * (1 + random.nextInt(400)));
                renewLapsed(s);
            }
            case 5 -> s.submit(s.founder, new CharterTx.Amend("parameter", new Amendments.ParameterChange(
                    Map.of(SCHEDULE.get(random.nextInt(5)), Long.toString(random.nextInt(20))))));
            case 6 -> {
                if (random.nextInt(8) == 0) {
                    s.submit(s.founder, new CharterTx.Retire());
                }
            }
            case 7, 8 -> propose(s, random);
            case 9 -> vetoSomething(s);
            default -> voteAndClose(s, random);
        }
    }

    /** Those whose citizenship lapsed renew it (most people would). */
    private static void renewLapsed(Founded s) {
        for (int i = 0; i < s.people.size(); i++) {
            var p = s.person(i);
            if (p.status() == org.phyle.core.citizenship.Status.CITIZEN && p.lapsed(s.now)) {
                s.submit(s.citizen(i), new CitizenshipTx.Renew(s.society.charterHash()));
            }
        }
    }

    private static void propose(Founded s, Random random) {
        String name = SCHEDULE.get(random.nextInt(5));
        TxBody body = new GovernanceTx.Propose("Move " + name, "", "charter", "parameter",
                new Amendments.ParameterChange(Map.of(name, Long.toString(random.nextInt(25)))), Method.YES_NO,
                List.of(), 1, 0, false, Threshold.named(random.nextBoolean() ? "6667bp" : "5100bp"), Optional.empty());
        int who = random.nextInt(s.people.size());
        s.submit(s.citizen(who), body);
        for (Proposal p : s.society.governance().proposals()) {
            if (p.state() == Proposal.State.DRAFT) {
                s.submit(s.citizen(random.nextInt(s.people.size())), new GovernanceTx.Sponsor(p.id()));
            }
        }
    }

    private static void voteAndClose(Founded s, Random random) {
        for (Proposal p : s.society.governance().proposals()) {
            if (p.state() == Proposal.State.SPONSORED) {
                s.at(Math.max(s.now, p.opensAt()));
            }
            if (p.state() == Proposal.State.VOTING) {
                BlockBuilder b = s.society.newBlock(s.now);
                for (int i = 0; i < s.people.size(); i++) {
                    b.offer(s.tx(s.citizen(i), new GovernanceTx.Vote(p.id(), new Ballot.YesNo(random.nextInt(5) == 0
                            ? Ballot.YesNo.Choice.NO : Ballot.YesNo.Choice.YES))));
                }
                s.blocks.add(b.seal(s.sequencer));
                s.at(p.closesAt());
            }
        }
        s.later(3 * Founded.HOUR); // past the timelocks
    }

    private static void vetoSomething(Founded s) {
        for (Proposal p : s.society.governance().proposals()) {
            if (p.state() == Proposal.State.PASSED) {
                s.submit(s.founder, new CharterTx.Veto(p.id()));
                return;
            }
        }
    }
}

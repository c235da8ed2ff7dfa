package org.phyle.core.sortition;

import org.phyle.core.Catalog;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.phyle.core.Parameters;
import org.phyle.core.citizenship.CitizenshipCode;
import org.phyle.crypto.Hash;
import org.phyle.crypto.vrf.EcVrf;

/** Draws by lot, worked through: stewards' commit and reveal, the node's proof, recomputation, and every refusal. */
class SortitionTest {
    final Harbour h = new Harbour(Catalog.defaultParameters());

    static byte[] secret(int n) {
        byte[] s = new byte[32];
        Arrays.fill(s, (byte) n);
        return s;
    }

    @Test
    void aDrawWithStewardsIsCommittedRevealedProvedAndRecomputedFromPublicDataAlone() {
        h.populate(12, 0);
        h.appointStewards(1, 2, 3);
        h.autoProve = false;
        Hash id = h.ok(h.citizens.get(1), new SortitionTx.Request(Draw.Pool.CITIZENS, 4, false, "a citizens' assembly"));
        Draw d = h.society.sortition().byId(id).orElseThrow();
        assertThat(d.poolSize()).isEqualTo(13);
        assertThat(d.stewards()).containsExactly(1, 2, 3);
        assertThat(d.commitUntil()).isEqualTo(h.now + Harbour.HOUR);
        assertThat(d.revealUntil()).isEqualTo(h.now + 2 * Harbour.HOUR);

        h.refused(h.citizens.get(5), new SortitionTx.Commit(id, Selection.commitment(id, secret(5))),
                SortitionCode.NOT_A_STEWARD);
        h.ok(h.citizens.get(1), new SortitionTx.Commit(id, Selection.commitment(id, secret(1))));
        h.ok(h.citizens.get(2), new SortitionTx.Commit(id, Selection.commitment(id, secret(2))));
        h.ok(h.citizens.get(3), new SortitionTx.Commit(id, Selection.commitment(id, secret(3))));
        h.refused(h.citizens.get(1), new SortitionTx.Commit(id, Selection.commitment(id, secret(9))),
                SortitionCode.ALREADY_COMMITTED);
        h.refused(h.citizens.get(1), new SortitionTx.Reveal(id, secret(1)), SortitionCode.REVEAL_NOT_OPEN);
        byte[] early = h.sequencer.vrfProve(d.alpha());
        h.refused(h.sequencer, new SortitionTx.Prove(id, early), SortitionCode.PROOF_TOO_EARLY);

        h.at(d.commitUntil());
        h.refused(h.citizens.get(3), new SortitionTx.Commit(id, Selection.commitment(id, secret(3))),
                SortitionCode.COMMIT_CLOSED);
        h.refused(h.citizens.get(1), new SortitionTx.Reveal(id, secret(7)), SortitionCode.REVEAL_MISMATCH);
        h.ok(h.citizens.get(1), new SortitionTx.Reveal(id, secret(1)));
        h.refused(h.citizens.get(1), new SortitionTx.Reveal(id, secret(1)), SortitionCode.ALREADY_REVEALED);
        h.ok(h.citizens.get(3), new SortitionTx.Reveal(id, secret(3)));
        // steward 2 never reveals: that cannot block the draw

        h.at(d.revealUntil());
        h.refused(h.citizens.get(1), new SortitionTx.Reveal(id, secret(1)), SortitionCode.REVEAL_NOT_OPEN);
        h.refused(h.citizens.get(1), new SortitionTx.Prove(id, early), SortitionCode.NOT_THE_SEQUENCER);
        byte[] wrong = h.sequencer.vrfProve("another input".getBytes());
        h.refused(h.sequencer, new SortitionTx.Prove(id, wrong), SortitionCode.BAD_PROOF);
        byte[] forged = Harbour.key(4242).vrfProve(d.alpha());
        h.refused(h.sequencer, new SortitionTx.Prove(id, forged), SortitionCode.BAD_PROOF);
        List<Selection.Member> pool = new ArrayList<>(d.pool());
        h.ok(h.sequencer, new SortitionTx.Prove(id, early));
        assertThat(d.drawn()).isTrue();
        assertThat(d.selected()).hasSize(4).doesNotHaveDuplicates();
        assertThat(d.pool()).as("the pool is not kept once drawn").isEmpty();
        h.refused(h.sequencer, new SortitionTx.Prove(id, early), SortitionCode.ALREADY_DRAWN);

        // anyone can recompute it: the pool's root, the VRF output from the proof, the revealed secrets, the scores
        assertThat(Selection.poolRoot(pool)).isEqualTo(d.poolRoot());
        byte[] beta = EcVrf.verify(h.sequencer.verifyingKey().bytes(), d.proof(), Selection.alpha(id, d.poolRoot()))
                .orElseThrow();
        Hash randomness = Selection.randomness(beta, List.of(secret(1), secret(3)));
        assertThat(randomness).isEqualTo(d.randomness());
        assertThat(Selection.select(randomness, pool, 4).stream().mapToInt(Selection.Member::number).toArray())
                .containsExactly(d.selected());
        assertThat(Selection.randomness(beta, List.of(secret(1), secret(2), secret(3)))).isNotEqualTo(randomness);
    }

    @Test
    void aStewardWhoDidNotCommitCannotRevealAndNoProofComesInTheBlockThatFixedThePool() {
        h.populate(8, 0);
        h.appointStewards(1, 2);
        h.autoProve = false;
        Hash id = h.ok(h.citizens.get(1), new SortitionTx.Request(Draw.Pool.CITIZENS, 3, false, "a tasting panel"));
        h.ok(h.citizens.get(1), new SortitionTx.Commit(id, Selection.commitment(id, secret(1))));
        h.at(h.society.sortition().byId(id).orElseThrow().commitUntil());
        h.refused(h.citizens.get(2), new SortitionTx.Reveal(id, secret(2)), SortitionCode.NO_COMMITMENT);
        h.refused(h.citizens.get(1), new SortitionTx.Reveal(Hash.sha256("no such draw".getBytes()), secret(1)),
                SortitionCode.UNKNOWN_DRAW);

        // without stewards a draw may be proved at once, but never in the block that fixed its pool: an auditor
        // replaying the ledger must see the pool before the proof
        Harbour plain = new Harbour(org.phyle.core.Catalog.defaultParameters()); // no stewards: a jury is provable at once
        plain.populate(10, 0);
        plain.autoProve = false;
        var b = plain.society.newBlock(plain.now);
        var challenge = plain.tx(plain.citizens.get(4), new org.phyle.core.citizenship.CitizenshipTx.Challenge(
                plain.person(plain.citizens.get(5)).id(), org.phyle.core.citizenship.CitizenshipTx.Grounds.DUPLICATE,
                "the same person twice", java.util.Optional.empty()));
        Harbour.accepted(b.offer(challenge));
        Draw jury = plain.society.sortition().byId(Sortition.idFor(Draw.Purpose.JURY, challenge.id())).orElseThrow();
        var sameBlock = b.offer(plain.tx(plain.sequencer, new SortitionTx.Prove(jury.id(),
                plain.sequencer.vrfProve(jury.alpha()))));
        assertThat(sameBlock).isInstanceOf(org.phyle.core.TxOutcome.Rejected.class);
        assertThat(((org.phyle.core.TxOutcome.Rejected) sameBlock).rejection().code())
                .isEqualTo(SortitionCode.PROOF_TOO_EARLY);
    }

    @Test
    void aJuryIsDrawnByLotAtOnceWithoutStewardsAndAfterTheirRevealsWithThem() {
        h.populate(10, 0);
        Hash applicant = h.ok(Harbour.key(500), new org.phyle.core.citizenship.CitizenshipTx.Apply("Newcomer",
                org.phyle.core.citizenship.CitizenshipTx.Seeking.CITIZEN, h.society.charterHash(),
                java.util.Optional.empty()));
        Hash challenge = h.ok(h.citizens.get(1), new org.phyle.core.citizenship.CitizenshipTx.Challenge(applicant,
                org.phyle.core.citizenship.CitizenshipTx.Grounds.FAKE, "unknown face", java.util.Optional.empty()));
        var cc = h.society.registry().challenge(challenge).orElseThrow();
        assertThat(cc.jury()).as("no stewards: proved in the next block").hasSize(5).doesNotContain(1);
        Draw jury = h.society.sortition().byId(Sortition.idFor(Draw.Purpose.JURY, challenge)).orElseThrow();
        assertThat(jury.selected()).containsExactly(cc.jury());
        assertThat(jury.subject()).isEqualTo(challenge);

        h.appointStewards(2);
        h.autoProve = false;
        Hash other = h.ok(Harbour.key(501), new org.phyle.core.citizenship.CitizenshipTx.Apply("Second",
                org.phyle.core.citizenship.CitizenshipTx.Seeking.CITIZEN, h.society.charterHash(),
                java.util.Optional.empty()));
        Hash second = h.ok(h.citizens.get(3), new org.phyle.core.citizenship.CitizenshipTx.Challenge(other,
                org.phyle.core.citizenship.CitizenshipTx.Grounds.DUPLICATE, "same as #4", java.util.Optional.empty()));
        h.refused(h.citizens.get(4), new org.phyle.core.citizenship.CitizenshipTx.JuryVote(second,
                org.phyle.core.citizenship.CitizenshipTx.Verdict.DISMISS), CitizenshipCode.JURY_NOT_DRAWN);
        h.autoProve = true;
        h.later(2 * Harbour.HOUR);
        assertThat(h.society.registry().challenge(second).orElseThrow().jury()).hasSize(5);
    }

    @Test
    void badRequestsAreRefused() {
        h.populate(4, 2, "Harbour/North");
        h.appointStewards(1);
        h.refused(h.citizens.get(2), new SortitionTx.Request(Draw.Pool.CITIZENS, 2, false, "x"),
                SortitionCode.NOT_A_STEWARD);
        h.refused(h.citizens.get(1), new SortitionTx.Request(Draw.Pool.CITIZENS, 6, false, "x"),
                SortitionCode.POOL_TOO_SMALL);
        h.refused(h.citizens.get(1), new SortitionTx.Request(Draw.Pool.HOST_RESIDENTS, 3, false, "x"),
                SortitionCode.POOL_TOO_SMALL);
        h.refused(h.residents.get(0), new SortitionTx.Request(Draw.Pool.HOST_RESIDENTS, 1, false, "x"),
                CitizenshipCode.NOT_A_CITIZEN);
        h.refused(h.citizens.get(1), new SortitionTx.Commit(Hash.sha256(new byte[] {1}), Hash.ZERO),
                SortitionCode.UNKNOWN_DRAW);
        h.refused(h.sequencer, new SortitionTx.Prove(Hash.sha256(new byte[] {1}), new byte[80]),
                SortitionCode.UNKNOWN_DRAW);
        Hash ok = h.ok(h.citizens.get(1), new SortitionTx.Request(Draw.Pool.HOST_RESIDENTS, 2, false, "all"));
        assertThat(h.society.sortition().byId(ok).orElseThrow().poolKind()).isEqualTo(Draw.Pool.HOST_RESIDENTS);
    }

    @Test
    void aStratifiedDrawSharesSeatsAmongRegionsByTheirSize() {
        h.populate(3, 10, "A", "A", "B", "A", "B", "A", "A", "B", "C", "A");
        h.appointStewards(1);
        h.later(0);
        List<Selection.Member> pool = Sortition.pool(h.society.registry(), Draw.Pool.HOST_RESIDENTS, h.now, x -> true);
        assertThat(Selection.quotas(pool, 5)).containsExactlyInAnyOrderEntriesOf(Map.of("A", 3, "B", 2, "C", 0));
        assertThat(Selection.quotas(pool, 10)).containsExactlyInAnyOrderEntriesOf(Map.of("A", 6, "B", 3, "C", 1));
        h.autoProve = true;
        Hash id = h.ok(h.citizens.get(1), new SortitionTx.Request(Draw.Pool.HOST_RESIDENTS, 5, true, "a panel"));
        Draw d = h.society.sortition().byId(id).orElseThrow();
        h.at(d.revealUntil());
        assertThat(d.drawn()).isTrue();
        long fromA = Arrays.stream(d.selected()).filter(n -> h.society.registry().byNumber(n).orElseThrow().region()
                .equals("A")).count();
        assertThat(fromA).isEqualTo(3);
        assertThat(d.selected()).hasSize(5);
    }
}

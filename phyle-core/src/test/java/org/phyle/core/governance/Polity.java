package org.phyle.core.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.phyle.core.Block;
import org.phyle.core.BlockBuilder;
import org.phyle.core.Parameters;
import org.phyle.core.Rejection;
import org.phyle.core.RejectionCode;
import org.phyle.core.Society;
import org.phyle.core.TxOutcome;
import org.phyle.core.charter.CharterParams;
import org.phyle.core.citizenship.CitizenshipTx;
import org.phyle.core.citizenship.Person;
import org.phyle.core.tx.TxBody;
import org.phyle.core.tx.TxSigner;
import org.phyle.core.tx.VerifiedTx;
import org.phyle.crypto.Hash;
import org.phyle.crypto.Jcs;
import org.phyle.crypto.SigningKey;

/**
 * A society of n citizens (the founder and n - 1 admitted by the founder) for governance tests, with a clock the test
 * moves; every block it seals is kept so that tests can replay them.
 */
final class Polity {
    static final long T0 = 1_800_000_000_000L;
    static final long HOUR = 3_600_000L;

    final SigningKey founder = key(0);
    final SigningKey sequencer = key(99_999);
    final Block genesis;
    final Society society;
    final List<SigningKey> citizens = new ArrayList<>();
    final List<Block> blocks = new ArrayList<>();
    long now = T0;
    private int nonce;

    Polity(int n, Parameters p) {
        genesis = Society.createGenesis(founder, "Founder", sequencer, "Polity", "To test governance.",
                inCommunityStage(p), T0);
        society = Society.fromGenesis(genesis);
        citizens.add(founder);
        BlockBuilder b = society.newBlock(now);
        for (int i = 1; i < n; i++) {
            SigningKey k = key(i);
            VerifiedTx apply = tx(k, new CitizenshipTx.Apply("C" + i, CitizenshipTx.Seeking.CITIZEN,
                    society.charterHash(), Optional.empty()));
            ok(b.offer(apply));
            ok(b.offer(tx(founder, new CitizenshipTx.Admit(apply.id()))));
            citizens.add(k);
        }
        blocks.add(b.seal(sequencer));
    }

    Polity(int n) {
        this(n, Parameters.defaults());
    }

    /**
     * Unless the test chose its own schedule, the polity enters the Community stage with its second citizen, so that
     * citizens may make binding proposals (the Founding stage's limits are tested in the charter's tests).
     */
    static Parameters inCommunityStage(Parameters p) {
        return p.get(CharterParams.COMMUNITY_AT) == CharterParams.COMMUNITY_AT.defaultValue()
                ? p.with(CharterParams.COMMUNITY_AT.name(), 2) : p;
    }

    static SigningKey key(int n) {
        byte[] seed = new byte[32];
        seed[0] = (byte) n;
        seed[1] = (byte) (n >> 8);
        seed[2] = (byte) (n >> 16);
        seed[30] = 42;
        return SigningKey.fromSeed(seed);
    }

    SigningKey citizen(int i) {
        return citizens.get(i);
    }

    Person person(int i) {
        return society.registry().byCurrentKey(citizens.get(i).verifyingKey()).orElseThrow();
    }

    Governance governance() {
        return society.governance();
    }

    VerifiedTx tx(SigningKey signer, TxBody body) {
        return society.decoder().decode(Jcs.canonicalize(TxSigner.sign(society.id(), signer, body, "p" + nonce++,
                now + 600_000)));
    }

    private static void ok(TxOutcome o) {
        assertThat(o).as(() -> o instanceof TxOutcome.Rejected r ? r.rejection().toString() : "")
                .isInstanceOf(TxOutcome.Accepted.class);
    }

    TxOutcome submit(SigningKey signer, TxBody body) {
        BlockBuilder b = society.newBlock(now);
        TxOutcome o = b.offer(tx(signer, body));
        blocks.add(b.seal(sequencer)); // sealed even when refused: what is due still happens
        return o;
    }

    Hash ok(SigningKey signer, TxBody body) {
        TxOutcome o = submit(signer, body);
        ok(o);
        return o.tx().id();
    }

    Rejection refused(SigningKey signer, TxBody body, RejectionCode code) {
        Hash before = society.digest();
        BlockBuilder b = society.newBlock(now);
        TxOutcome o = b.offer(tx(signer, body));
        assertThat(o).isInstanceOf(TxOutcome.Rejected.class);
        Rejection r = ((TxOutcome.Rejected) o).rejection();
        assertThat(r.code()).as(r.toString()).isEqualTo(code);
        b.abandon();
        assertThat(society.digest()).as("nothing changed").isEqualTo(before);
        return r;
    }

    /** Moves the clock and seals an empty block at the new time, so that whatever is due happens. */
    void at(long time) {
        now = time;
        blocks.add(society.newBlock(now).seal(sequencer));
    }

    void later(long ms) {
        at(now + ms);
    }

    Proposal proposal(Hash id) {
        return governance().byId(id).orElseThrow();
    }

    /** Proposes as citizen 1 and has citizens 2 and 3 co-sponsor; returns the proposal, sponsored. */
    Proposal sponsored(GovernanceTx.Propose terms) {
        Hash id = ok(citizen(1), terms);
        ok(citizen(2), new GovernanceTx.Sponsor(id));
        ok(citizen(3), new GovernanceTx.Sponsor(id));
        return proposal(id);
    }

    /** A sponsored proposal whose voting is open. */
    Proposal open(GovernanceTx.Propose terms) {
        Proposal p = sponsored(terms);
        at(p.opensAt());
        assertThat(p.state()).isEqualTo(Proposal.State.VOTING);
        return p;
    }

    void vote(int citizen, Proposal p, Ballot ballot) {
        ok(citizen(citizen), new GovernanceTx.Vote(p.id(), ballot));
    }

    void close(Proposal p) {
        at(p.closesAt());
        assertThat(p.state()).isIn(Proposal.State.PASSED, Proposal.State.FAILED, Proposal.State.EXECUTED,
                Proposal.State.NOT_EXECUTED);
    }

    static Ballot yes() {
        return new Ballot.YesNo(Ballot.YesNo.Choice.YES);
    }

    static Ballot no() {
        return new Ballot.YesNo(Ballot.YesNo.Choice.NO);
    }

    static Ballot abstain() {
        return new Ballot.YesNo(Ballot.YesNo.Choice.ABSTAIN);
    }

    static Ballot qv(int... votes) {
        return new Ballot.Quadratic(votes);
    }

    static Ballot approve(int... options) {
        return new Ballot.Approval(options);
    }

    static Ballot rank(int... options) {
        return new Ballot.Ranked(options);
    }
}

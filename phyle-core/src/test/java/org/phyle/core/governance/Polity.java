package org.phyle.core.governance;

import org.phyle.core.Catalog;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.phyle.core.Block;
import org.phyle.core.BlockBuilder;
import org.phyle.core.Parameters;
import org.phyle.core.TestSociety;
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
final class Polity extends TestSociety {
    final List<SigningKey> citizens = new ArrayList<>();

    Polity(int n, Parameters p) {
        super("Polity", "To test governance.", inCommunityStage(p), Polity::key, 0, 99_999, "p");
        citizens.add(founder);
        BlockBuilder b = society.newBlock(now);
        for (int i = 1; i < n; i++) {
            SigningKey k = key(i);
            VerifiedTx apply = tx(k, new CitizenshipTx.Apply("C" + i, CitizenshipTx.Seeking.CITIZEN,
                    society.charterHash(), Optional.empty()));
            accepted(b.offer(apply));
            accepted(b.offer(tx(founder, new CitizenshipTx.Admit(apply.id()))));
            citizens.add(k);
        }
        blocks.add(b.seal(sequencer));
    }

    Polity(int n) {
        this(n, Catalog.defaultParameters());
    }

    /**
     * Unless the test chose its own schedule, the polity enters the Community stage with its second citizen, so that
     * citizens may make binding proposals (the Founding stage's limits are tested in the charter's tests).
     */
    static Parameters inCommunityStage(Parameters p) {
        return p.get(CharterParams.COMMUNITY_AT) == CharterParams.COMMUNITY_AT.defaultValue()
                ? p.with(CharterParams.COMMUNITY_AT.name(), 2) : p;
    }

    SigningKey citizen(int i) {
        return citizens.get(i);
    }

    Person person(int i) {
        return society.registry().byCurrentKey(citizens.get(i).verifyingKey()).orElseThrow();
    }

    static SigningKey key(int n) {
        byte[] seed = new byte[32];
        seed[0] = (byte) n;
        seed[1] = (byte) (n >> 8);
        seed[2] = (byte) (n >> 16);
        seed[30] = 42;
        return SigningKey.fromSeed(seed);
    }

    Governance governance() {
        return society.governance();
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

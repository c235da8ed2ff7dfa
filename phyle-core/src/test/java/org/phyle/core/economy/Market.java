package org.phyle.core.economy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.phyle.core.BlockBuilder;
import org.phyle.core.Catalog;
import org.phyle.core.Parameters;
import org.phyle.core.TestSociety;
import org.phyle.core.citizenship.CitizenshipTx;
import org.phyle.core.citizenship.Person;
import org.phyle.core.governance.Ballot;
import org.phyle.core.governance.GovernanceTx;
import org.phyle.core.governance.Proposal;
import org.phyle.core.proposals.Method;
import org.phyle.core.proposals.ProposalAction;
import org.phyle.core.proposals.Threshold;
import org.phyle.core.tx.VerifiedTx;
import org.phyle.crypto.Hash;
import org.phyle.crypto.SigningKey;

/**
 * A society of n citizens (the founder and n - 1 admitted by the founder) with a treasury, for the economy's tests;
 * governance runs in hours (an hour each for deliberation, voting and the timelock) so proposals pass quickly.
 */
public final class Market extends TestSociety {
    public static final long UNIT = EconomyParams.UNIT;
    public final List<SigningKey> citizens = new ArrayList<>();

    public Market(int n, Parameters p) {
        super("Market", "To test the economy.", fast(p), Market::key, 0, 99_999, "m");
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

    public Market(int n) {
        this(n, Catalog.defaultParameters());
    }

    static Parameters fast(Parameters p) {
        return p.with("governance.deliberationHours", 1).with("governance.votingHours", 1)
                .with("governance.minVotingHours", 1).with("governance.timelockHours", 1);
    }

    public static SigningKey key(int n) {
        byte[] seed = new byte[32];
        seed[0] = (byte) n;
        seed[1] = (byte) (n >> 8);
        seed[30] = 77;
        return SigningKey.fromSeed(seed);
    }

    /** A key that is not registered in the society. */
    public static SigningKey stranger(int n) {
        return key(50_000 + n);
    }

    public SigningKey citizen(int i) {
        return citizens.get(i);
    }

    public String did(int citizen) {
        return citizens.get(citizen).verifyingKey().did();
    }

    public Person person(int i) {
        return society.registry().byCurrentKey(citizens.get(i).verifyingKey()).orElseThrow();
    }

    public Economy economy() {
        return society.view(Economy.class);
    }

    public long spendable(SigningKey k) {
        return economy().spendable(k.verifyingKey().did(), now);
    }

    /** The founder proposes the action, every citizen votes yes, and the clock runs to its execution. */
    public Proposal pass(String kind, ProposalAction action) {
        return decide(kind, action, true);
    }

    /** The founder proposes the action and every citizen votes as told; the clock runs past the timelock. */
    public Proposal decide(String kind, ProposalAction action, boolean yes) {
        Hash id = ok(founder, new GovernanceTx.Propose("An economic proposal", "Because.", "economy", kind, action,
                Method.YES_NO, List.of(), 1, 0, false, Threshold.named("majority"), Optional.empty()));
        Proposal p = society.governance().byId(id).orElseThrow();
        at(p.opensAt());
        assertThat(p.state()).isEqualTo(Proposal.State.VOTING);
        for (SigningKey c : citizens) {
            ok(c, new GovernanceTx.Vote(id, new Ballot.YesNo(yes ? Ballot.YesNo.Choice.YES : Ballot.YesNo.Choice.NO)));
        }
        at(p.closesAt());
        at(p.closesAt() + p.timelockMs());
        return p;
    }

    /** Pays from the treasury to a did by a passed proposal. */
    public void grant(String did, long amount) {
        Proposal p = pass("treasury-spend", new EconomyActions.TreasurySpend(did, amount, "grants", "a grant"));
        assertThat(p.state()).isEqualTo(Proposal.State.EXECUTED);
    }

    /** The founder appoints these citizens stewards. */
    public void appointStewards(int... indexes) {
        List<Hash> ids = new ArrayList<>();
        for (int i : indexes) {
            ids.add(person(i).id());
        }
        ok(founder, new org.phyle.core.authority.CharterTx.Amend("stewards",
                new org.phyle.core.authority.CharterActions.Stewards(ids, List.of())));
    }

    /** A round opened by a passed proposal; returns its number. */
    public int round(long pool, int applicationHours, int contributionHours, EconomyActions.Approval approval,
                     Matching.Mode mode, int capBp, long k) {
        Proposal p = pass("qf-round", new EconomyActions.FundingRound("Round", pool, applicationHours,
                contributionHours, approval, mode, capBp, k));
        assertThat(p.state()).isEqualTo(Proposal.State.EXECUTED);
        return economy().rounds().size() - 1;
    }

    /** Asserts that every unit of money is where the books say, at the current time. */
    public void assertConserved() {
        assertThat(economy().accounted(now)).as("money is conserved").isEqualTo(economy().supply());
    }
}

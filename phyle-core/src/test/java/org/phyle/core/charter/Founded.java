package org.phyle.core.charter;

import org.phyle.core.Catalog;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.phyle.core.Block;
import org.phyle.core.BlockBuilder;
import org.phyle.core.Parameters;
import org.phyle.core.TestSociety;
import org.phyle.core.Rejection;
import org.phyle.core.RejectionCode;
import org.phyle.core.Society;
import org.phyle.core.TxOutcome;
import org.phyle.core.citizenship.CitizenshipTx;
import org.phyle.core.citizenship.Person;
import org.phyle.core.governance.Ballot;
import org.phyle.core.governance.GovernanceTx;
import org.phyle.core.governance.Proposal;
import org.phyle.core.tx.TxBody;
import org.phyle.core.tx.TxSigner;
import org.phyle.core.tx.VerifiedTx;
import org.phyle.crypto.Hash;
import org.phyle.crypto.Jcs;
import org.phyle.crypto.SigningKey;

/**
 * A young society for the charter's tests: a founder, a clock the test moves, and a small handover schedule
 * (Community at 5 citizens, Republic at 8, Commonwealth at 12, Sovereign at 16) so that every stage can be reached.
 * Every block is kept, so that tests can replay them and watch the founder's powers block by block.
 */
final class Founded extends TestSociety {

    static Parameters schedule() {
        return Catalog.defaultParameters().with("charter.communityAt", 5).with("charter.republicAt", 8)
                .with("charter.commonwealthAt", 12).with("charter.sovereignAt", 16)
                .with("governance.sponsorsRequired", 1).with("governance.deliberationHours", 1)
                .with("governance.minVotingHours", 1).with("governance.timelockHours", 2);
    }

    final List<SigningKey> people = new ArrayList<>();

    Founded(Parameters p) {
        super("Founded", "To test the charter.", p, Founded::key, 0, 99_999, "c");
        people.add(founder);
    }

    Founded() {
        this(schedule());
    }

    static SigningKey key(int n) {
        byte[] seed = new byte[32];
        seed[0] = (byte) n;
        seed[1] = (byte) (n >> 8);
        seed[29] = 7;
        return SigningKey.fromSeed(seed);
    }

    /** The i-th person made by {@link #grow} (0 is the founder). */
    SigningKey citizen(int i) {
        return people.get(i);
    }

    /** The i-th person (by whatever key is theirs now; people who left are still found). */
    Person person(int i) {
        return society.registry().byAnyKey(people.get(i).verifyingKey()).orElseThrow();
    }

    Handover handover() {
        return society.handover();
    }

    /**
     * Up to n more citizens, in one block: while the founder may admit, by admission; after, each by three vouches
     * of the latest citizens in good standing with vouches left (fewer if not enough can vouch).
     */
    void grow(int n) {
        BlockBuilder b = society.newBlock(now);
        boolean admit = society.handover().founderMay(Stage.FounderPower.ADMIT) && person(0).activeCitizen(now);
        for (int i = 0; i < n; i++) {
            List<SigningKey> vouchers = admit ? List.of() : vouchers();
            if (!admit && vouchers.size() < 3) {
                break;
            }
            SigningKey k = key(people.size());
            VerifiedTx apply = tx(k, new CitizenshipTx.Apply("P" + people.size(), CitizenshipTx.Seeking.CITIZEN,
                    society.charterHash(), Optional.empty()));
            accepted(b.offer(apply));
            if (admit) {
                accepted(b.offer(tx(founder, new CitizenshipTx.Admit(apply.id()))));
            } else {
                for (SigningKey v : vouchers) {
                    accepted(b.offer(tx(v, new CitizenshipTx.Vouch(apply.id()))));
                }
            }
            people.add(k);
        }
        blocks.add(b.seal(sequencer));
    }

    /** The three latest citizens in good standing who may still vouch in this period. */
    private List<SigningKey> vouchers() {
        long period = (now - Founded.T0) / (30 * DAY);
        List<SigningKey> out = new ArrayList<>();
        for (int i = people.size() - 1; i >= 0 && out.size() < 3; i--) {
            Person p = person(i);
            if (p.activeCitizen(now) && p.vouchesUsedIn(period) < 5 && p.vouchBanUntil() <= now) {
                out.add(people.get(i));
            }
        }
        return out;
    }

    /** Grows until the society has at least this many citizens in good standing (founder included). */
    void growTo(int citizens) {
        long now = society.registry().activeCitizens(this.now);
        if (citizens > now) {
            grow((int) (citizens - now));
        }
    }

    /** A yes/no proposal by citizen 1, sponsored by citizen 2, passed by everyone's yes and closed. */
    Proposal pass(GovernanceTx.Propose terms) {
        Hash id = ok(citizen(1), terms);
        Proposal p = society.governance().byId(id).orElseThrow();
        if (p.state() == Proposal.State.DRAFT) {
            ok(citizen(2), new GovernanceTx.Sponsor(id));
        }
        at(p.opensAt());
        for (int i = 0; i < people.size(); i++) {
            if (person(i).activeCitizen(now)) {
                ok(citizen(i), new GovernanceTx.Vote(id, new Ballot.YesNo(Ballot.YesNo.Choice.YES)));
            }
        }
        at(p.closesAt());
        assertThat(p.state()).isEqualTo(Proposal.State.PASSED);
        return p;
    }

    /** The founder's powers now, as a set. */
    Set<Stage.FounderPower> founderPowers() {
        Set<Stage.FounderPower> s = EnumSet.noneOf(Stage.FounderPower.class);
        s.addAll(handover().founderPowers());
        return s;
    }
}

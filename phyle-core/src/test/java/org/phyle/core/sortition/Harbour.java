package org.phyle.core.sortition;

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
import org.phyle.core.authority.CharterActions;
import org.phyle.core.authority.CharterTx;
import org.phyle.core.citizenship.CitizenshipParams;
import org.phyle.core.citizenship.CitizenshipTx;
import org.phyle.core.citizenship.KeyProof;
import org.phyle.core.citizenship.Person;
import org.phyle.core.tx.TxBody;
import org.phyle.core.tx.TxSigner;
import org.phyle.core.tx.VerifiedTx;
import org.phyle.crypto.Hash;
import org.phyle.crypto.Jcs;
import org.phyle.crypto.SigningKey;

/**
 * A society beside a harbour town, for the sortition tests: citizens admitted by the founder, host residents of the
 * town registered by its registrar in regions, a clock the test moves, and every block kept for replay. Like the
 * node, it proves each draw with the sequencer's VRF key once the stewards' time is over (if asked to).
 */
final class Harbour extends TestSociety {
    final SigningKey registrar = key(9_998);
    final List<SigningKey> citizens = new ArrayList<>();
    final List<SigningKey> residents = new ArrayList<>();
    private int keys = 1;

    Harbour(Parameters p) {
        super("Harbour", "To test sortition.", p.withKeys(CitizenshipParams.HOST_REGISTRARS.name(),
                        List.of(key(9_998).verifyingKey())).with("charter.communityAt", 100_000)
                        .with("charter.republicAt", 100_000).with("charter.commonwealthAt", 100_000)
                        .with("charter.sovereignAt", 100_000), Harbour::key, 0, 9_999, "h");
        autoProve = true;
        citizens.add(founder);
    }

    static SigningKey key(int n) {
        byte[] seed = new byte[32];
        seed[0] = (byte) n;
        seed[1] = (byte) (n >> 8);
        seed[28] = 11;
        return SigningKey.fromSeed(seed);
    }

    /** n citizens admitted by the founder, and m host residents in the given regions (round robin), in one block. */
    void populate(int n, int m, String... regions) {
        BlockBuilder b = society.newBlock(now);
        for (int i = 0; i < n; i++) {
            SigningKey k = key(keys++);
            VerifiedTx apply = tx(k, new CitizenshipTx.Apply("Citizen " + i, CitizenshipTx.Seeking.CITIZEN,
                    society.charterHash(), Optional.empty()));
            accepted(b.offer(apply));
            accepted(b.offer(tx(founder, new CitizenshipTx.Admit(apply.id()))));
            citizens.add(k);
        }
        for (int i = 0; i < m; i++) {
            SigningKey k = key(keys++);
            accepted(b.offer(tx(registrar, new CitizenshipTx.RegisterHostResident(k.verifyingKey(), "Resident " + i,
                    regions[i % regions.length], k.sign(KeyProof.hostResidentMessage(society.id()))))));
            residents.add(k);
        }
        blocks.add(b.seal(sequencer));
    }

    /** The founder appoints these citizens stewards. */
    void appointStewards(int... indexes) {
        List<Hash> ids = new ArrayList<>();
        for (int i : indexes) {
            ids.add(person(citizens.get(i)).id());
        }
        ok(founder, new CharterTx.Amend("stewards", new CharterActions.Stewards(ids, List.of())));
    }

    Person person(SigningKey k) {
        return society.registry().byCurrentKey(k.verifyingKey()).orElseThrow();
    }

}

package org.phyle.core.citizenship;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.phyle.core.Block;
import org.phyle.core.BlockBuilder;
import org.phyle.core.Parameters;
import org.phyle.core.Rejection;
import org.phyle.core.RejectionCode;
import org.phyle.core.Society;
import org.phyle.core.TxOutcome;
import org.phyle.core.sortition.Draw;
import org.phyle.core.sortition.SortitionTx;
import org.phyle.core.tx.TxBody;
import org.phyle.core.tx.TxSigner;
import org.phyle.core.tx.VerifiedTx;
import org.phyle.crypto.Hash;
import org.phyle.crypto.Jcs;
import org.phyle.crypto.SigningKey;

/**
 * A small society for citizenship tests: a founder, a clock that the test moves, and one helper per transaction.
 * Each helper applies its transaction in a block of its own at the current time and returns the outcome;
 * {@link #ok} and {@link #refused} assert which, and refused also asserts that nothing changed.
 */
final class Town {
    static final long T0 = 1_800_000_000_000L;
    static final long DAY = 86_400_000L;

    final SigningKey founder = key(1);
    final SigningKey sequencer = key(2);
    final SigningKey registrar = key(3);
    final Society society;
    final Block genesis;
    long now = T0;
    private int nonce;

    Town(Parameters p) {
        genesis = Society.createGenesis(founder, "Founder", sequencer, "Town", "To test citizenship.",
                p.withKeys(CitizenshipParams.HOST_REGISTRARS.name(), List.of(registrar.verifyingKey())), T0);
        society = Society.fromGenesis(genesis);
    }

    Town() {
        this(Parameters.defaults());
    }

    static SigningKey key(int n) {
        byte[] seed = new byte[32];
        seed[0] = (byte) n;
        seed[1] = (byte) (n >> 8);
        seed[2] = (byte) (n >> 16);
        seed[31] = 7;
        return SigningKey.fromSeed(seed);
    }

    Registry registry() {
        return society.registry();
    }

    Hash charter() {
        return society.charterHash();
    }

    VerifiedTx tx(SigningKey signer, TxBody body) {
        return society.decoder().decode(Jcs.canonicalize(TxSigner.sign(society.id(), signer, body, "n" + nonce++,
                now + 600_000)));
    }

    TxOutcome offer(VerifiedTx tx) {
        BlockBuilder b = society.newBlock(now);
        TxOutcome o = b.offer(tx);
        if (b.isEmpty()) {
            b.abandon();
        } else {
            b.seal(sequencer);
            proveDueDraws();
        }
        return o;
    }

    /** As the node does: proves every draw whose stewards' time has passed, one block each. */
    void proveDueDraws() {
        while (proveOneDueDraw() != null) {
            // one block per draw
        }
    }

    /** Proves the first draw due with the sequencer's VRF key, in a block of its own; null if none is due. */
    Block proveOneDueDraw() {
        for (Draw d : society.sortition().pending()) {
            if (d.revealUntil() <= now) {
                BlockBuilder b = society.newBlock(now);
                TxOutcome o = b.offer(tx(sequencer, new SortitionTx.Prove(d.id(), sequencer.vrfProve(d.alpha()))));
                assertThat(o).isInstanceOf(TxOutcome.Accepted.class);
                return b.seal(sequencer);
            }
        }
        return null;
    }

    TxOutcome submit(SigningKey signer, TxBody body) {
        return offer(tx(signer, body));
    }

    void ok(SigningKey signer, TxBody body) {
        TxOutcome o = submit(signer, body);
        assertThat(o).as(() -> o instanceof TxOutcome.Rejected r ? r.rejection().toString() : "").isInstanceOf(
                TxOutcome.Accepted.class);
    }

    /** Asserts the refusal code and that the state digest did not change. */
    Rejection refused(SigningKey signer, TxBody body, RejectionCode code) {
        Hash before = society.digest();
        TxOutcome o = submit(signer, body);
        assertThat(o).isInstanceOf(TxOutcome.Rejected.class);
        Rejection r = ((TxOutcome.Rejected) o).rejection();
        assertThat(r.code()).as(r.toString()).isEqualTo(code);
        assertThat(society.digest()).as("nothing changed").isEqualTo(before);
        return r;
    }

    // ---- one helper per transaction ------------------------------------------------------------------------------

    Person apply(SigningKey key, String name) {
        ok(key, new CitizenshipTx.Apply(name, CitizenshipTx.Seeking.CITIZEN, charter(), Optional.empty()));
        return person(key);
    }

    Person person(SigningKey key) {
        return registry().byCurrentKey(key.verifyingKey()).orElseThrow();
    }

    /** A new citizen admitted by the founder. */
    Person citizen(SigningKey key, String name) {
        Person p = apply(key, name);
        ok(founder, new CitizenshipTx.Admit(p.id()));
        assertThat(p.status()).isEqualTo(Status.CITIZEN);
        return p;
    }

    CitizenshipTx.Vouch vouchFor(Person p) {
        return new CitizenshipTx.Vouch(p.id());
    }

    CitizenshipTx.RotateKey rotateTo(Person p, SigningKey newKey) {
        return new CitizenshipTx.RotateKey(newKey.verifyingKey(), newKey.sign(KeyProof.message(society.id(), p.id())));
    }

    CitizenshipTx.Recover recoverTo(Person p, SigningKey newKey) {
        return new CitizenshipTx.Recover(p.id(), newKey.verifyingKey(),
                newKey.sign(KeyProof.message(society.id(), p.id())));
    }

    CitizenshipTx.RegisterHostResident hostResident(SigningKey key, String name, String region) {
        return new CitizenshipTx.RegisterHostResident(key.verifyingKey(), name, region,
                key.sign(KeyProof.hostResidentMessage(society.id())));
    }

    void later(long ms) {
        now += ms;
    }
}

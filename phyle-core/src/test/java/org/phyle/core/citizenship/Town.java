package org.phyle.core.citizenship;

import org.phyle.core.Catalog;
import static org.assertj.core.api.Assertions.assertThat;

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
final class Town extends TestSociety {
    final SigningKey registrar = key(3);

    Town(Parameters p) {
        super("Town", "To test citizenship.", p.withKeys(CitizenshipParams.HOST_REGISTRARS.name(),
                List.of(key(3).verifyingKey())), Town::key, 1, 2, "n");
        autoProve = true;
        sealRefused = false;
    }

    Town() {
        this(Catalog.defaultParameters());
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

    /** Moves the clock only: the next transaction's block is at the new time. */
    @Override
    public void later(long ms) {
        now += ms;
    }
}

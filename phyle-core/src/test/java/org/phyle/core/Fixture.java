package org.phyle.core;

import java.util.Optional;
import org.phyle.core.notary.NotaryRecord;
import org.phyle.core.tx.TxBody;
import org.phyle.core.tx.TxSigner;
import org.phyle.core.tx.VerifiedTx;
import org.phyle.crypto.Hash;
import org.phyle.crypto.Jcs;
import org.phyle.crypto.SigningKey;

/** A small society for tests: fixed keys, a genesis at a fixed time, and helpers to sign transactions. */
final class Fixture {
    static final long T0 = 1_800_000_000_000L;

    final SigningKey founder = SigningKey.fromSeed(seed(1));
    final SigningKey sequencer = SigningKey.fromSeed(seed(2));
    final Block genesisBlock = Society.createGenesis(founder, "Founder", sequencer, "Test Society", "To test things.",
            Catalog.defaultParameters(), T0, "genesis");
    final Society society = Society.fromGenesis(genesisBlock);
    private int nonce;

    static byte[] seed(int n) {
        byte[] s = new byte[32];
        s[0] = (byte) n;
        s[31] = (byte) (n >> 8);
        return s;
    }

    Hash id() {
        return society.id();
    }

    byte[] envelope(SigningKey key, TxBody body, long expires) {
        return Jcs.canonicalize(TxSigner.sign(id(), key, body, "n" + (nonce++), expires));
    }

    VerifiedTx tx(SigningKey key, TxBody body, long expires) {
        return society.decoder().decode(envelope(key, body, expires));
    }

    VerifiedTx notary(SigningKey key, String label, long expires) {
        return tx(key, new NotaryRecord(Hash.sha256(label.getBytes()), label, Optional.empty()), expires);
    }

    VerifiedTx notary(SigningKey key, String label) {
        return notary(key, label, society.time() + 600_000);
    }
}

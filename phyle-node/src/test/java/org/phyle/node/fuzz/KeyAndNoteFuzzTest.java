package org.phyle.node.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.phyle.crypto.Base58;
import org.phyle.crypto.Checkpoint;
import org.phyle.crypto.InvalidKeyException;
import org.phyle.crypto.SignedNote;
import org.phyle.crypto.SigningKey;
import org.phyle.crypto.VerifyingKey;

/**
 * Base58, did:key, signed notes and checkpoints, fuzzed: each input is decoded or refused with the exception its
 * parser declares (IllegalArgumentException or its subclass InvalidKeyException), and what decodes re-encodes to the
 * same text.
 */
class KeyAndNoteFuzzTest {
    static final SignedNote.Signer SIGNER = new SignedNote.Signer("fuzz.example/log", SigningKey.fromSeed(new byte[32]));
    static final SignedNote.Verifier VERIFIER = SIGNER.verifier();

    @FuzzTest(maxDuration = "60s")
    void base58(String text) {
        if (text == null) {
            return;
        }
        byte[] decoded;
        try {
            decoded = Base58.decode(text);
        } catch (IllegalArgumentException expected) {
            return;
        }
        assertThat(Base58.encode(decoded)).isEqualTo(text);
    }

    @FuzzTest(maxDuration = "60s")
    void didKey(String text) {
        VerifyingKey key;
        if (text == null) {
            assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> VerifyingKey.fromDid(null)))
                    .isInstanceOf(InvalidKeyException.class);
            return;
        }
        try {
            key = VerifyingKey.fromDid(text);
        } catch (InvalidKeyException expected) {
            return;
        }
        assertThat(key.did()).isEqualTo(text);
        assertThat(VerifyingKey.fromBytes(key.bytes())).isEqualTo(key);
    }

    @FuzzTest(maxDuration = "60s")
    void signedNoteAndCheckpoint(FuzzedDataProvider data) {
        boolean sign = data.consumeBoolean();
        String text = data.consumeRemainingAsString();
        String note = text;
        if (sign) {
            try {
                note = SignedNote.sign(text, SIGNER);
            } catch (IllegalArgumentException notANoteText) {
                return;
            }
        }
        try {
            SignedNote.parse(note);
        } catch (IllegalArgumentException expected) {
            return;
        }
        try {
            String opened = SignedNote.open(note, VERIFIER);
            if (sign) {
                assertThat(opened).isEqualTo(text);
            }
            Checkpoint.parse(opened);
            Checkpoint.open(note, VERIFIER, null);
        } catch (IllegalArgumentException expected) {
            // not signed by this key, or not a checkpoint
        }
    }

    @FuzzTest(maxDuration = "60s")
    void verifierKey(String vkey) {
        if (vkey == null) {
            return;
        }
        try {
            SignedNote.Verifier v = SignedNote.Verifier.parse(vkey);
            assertThat(v.vkey()).isNotBlank();
        } catch (IllegalArgumentException expected) {
            // refused
        }
    }
}

package org.phyle.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Signature lines are read as strictly as Go's note package reads them. */
class SignedNoteStrictnessTest {
    final SigningKey key = SigningKey.fromSeed(new byte[32]);
    final SignedNote.Signer signer = new SignedNote.Signer("example.org/log", key);
    final String note = SignedNote.sign("hello\n", signer);
    final String sigLine = note.substring(note.indexOf('\u2014'));

    @Test
    void aSignatureLineNeedsAProperKeyName() {
        assertThatThrownBy(() -> SignedNote.parse("hello\n\n\u2014  " + sigLine.split(" ")[2]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SignedNote.parse("hello\n\n" + sigLine.replace("example.org/log", "a+b")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void signaturesAreCanonicalPaddedBase64() {
        String b64 = sigLine.split(" ")[2].trim();
        String unpadded = b64.replace("=", "");
        assertThat(unpadded).isNotEqualTo(b64);
        assertThatThrownBy(() -> SignedNote.parse("hello\n\n\u2014 example.org/log " + unpadded + "\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("base64");
    }

    @Test
    void oneBadSignatureByAKnownKeyVoidsTheNote() {
        byte[] raw = Base64.getDecoder().decode(sigLine.split(" ")[2].trim());
        raw[10] ^= 1;
        String bad = "\u2014 example.org/log " + Base64.getEncoder().encodeToString(raw) + "\n";
        String both = note + bad;
        assertThat(SignedNote.parse(both).verifiedBy(signer.verifier())).isFalse();
        assertThat(SignedNote.parse(note).verifiedBy(signer.verifier())).isTrue();
    }

    @Test
    void tooManySignaturesAreRefused() {
        StringBuilder many = new StringBuilder(note);
        for (int i = 0; i < SignedNote.MAX_SIGNATURES; i++) {
            many.append(sigLine);
        }
        assertThatThrownBy(() -> SignedNote.parse(many.toString())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most");
    }

    @Test
    void anUppercaseKeyIdInAVerifierKeyIsAccepted() {
        String vkey = signer.verifier().vkey();
        String[] parts = vkey.split("\\+", 3);
        String upper = parts[0] + "+" + parts[1].toUpperCase() + "+" + parts[2];
        assertThat(SignedNote.Verifier.parse(upper)).isEqualTo(signer.verifier());
    }
}

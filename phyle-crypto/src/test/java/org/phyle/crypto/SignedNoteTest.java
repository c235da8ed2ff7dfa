package org.phyle.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * C2SP signed notes (c2sp.org/signed-note). The keys, text and signatures are the examples of the Go reference
 * implementation, golang.org/x/mod/sumdb/note (package documentation and note_test.go).
 */
class SignedNoteTest {
    static final String PETER_VKEY = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
    static final String PETER_SKEY = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
    static final String ENOCH_VKEY = "EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop";
    static final String TEXT = "If you think cryptography is the answer to your problem,\n"
            + "then you don't know what your problem is.\n";
    static final String PETER_SIG = "\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZ"
            + "SNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";
    static final String ENOCH_SIG = "\u2014 EnochRoot rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ov"
            + "TG01oOTGwnWLox33WWd1RvMc+QQ=\n";

    /** The Go signer key is "PRIVATE+KEY+name+id+" followed by base64(0x01 || 32-byte Ed25519 seed). */
    static SignedNote.Signer peter() {
        String[] parts = PETER_SKEY.split("\\+", 5); // the base64 may contain '+' too
        byte[] typed = Base64.getDecoder().decode(parts[4]);
        assertThat(typed).hasSize(33).startsWith(0x01);
        return new SignedNote.Signer(parts[2], SigningKey.fromSeed(Arrays.copyOfRange(typed, 1, 33)));
    }

    static SignedNote.Verifier verifier(String name) {
        return new SignedNote.Verifier(name, SigningKey.fromSeed(seed(name)).verifyingKey());
    }

    static byte[] seed(String name) {
        byte[] seed = new byte[32];
        new Random(name.hashCode()).nextBytes(seed);
        return seed;
    }

    static SignedNote.Signer signer(String name) {
        return new SignedNote.Signer(name, SigningKey.fromSeed(seed(name)));
    }

    @Test
    void verifierKeysParseAndFormatBack() {
        SignedNote.Verifier peter = SignedNote.Verifier.parse(PETER_VKEY);
        assertThat(peter.name()).isEqualTo("PeterNeumann");
        assertThat(peter.keyId()).isEqualTo(0xc74f20a3);
        assertThat(peter.vkey()).isEqualTo(PETER_VKEY);
        SignedNote.Verifier enoch = SignedNote.Verifier.parse(ENOCH_VKEY);
        assertThat(enoch.name()).isEqualTo("EnochRoot");
        assertThat(enoch.keyId()).isEqualTo(0xaf0cfe78);
        assertThat(enoch.vkey()).isEqualTo(ENOCH_VKEY);
    }

    /** key ID = SHA-256(key name || 0x0A || 0x01 || 32-byte public key)[:4], big-endian (signed-note section 3.2). */
    @Test
    void keyIdIsTheSpecifiedHashPrefix() throws Exception {
        for (String vkey : List.of(PETER_VKEY, ENOCH_VKEY)) {
            SignedNote.Verifier v = SignedNote.Verifier.parse(vkey);
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(v.name().getBytes(StandardCharsets.UTF_8));
            md.update(new byte[] {0x0a, 0x01});
            md.update(v.key().bytes());
            int expected = ByteBuffer.wrap(md.digest()).getInt();
            assertThat(v.keyId()).isEqualTo(expected);
            assertThat(vkey.split("\\+")[1]).isEqualTo(String.format("%08x", expected));
        }
        // a different name gives the same key another id, so name and id together identify the key
        SignedNote.Verifier peter = SignedNote.Verifier.parse(PETER_VKEY);
        assertThat(new SignedNote.Verifier("PeterNeuman", peter.key()).keyId()).isNotEqualTo(peter.keyId());
    }

    @Test
    void signerFromTheGoPrivateKeyReproducesTheGoNoteByteForByte() {
        SignedNote.Signer peter = peter();
        assertThat(peter.verifier().vkey()).isEqualTo(PETER_VKEY);
        assertThat(peter.keyId()).isEqualTo(0xc74f20a3);
        assertThat(SignedNote.sign(TEXT, peter)).isEqualTo(TEXT + "\n" + PETER_SIG);
    }

    @Test
    void goNoteParsesAndOpens() {
        SignedNote.Note note = SignedNote.parse(TEXT + "\n" + PETER_SIG);
        assertThat(note.text()).isEqualTo(TEXT);
        assertThat(note.signatures()).hasSize(1);
        SignedNote.Signature sig = note.signatures().get(0);
        assertThat(sig.name()).isEqualTo("PeterNeumann");
        assertThat(sig.keyId()).isEqualTo(0xc74f20a3);
        assertThat(sig.signature()).hasSize(64);
        assertThat(note.verifiedBy(SignedNote.Verifier.parse(PETER_VKEY))).isTrue();
        assertThat(note.verifiedBy(SignedNote.Verifier.parse(ENOCH_VKEY))).isFalse();
        assertThat(SignedNote.open(TEXT + "\n" + PETER_SIG, SignedNote.Verifier.parse(PETER_VKEY))).isEqualTo(TEXT);
    }

    @Test
    void doublySignedGoNoteOpensForEitherKeyAndIgnoresTheOther() {
        String note = TEXT + "\n" + PETER_SIG + ENOCH_SIG;
        assertThat(SignedNote.parse(note).signatures()).extracting(SignedNote.Signature::name)
                .containsExactly("PeterNeumann", "EnochRoot");
        assertThat(SignedNote.open(note, SignedNote.Verifier.parse(PETER_VKEY))).isEqualTo(TEXT);
        assertThat(SignedNote.open(note, SignedNote.Verifier.parse(ENOCH_VKEY))).isEqualTo(TEXT);
        assertThatThrownBy(() -> SignedNote.open(note, verifier("SomeoneElse")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Go's note_test.go, TestOpen, "Invalid encoded message syntax", less the one that is invalid UTF-8. */
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5})
    void goMalformedNotesAreRejected(int which) {
        String note = switch (which) {
            case 0 -> TEXT;
            case 1 -> TEXT + "\n";
            case 2 -> TEXT + "\n" + PETER_SIG.substring(0, PETER_SIG.length() - 1);
            case 3 -> "\u0001" + TEXT + "\n" + PETER_SIG;
            case 4 -> TEXT + "\n" + "\u2014 Bad Name x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNX"
                    + "gKvqfqdngotpRZb6KE6RyyBwJnAM=";
            default -> TEXT + "\n" + PETER_SIG + "Unexpected line.\n";
        };
        assertThatThrownBy(() -> SignedNote.parse(note)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SignedNote.open(note, SignedNote.Verifier.parse(PETER_VKEY)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void missingBlankLineIsRejected() {
        assertThatThrownBy(() -> SignedNote.parse(TEXT + PETER_SIG)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void otherMalformedSignatureBlocksAreRejected() {
        String b64 = PETER_SIG.substring(PETER_SIG.lastIndexOf(' ') + 1, PETER_SIG.length() - 1);
        for (String block : List.of(
                "- PeterNeumann " + b64 + "\n", // hyphen, not em dash
                "\u2014PeterNeumann " + b64 + "\n", // no space after the dash
                "\u2014 PeterNeumann  " + b64 + "\n", // two spaces
                "\u2014 PeterNeumann " + b64 + " \n", // trailing space
                "\u2014 PeterNeumann\n", // no signature
                "\u2014 PeterNeumann not*base64\n",
                "\u2014 PeterNeumann AAAA\n", // three bytes: shorter than a key id and one signature byte
                "\u2014 PeterNeumann " + b64 + "\n\n")) { // blank line after the signatures
            assertThatThrownBy(() -> SignedNote.parse(TEXT + "\n" + block)).as(block)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        // with a blank line between two signature lines, the last blank line is the separator: the first
        // signature line becomes part of the text, and the signature no longer covers it
        SignedNote.Note note = SignedNote.parse(TEXT + "\n" + PETER_SIG + "\n" + PETER_SIG);
        assertThat(note.text()).isEqualTo(TEXT + "\n" + PETER_SIG);
        assertThat(note.verifiedBy(SignedNote.Verifier.parse(PETER_VKEY))).isFalse();
    }

    @Test
    void tamperedTextFails() {
        String note = TEXT.replace("cryptography", "Cryptography") + "\n" + PETER_SIG;
        assertThat(SignedNote.parse(note).verifiedBy(SignedNote.Verifier.parse(PETER_VKEY))).isFalse();
        assertThatThrownBy(() -> SignedNote.open(note, SignedNote.Verifier.parse(PETER_VKEY)))
                .isInstanceOf(IllegalArgumentException.class);
        String extraLine = TEXT + "P.S.\n" + "\n" + PETER_SIG;
        assertThatThrownBy(() -> SignedNote.open(extraLine, SignedNote.Verifier.parse(PETER_VKEY)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tamperedSignatureFails() {
        // Go's TestOpen "Invalid signature": four base64 characters inserted into the signature
        String note = TEXT + "\n" + PETER_SIG.substring(0, 60) + "ABCD" + PETER_SIG.substring(60);
        assertThatThrownBy(() -> SignedNote.open(note, SignedNote.Verifier.parse(PETER_VKEY)))
                .isInstanceOf(IllegalArgumentException.class);
        // and every single flipped bit of the signature proper
        byte[] raw = Base64.getDecoder().decode(PETER_SIG.substring(PETER_SIG.lastIndexOf(' ') + 1).trim());
        for (int bit = 32; bit < 8 * raw.length; bit++) {
            byte[] bad = raw.clone();
            bad[bit / 8] ^= (byte) (1 << (bit % 8));
            String badNote = TEXT + "\n\u2014 PeterNeumann " + Base64.getEncoder().encodeToString(bad) + "\n";
            assertThat(SignedNote.parse(badNote).verifiedBy(SignedNote.Verifier.parse(PETER_VKEY))).as("bit %d", bit)
                    .isFalse();
        }
    }

    @Test
    void signatureIsOnlyCheckedAgainstTheKeyItsNameAndIdSelect() {
        SignedNote.Verifier peter = SignedNote.Verifier.parse(PETER_VKEY);
        String note = TEXT + "\n" + PETER_SIG;
        // right key, wrong name: another key id too
        assertThat(SignedNote.parse(note).verifiedBy(new SignedNote.Verifier("PeterNeuman", peter.key()))).isFalse();
        // right name, wrong key
        assertThat(SignedNote.parse(note).verifiedBy(verifier("PeterNeumann"))).isFalse();
        // right name and key, but the line carries another key id
        byte[] raw = Base64.getDecoder().decode(PETER_SIG.substring(PETER_SIG.lastIndexOf(' ') + 1).trim());
        raw[3] ^= 1;
        String otherId = TEXT + "\n\u2014 PeterNeumann " + Base64.getEncoder().encodeToString(raw) + "\n";
        assertThat(SignedNote.parse(otherId).signatures().get(0).keyId()).isEqualTo(0xc74f20a2);
        assertThat(SignedNote.parse(otherId).verifiedBy(peter)).isFalse();
        // right key id and key, another name on the line
        String otherName = note.replace("\u2014 PeterNeumann ", "\u2014 PaulNeumann ");
        assertThat(SignedNote.parse(otherName).verifiedBy(peter)).isFalse();
    }

    static LongStream seeds() {
        return LongStream.range(0, 25);
    }

    /** Property: sign, then parse and open, over generated texts and signer sets; a failure names its seed. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void signParseOpenRoundTrip(long seed) {
        Random random = new Random(seed);
        StringBuilder text = new StringBuilder();
        int lines = 1 + random.nextInt(5);
        String alphabet = "abc xyz:/.+-\u2014\u00e9\u20ac\ud83d\ude00";
        for (int i = 0; i < lines; i++) {
            int length = random.nextInt(30);
            for (int j = 0; j < length; j++) {
                char c = alphabet.charAt(random.nextInt(alphabet.length()));
                text.append(Character.isHighSurrogate(c) ? "\ud83d\ude00" : Character.isLowSurrogate(c) ? "" : c);
            }
            text.append('\n');
        }
        int count = 1 + random.nextInt(3);
        SignedNote.Signer[] signers = new SignedNote.Signer[count];
        for (int i = 0; i < count; i++) {
            signers[i] = signer("example.com/log" + seed + "-" + i);
        }
        String note = SignedNote.sign(text.toString(), signers);
        SignedNote.Note parsed = SignedNote.parse(note);
        assertThat(parsed.text()).isEqualTo(text.toString());
        assertThat(parsed.signatures()).hasSize(count);
        for (int i = 0; i < count; i++) {
            assertThat(parsed.signatures().get(i).name()).isEqualTo(signers[i].name());
            assertThat(parsed.signatures().get(i).keyId()).isEqualTo(signers[i].keyId());
            assertThat(SignedNote.open(note, signers[i].verifier())).isEqualTo(text.toString());
            String vkey = signers[i].verifier().vkey();
            assertThat(SignedNote.Verifier.parse(vkey)).isEqualTo(signers[i].verifier());
            assertThat(SignedNote.Verifier.parse(vkey).vkey()).isEqualTo(vkey);
        }
        assertThatThrownBy(() -> SignedNote.open(note, verifier("example.com/other"))).isInstanceOf(
                IllegalArgumentException.class);
    }

    @Test
    void textMayContainBlankLinesAndTheLastOneSeparatesTheSignatures() {
        SignedNote.Signer s = signer("example.com/poet");
        String text = "Ognuno sta solo sul cuor della terra\ntrafitto da un raggio di sole:\n\ned \u00e8 subito sera.\n";
        String note = SignedNote.sign(text, s);
        assertThat(SignedNote.parse(note).text()).isEqualTo(text);
        assertThat(SignedNote.open(note, s.verifier())).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "no newline at the end", "tab\there\n", "carriage\r\nreturn\n", "bell\u0007\n",
            "nul\u0000\n", "escape\u001b[0m\n"})
    void textThatCannotBeANoteIsNotSigned(String text) {
        assertThatThrownBy(() -> SignedNote.sign(text, signer("example.com/a")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** "Key names MUST be non-empty and MUST NOT contain any Unicode spaces or plus (U+002B) characters." */
    @ParameterizedTest
    @ValueSource(strings = {"", "a b", "a+b", "+", "a\tb", "a\nb", "a\rb", "a\u0000b",
            "a\u00a0b", // no-break space
            "a\u2007b", // figure space
            "a\u202fb", // narrow no-break space
            "a\u2003b", // em space
            "a\u3000b", // ideographic space
            "a\u2028b", // line separator
            "a\u0085b"}) // next line
    void invalidKeyNamesAreRejected(String name) {
        VerifyingKey key = signer("x").key().verifyingKey();
        assertThatThrownBy(() -> new SignedNote.Verifier(name, key)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SignedNote.Signer(name, SigningKey.fromSeed(seed("x"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SignedNote.Verifier(null, key)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "example.com/log42", "sum.golang.org", "\u00e9t\u00e9", "emoji\ud83d\ude00",
            "a\u200bb"}) // zero-width space is a format character, not a space
    void validKeyNamesAreAccepted(String name) {
        SignedNote.Signer s = new SignedNote.Signer(name, SigningKey.fromSeed(seed(name)));
        assertThat(SignedNote.open(SignedNote.sign("x\n", s), s.verifier())).isEqualTo("x\n");
    }

    /** Go's TestNewVerifier: every proper substring and every single-character change must be rejected. */
    @Test
    void everyManglingOfAVerifierKeyIsRejected() {
        String vkey = PETER_VKEY;
        for (int i = 0; i <= vkey.length(); i++) {
            for (int j = i + 1; j <= vkey.length(); j++) {
                if (i != 0 || j != vkey.length()) {
                    String bad = vkey.substring(i, j);
                    assertThatThrownBy(() -> SignedNote.Verifier.parse(bad)).as(bad)
                            .isInstanceOf(IllegalArgumentException.class);
                }
            }
        }
        for (int i = 0; i < vkey.length(); i++) {
            String bad = vkey.substring(0, i) + (char) (vkey.charAt(i) + 1) + vkey.substring(i + 1);
            assertThatThrownBy(() -> SignedNote.Verifier.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        // wrong key length and unknown algorithm, each with its key id adjusted to match
        assertThatThrownBy(() -> SignedNote.Verifier.parse(
                "PeterNeumann+cc469956+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWBADKEY=="))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SignedNote.Verifier.parse(
                "PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Regression: the base64 of the key may contain '+', the separator of the verifier key's fields. */
    @Test
    void verifierKeyWhoseKeyEncodingContainsAPlusParses() {
        SignedNote.Verifier found = null;
        for (int i = 0; found == null; i++) {
            SignedNote.Verifier v = verifier("example.com/log" + i);
            if (v.vkey().chars().filter(c -> c == '+').count() > 2) {
                found = v;
            }
        }
        assertThat(SignedNote.Verifier.parse(found.vkey())).isEqualTo(found);
        assertThat(SignedNote.Verifier.parse(found.vkey()).vkey()).isEqualTo(found.vkey());
        // a '+' in the name is still not allowed
        String vkey = found.vkey();
        assertThatThrownBy(() -> SignedNote.Verifier.parse("a+" + vkey)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void verifierKeyOfASmallOrderKeyIsRejected() {
        byte[] typed = new byte[33];
        typed[0] = 0x01;
        typed[1] = 0x01; // the identity point, 01 00 .. 00
        String b64 = Base64.getEncoder().encodeToString(typed);
        assertThatThrownBy(() -> SignedNote.Verifier.parse("bad+00000000+" + b64))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

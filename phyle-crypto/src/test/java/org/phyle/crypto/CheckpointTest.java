package org.phyle.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** C2SP tlog-checkpoint bodies (c2sp.org/tlog-checkpoint). */
class CheckpointTest {
    /** The example of the tlog-checkpoint specification. */
    static final String EXAMPLE = "example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n";

    private static final Hash ROOT = Hash.fromBase64("CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=");

    @Test
    void specificationExampleParsesAndFormatsBack() {
        Checkpoint c = Checkpoint.parse(EXAMPLE);
        assertThat(c.origin()).isEqualTo("example.com/behind-the-sofa");
        assertThat(c.size()).isEqualTo(20852163L);
        assertThat(c.root().base64()).isEqualTo("CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=");
        assertThat(c.extensions()).isEmpty();
        assertThat(c.body()).isEqualTo(EXAMPLE);
        assertThat(c).isEqualTo(new Checkpoint("example.com/behind-the-sofa", 20852163L, ROOT));
    }

    @Test
    void extensionLinesRoundTrip() {
        Checkpoint c = new Checkpoint("example.com/log", 7, ROOT, List.of("first extension", "\u2014 second + more"));
        assertThat(c.body()).isEqualTo("example.com/log\n7\n" + ROOT.base64() + "\nfirst extension\n"
                + "\u2014 second + more\n");
        assertThat(Checkpoint.parse(c.body())).isEqualTo(c);
        assertThat(Checkpoint.parse(c.body()).extensions()).containsExactly("first extension", "\u2014 second + more");
    }

    @Test
    void emptyTreeRoundTrips() {
        Checkpoint c = new Checkpoint("o", 0, Merkle.EMPTY_ROOT);
        assertThat(c.body()).isEqualTo("o\n0\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n");
        assertThat(Checkpoint.parse(c.body())).isEqualTo(c);
    }

    @Test
    void largestSizeRoundTrips() {
        Checkpoint c = new Checkpoint("o", Long.MAX_VALUE, ROOT);
        assertThat(c.body()).contains("\n9223372036854775807\n");
        assertThat(Checkpoint.parse(c.body())).isEqualTo(c);
    }

    @Test
    void extensionsAreCopied() {
        List<String> extensions = new ArrayList<>(List.of("a"));
        Checkpoint c = new Checkpoint("o", 1, ROOT, extensions);
        extensions.add("b");
        assertThat(c.extensions()).containsExactly("a");
        assertThatThrownBy(() -> c.extensions().add("c")).isInstanceOf(UnsupportedOperationException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"01", "00", "-1", "-0", "+1", "abc", "", " 1", "1 ", "1.0", "1e3", "0x10", "1_000",
            "\uff11", // fullwidth digit one
            "\u0661", // Arabic-Indic digit one
            "9223372036854775808", // 2^63
            "99999999999999999999", "18446744073709551616"})
    void badTreeSizesAreRejected(String size) {
        String body = "example.com/log\n" + size + "\n" + ROOT.base64() + "\n";
        assertThatThrownBy(() -> Checkpoint.parse(body)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "not base64!",
            "CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I", // padding missing
            "CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2J=", // non-zero trailing bits: the same bytes, another text
            "CsUYapGGPo4dkMgIAUqom_Xajj7h2fB2MPA3j2jxq2I=", // base64url alphabet
            "CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxqw==", // 31 bytes
            "CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2IA", // 33 bytes
            " CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=",
            "CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\r",
            "0ac5186a91863e8e1d90c808014aa89bf5da8e3ee1d9f07630f0378f68f1ab62"}) // hex
    void badRootHashesAreRejected(String root) {
        String body = "example.com/log\n5\n" + root + "\n";
        assertThatThrownBy(() -> Checkpoint.parse(body)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void hexOfTheRootIsWhatTheBase64Encodes() {
        assertThat(ROOT.hex()).isEqualTo("0ac5186a91863e8e1d90c808014aa89bf5da8e3ee1d9f07630f0378f68f1ab62");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "example.com/log\n5\n", // no root
            "example.com/log\n5", // nothing ends in a newline
            "example.com/log\n5\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=", // no final newline
            "\n5\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n", // empty origin
            "example.com/log\n5\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n\n", // empty extension line
            "example.com/log\n5\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\na\n\nb\n", // empty line between
            "",
            "\n"})
    void badBodiesAreRejected(String body) {
        assertThatThrownBy(() -> Checkpoint.parse(body)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void constructorRejectsWhatCannotBeWritten() {
        assertThatThrownBy(() -> new Checkpoint(null, 1, ROOT)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Checkpoint("", 1, ROOT)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Checkpoint("a\nb", 1, ROOT)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Checkpoint("o", -1, ROOT)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Checkpoint("o", 1, ROOT, List.of(""))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Checkpoint("o", 1, ROOT, List.of("a\nb")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void signedCheckpointOpensForItsLogKeyAndOrigin() {
        SignedNote.Signer log = SignedNoteTest.signer("example.com/log");
        Checkpoint c = new Checkpoint("example.com/log", 42, ROOT, List.of("ext"));
        String note = SignedNote.sign(c.body(), log);
        assertThat(Checkpoint.open(note, log.verifier(), "example.com/log")).isEqualTo(c);
        assertThat(Checkpoint.open(note, log.verifier(), null)).isEqualTo(c);
        assertThatThrownBy(() -> Checkpoint.open(note, log.verifier(), "example.com/other"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("origin");
        SignedNote.Verifier sameNameOtherKey = new SignedNote.Verifier("example.com/log",
                SignedNoteTest.signer("example.com/impostor").key().verifyingKey());
        assertThatThrownBy(() -> Checkpoint.open(note, sameNameOtherKey, "example.com/log"))
                .isInstanceOf(IllegalArgumentException.class);
        String tampered = note.replace("\n42\n", "\n43\n");
        assertThatThrownBy(() -> Checkpoint.open(tampered, log.verifier(), "example.com/log"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void checkpointOfARealTreeVerifiesItsProofs() {
        // a checkpoint carries what a client needs to check inclusion against a signed tree head
        MerkleTree tree = new MerkleTree();
        for (int i = 0; i < 13; i++) {
            tree.appendEntry(new byte[] {(byte) i});
        }
        SignedNote.Signer log = SignedNoteTest.signer("example.com/log");
        String note = SignedNote.sign(new Checkpoint("example.com/log", tree.size(), tree.root()).body(), log);
        Checkpoint opened = Checkpoint.open(note, log.verifier(), "example.com/log");
        assertThat(Merkle.verifyInclusion(Merkle.leafHash(new byte[] {7}), 7, opened.size(),
                tree.inclusionProof(7, opened.size()), opened.root())).isTrue();
    }
}

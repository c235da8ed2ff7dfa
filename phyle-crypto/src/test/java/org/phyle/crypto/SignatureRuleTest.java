package org.phyle.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pins the ledger's Ed25519 signature rule (docs/signatures.md) on every vector of the C2SP CCTV Ed25519 set and of
 * Wycheproof's Ed25519 file: the verdict of {@link VerifyingKey} on each must be the one the rule gives. A dependency
 * upgrade that changes any verdict fails here.
 */
class SignatureRuleTest {

    static Stream<SignatureVectors.Vector> cctv() {
        return SignatureVectors.cctv().stream();
    }

    static Stream<SignatureVectors.Vector> wycheproof() {
        return SignatureVectors.wycheproof().stream();
    }

    @ParameterizedTest
    @MethodSource("cctv")
    void cctvVerdictIsTheRulesVerdict(SignatureVectors.Vector v) {
        assertThat(SignatureVectors.singleVerdict(v)).as(v.why()).isEqualTo(v.expected());
    }

    @ParameterizedTest
    @MethodSource("wycheproof")
    void wycheproofVerdictIsTheRulesVerdict(SignatureVectors.Vector v) {
        assertThat(SignatureVectors.singleVerdict(v)).as(v.why()).isEqualTo(v.expected());
    }

    /** The vendored files are complete: a truncated copy would silently test less. */
    @Test
    void theVectorSetsAreComplete() {
        List<SignatureVectors.Vector> cctv = SignatureVectors.cctv();
        assertThat(cctv).hasSize(914);
        assertThat(cctv.stream().filter(SignatureVectors.Vector::expected).map(v -> v.name().split(" ")[1]))
                .as("the CCTV vectors the rule accepts").containsExactlyElementsOf(CCTV_ACCEPTED);
        List<SignatureVectors.Vector> wycheproof = SignatureVectors.wycheproof();
        assertThat(wycheproof).hasSize(151);
        assertThat(wycheproof.stream().filter(SignatureVectors.Vector::expected).count())
                .as("Wycheproof vectors accepted").isEqualTo(88);
    }

    /** The vendored vector files are byte for byte the upstream copies named in vectors/README.md. */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({
            "vectors/cctv-ed25519/ed25519vectors.json, b38e84caf3e7e89170ff520292dbeae421b0a794c27408ce5ce973018fe3d7f9",
            "vectors/wycheproof/ed25519_test.json, 752d2ea7d7c6cf4736381b6cbacb61f8182b126ab7cd9b058f00c50084975536"})
    void vendoredFilesAreTheUpstreamCopies(String resource, String sha256) throws Exception {
        try (var in = getClass().getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(in.readAllBytes());
            assertThat(java.util.HexFormat.of().formatHex(digest)).isEqualTo(sha256);
        }
    }

    /**
     * The 16 CCTV vectors the rule accepts, all under the one prime-order key of the set: one ordinary signature
     * (#305), one whose R is the identity and whose equation holds without the cofactor (#304), and 14 whose R has a
     * low-order component that does not cancel ({@code low_order_residue}), which hold only with the cofactor.
     */
    static final List<String> CCTV_ACCEPTED = List.of("#266", "#267", "#285", "#286", "#304", "#305", "#335", "#336",
            "#348", "#349", "#361", "#362", "#374", "#375", "#387", "#388");
}

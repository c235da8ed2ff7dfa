package org.phyle.crypto.ring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * ristretto255 against RFC 9496 Appendix A (vendored in {@code vectors/rfc9496/ristretto255.txt}, source in
 * {@code vectors/README.md}): the encodings of 0..15 times the generator, the 29 invalid encodings, and the 11 element
 * derivations from uniform bytes.
 */
class RistrettoVectorsTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final Map<String, List<String>> SECTIONS = load();

    private static Map<String, List<String>> load() {
        try (InputStream in = RistrettoVectorsTest.class.getResourceAsStream("/vectors/rfc9496/ristretto255.txt")) {
            Map<String, List<String>> sections = new LinkedHashMap<>();
            List<String> current = null;
            for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n")) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                if (line.startsWith("[")) {
                    current = new ArrayList<>();
                    sections.put(line.substring(1, line.indexOf(' ')), current);
                } else {
                    current.add(line);
                }
            }
            return sections;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Stream<Arguments> multiples() {
        List<String> m = SECTIONS.get("A.1");
        return IntStream.range(0, m.size()).mapToObj(k -> Arguments.of(k, m.get(k)));
    }

    static Stream<String> invalid() {
        return SECTIONS.get("A.2").stream();
    }

    static Stream<Arguments> derivations() {
        return SECTIONS.get("A.3").stream().map(line -> Arguments.of(line.split(" ")[0], line.split(" ")[1]));
    }

    @Test
    void theFileHoldsEveryVector() {
        assertThat(SECTIONS.get("A.1")).hasSize(16);
        assertThat(SECTIONS.get("A.2")).hasSize(29);
        assertThat(SECTIONS.get("A.3")).hasSize(11);
    }

    @ParameterizedTest(name = "B[{0}]")
    @MethodSource("multiples")
    void multiplesOfTheGeneratorEncodeAndDecode(int k, String hex) {
        RistrettoElement byMultiplication = RistrettoElement.multiplyGenerator(Scalar.of(k));
        RistrettoElement byAddition = RistrettoElement.IDENTITY;
        for (int i = 0; i < k; i++) {
            byAddition = byAddition.add(RistrettoElement.GENERATOR);
        }
        RistrettoElement byGenericMultiply = RistrettoElement.GENERATOR.multiply(Scalar.of(k));
        RistrettoElement bySum = RistrettoElement.sumVartime(Scalar.of(k), new Scalar[0], new RistrettoElement[0]);
        assertThat(HEX.formatHex(byMultiplication.encode())).isEqualTo(hex);
        assertThat(HEX.formatHex(byAddition.encode())).isEqualTo(hex);
        assertThat(HEX.formatHex(byGenericMultiply.encode())).isEqualTo(hex);
        assertThat(HEX.formatHex(bySum.encode())).isEqualTo(hex);
        RistrettoElement decoded = RistrettoElement.decode(HEX.parseHex(hex));
        assertThat(decoded).isEqualTo(byAddition);
        assertThat(HEX.formatHex(decoded.encode())).isEqualTo(hex);
        // re-encoding the decoded point (not the cached bytes) gives the same bytes
        assertThat(HEX.formatHex(decoded.add(RistrettoElement.IDENTITY).encode())).isEqualTo(hex);
        assertThat(decoded.isIdentity()).isEqualTo(k == 0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void invalidEncodingsAreRefused(String hex) {
        assertThatThrownBy(() -> RistrettoElement.decode(HEX.parseHex(hex)))
                .isInstanceOf(GroupEncodingException.class)
                .hasMessageContaining("canonical");
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("derivations")
    void elementDerivationFromUniformBytes(String input, String output) {
        RistrettoElement e = RistrettoElement.fromUniformBytes(HEX.parseHex(input));
        assertThat(HEX.formatHex(e.encode())).isEqualTo(output);
        assertThat(RistrettoElement.decode(HEX.parseHex(output))).isEqualTo(e);
    }

    @Test
    void theGeneratorIsEdwards25519sBasePoint() {
        assertThat(HEX.formatHex(RistrettoElement.GENERATOR.encode()))
                .isEqualTo("e2f2ae0a6abc4e71a884a961c500515f58e30b6aa582dd8db6a65945e08d2d76");
    }
}

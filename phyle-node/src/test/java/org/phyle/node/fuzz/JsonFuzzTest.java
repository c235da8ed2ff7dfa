package org.phyle.node.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.phyle.crypto.Jcs;
import org.phyle.crypto.StrictJson;

/**
 * Strict JSON parsing and RFC 8785 canonicalization, fuzzed: any bytes parse or are refused with
 * {@link StrictJson.MalformedJsonException} whose reason names nothing of the parser; what parses canonicalizes (or is
 * refused with IllegalArgumentException, e.g. a number outside double range), and canonical text is a fixed point:
 * parsing and canonicalizing it again gives the same bytes.
 */
class JsonFuzzTest {
    @FuzzTest(maxDuration = "60s")
    void parseAndCanonicalize(byte[] data) {
        JsonNode node;
        try {
            node = StrictJson.parse(data);
        } catch (StrictJson.MalformedJsonException expected) {
            assertThat(expected.getMessage()).isNotBlank().doesNotContain("`", "Feature", "Constraints", "Source:",
                    "jackson", "Exception");
            return;
        }
        byte[] canonical;
        try {
            canonical = Jcs.canonicalize(node);
        } catch (IllegalArgumentException refused) {
            return;
        }
        assertThat(Jcs.canonicalize(StrictJson.parse(canonical))).isEqualTo(canonical);
    }
}

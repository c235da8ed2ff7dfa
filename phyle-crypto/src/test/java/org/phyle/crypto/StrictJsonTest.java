package org.phyle.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** StrictJson: what signed data may look like. JSON escapes are written with a doubled backslash (see JcsTest). */
class StrictJsonTest {

    private static void rejected(String json) {
        assertThatThrownBy(() -> StrictJson.parse(json)).as(json).isInstanceOf(StrictJson.MalformedJsonException.class)
                .satisfies(e -> assertWrittenForAPerson(e.getMessage()));
        byte[] utf8 = json.getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> StrictJson.parse(utf8)).as(json).isInstanceOf(StrictJson.MalformedJsonException.class)
                .satisfies(e -> assertWrittenForAPerson(e.getMessage()));
    }

    private static void rejected(byte[] bytes) {
        assertThatThrownBy(() -> StrictJson.parse(bytes)).isInstanceOf(StrictJson.MalformedJsonException.class)
                .satisfies(e -> assertWrittenForAPerson(e.getMessage()));
    }

    /** The reason goes to whoever sent the text: no parser option, class name or input description in it. */
    static void assertWrittenForAPerson(String message) {
        assertThat(message).isNotBlank().doesNotContain("`", "Feature", "Constraints", "jackson", "fasterxml", "java.",
                "Exception", "Source:", "REDACTED");
    }

    private static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    @Test
    void malformedJsonIsAnIllegalArgument() {
        assertThat(new StrictJson.MalformedJsonException("x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void acceptsOrdinaryJson() {
        JsonNode node = StrictJson.parse("{\"a\":[1,2.5,\"x\",true,false,null,{}],\"b\":{\"c\":\"\\u00e9\\n\"}}");
        assertThat(node.get("a").size()).isEqualTo(7);
        assertThat(node.get("a").get(1).doubleValue()).isEqualTo(2.5);
        assertThat(node.get("b").get("c").textValue()).isEqualTo("\u00e9\n");
        assertThat(StrictJson.parse("\"\\ud83d\\ude00\"").textValue()).isEqualTo("\ud83d\ude00");
        assertThat(StrictJson.parse(bytes('"', 0xf0, 0x9f, 0x98, 0x80, '"')).textValue()).isEqualTo("\ud83d\ude00");
        assertThat(StrictJson.parse(" 1 ").intValue()).isEqualTo(1);
        assertThat(StrictJson.parse("null").isNull()).isTrue();
        assertThat(StrictJson.parse("\"s\"").textValue()).isEqualTo("s");
        assertThat(StrictJson.parse("-0").asText()).isEqualTo("0");
    }

    @Test
    void parsingTextAndItsUtf8BytesAgree() {
        String json = "{\"\u20ac\":[\"\ud834\udd1e\",1e2,{\"z\":null}]}";
        assertThat(StrictJson.parse(json)).isEqualTo(StrictJson.parse(json.getBytes(StandardCharsets.UTF_8)));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"a\":1,\"a\":2}",
            "{\"a\":1,\"b\":2,\"a\":1}",
            "{\"a\":1,\"\\u0061\":2}", // the same name, escaped
            "[{\"x\":{\"y\":1,\"y\":1}}]"})
    void duplicateMemberNamesAreRejected(String json) {
        rejected(json);
    }

    @Test
    void sameNameInDifferentObjectsIsFine() {
        assertThat(StrictJson.parse("{\"a\":{\"a\":1},\"b\":{\"a\":2}}").get("b").get("a").intValue()).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{} x", "{}{}", "[] ]", "1 2", "{\"a\":1}}", "\"a\" \"b\"", "null,", "true false",
            "[1] //", "{}\u0000"})
    void trailingContentIsRejected(String json) {
        rejected(json);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/* c */ {}", "{} /* c */", "// c\n{}", "{\"a\":1 // c\n}", "# c\n{}", "[1, /* c */ 2]"})
    void commentsAreRejected(String json) {
        rejected(json);
    }

    @ParameterizedTest
    @ValueSource(strings = {"NaN", "[NaN]", "-NaN", "Infinity", "[-Infinity]", "{\"a\":+Infinity}", "INF", "nan"})
    void nonNumericNumbersAreRejected(String json) {
        rejected(json);
    }

    @ParameterizedTest
    @ValueSource(strings = {"01", "-01", "[00]", "00.5", "[1, 007]", "{\"a\":0123}"})
    void leadingZerosAreRejected(String json) {
        rejected(json);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{'a':1}", "['a']", "{a:1}", "[1,]", "{\"a\":1,}", "[1,,2]", "+1", ".5", "5.", "1e",
            "0x10", "[1 2]", "{\"a\" 1}", "\"tab\there\"", "\"new\nline\"", "\"\\x41\"", "\"\\u12\"", "\"unterminated",
            "[", "{", "tru", "nul", "True", "\u00a0[]", "[\u000b]", "\"\\'\""})
    void otherNonJsonIsRejected(String json) {
        rejected(json);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\n\t\r "})
    void emptyDocumentIsRejected(String json) {
        rejected(json);
    }

    @Test
    void nestingUpToMaxDepthIsAcceptedAndDeeperIsNot() {
        int max = StrictJson.MAX_DEPTH;
        assertThat(StrictJson.parse("[".repeat(max) + "]".repeat(max))).isNotNull();
        rejected("[".repeat(max + 1) + "]".repeat(max + 1));
        assertThat(StrictJson.parse("{\"a\":".repeat(max) + "1" + "}".repeat(max))).isNotNull();
        rejected("{\"a\":".repeat(max + 1) + "1" + "}".repeat(max + 1));
        String mixed = "[{\"a\":".repeat(max / 2) + "0" + "}]".repeat(max / 2);
        assertThat(StrictJson.parse(mixed)).isNotNull();
        rejected("[" + mixed + "]");
        rejected("[".repeat(100_000)); // deep enough to overflow a recursive parser's stack
    }

    @Test
    void excessivelyLongNumbersAreRejected() {
        rejected("1" + "0".repeat(1000));
        rejected("0." + "1".repeat(1000));
    }

    /** Each is not UTF-8; each is embedded in a string, in a member name, and on its own. */
    static Stream<Arguments> invalidUtf8() {
        return Stream.of(
                Arguments.of("byte 0xff", bytes(0xff)),
                Arguments.of("byte 0xfe", bytes(0xfe)),
                Arguments.of("byte 0xf5", bytes(0xf5, 0x80, 0x80, 0x80)),
                Arguments.of("continuation byte without a lead", bytes(0x80)),
                Arguments.of("lead byte without its continuation", bytes(0xe2, 0x82)),
                Arguments.of("2-byte lead followed by ASCII", bytes(0xc3, 0x41)),
                Arguments.of("overlong '/' (C0 AF)", bytes(0xc0, 0xaf)),
                Arguments.of("overlong '\"' (C0 A2)", bytes(0xc0, 0xa2)),
                Arguments.of("overlong NUL (C0 80)", bytes(0xc0, 0x80)),
                Arguments.of("overlong 3-byte '/' (E0 80 AF)", bytes(0xe0, 0x80, 0xaf)),
                Arguments.of("overlong 4-byte (F0 80 80 AF)", bytes(0xf0, 0x80, 0x80, 0xaf)),
                Arguments.of("UTF-8-encoded high surrogate (ED A0 80)", bytes(0xed, 0xa0, 0x80)),
                Arguments.of("UTF-8-encoded surrogate pair (CESU-8)", bytes(0xed, 0xa0, 0xbd, 0xed, 0xb8, 0x80)),
                Arguments.of("above U+10FFFF (F4 90 80 80)", bytes(0xf4, 0x90, 0x80, 0x80)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidUtf8")
    void invalidUtf8IsRejected(String why, byte[] bad) {
        rejected(concat(bytes('"', 'a'), bad, bytes('b', '"')));
        rejected(concat(bytes('{', '"'), bad, bytes('"', ':', '1', '}')));
        rejected(concat(bytes('['), bad, bytes(']')));
    }

    @Test
    void jsonInOtherUnicodeEncodingsIsRejected() {
        // RFC 8259 section 8.1 and I-JSON (RFC 7493) section 2.1: JSON exchanged between systems is UTF-8
        for (String charset : new String[] {"UTF-16BE", "UTF-16LE", "UTF-32BE", "UTF-32LE"}) {
            byte[] encoded = "{\"a\":[1]}".getBytes(Charset.forName(charset));
            assertThatThrownBy(() -> StrictJson.parse(encoded)).as(charset)
                    .isInstanceOf(StrictJson.MalformedJsonException.class);
        }
    }

    @Test
    void byteOrderMarkIsRejected() {
        // RFC 8259 section 8.1: senders MUST NOT add one, parsers MAY ignore one; this parser does not
        rejected(bytes(0xef, 0xbb, 0xbf, '[', ']'));
        assertThat(StrictJson.parse(bytes('[', ']')).isArray()).isTrue();
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    @Test
    void mapperIsTheStrictOne() {
        assertThatThrownBy(() -> StrictJson.mapper().readTree("{\"a\":1,\"a\":2}")).isInstanceOf(Exception.class);
    }
}

package org.phyle.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * RFC 8785 JSON Canonicalization Scheme. Note for readers of this file: JSON escapes are written with a doubled
 * backslash, since javac would otherwise turn a backslash-u sequence into the character itself before parsing.
 */
class JcsTest {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static String canonical(String json) {
        return Jcs.canonicalString(StrictJson.parse(json));
    }

    private static String number(long ieee754) {
        return Jcs.canonicalString(DoubleNode.valueOf(Double.longBitsToDouble(ieee754)));
    }

    /** RFC 8785 appendix B, "Number Serialization Samples" (the finite rows). */
    @ParameterizedTest(name = "0x{0} -> {1}")
    @CsvSource({
            "0000000000000000, 0",
            "8000000000000000, 0",
            "0000000000000001, 5e-324",
            "8000000000000001, -5e-324",
            "7fefffffffffffff, 1.7976931348623157e+308",
            "ffefffffffffffff, -1.7976931348623157e+308",
            "4340000000000000, 9007199254740992",
            "c340000000000000, -9007199254740992",
            "4430000000000000, 295147905179352830000",
            "44b52d02c7e14af5, 9.999999999999997e+22",
            "44b52d02c7e14af6, 1e+23",
            "44b52d02c7e14af7, 1.0000000000000001e+23",
            "444b1ae4d6e2ef4e, 999999999999999700000",
            "444b1ae4d6e2ef4f, 999999999999999900000",
            "444b1ae4d6e2ef50, 1e+21",
            "3eb0c6f7a0b5ed8c, 9.999999999999997e-7",
            "3eb0c6f7a0b5ed8d, 0.000001",
            "41b3de4355555553, 333333333.3333332",
            "41b3de4355555554, 333333333.33333325",
            "41b3de4355555555, 333333333.3333333",
            "41b3de4355555556, 333333333.3333334",
            "41b3de4355555557, 333333333.33333343",
            "becbf647612f3696, -0.0000033333333333333333",
            "43143ff3c1cb0959, 1424953923781206.2",
            // sample lines of the es6testfile100m corpus, github.com/cyberphone/json-canonicalization testdata
            "4340000000000001, 9007199254740994",
            "4340000000000002, 9007199254740996"})
    void appendixBNumbers(String bits, String expected) {
        assertThat(number(Long.parseUnsignedLong(bits, 16))).isEqualTo(expected);
    }

    /** RFC 8785 appendix B: the NaN and Infinity rows are errors. */
    @ParameterizedTest
    @ValueSource(strings = {"7fffffffffffffff", "7ff8000000000000", "fff8000000000000", "7ff0000000000000",
            "fff0000000000000"})
    void nanAndInfinityAreErrors(String bits) {
        DoubleNode node = DoubleNode.valueOf(Double.longBitsToDouble(Long.parseUnsignedLong(bits, 16)));
        assertThatThrownBy(() -> Jcs.canonicalString(node)).isInstanceOf(IllegalArgumentException.class);
        ArrayNode nested = NODES.arrayNode().add(1).add(node);
        assertThatThrownBy(() -> Jcs.canonicalize(nested)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void numberTooLargeForADoubleCannotBeCanonicalized() {
        // 1e400 parses (to Infinity) but has no canonical form
        assertThatThrownBy(() -> canonical("[1e400]")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> canonical("[-1e400]")).isInstanceOf(IllegalArgumentException.class);
    }

    /** RFC 8785 section 3.2.2 and 3.2.4: the example object, and its canonical form. */
    @Test
    void rfcSection322Example() {
        String input = """
                {
                  "numbers": [333333333.33333329, 1E30, 4.50,
                              2e-3, 0.000000000000000000000000001],
                  "string": "\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\"\\/",
                  "literals": [null, true, false]
                }
                """;
        String expected = "{\"literals\":[null,true,false],\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],"
                + "\"string\":\"\u20ac$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}";
        assertThat(canonical(input)).isEqualTo(expected);
        byte[] utf8 = Jcs.canonicalize(StrictJson.parse(input));
        assertThat(utf8).isEqualTo(expected.getBytes(StandardCharsets.UTF_8));
        // the euro sign is emitted as UTF-8, not escaped
        assertThat(new String(utf8, StandardCharsets.UTF_8)).contains("\"\u20ac$");
    }

    /** RFC 8785 section 3.2.3: members sorted by the UTF-16 code units of their names. */
    @Test
    void rfcSection323Sorting() {
        String input = """
                {
                  "\\u20ac": "Euro Sign",
                  "\\r": "Carriage Return",
                  "\\ufb33": "Hebrew Letter Dalet With Dagesh",
                  "1": "One",
                  "\\ud83d\\ude00": "Emoji: Grinning Face",
                  "\\u0080": "Control",
                  "\\u00f6": "Latin Small Letter O With Diaeresis"
                }
                """;
        String expected = "{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\","
                + "\"\u00f6\":\"Latin Small Letter O With Diaeresis\",\"\u20ac\":\"Euro Sign\","
                + "\"\ud83d\ude00\":\"Emoji: Grinning Face\",\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}";
        assertThat(canonical(input)).isEqualTo(expected);
    }

    /** The RFC's reference test data, github.com/cyberphone/json-canonicalization testdata/input and output. */
    @Test
    void referenceTestData() {
        assertThat(canonical("""
                {
                  "1": {"f": {"f": "hi","F": 5} ,"\\n": 56.0},
                  "10": { },
                  "": "empty",
                  "a": { },
                  "111": [ { } ],
                  "A": { }
                }""")).as("structures.json")
                .isEqualTo("{\"\":\"empty\",\"1\":{\"\\n\":56,\"f\":{\"F\":5,\"f\":\"hi\"}},\"10\":{},\"111\":[{}],"
                        + "\"A\":{},\"a\":{}}");
        assertThat(canonical("""
                {
                  "\\u20ac": "Euro Sign",
                  "1": "One",
                  "\\u0080": "Control\\u007f",
                  "\\ud83d\\ude02": "Smiley",
                  "\\u00f6": "Latin Small Letter O With Diaeresis",
                  "\\ufb33": "Hebrew Letter Dalet With Dagesh",
                  "</script>": "Browser Challenge"
                }
                """)).as("weird.json")
                .isEqualTo("{\"1\":\"One\",\"</script>\":\"Browser Challenge\",\"\u0080\":\"Control\u007f\","
                        + "\"\u00f6\":\"Latin Small Letter O With Diaeresis\",\"\u20ac\":\"Euro Sign\","
                        + "\"\ud83d\ude02\":\"Smiley\",\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}");
        assertThat(canonical("""
                {
                  "peach": "This sorting order",
                  "p\u00e9ch\u00e9": "is wrong according to French",
                  "p\u00eache": "but canonicalization MUST",
                  "sin":   "ingnore locale"
                }
                """)).as("french.json")
                .isEqualTo("{\"peach\":\"This sorting order\",\"p\u00e9ch\u00e9\":\"is wrong according to French\","
                        + "\"p\u00eache\":\"but canonicalization MUST\",\"sin\":\"ingnore locale\"}");
        // no Unicode normalization: the decomposed sequence stays as it is
        assertThat(canonical("{\n  \"Unnormalized Unicode\":\"\\u1e0d\\u0307\"\n}\n")).as("unicode.json")
                .isEqualTo("{\"Unnormalized Unicode\":\"\u1e0d\u0307\"}");
        assertThat(canonical("[\n  56,\n  {\n    \"d\": true,\n    \"10\": null,\n    \"1\": [ ]\n  }\n]"))
                .as("arrays.json").isEqualTo("[56,{\"1\":[],\"10\":null,\"d\":true}]");
        assertThat(canonical("""
                {
                  "numbers": [1E30, 4.50, 333333333.33333329, 2e-3, 0.000000000000000000000000001],
                  "escaping": "\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\"\\/",
                  "literals": [null, true, false]
                }""")).as("values.json")
                .isEqualTo("{\"escaping\":\"\u20ac$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\",\"literals\":[null,true,false],"
                        + "\"numbers\":[1e+30,4.5,333333333.3333333,0.002,1e-27]}");
    }

    /** ECMA-262 QuoteJSONString: the two-character escapes, lower-case \\u00xx for other controls, nothing else. */
    @Test
    void stringEscaping() {
        for (char c = 0; c < 0x20; c++) {
            String expected = switch (c) {
                case '\b' -> "\\b";
                case '\t' -> "\\t";
                case '\n' -> "\\n";
                case '\f' -> "\\f";
                case '\r' -> "\\r";
                default -> String.format("\\u%04x", (int) c);
            };
            assertThat(Jcs.canonicalString(NODES.textNode(String.valueOf(c))))
                    .as("U+%04X", (int) c).isEqualTo("\"" + expected + "\"");
        }
        assertThat(Jcs.canonicalString(NODES.textNode("\"\\"))).isEqualTo("\"\\\"\\\\\"");
        // not escaped: solidus, DEL, C1 controls, line and paragraph separators, BOM, non-BMP
        String raw = "/\u007f\u0080\u009f\u2028\u2029\ufeff\ud834\udd1e<>&'";
        assertThat(Jcs.canonicalString(NODES.textNode(raw))).isEqualTo("\"" + raw + "\"");
        assertThat(canonical("\"\\u002F\\/\"")).isEqualTo("\"//\"");
        assertThat(canonical("\"\\u001F\"")).isEqualTo("\"\\u001f\"");
        assertThat(canonical("\"\\uD834\\uDD1E\"")).isEqualTo("\"\ud834\udd1e\"");
        assertThat(Jcs.canonicalize(NODES.textNode("\ud834\udd1e")))
                .isEqualTo(new byte[] {'"', (byte) 0xf0, (byte) 0x9d, (byte) 0x84, (byte) 0x9e, '"'});
    }

    @ParameterizedTest
    @ValueSource(strings = {"\ud800", "a\ud800", "\ud800a", "\udc00", "a\udfff b", "\udc00\ud800", "\ud800\ud800"})
    void loneSurrogatesAreRejected(String s) {
        assertThatThrownBy(() -> Jcs.canonicalString(NODES.textNode(s))).isInstanceOf(IllegalArgumentException.class);
        ObjectNode asName = NODES.objectNode();
        asName.put(s, 1);
        assertThatThrownBy(() -> Jcs.canonicalString(asName)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void loneSurrogateEscapesParseButCannotBeCanonicalized() {
        assertThatThrownBy(() -> canonical("\"\\ud800\"")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> canonical("{\"\\udc00\":1}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> canonical("[\"\\ude00\\ud83d\"]")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nodesThatAreNotJsonValuesAreRejected() {
        assertThatThrownBy(() -> Jcs.canonicalString(NODES.binaryNode(new byte[] {1})))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Jcs.canonicalString(NODES.missingNode())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Jcs.canonicalString(NODES.pojoNode(new Object())))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void literalsWhitespaceAndNesting() {
        assertThat(canonical(" [ null , true , false , { } , [ ] , \"\" ] ")).isEqualTo("[null,true,false,{},[],\"\"]");
        assertThat(canonical("\t\r\n{ \"b\" : [ 1 , { \"d\" : 1 , \"c\" : 2 } ] , \"a\" : { } }\n"))
                .isEqualTo("{\"a\":{},\"b\":[1,{\"c\":2,\"d\":1}]}");
        assertThat(canonical("\"top-level string\"")).isEqualTo("\"top-level string\"");
        assertThat(canonical("null")).isEqualTo("null");
    }

    /** Every way of writing a number that parses to the same double gives the same text. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0|0", "-0|0", "0.0|0", "-0.0|0", "0e5|0", "-0E-5|0",
            "1|1", "1.0|1", "10e-1|1", "0.1e1|1", "100E-2|1",
            "100|100", "1e2|100", "1E+2|100",
            "-42|-42", "0.5|0.5", "5e-1|0.5", "1e-6|0.000001", "1e-7|1e-7", "0.0000001|1e-7", "123e-9|1.23e-7",
            "1e20|100000000000000000000", "1e21|1e+21", "123456789012345678901|123456789012345680000",
            "1234567890123456789012|1.2345678901234568e+21",
            "9007199254740993|9007199254740992", "-9007199254740993|-9007199254740992",
            "18446744073709551615|18446744073709552000",
            "123456789012345678901234567890|1.2345678901234568e+29",
            "0.1|0.1", "0.30000000000000004|0.30000000000000004", "1.7976931348623157e308|1.7976931348623157e+308",
            "4.9e-324|5e-324", "2.2250738585072014E-308|2.2250738585072014e-308"})
    void numberSpellings(String json, String expected) {
        assertThat(canonical(json)).isEqualTo(expected);
        assertThat(canonical("[" + json + "]")).isEqualTo("[" + expected + "]");
    }

    // ---------------------------------------------------------------------------------------------------------
    // A reference for ECMA-262 Number::toString(10) written from the specification, by a different method than
    // Jcs: search each length k for the k-digit decimals nearest the double, keep those that read back as the
    // same double, take the closest (ties to an even last digit), and lay out the digits by the spec's rules.

    static String ecmaScriptNumber(double v) {
        if (v == 0) {
            return "0";
        }
        if (v < 0) {
            return "-" + ecmaScriptNumber(-v);
        }
        BigDecimal exact = new BigDecimal(v);
        for (int k = 1; k <= 17; k++) {
            BigDecimal best = null;
            for (RoundingMode mode : new RoundingMode[] {RoundingMode.FLOOR, RoundingMode.CEILING}) {
                BigDecimal candidate = exact.round(new MathContext(k, mode));
                if (Double.parseDouble(candidate.toString()) != v) {
                    continue;
                }
                if (best == null) {
                    best = candidate;
                } else {
                    int cmp = candidate.subtract(exact).abs().compareTo(best.subtract(exact).abs());
                    if (cmp < 0 || cmp == 0 && !candidate.stripTrailingZeros().unscaledValue().testBit(0)) {
                        best = candidate;
                    }
                }
            }
            if (best != null) {
                return layOut(best.stripTrailingZeros());
            }
        }
        throw new AssertionError("17 digits always suffice for a double");
    }

    private static String layOut(BigDecimal d) {
        String s = d.unscaledValue().toString();
        int k = s.length();
        int n = k - d.scale(); // d = 0.s * 10^n
        if (k <= n && n <= 21) {
            return s + "0".repeat(n - k);
        }
        if (0 < n && n <= 21) {
            return s.substring(0, n) + "." + s.substring(n);
        }
        if (-6 < n && n <= 0) {
            return "0." + "0".repeat(-n) + s;
        }
        int e = n - 1;
        String exponent = "e" + (e < 0 ? "-" : "+") + Math.abs(e);
        return k == 1 ? s + exponent : s.charAt(0) + "." + s.substring(1) + exponent;
    }

    @Test
    void referenceAgreesWithAppendixB() {
        // the reference is itself checked against the RFC before it is used as an oracle
        assertThat(ecmaScriptNumber(Double.longBitsToDouble(0x44b52d02c7e14af6L))).isEqualTo("1e+23");
        assertThat(ecmaScriptNumber(Double.longBitsToDouble(0x0000000000000001L))).isEqualTo("5e-324");
        assertThat(ecmaScriptNumber(Double.longBitsToDouble(0x41b3de4355555554L))).isEqualTo("333333333.33333325");
        assertThat(ecmaScriptNumber(Double.longBitsToDouble(0xbecbf647612f3696L)))
                .isEqualTo("-0.0000033333333333333333");
        assertThat(ecmaScriptNumber(Double.longBitsToDouble(0x4430000000000000L))).isEqualTo("295147905179352830000");
        assertThat(ecmaScriptNumber(Double.longBitsToDouble(0x3eb0c6f7a0b5ed8cL))).isEqualTo("9.999999999999997e-7");
    }

    static LongStream seeds() {
        return LongStream.range(0, 40);
    }

    private static double randomDouble(Random random) {
        switch (random.nextInt(8)) {
            case 0:
                return random.nextInt(2000) - 1000;
            case 1:
                return (random.nextLong() % 100_000_000) / Math.pow(10, random.nextInt(12));
            case 2: { // next to a power of two, where the gap below is half the gap above
                double p = Math.scalb(1.0, random.nextInt(2098) - 1074);
                return random.nextBoolean() ? p : random.nextBoolean() ? Math.nextUp(p) : Math.nextDown(p);
            }
            case 3: { // next to a power of ten, where the layout changes
                double p = Double.parseDouble("1e" + (random.nextInt(60) - 30));
                int steps = random.nextInt(3);
                for (int i = 0; i < steps; i++) {
                    p = random.nextBoolean() ? Math.nextUp(p) : Math.nextDown(p);
                }
                return p;
            }
            case 4: // subnormal
                return Double.longBitsToDouble(random.nextLong() & 0x000fffffffffffffL);
            case 5: // one or two significant digits, where Double.toString may choose two over one
                return (1 + random.nextInt(99)) * Math.pow(10, random.nextInt(640) - 330);
            default: {
                double d;
                do {
                    d = Double.longBitsToDouble(random.nextLong());
                } while (Double.isNaN(d) || Double.isInfinite(d));
                return d;
            }
        }
    }

    /** Property over 40 000 generated doubles; a failure names its seed. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void numbersAgreeWithTheEcmaScriptReference(long seed) {
        Random random = new Random(seed);
        for (int i = 0; i < 1000; i++) {
            double d = randomDouble(random);
            if (Double.isInfinite(d)) {
                continue;
            }
            String text = Jcs.canonicalString(DoubleNode.valueOf(d));
            assertThat(text).as("%s (0x%016x)", d, Double.doubleToRawLongBits(d)).isEqualTo(ecmaScriptNumber(d));
            assertThat(Double.parseDouble(text)).as("reads back").isEqualTo(d == 0 ? 0.0 : d);
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Generated JSON trees.

    private static final String SPECIAL = "\"\\/\b\f\n\r\t\u0000\u001f\u007f\u0080\u2028\u2029\ufeff\u00e9\u20ac";

    private static String randomString(Random random) {
        StringBuilder s = new StringBuilder();
        int length = random.nextInt(8);
        for (int i = 0; i < length; i++) {
            switch (random.nextInt(4)) {
                case 0 -> s.append((char) ('a' + random.nextInt(26)));
                case 1 -> s.append(SPECIAL.charAt(random.nextInt(SPECIAL.length())));
                case 2 -> s.appendCodePoint(0x10000 + random.nextInt(0x100000)); // a surrogate pair
                default -> {
                    int cp;
                    do {
                        cp = random.nextInt(0x10000);
                    } while (Character.isSurrogate((char) cp));
                    s.appendCodePoint(cp);
                }
            }
        }
        return s.toString();
    }

    static JsonNode randomJson(Random random, int depth) {
        // scalars only at the bottom; above it, containers half of the time
        int kind = depth <= 0 || random.nextBoolean() ? random.nextInt(6) : 6 + random.nextInt(2);
        switch (kind) {
            case 0:
                return NODES.nullNode();
            case 1:
                return NODES.booleanNode(random.nextBoolean());
            case 2:
                return random.nextBoolean() ? NODES.numberNode(random.nextInt()) : NODES.numberNode(random.nextLong());
            case 3: {
                double d = randomDouble(random);
                return NODES.numberNode(Double.isInfinite(d) ? 0.0 : d);
            }
            case 4:
                return NODES.numberNode(new BigInteger(90, random).negate());
            case 5:
                return NODES.textNode(randomString(random));
            case 6: {
                ArrayNode array = NODES.arrayNode();
                int n = random.nextInt(5);
                for (int i = 0; i < n; i++) {
                    array.add(randomJson(random, depth - 1));
                }
                return array;
            }
            default: {
                ObjectNode object = NODES.objectNode();
                int n = random.nextInt(5);
                for (int i = 0; i < n; i++) {
                    object.set(randomString(random), randomJson(random, depth - 1));
                }
                return object;
            }
        }
    }

    /** The same tree with the members of every object inserted in another order. */
    private static JsonNode shuffled(JsonNode node, Random random) {
        if (node.isArray()) {
            ArrayNode out = NODES.arrayNode();
            node.forEach(e -> out.add(shuffled(e, random)));
            return out;
        }
        if (node.isObject()) {
            List<Map.Entry<String, JsonNode>> members = new ArrayList<>(node.properties());
            Collections.shuffle(members, random);
            ObjectNode out = NODES.objectNode();
            members.forEach(m -> out.set(m.getKey(), shuffled(m.getValue(), random)));
            return out;
        }
        return node;
    }

    /** Property: canonicalize(parse(canonicalize(x))) == canonicalize(x), and member order does not matter. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void canonicalFormIsAFixedPoint(long seed) {
        Random random = new Random(seed);
        for (int i = 0; i < 50; i++) {
            JsonNode tree = randomJson(random, 4);
            byte[] once = Jcs.canonicalize(tree);
            byte[] twice = Jcs.canonicalize(StrictJson.parse(once));
            assertThat(new String(twice, StandardCharsets.UTF_8)).as("tree %d", i)
                    .isEqualTo(new String(once, StandardCharsets.UTF_8));
            assertThat(Jcs.canonicalize(shuffled(tree, random))).as("reordered tree %d", i).isEqualTo(once);
            assertThat(Jcs.canonicalString(tree)).isEqualTo(new String(once, StandardCharsets.UTF_8));
        }
    }

    @Test
    void generatedTreesAreNotTrivial() {
        // guards the property above against a generator that makes only scalars or only plain strings
        Random random = new Random(1);
        int containers = 0;
        int deep = 0;
        int escapes = 0;
        int nonAscii = 0;
        for (int i = 0; i < 50; i++) {
            String text = Jcs.canonicalString(randomJson(random, 4));
            containers += text.chars().filter(c -> c == '[' || c == '{').count() > 0 ? 1 : 0;
            deep += text.startsWith("[[") || text.startsWith("[{") || text.contains(":{") || text.contains(":[") ? 1 : 0;
            escapes += text.contains("\\") ? 1 : 0;
            nonAscii += text.chars().anyMatch(c -> c > 0x7f) ? 1 : 0;
        }
        assertThat(containers).isGreaterThan(15);
        assertThat(deep).isGreaterThan(5);
        assertThat(escapes).isGreaterThan(5);
        assertThat(nonAscii).isGreaterThan(5);
    }
}

package org.phyle.crypto;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Parses JSON text strictly, as signed data must be parsed: duplicate member names, trailing content, comments,
 * leading zeros, NaN and excessive nesting are errors, not guesses.
 */
public final class StrictJson {
    public static final int MAX_DEPTH = 32;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .disable(JsonReadFeature.ALLOW_LEADING_ZEROS_FOR_NUMBERS)
            .build();

    static {
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_DEPTH)
                .maxNumberLength(400)
                .build());
    }

    private StrictJson() {
    }

    /** Parses one JSON value; throws {@link MalformedJsonException} with a reason written for a person. */
    public static JsonNode parse(byte[] utf8) {
        return parse(text(utf8));
    }

    /**
     * Decodes UTF-8 strictly: Jackson's byte parser accepts overlong and out-of-range UTF-8 sequences and guesses
     * UTF-16 or UTF-32 from zero bytes, so the same value would have several encodings.
     */
    public static String text(byte[] utf8) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(utf8);
        CharBuffer out = CharBuffer.allocate(utf8.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isUnderflow()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw new MalformedJsonException("not UTF-8: the byte at offset " + in.position()
                    + " does not begin a valid UTF-8 sequence");
        }
        return out.flip().toString();
    }

    public static JsonNode parse(String text) {
        try {
            JsonNode node = MAPPER.readTree(text);
            if (node == null || node.isMissingNode()) {
                throw new MalformedJsonException("empty document");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new MalformedJsonException(describe(e));
        }
    }

    /**
     * The parser's reason in words for a person, with where it stopped: the parser's own message without the names of
     * its options, classes or input source, which mean nothing to the person who sent the text.
     */
    public static String describe(java.io.IOException e) {
        String message = e instanceof JsonProcessingException j ? j.getOriginalMessage() : null;
        String reason = reason(message == null ? "" : message);
        if (e instanceof JsonProcessingException j && j.getLocation() != null && j.getLocation().getLineNr() > 0) {
            reason = reason + " (line " + j.getLocation().getLineNr() + ", column " + j.getLocation().getColumnNr() + ")";
        }
        return reason;
    }

    private static String reason(String message) {
        if (message.startsWith("Trailing token")) {
            return "there is more text after the JSON value";
        }
        if (message.startsWith("Unexpected end-of-input")) {
            return "the text ends before the JSON value is complete";
        }
        if (message.contains("nesting depth")) {
            return "values are nested more than " + MAX_DEPTH + " deep";
        }
        if (message.contains("Number value length") || message.contains("Number length")) {
            return "a number has more than 400 digits";
        }
        if (message.contains("Leading zeroes")) {
            return "a number has a leading zero";
        }
        if (message.contains("comment")) {
            return "comments are not JSON";
        }
        // "Duplicate field 'a'", "Non-standard token 'NaN': enable ...", "Unexpected character ('x' (code 120)): ..."
        int colon = message.indexOf(": ");
        String head = (colon > 0 ? message.substring(0, colon) : message).trim();
        if (head.isEmpty() || head.contains("`") || head.contains("Feature") || head.contains("Constraints")
                || head.contains("Source:") || head.contains("java.") || head.contains("jackson")) {
            return "the text is not well-formed JSON";
        }
        return head.replace("Duplicate field", "duplicate member name").replace("Unexpected character", "unexpected character")
                .replace("Unrecognized token", "unrecognized word").replace("Non-standard token", "not a JSON value:");
    }

    /** The shared mapper, configured strictly; for building nodes and writing them. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** JSON text that cannot be accepted. */
    public static final class MalformedJsonException extends IllegalArgumentException {
        public MalformedJsonException(String message) {
            super(message);
        }
    }
}

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
import java.nio.charset.CharacterCodingException;
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

    /** Parses one JSON value; throws {@link MalformedJsonException} with the parser's reason. */
    public static JsonNode parse(byte[] utf8) {
        // decode strictly first: Jackson's byte parser accepts overlong and out-of-range UTF-8 sequences and guesses
        // UTF-16 or UTF-32 from zero bytes, so the same value would have several encodings
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(utf8))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new MalformedJsonException("not UTF-8: " + e);
        }
        return parse(text);
    }

    public static JsonNode parse(String text) {
        try {
            JsonNode node = MAPPER.readTree(text);
            if (node == null || node.isMissingNode()) {
                throw new MalformedJsonException("empty document");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new MalformedJsonException(e.getOriginalMessage());
        }
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

package org.phyle.core.tx;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;
import org.phyle.core.Rejection;
import org.phyle.crypto.Hash;
import org.phyle.crypto.InvalidKeyException;
import org.phyle.crypto.VerifyingKey;

/**
 * Reads the fields of one JSON object of a transaction, strictly: every field is checked for presence, type and
 * range, and {@link #end()} refuses fields nobody read. Errors name the field's path, e.g. {@code body.label}.
 */
public final class Fields {
    /** The largest integer a JSON number carries exactly in every language (2^53 - 1). */
    public static final long MAX_SAFE_INTEGER = (1L << 53) - 1;

    private final JsonNode node;
    private final String path;
    private final Vocabulary vocabulary;
    private final Set<String> read = new HashSet<>();

    private Fields(JsonNode node, String path, Vocabulary vocabulary) {
        this.node = node;
        this.path = path;
        this.vocabulary = vocabulary;
    }

    public static Fields of(JsonNode node, String path) {
        return of(node, path, Vocabulary.EMPTY);
    }

    /** Fields whose readers may resolve names (proposal kinds, parameters) in the vocabulary. */
    public static Fields of(JsonNode node, String path, Vocabulary vocabulary) {
        if (node == null || !node.isObject()) {
            throw new Rejection(TxCode.MALFORMED, (path.isEmpty() ? "the envelope" : path) + " must be a JSON object");
        }
        return new Fields(node, path, vocabulary);
    }

    /** What readers may resolve names in: the society's proposal kinds and parameters. */
    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /** A required single-line string of min..max characters (code points), without control characters. */
    public String line(String name, int min, int max) {
        String s = text(name, min, max);
        if (s.indexOf('\n') >= 0 || s.indexOf('\t') >= 0) {
            throw malformed(name, "must be a single line");
        }
        return s;
    }

    /** A required string of min..max characters (code points); newlines and tabs allowed, other controls not. */
    public String text(String name, int min, int max) {
        JsonNode v = required(name);
        if (!v.isTextual()) {
            throw malformed(name, "must be a string");
        }
        String s = v.textValue();
        int length = s.codePointCount(0, s.length());
        if (length < min || length > max) {
            throw malformed(name, "must have " + (min == max ? min : min + " to " + max) + " characters, not " + length);
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7f) {
                throw malformed(name, "has a control character at position " + i);
            }
        }
        return s;
    }

    public Optional<String> optionalText(String name, int max) {
        return has(name) ? Optional.of(text(name, 0, max)) : Optional.empty();
    }

    /** A required integer within [min, max], which must lie within JSON's safe integer range. */
    public long integer(String name, long min, long max) {
        JsonNode v = required(name);
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw malformed(name, "must be an integer");
        }
        long value = v.longValue();
        if (value < Math.max(min, -MAX_SAFE_INTEGER) || value > Math.min(max, MAX_SAFE_INTEGER)) {
            throw malformed(name, "must be between " + min + " and " + max + ", not " + value);
        }
        return value;
    }

    /** A required SHA-256 hash written as 64 lowercase hex digits. */
    public Hash hash(String name) {
        String s = string(name);
        if (!isLowerHex(s, 64)) {
            throw malformed(name, "must be 64 lowercase hex digits (a SHA-256 hash)");
        }
        return Hash.fromHex(s);
    }

    /** A required array of at most max ids (64 lowercase hex digits each), in order, repeats kept. */
    public java.util.List<Hash> hashes(String name, int max) {
        JsonNode a = required(name);
        if (!a.isArray() || a.size() > max) {
            throw malformed(name, "must be an array of at most " + max + " ids");
        }
        java.util.List<Hash> out = new java.util.ArrayList<>();
        for (JsonNode h : a) {
            if (!h.isTextual() || !isLowerHex(h.textValue(), 64)) {
                throw malformed(name, "must hold ids (64 lowercase hex digits)");
            }
            out.add(Hash.fromHex(h.textValue()));
        }
        return out;
    }

    /** A required Ed25519 did:key. */
    public VerifyingKey did(String name) {
        String s = string(name);
        try {
            return VerifyingKey.fromDid(s);
        } catch (InvalidKeyException e) {
            throw new Rejection(TxCode.INVALID_KEY, field(name) + ": " + e.getMessage());
        }
    }

    /** True if the string is exactly this many lowercase hex digits (checked by hand: it is on every path). */
    static boolean isLowerHex(String s, int length) {
        if (s.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = s.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }

    /** True if the string has min..max characters, all of A-Z a-z 0-9 _ - (the base64url alphabet). */
    static boolean isBase64Url(String s, int min, int max) {
        if (s.length() < min || s.length() > max) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    /** A required string of min..max base64url characters. */
    public String base64Url(String name, int min, int max, String description) {
        String s = string(name);
        if (!isBase64Url(s, min, max)) {
            throw malformed(name, "must be " + description);
        }
        return s;
    }

    public Fields object(String name) {
        return Fields.of(required(name), field(name), vocabulary);
    }

    /** A required value of any JSON type, for the caller to interpret. */
    public JsonNode value(String name) {
        return required(name);
    }

    public boolean has(String name) {
        return node.has(name);
    }

    /** The names of all fields, for readers of open-ended maps. */
    public Iterator<String> names() {
        return node.fieldNames();
    }

    /** Refuses any field that was not read. */
    public void end() {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!read.contains(name)) {
                throw new Rejection(TxCode.UNKNOWN_FIELD, path + " has an unknown field '" + name + "'");
            }
        }
    }

    public String path() {
        return path;
    }

    private String string(String name) {
        JsonNode v = required(name);
        if (!v.isTextual()) {
            throw malformed(name, "must be a string");
        }
        return v.textValue();
    }

    private JsonNode required(String name) {
        read.add(name);
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            throw new Rejection(TxCode.MISSING_FIELD, field(name) + " is required");
        }
        return v;
    }

    private Rejection malformed(String name, String problem) {
        return new Rejection(TxCode.MALFORMED, field(name) + " " + problem);
    }

    private String field(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}

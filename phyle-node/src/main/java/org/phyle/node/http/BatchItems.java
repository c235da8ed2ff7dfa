package org.phyle.node.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.phyle.core.Rejection;
import org.phyle.core.tx.TxCode;
import org.phyle.crypto.StrictJson;

/**
 * How the node reads the transactions of {@code POST /txs} and {@code POST /txs/batch} before it decodes them. Splits
 * the body of {@code POST /txs/batch} into the JSON text of each transaction without building a tree of the
 * whole batch, so that each transaction can be size-checked, before any work proportional to its size is done, exactly
 * as a transaction posted alone is. Walking the array costs time linear in the body; nothing else is done with an item
 * until its size is known.
 */
public final class BatchItems {
    /**
     * No envelope can be shorter: its required fields alone (a 64-digit society, a 56-character signer, an 86-character
     * signature and the names) take more than 300 characters, and a genesis, which has no society, more than 220.
     * Refusing shorter ones before parsing keeps the cost of a batch of tiny items (10,000 "{}") per byte far below a
     * valid transaction's.
     */
    public static final int MIN_ENVELOPE_CHARS = 200;

    private BatchItems() {
    }

    /** The text of each element of the top-level array, in order; a body that is not a JSON array is refused. */
    public static List<String> split(byte[] body, int maxItems) {
        String text = StrictJson.text(body);
        List<String> items = new ArrayList<>();
        try (JsonParser p = StrictJson.mapper().createParser(text)) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                throw new Rejection(TxCode.MALFORMED, "a batch is a JSON array of transaction envelopes");
            }
            while (true) {
                JsonToken t = p.nextToken();
                if (t == JsonToken.END_ARRAY) {
                    break;
                }
                if (t == null) {
                    throw new Rejection(TxCode.MALFORMED, "not JSON: the batch ends before its closing ']'");
                }
                if (items.size() == maxItems) {
                    throw new Rejection(TxCode.BATCH_TOO_LARGE, "a batch holds at most " + maxItems + " transactions");
                }
                int start = (int) p.currentTokenLocation().getCharOffset();
                p.skipChildren();
                int end = (int) p.currentLocation().getCharOffset();
                items.add(text.substring(start, end));
            }
            if (p.nextToken() != null) {
                throw new Rejection(TxCode.MALFORMED, "not JSON: there is more after the batch's closing ']'");
            }
        } catch (IOException e) {
            throw new Rejection(TxCode.MALFORMED, "not JSON: " + StrictJson.describe(e));
        }
        return items;
    }

    /**
     * A transaction posted alone (its body already read up to twice the size limit): anything but a JSON object is
     * refused with that sentence before it is parsed.
     */
    public static org.phyle.core.tx.VerifiedTx decodeAlone(org.phyle.core.tx.TxDecoder decoder, byte[] body) {
        for (byte b : body) {
            if (b == '{') {
                if (body.length < MIN_ENVELOPE_CHARS) {
                    throw tooShort(body.length);
                }
                return decoder.decode(body);
            }
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
                break;
            }
        }
        if (body.length == 0) {
            return decoder.decode(body);
        }
        throw new Rejection(TxCode.MALFORMED, "a transaction envelope is a JSON object");
    }

    private static Rejection tooShort(int length) {
        return new Rejection(TxCode.MALFORMED, "a transaction envelope has at least " + MIN_ENVELOPE_CHARS
                + " characters, too few for its required fields; this one has " + length);
    }

    /**
     * The text of one transaction of a batch, size-checked before it is parsed exactly as one posted alone: refused
     * when over twice the limit, not an object, or too short to be an envelope.
     */
    public static byte[] checked(org.phyle.core.tx.TxDecoder decoder, String item) {
        long limit = 2L * decoder.maxBytes();
        if (item.length() > limit) {
            throw new Rejection(TxCode.TOO_LARGE, "transaction has at least " + item.length() + " bytes; the limit is "
                    + decoder.maxBytes());
        }
        if (!item.startsWith("{")) {
            throw new Rejection(TxCode.MALFORMED, "a transaction envelope is a JSON object");
        }
        if (item.length() < MIN_ENVELOPE_CHARS) {
            throw tooShort(item.length());
        }
        return item.getBytes(StandardCharsets.UTF_8);
    }

    /** One transaction of a batch, decoded (and its signature checked) on its own. */
    public static org.phyle.core.tx.VerifiedTx decode(org.phyle.core.tx.TxDecoder decoder, String item) {
        return decoder.decode(checked(decoder, item));
    }
}

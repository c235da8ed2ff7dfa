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
 * Splits the body of {@code POST /txs/batch} into the JSON text of each transaction without building a tree of the
 * whole batch, so that each transaction can be size-checked, before any work proportional to its size is done, exactly
 * as a transaction posted alone is. Walking the array costs time linear in the body; nothing else is done with an item
 * until its size is known.
 */
final class BatchItems {
    private BatchItems() {
    }

    /** The text of each element of the top-level array, in order; a body that is not a JSON array is refused. */
    static List<String> split(byte[] body, int maxItems) {
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

    static byte[] utf8(String item) {
        return item.getBytes(StandardCharsets.UTF_8);
    }
}

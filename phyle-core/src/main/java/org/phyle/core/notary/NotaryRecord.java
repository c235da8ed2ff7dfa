package org.phyle.core.notary;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.phyle.core.tx.Fields;
import org.phyle.crypto.Hash;

/**
 * {@code notary.record}: timestamps a SHA-256 digest (of a document, a photo, minutes of a meeting) with a label and an
 * optional text. The block time is the timestamp; the log entry is the proof that the digest existed then.
 */
public record NotaryRecord(Hash digest, String label, Optional<String> text) implements NotaryTx {
    public static final String TYPE = "notary.record";
    public static final int MAX_LABEL = 200;
    public static final int MAX_TEXT = 4000;

    public NotaryRecord {
        text = text == null ? Optional.empty() : text;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("digest", digest.hex());
        o.put("label", label);
        text.ifPresent(t -> o.put("text", t));
        return o;
    }

    static NotaryRecord read(Fields f) {
        NotaryRecord r = new NotaryRecord(f.hash("digest"), f.line("label", 1, MAX_LABEL),
                f.optionalText("text", MAX_TEXT));
        f.end();
        return r;
    }
}

package org.phyle.core.tx;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.phyle.core.Rejection;
import org.phyle.crypto.BatchVerifier;

/**
 * Decodes many envelopes with one batch signature check ({@link BatchVerifier}) instead of one check each: every
 * envelope gets exactly the outcome {@link TxDecoder#decode} would give it, in the order given. Pure and thread-safe.
 */
public final class TxBatch {
    /** The outcome for one input: the transaction, or why it was refused. */
    public record Decoded(VerifiedTx tx, Rejection rejection) {
        public boolean ok() {
            return rejection == null;
        }
    }

    private TxBatch() {
    }

    /** Decodes envelopes given as JSON text. */
    public static List<Decoded> decodeAll(TxDecoder decoder, List<byte[]> envelopes) {
        return decodeAll(envelopes, (e, d) -> d.decodeUnchecked(e), decoder);
    }

    /** Decodes envelopes already parsed (strictly) from JSON. */
    public static List<Decoded> decodeAllParsed(TxDecoder decoder, List<JsonNode> envelopes) {
        return decodeAll(envelopes, (e, d) -> d.decodeUnchecked(e), decoder);
    }

    /** Decodes inputs each of which is either JSON text or parsed JSON, as the function reads it. */
    public static <I> List<Decoded> decodeAllOf(TxDecoder decoder, List<I> inputs,
                                                java.util.function.Function<I, Object> json) {
        return decodeAll(inputs, (input, d) -> switch (json.apply(input)) {
            case byte[] text -> d.decodeUnchecked(text);
            case JsonNode node -> d.decodeUnchecked(node);
            default -> throw new IllegalArgumentException("an envelope is JSON text or a parsed JSON node");
        }, decoder);
    }

    private static <I> List<Decoded> decodeAll(List<I> inputs, BiFunction<I, TxDecoder, TxDecoder.Unchecked> unchecked,
                                               TxDecoder decoder) {
        int n = inputs.size();
        Decoded[] out = new Decoded[n];
        List<TxDecoder.Unchecked> pending = new ArrayList<>(n);
        List<Integer> pendingAt = new ArrayList<>(n);
        List<BatchVerifier.Item> items = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            try {
                TxDecoder.Unchecked u = unchecked.apply(inputs.get(i), decoder);
                pending.add(u);
                pendingAt.add(i);
                items.add(new BatchVerifier.Item(u.signer(), u.payloadBytes(), u.signature()));
            } catch (Rejection r) {
                out[i] = new Decoded(null, r);
            }
        }
        BatchVerifier.Verdicts verdicts = BatchVerifier.verify(items);
        for (int k = 0; k < pending.size(); k++) {
            TxDecoder.Unchecked u = pending.get(k);
            out[pendingAt.get(k)] = verdicts.isValid(k) ? new Decoded(u.verifiedTx(), null)
                    : new Decoded(null, u.badSignature());
        }
        return List.of(out);
    }
}

package org.phyle.core.tx;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.phyle.core.Catalog;
import org.phyle.core.Rejection;
import org.phyle.core.notary.NotaryRecord;
import org.phyle.crypto.Hash;
import org.phyle.crypto.SigningKey;
import org.phyle.crypto.StrictJson;

/** {@link TxBatch} gives every envelope exactly the outcome {@link TxDecoder#decode} gives it, in order. */
class TxBatchTest {
    private final TxDecoder decoder = new TxDecoder(Catalog.TX_TYPES, TxDecoderTest.SOCIETY, 16384);

    /** Good envelopes by several keys, and bad ones of every kind the decoder refuses, shuffled. */
    private static List<byte[]> mixedEnvelopes(Random random) {
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            SigningKey key = SigningKey.fromSeed(new byte[] {(byte) (i % 5), 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14,
                    15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31});
            NotaryRecord body = new NotaryRecord(Hash.sha256(("doc " + i).getBytes()), "Document " + i,
                    Optional.empty());
            ObjectNode env = TxSigner.sign(TxDecoderTest.SOCIETY, key, body, "nonce-" + i, 1_900_000_000_000L);
            switch (i % 8) {
                case 1 -> { // a signature over something else
                    ObjectNode other = TxSigner.sign(TxDecoderTest.SOCIETY, key, body, "other-" + i, 1_900_000_000_000L);
                    env.set("signature", other.get("signature"));
                }
                case 2 -> { // signed by another key than the signer named
                    ObjectNode other = TxSigner.sign(TxDecoderTest.SOCIETY, TxDecoderTest.KEY, body, "nonce-" + i,
                            1_900_000_000_000L);
                    env.set("signature", other.get("signature"));
                }
                case 3 -> ((ObjectNode) env.get("payload")).put("society", Hash.sha256("elsewhere".getBytes()).hex());
                case 4 -> env.set("signature", new TextNode("A".repeat(86)));
                default -> { }
            }
            out.add(TxDecoderTest.bytes(env));
        }
        out.add("not json".getBytes(StandardCharsets.UTF_8));
        out.add("{}".getBytes(StandardCharsets.UTF_8));
        out.add(new byte[40_000]);
        Collections.shuffle(out, random);
        return out;
    }

    @Test
    void everyEnvelopeGetsTheOutcomeOfSingleDecoding() {
        List<byte[]> envelopes = mixedEnvelopes(new Random(13));
        List<TxBatch.Decoded> batch = TxBatch.decodeAll(decoder, envelopes);
        assertThat(batch).hasSize(envelopes.size());
        int ok = 0;
        for (int i = 0; i < envelopes.size(); i++) {
            TxBatch.Decoded d = batch.get(i);
            try {
                VerifiedTx single = decoder.decode(envelopes.get(i));
                assertThat(d.ok()).as("envelope %d", i).isTrue();
                assertThat(d.tx().id()).isEqualTo(single.id());
                assertThat(d.tx().entry()).isEqualTo(single.entry());
                ok++;
            } catch (Rejection r) {
                assertThat(d.ok()).as("envelope %d", i).isFalse();
                assertThat(d.tx()).isNull();
                assertThat(d.rejection().code()).isEqualTo(r.code());
                assertThat(d.rejection().getMessage()).isEqualTo(r.getMessage());
            }
        }
        assertThat(ok).isEqualTo(20); // 40 envelopes, i % 8 in {0, 5, 6, 7} are left good
    }

    @Test
    void parsedAndMixedInputsDecodeTheSame() {
        List<byte[]> envelopes = new ArrayList<>(mixedEnvelopes(new Random(5)).stream()
                .filter(e -> e.length < 20_000 && e[0] == '{' && e.length > 2).toList());
        List<JsonNode> parsed = envelopes.stream().map(StrictJson::parse).toList();
        List<TxBatch.Decoded> fromText = TxBatch.decodeAll(decoder, envelopes);
        List<TxBatch.Decoded> fromParsed = TxBatch.decodeAllParsed(decoder, parsed);
        List<Object> mixed = new ArrayList<>();
        for (int i = 0; i < envelopes.size(); i++) {
            mixed.add(i % 2 == 0 ? envelopes.get(i) : parsed.get(i));
        }
        List<TxBatch.Decoded> fromMixed = TxBatch.decodeAllOf(decoder, mixed, e -> e);
        for (int i = 0; i < envelopes.size(); i++) {
            assertThat(fromParsed.get(i).ok()).isEqualTo(fromText.get(i).ok());
            assertThat(fromMixed.get(i).ok()).isEqualTo(fromText.get(i).ok());
            if (fromText.get(i).ok()) {
                assertThat(fromParsed.get(i).tx().id()).isEqualTo(fromText.get(i).tx().id());
                assertThat(fromMixed.get(i).tx().id()).isEqualTo(fromText.get(i).tx().id());
            } else {
                assertThat(fromParsed.get(i).rejection().code()).isEqualTo(fromText.get(i).rejection().code());
            }
        }
        assertThat(TxBatch.decodeAll(decoder, List.of())).isEmpty();
    }
}

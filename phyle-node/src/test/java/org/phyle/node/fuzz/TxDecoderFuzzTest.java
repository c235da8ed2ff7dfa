package org.phyle.node.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.phyle.core.Catalog;
import org.phyle.core.Rejection;
import org.phyle.core.tx.TxDecoder;
import org.phyle.core.tx.TxType;
import org.phyle.core.tx.VerifiedTx;
import org.phyle.crypto.Hash;
import org.phyle.crypto.Jcs;
import org.phyle.crypto.SigningKey;
import org.phyle.crypto.StrictJson;

/**
 * The transaction decoder, fuzzed: whatever the bytes, it returns a verified transaction or throws a {@link Rejection}
 * (never another exception, never a hang), and what it accepts is canonical and re-decodes to the same id. The second
 * test reaches every mechanism's body reader: a well-formed envelope of each type with a fuzzed body (the body is read
 * before the signature is checked, so the fuzzer need not forge signatures to get there).
 *
 * <p>{@code ./mvnw verify} runs these on their seed inputs only (regression mode, src/test/resources/.../Inputs);
 * {@code JAZZER_FUZZ=1} fuzzes for {@code maxDuration} (docs/testing.md).
 */
class TxDecoderFuzzTest {
    static final Hash SOCIETY = Hash.sha256("fuzzed society".getBytes(StandardCharsets.UTF_8));
    static final TxDecoder DECODER = new TxDecoder(Catalog.TX_TYPES, SOCIETY, 16384);
    static final List<TxType> TYPES = Catalog.TX_TYPES.all();
    static final String SIGNER = SigningKey.fromSeed(new byte[32]).verifyingKey().did();

    @FuzzTest(maxDuration = "60s")
    void envelope(byte[] data) {
        VerifiedTx tx;
        try {
            tx = DECODER.decode(data);
        } catch (Rejection expected) {
            assertThat(expected.getMessage()).isNotBlank();
            return;
        }
        // accepted: its entry is the canonical envelope, which decodes again to the same transaction
        assertThat(Jcs.canonicalize(StrictJson.parse(tx.entry()))).isEqualTo(tx.entry());
        assertThat(DECODER.decode(tx.entry()).id()).isEqualTo(tx.id());
    }

    @FuzzTest(maxDuration = "60s")
    void bodyOfEachType(FuzzedDataProvider data) {
        TxType type = TYPES.get(data.consumeInt(0, TYPES.size() - 1));
        String body = data.consumeRemainingAsString();
        String envelope = "{\"payload\":{\"type\":\"" + type.name() + "\",\"society\":\"" + SOCIETY.hex()
                + "\",\"signer\":\"" + SIGNER + "\",\"nonce\":\"fuzz\",\"expires\":1,\"body\":" + body + "},"
                + "\"signature\":\"" + "A".repeat(86) + "\"}";
        try {
            DECODER.decode(envelope.getBytes(StandardCharsets.UTF_8));
        } catch (Rejection expected) {
            assertThat(expected.getMessage()).isNotBlank();
            assertThat(expected.getMessage()).doesNotStartWith(" ");
            return;
        }
        throw new AssertionError("a transaction with an all-zero signature was accepted");
    }
}

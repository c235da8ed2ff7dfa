package org.phyle.node.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.phyle.core.Society;
import org.phyle.core.SocietyView;
import org.phyle.crypto.Hash;
import org.phyle.crypto.SigningKey;
import org.phyle.crypto.VerifyingKey;
import org.phyle.node.TestNodes;
import org.phyle.node.Txs;

/**
 * Every input is refused before work proportional to its size is done: a did:key is checked for its fixed length
 * before Base58, and every transaction of a batch is size-checked as if it were posted alone. (The cost per byte is
 * measured by {@code phyle bench reject}, not asserted here.)
 */
class BoundedCostTest {
    static TestNodes.Running running;
    static String api;
    static Hash society;
    static final SigningKey alice = SigningKey.generate();

    @BeforeAll
    static void start() {
        running = TestNodes.small();
        api = running.url() + "/api/v1";
        society = running.node.read(SocietyView::id);
    }

    @AfterAll
    static void stop() {
        running.close();
    }

    static byte[] bytes(JsonNode json) {
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A signed notary record whose signer is replaced by a "did:key" of this many base58 digits. */
    static ObjectNode withLongDid(int digits) {
        ObjectNode tx = Txs.notaryJson(society, alice, "long did");
        ((ObjectNode) tx.get("payload")).put("signer", "did:key:z" + "2".repeat(digits));
        return tx;
    }

    @Test
    void aLongDidKeyIsRefusedForItsLengthAlone() {
        JsonNode p = Problems.assertProblem(running, "/txs", bytes(withLongDid(30_000)), 400, "INVALID_KEY");
        assertThat(p.get("detail").asText()).contains(VerifyingKey.DID_LENGTH + " characters");
    }

    @Test
    void everyTransactionOfABatchIsSizeCheckedLikeOnePostedAlone() {
        int limit = running.node.decoder().maxBytes();
        String good = Txs.notaryJson(society, alice, "kept in a batch").toString();
        // over twice the limit: refused by its size, whatever it holds (here a did:key of 100,000 digits)
        String huge = withLongDid(100_000).toString();
        // padded with whitespace to just over the allowance a transaction posted alone gets
        String padded = "{" + " ".repeat(2 * limit) + Txs.notaryJson(society, alice, "padded").toString().substring(1);
        String notAnObject = "\"a string\"";
        String body = "[" + good + "," + huge + "," + padded + "," + notAnObject + "]";
        long before = running.node.head().treeSize();

        Http.Response r = Http.post(api + "/txs/batch", body);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        JsonNode results = r.json().get("results");
        assertThat(results.get(0).get("status").asText()).isEqualTo("committed");
        assertThat(results.get(1).get("code").asText()).isEqualTo("TOO_LARGE");
        assertThat(results.get(2).get("code").asText()).isEqualTo("TOO_LARGE");
        assertThat(results.get(3).get("code").asText()).isEqualTo("MALFORMED");
        assertThat(running.node.head().treeSize()).isEqualTo(before + 1);
    }

    @Test
    void aBatchWithALongDidInsideTheLimitIsRefusedForTheDid() {
        String body = "[" + withLongDid(20_000) + "]";
        JsonNode results = Http.post(api + "/txs/batch", body).json().get("results");
        assertThat(results.get(0).get("code").asText()).isEqualTo("INVALID_KEY");
    }

    @Test
    void aBatchThatIsNotWellFormedIsRefusedWhole() {
        long before = running.node.head().treeSize();
        String good = Txs.notaryJson(society, alice, "never committed").toString();
        Problems.assertProblem(running, "/txs/batch", ("[" + good + ",]").getBytes(StandardCharsets.UTF_8), 400,
                "MALFORMED");
        Problems.assertProblem(running, "/txs/batch", ("[" + good + "] []").getBytes(StandardCharsets.UTF_8), 400,
                "MALFORMED");
        Problems.assertProblem(running, "/txs/batch", ("[" + good).getBytes(StandardCharsets.UTF_8), 400, "MALFORMED");
        assertThat(running.node.head().treeSize()).isEqualTo(before);
    }

    @Test
    void aSingleBodyOverTheAllowanceIsRefusedByItsDeclaredLength() {
        int limit = running.node.decoder().maxBytes();
        byte[] body = new byte[2 * limit + 1];
        java.util.Arrays.fill(body, (byte) ' ');
        Problems.assertProblem(running, "/txs", body, 413, "TOO_LARGE");
    }
}

package org.phyle.node.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.phyle.core.Society;
import org.phyle.core.SocietyView;
import org.phyle.core.tx.TxSigner;
import org.phyle.crypto.Base58;
import org.phyle.crypto.Checkpoint;
import org.phyle.crypto.Hash;
import org.phyle.crypto.Jcs;
import org.phyle.crypto.Merkle;
import org.phyle.crypto.SignedNote;
import org.phyle.crypto.SigningKey;
import org.phyle.crypto.StrictJson;
import org.phyle.node.TestNodes;
import org.phyle.node.Txs;
import org.phyle.node.audit.ReceiptCheck;

/** The API over real HTTP against a real node: every path, and every bad input a client or attacker can send. */
class ApiTest {
    static TestNodes.Running running;
    static String api;
    static Hash society;
    /** The founder, whose writes no quota limits: these tests send hundreds (quotas are in QuotaTest). */
    static SigningKey alice;

    @BeforeAll
    static void start() {
        running = TestNodes.small();
        api = running.url() + "/api/v1";
        society = running.node.read(SocietyView::id);
        alice = org.phyle.node.KeyFile.read(running.dir.resolve("keys/founder.key"));
    }

    @AfterAll
    static void stop() {
        running.close();
    }

    static long treeSize() {
        return running.node.head().treeSize();
    }

    static JsonNode submit(byte[] envelope) {
        Http.Response r = Http.post(api + "/txs", envelope);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.json();
    }

    static JsonNode assertProblem(String path, byte[] body, int status, String code) {
        return Problems.assertProblem(running, path, body, status, code);
    }

    static byte[] bytes(JsonNode json) {
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }

    static ObjectNode resigned(java.util.function.Consumer<ObjectNode> change) {
        ObjectNode payload = (ObjectNode) Txs.notaryJson(society, alice, "resigned").get("payload");
        change.accept(payload);
        return TxSigner.sign(payload, alice);
    }

    @Test
    void fixedPathsAnswer() {
        Http.Response health = Http.get(api + "/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asText()).isEqualTo("ok");

        Http.Response checkpoint = Http.get(api + "/checkpoint");
        assertThat(checkpoint.status()).isEqualTo(200);
        assertThat(checkpoint.contentType()).startsWith("text/plain");
        JsonNode info = Http.get(api + "/society").json();
        SignedNote.Verifier verifier = SignedNote.Verifier.parse(info.at("/sequencer/vkey").asText());
        Checkpoint c = Checkpoint.open(checkpoint.text(), verifier, info.get("origin").asText());
        assertThat(c.size()).isEqualTo(treeSize());

        Http.Response openapi = Http.get(api + "/openapi.json");
        assertThat(openapi.status()).isEqualTo(200);
        assertThat(openapi.json().get("openapi").asText()).startsWith("3.");
    }

    @Test
    void theOpenApiDocumentDescribesEveryRouteAndNoOther() {
        JsonNode paths = Http.get(api + "/openapi.json").json().get("paths");
        Set<String> documented = new HashSet<>();
        for (Iterator<String> it = paths.fieldNames(); it.hasNext(); ) {
            String path = it.next();
            for (Iterator<String> m = paths.get(path).fieldNames(); m.hasNext(); ) {
                documented.add(m.next() + " " + path);
            }
        }
        Set<String> served = new HashSet<>();
        running.server.routes().forEach(r -> served.add(r.method() + " " + r.path()));
        assertThat(documented).isEqualTo(served);
    }

    @Test
    void aTransactionIsCommittedWithAReceiptThatVerifies() {
        byte[] envelope = Txs.notary(society, alice, "api receipt");
        JsonNode committed = submit(envelope);
        String id = committed.get("txId").asText();
        assertThat(committed.get("status").asText()).isEqualTo("committed");
        assertThat(Http.get(api + "/txs/" + id).json().get("status").asText()).isEqualTo("committed");

        JsonNode receipt = Http.get(api + "/txs/" + id + "/receipt").json();
        JsonNode info = Http.get(api + "/society").json();
        ReceiptCheck.Verified v = ReceiptCheck.verify(receipt,
                SignedNote.Verifier.parse(info.at("/sequencer/vkey").asText()), info.get("origin").asText());
        assertThat(v.txId().hex()).isEqualTo(id);
        assertThat(v.leafIndex()).isEqualTo(committed.get("leafIndex").asLong());
        assertThat(Jcs.canonicalize(receipt.get("entry"))).isEqualTo(envelope);
    }

    @Test
    void notWaitingAnswersPendingThenCommitted() throws Exception {
        Http.Response r = Http.post(api + "/txs?wait=false", Txs.notary(society, alice, "no wait"));
        assertThat(r.status()).isEqualTo(202);
        String id = r.json().get("txId").asText();
        for (int i = 0; i < 100 && !"committed".equals(Http.get(api + "/txs/" + id).json().path("status").asText()); i++) {
            Thread.sleep(50);
        }
        assertThat(Http.get(api + "/txs/" + id).json().get("status").asText()).isEqualTo("committed");
    }

    @Test
    void aBatchGetsOneResultPerTransaction() {
        ArrayNode batch = StrictJson.mapper().createArrayNode();
        for (int i = 0; i < 300; i++) {
            batch.add(Txs.notaryJson(society, alice, "batch " + i));
        }
        ObjectNode forged = Txs.notaryJson(society, alice, "forged");
        ((ObjectNode) forged.get("payload").get("body")).put("label", "changed after signing");
        batch.add(forged);
        batch.add(batch.get(0)); // the same transaction twice in one batch
        batch.add(StrictJson.mapper().createObjectNode().put("hello", "world"));
        long before = treeSize();

        Http.Response r = Http.post(api + "/txs/batch", bytes(batch));
        assertThat(r.status()).isEqualTo(200);
        JsonNode answer = r.json();
        assertThat(answer.get("committed").asInt()).isEqualTo(300);
        assertThat(answer.get("rejected").asInt()).isEqualTo(3);
        JsonNode results = answer.get("results");
        assertThat(results.get(300).get("code").asText()).isEqualTo("BAD_SIGNATURE");
        assertThat(results.get(301).get("code").asText()).isIn("TX_PENDING", "TX_REPLAYED");
        assertThat(results.get(302).get("code").asText()).isEqualTo("MALFORMED"); // too short to be an envelope
        // at least the 300 (a transaction another test left pending may commit in the same block), and not the forged one
        assertThat(treeSize()).isGreaterThanOrEqualTo(before + 300);
        String forgedId = Hash.sha256(Jcs.canonicalize(forged.get("payload"))).hex();
        assertThat(Http.get(api + "/txs/" + forgedId).json().path("status").asText()).isNotEqualTo("committed");
    }

    @Test
    void malformedJsonIsRefused() {
        assertProblem("/txs", "{\"payload\":".getBytes(), 400, "MALFORMED");
        assertProblem("/txs", "not json at all".getBytes(), 400, "MALFORMED");
        assertProblem("/txs", new byte[0], 400, "MALFORMED");
        assertProblem("/txs", "[1,2]".getBytes(), 400, "MALFORMED");
        assertProblem("/txs/batch", "{\"not\":\"an array\"}".getBytes(), 400, "MALFORMED");
        assertProblem("/txs/batch", "[".getBytes(), 400, "MALFORMED");
    }

    @Test
    void unknownTypesMissingAndUnknownFieldsAreRefused() {
        assertProblem("/txs", bytes(resigned(p -> p.put("type", "notary.forget"))), 400, "UNKNOWN_TYPE");
        assertProblem("/txs", bytes(resigned(p -> p.remove("nonce"))), 400, "MISSING_FIELD");
        assertProblem("/txs", bytes(resigned(p -> ((ObjectNode) p.get("body")).remove("digest"))), 400, "MISSING_FIELD");
        assertProblem("/txs", bytes(resigned(p -> p.put("admin", true))), 400, "UNKNOWN_FIELD");
        assertProblem("/txs", bytes(resigned(p -> p.put("expires", "tomorrow"))), 400, "MALFORMED");
    }

    @Test
    void aTransactionForAnotherSocietyIsVoidHere() {
        byte[] other = Txs.notary(Hash.sha256("another society".getBytes()), alice, "elsewhere");
        assertProblem("/txs", other, 422, "WRONG_SOCIETY");
    }

    @Test
    void badAndNonCanonicalSignaturesAreRefused() {
        ObjectNode tampered = Txs.notaryJson(society, alice, "tampered");
        ((ObjectNode) tampered.get("payload").get("body")).put("label", "something else");
        assertProblem("/txs", bytes(tampered), 400, "BAD_SIGNATURE");

        ObjectNode flipped = Txs.notaryJson(society, alice, "flipped");
        byte[] sig = Base64.getUrlDecoder().decode(flipped.get("signature").asText());
        sig[0] ^= 1;
        flipped.put("signature", Base64.getUrlEncoder().withoutPadding().encodeToString(sig));
        assertProblem("/txs", bytes(flipped), 400, "BAD_SIGNATURE");

        ObjectNode padded = Txs.notaryJson(society, alice, "padded");
        padded.put("signature", padded.get("signature").asText() + "==");
        assertProblem("/txs", bytes(padded), 400, "MALFORMED");

        ObjectNode loose = Txs.notaryJson(society, alice, "loose bits");
        String s = loose.get("signature").asText();
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        loose.put("signature", s.substring(0, 85) + alphabet.charAt(alphabet.indexOf(s.charAt(85)) | 3));
        assertProblem("/txs", bytes(loose), 400, "BAD_SIGNATURE");
    }

    @Test
    void aSmallOrderKeyIsRefused() {
        byte[] multicodec = new byte[34];
        multicodec[0] = (byte) 0xed;
        multicodec[1] = 0x01;
        multicodec[2] = 1; // the identity point
        String did = "did:key:z" + Base58.encode(multicodec);
        JsonNode p = assertProblem("/txs", bytes(resigned(x -> x.put("signer", did))), 400, "INVALID_KEY");
        assertThat(p.get("detail").asText()).contains("small order");
    }

    @Test
    void aReplayedTransactionIsRefused() {
        byte[] envelope = Txs.notary(society, alice, "replay me");
        String id = submit(envelope).get("txId").asText();
        JsonNode p = assertProblem("/txs", envelope, 409, "TX_REPLAYED");
        assertThat(p.get("detail").asText()).contains(id);
    }

    @Test
    void expiredAndTooDistantTransactionsAreRefused() {
        assertProblem("/txs", Txs.notary(society, alice, "late", System.currentTimeMillis() - 60_000), 422,
                "TX_EXPIRED");
        assertProblem("/txs", Txs.notary(society, alice, "early", System.currentTimeMillis() + 3 * 3600_000L), 422,
                "EXPIRY_TOO_FAR");
    }

    @Test
    void oversizedTransactionsAndBatchesAreRefused() {
        ObjectNode big = resigned(p -> ((ObjectNode) p.get("body")).put("text", "x".repeat(3999)));
        byte[] huge = new byte[40_000];
        java.util.Arrays.fill(huge, (byte) ' ');
        System.arraycopy(bytes(big), 0, huge, 0, bytes(big).length);
        assertProblem("/txs", huge, 413, "TOO_LARGE");

        ObjectNode tooLong = resigned(p -> ((ObjectNode) p.get("body")).put("text", "x".repeat(4001)));
        assertProblem("/txs", bytes(tooLong), 400, "MALFORMED");

        StringBuilder many = new StringBuilder("[");
        for (int i = 0; i <= ApiServer.MAX_BATCH_TXS; i++) {
            many.append(i == 0 ? "" : ",").append("{}");
        }
        assertProblem("/txs/batch", many.append("]").toString().getBytes(), 413, "BATCH_TOO_LARGE");

        byte[] enormous = new byte[(int) ApiServer.MAX_REQUEST_BYTES + 1024];
        java.util.Arrays.fill(enormous, (byte) ' ');
        enormous[0] = '[';
        enormous[enormous.length - 1] = ']';
        assertProblem("/txs/batch", enormous, 413, "BATCH_TOO_LARGE");
    }

    @Test
    void readsOfTheLogAgreeWithTheCheckpoint() {
        long size = treeSize();
        JsonNode entries = Http.get(api + "/entries?start=0&end=" + size).json();
        assertThat(entries.get("entries")).hasSize((int) size);
        org.phyle.crypto.MerkleAccumulator acc = new org.phyle.crypto.MerkleAccumulator();
        for (JsonNode e : entries.get("entries")) {
            acc.append(Merkle.leafHash(Jcs.canonicalize(e.get("entry"))));
        }
        JsonNode proof = Http.get(api + "/proofs/inclusion?leaf=3&treeSize=" + size).json();
        assertThat(proof.get("root").asText()).isEqualTo(acc.root().hex());
        List<Hash> path = new ArrayList<>();
        proof.get("proof").forEach(h -> path.add(Hash.fromHex(h.asText())));
        assertThat(Merkle.verifyInclusion(Hash.fromHex(proof.get("leafHash").asText()), 3, size, path, acc.root()))
                .isTrue();

        JsonNode consistency = Http.get(api + "/proofs/consistency?from=5&to=" + size).json();
        List<Hash> cpath = new ArrayList<>();
        consistency.get("proof").forEach(h -> cpath.add(Hash.fromHex(h.asText())));
        assertThat(Merkle.verifyConsistency(5, size, Hash.fromHex(consistency.get("fromRoot").asText()), acc.root(),
                cpath)).isTrue();

        JsonNode blocks = Http.get(api + "/blocks?limit=5").json().get("blocks");
        assertThat(blocks.get(0).get("treeSize").asLong()).isEqualTo(size);
        JsonNode block0 = Http.get(api + "/blocks/0").json();
        assertThat(block0.get("txIds")).hasSize(1);
        assertThat(block0.get("txIds").get(0).asText()).isEqualTo(society.hex());
    }

    @Test
    void badQueriesAndUnknownThingsAreProblemsToo() {
        assertGetProblem("/entries?start=abc", 400, "BAD_REQUEST");
        assertGetProblem("/entries?start=0&end=5000", 400, "BAD_REQUEST");
        assertGetProblem("/entries?start=99999999", 400, "BAD_REQUEST");
        assertGetProblem("/proofs/inclusion", 400, "BAD_REQUEST");
        assertGetProblem("/proofs/consistency?from=9999999", 400, "BAD_REQUEST");
        assertGetProblem("/blocks/99999", 404, "NOT_FOUND");
        assertGetProblem("/blocks/x", 400, "BAD_REQUEST");
        assertGetProblem("/txs/nothex", 400, "BAD_REQUEST");
        assertGetProblem("/txs/" + "0".repeat(64), 404, "NOT_FOUND");
        assertGetProblem("/txs/" + "0".repeat(64) + "/receipt", 404, "NOT_FOUND");
        assertGetProblem("/no/such/path", 404, "NOT_FOUND");
        assertGetProblem("/problems/NO_SUCH_CODE", 404, "NOT_FOUND");
    }

    @Test
    void theProblemCatalogueDescribesEveryCode() {
        JsonNode all = Http.get(api + "/problems").json().get("problems");
        Set<String> codes = new HashSet<>();
        all.forEach(p -> codes.add(p.get("code").asText()));
        assertThat(codes).contains("TX_REPLAYED", "BAD_SIGNATURE", "WRONG_SOCIETY", "MEMPOOL_FULL", "NOT_FOUND");
        JsonNode one = Http.get(api + "/problems/TX_REPLAYED").json();
        assertThat(one.get("status").asInt()).isEqualTo(409);
        assertThat(one.get("meaning").asText()).isNotBlank();
    }

    @Test
    void theNotaryAnswersWhenADigestWasRecorded() {
        JsonNode committed = submit(Txs.notary(society, alice, "notarized document"));
        Hash digest = Hash.sha256("notarized document".getBytes(StandardCharsets.UTF_8));
        JsonNode records = Http.get(api + "/notary/" + digest.hex()).json();
        assertThat(records.get("count").asInt()).isEqualTo(1);
        JsonNode r = records.get("records").get(0);
        assertThat(r.get("txId").asText()).isEqualTo(committed.get("txId").asText());
        assertThat(r.get("signer").asText()).isEqualTo(alice.did());
        assertThat(r.at("/body/label").asText()).isEqualTo("notarized document");
        assertThat(Http.get(api + "/notary/" + "1".repeat(64)).json().get("count").asInt()).isZero();
    }

    @Test
    void textOutsideAsciiComesBackAsWrittenInUtf8() {
        String label = "Ata da assembleia — São João, ü, 日本, 🌱";
        submit(Txs.notary(society, alice, label));
        Hash digest = Hash.sha256(label.getBytes(StandardCharsets.UTF_8));
        Http.Response r = Http.get(api + "/notary/" + digest.hex());
        assertThat(r.contentType()).startsWith("application/json");
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).contains(label);
        assertThat(r.json().at("/records/0/body/label").asText()).isEqualTo(label);
    }

    static void assertGetProblem(String path, int status, String code) {
        Http.Response r = Http.get(api + path);
        assertThat(r.status()).as(path + ": " + r.text()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("code").asText()).isEqualTo(code);
    }
}

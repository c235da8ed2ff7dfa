package org.phyle.node.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.phyle.core.Society;
import org.phyle.core.SocietyView;
import org.phyle.core.tx.TxBody;
import org.phyle.core.citizenship.CitizenshipTx;
import org.phyle.core.tx.TxSigner;
import org.phyle.core.tx.WriteQuota;
import org.phyle.crypto.Hash;
import org.phyle.crypto.Jcs;
import org.phyle.crypto.SigningKey;
import org.phyle.crypto.StrictJson;
import org.phyle.node.KeyFile;
import org.phyle.node.TestNodes;
import org.phyle.node.Txs;

/**
 * Write quotas by standing, with the charter's default figures, and the admission budget of refused writes per
 * address: each refusal is 429 problem+json with Retry-After and the quota, and the log does not grow.
 */
class QuotaTest {
    static TestNodes.Running running;
    static String api;
    static Hash society;
    static SigningKey founder;
    static long guestQuota;
    static long citizenQuota;

    @BeforeAll
    static void start() {
        running = TestNodes.small();
        api = running.url() + "/api/v1";
        society = running.node.read(SocietyView::id);
        founder = KeyFile.read(running.dir.resolve("keys/founder.key"));
        guestQuota = running.node.read(s -> s.parameters().get(WriteQuota.GUEST));
        citizenQuota = running.node.read(s -> s.parameters().get(WriteQuota.CITIZEN));
    }

    @AfterAll
    static void stop() {
        running.close();
    }

    static String batch(SigningKey key, int n, String label) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < n; i++) {
            b.append(i == 0 ? "" : ",").append(Txs.notaryJson(society, key, label + " " + i));
        }
        return b.append("]").toString();
    }

    static long treeSize() {
        return running.node.head().treeSize();
    }

    @Test
    void aKeyThatIsNotACitizenHasTheGuestQuotaThen429WithRetryAfterAndTheQuota() {
        SigningKey guest = SigningKey.generate();
        long before = treeSize();
        RawHttp.Answer a = RawHttp.postJson(running.server.port(), null, "/api/v1/txs/batch",
                batch(guest, (int) guestQuota + 2, "guest").getBytes(StandardCharsets.UTF_8));
        assertThat(a.status()).isEqualTo(200);
        assertThat(Long.parseLong(a.header("Retry-After"))).isBetween(1L, 3600L);
        JsonNode answer = StrictJson.parse(a.body().getBytes(StandardCharsets.UTF_8));
        assertThat(answer.get("committed").asLong()).isEqualTo(guestQuota);
        JsonNode refused = answer.get("results").get((int) guestQuota);
        assertThat(refused.get("code").asText()).isEqualTo("QUOTA_EXCEEDED");
        assertThat(refused.get("httpStatus").asInt()).isEqualTo(429);
        assertThat(refused.at("/quota/limit").asLong()).isEqualTo(guestQuota);
        assertThat(refused.at("/quota/standing").asText()).isEqualTo("guest");
        assertThat(treeSize()).isEqualTo(before + guestQuota);

        RawHttp.Answer single = RawHttp.postJson(running.server.port(), null, "/api/v1/txs",
                Txs.notary(society, guest, "one more"));
        ErrorsTest.assertProblem(single, 429, "QUOTA_EXCEEDED");
        assertThat(single.header("Retry-After")).isNotNull();
        JsonNode p = StrictJson.parse(single.body().getBytes(StandardCharsets.UTF_8));
        assertThat(p.at("/quota/periodSeconds").asLong()).isEqualTo(3600);
        assertThat(p.get("detail").asText()).contains("quota of " + guestQuota);
        assertThat(treeSize()).isEqualTo(before + guestQuota);
    }

    @Test
    void theFoundersWritesAreNeverLimited() {
        JsonNode answer = Http.post(api + "/txs/batch", batch(founder, (int) guestQuota * 3, "founder")).json();
        assertThat(answer.get("committed").asLong()).isEqualTo(guestQuota * 3);
    }

    @Test
    void aCitizenInGoodStandingHasTheCitizensQuota() {
        SigningKey person = SigningKey.generate();
        Hash applied = ok(person, new CitizenshipTx.Apply("Quota Person", CitizenshipTx.Seeking.CITIZEN,
                running.node.read(SocietyView::charterHash), Optional.empty()));
        ok(founder, new CitizenshipTx.Admit(applied));
        // the application counted against this key already
        int n = (int) citizenQuota + 1;
        JsonNode answer = Http.post(api + "/txs/batch", batch(person, n, "citizen")).json();
        assertThat(answer.get("committed").asLong()).isEqualTo(citizenQuota - 1);
        JsonNode last = answer.get("results").get(n - 1);
        assertThat(last.get("code").asText()).isEqualTo("QUOTA_EXCEEDED");
        assertThat(last.at("/quota/standing").asText()).isEqualTo("citizen");
        assertThat(last.at("/quota/limit").asLong()).isEqualTo(citizenQuota);
    }

    @Test
    void freshKeysCannotAddUpToAFlood() {
        long all = running.node.read(s -> s.parameters().get(WriteQuota.ALL_GUESTS));
        int keys = (int) (all / guestQuota) + 2;
        long committed = 0;
        List<String> codes = new ArrayList<>();
        for (int k = 0; k < keys; k++) {
            JsonNode answer = Http.post(api + "/txs/batch?wait=false", batch(SigningKey.generate(), (int) guestQuota,
                    "fresh " + k)).json();
            for (JsonNode r : answer.get("results")) {
                if (r.has("code")) {
                    codes.add(r.get("code").asText());
                    assertThat(r.at("/quota/scope").asText()).contains("together");
                } else {
                    committed++;
                }
            }
        }
        // the other tests' guests share the period's total; fresh keys never get past it
        assertThat(committed).isLessThanOrEqualTo(all);
        assertThat(codes).isNotEmpty().containsOnly("QUOTA_EXCEEDED");
    }

    @Test
    void anAddressThatSpentItsBudgetOfRefusalsIsAnswered429BeforeItsBodyIsReadAndOthersAreNot() {
        try (ApiServer strict = new ApiServer(running.node).admissionBudget(1000, 1000, 5, 0.01).start("127.0.0.1", 0)) {
            int port = strict.port();
            byte[] bad = "{\"payload\":{}}".getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 5; i++) {
                assertThat(RawHttp.postJson(port, "127.0.0.3", "/api/v1/txs", bad).status()).isEqualTo(400);
            }
            long before = treeSize();
            RawHttp.Answer limited = RawHttp.postJson(port, "127.0.0.3", "/api/v1/txs",
                    Txs.notary(society, founder, "from a flooding address"));
            ErrorsTest.assertProblem(limited, 429, "ADMISSION_LIMITED");
            assertThat(Long.parseLong(limited.header("Retry-After"))).isPositive();
            assertThat(treeSize()).isEqualTo(before);
            // another address is not held back by the first one's refusals
            RawHttp.Answer other = RawHttp.postJson(port, "127.0.0.4", "/api/v1/txs",
                    Txs.notary(society, founder, "from a quiet address"));
            assertThat(other.status()).as(other.body()).isEqualTo(200);
        }
    }

    static Hash ok(SigningKey key, TxBody body) {
        byte[] envelope = Jcs.canonicalize(TxSigner.sign(society, key, body, org.phyle.node.client.Nonces.random(),
                System.currentTimeMillis() + 600_000));
        Http.Response r = Http.post(api + "/txs", envelope);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return Hash.fromHex(r.json().get("txId").asText());
    }
}

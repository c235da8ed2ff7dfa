package org.phyle.node.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.phyle.core.Society;
import org.phyle.core.SocietyView;
import org.phyle.core.citizenship.CitizenshipTx;
import org.phyle.core.citizenship.KeyProof;
import org.phyle.core.tx.TxBody;
import org.phyle.core.tx.TxSigner;
import org.phyle.crypto.Hash;
import org.phyle.crypto.Jcs;
import org.phyle.crypto.SigningKey;
import org.phyle.node.TestNodes;
import org.phyle.node.demo.DemoSociety;

/** Citizenship through the real API of the demo society: the registry's reads, and every refusal the issue names. */
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class CitizenshipApiTest {
    static TestNodes.Running running;
    static String api;
    static Hash society;
    static Hash charter;
    static Map<String, SigningKey> keys;
    static int nonce;

    @BeforeAll
    static void start() {
        running = TestNodes.demo();
        api = running.url() + "/api/v1";
        society = running.node.read(SocietyView::id);
        charter = running.node.read(SocietyView::charterHash);
        keys = DemoSociety.keys(running.dir);
    }

    @AfterAll
    static void stop() {
        running.close();
    }

    static byte[] envelope(SigningKey key, TxBody body) {
        return Jcs.canonicalize(TxSigner.sign(society, key, body, "api" + nonce++, running.clock().millis() + 600_000));
    }

    static JsonNode ok(SigningKey key, TxBody body) {
        Http.Response r = Http.post(api + "/txs", envelope(key, body));
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.json();
    }

    static void refused(SigningKey key, TxBody body, int status, String code) {
        Problems.assertProblem(running, "/txs", envelope(key, body), status, code);
    }

    static JsonNode person(String ref) {
        return Http.get(api + "/citizens/" + ref).json();
    }

    /** A demo citizen (not the founder) with at least this many vouches left in this period, the n-th such. */
    static SigningKey citizenWithVouches(int left, int n) {
        int found = 0;
        for (var e : keys.entrySet()) {
            Http.Response r = Http.get(api + "/citizens/" + e.getValue().did());
            if (r.status() == 200 && r.json().get("status").asText().equals("citizen")
                    && r.json().get("number").asLong() > 0 && r.json().get("vouchesLeft").asInt() >= left
                    && found++ == n) {
                return e.getValue();
            }
        }
        throw new IllegalStateException("no citizen with " + left + " vouches left");
    }

    /** The n-th demo citizen (not the founder) in good standing. */
    static SigningKey citizen(int n) {
        return citizenWithVouches(0, n);
    }

    @Test
    void theSocietyCountsItsPeople() {
        JsonNode counts = Http.get(api + "/society").json().get("citizens");
        assertThat(counts.get("citizen").asLong()).isGreaterThanOrEqualTo(300);
        assertThat(counts.get("e-resident").asLong()).isEqualTo(DemoSociety.E_RESIDENTS);
        assertThat(counts.get("host-resident").asLong()).isEqualTo(DemoSociety.HOST_RESIDENTS);
        assertThat(counts.get("revoked").asLong()).isEqualTo(1);
        assertThat(counts.get("renounced").asLong()).isEqualTo(1);
        assertThat(Http.get(api + "/society").json().at("/stage/id").asText()).isEqualTo("community");
    }

    @Test
    void theRegistryIsPagedAndEveryPersonIsListedOnce() {
        Set<Long> seen = new HashSet<>();
        long after = -1;
        int pages = 0;
        while (true) {
            JsonNode page = Http.get(api + "/citizens?limit=100&after=" + after).json();
            for (JsonNode p : page.get("people")) {
                assertThat(seen.add(p.get("number").asLong())).isTrue();
            }
            pages++;
            if (page.get("next").isNull()) {
                break;
            }
            after = page.get("next").asLong();
        }
        long total = 0;
        JsonNode counts = Http.get(api + "/society").json().get("citizens");
        for (var it = counts.fields(); it.hasNext(); ) {
            total += it.next().getValue().asLong();
        }
        assertThat(seen).hasSize((int) total);
        assertThat(pages).isGreaterThan(4);

        JsonNode hosts = Http.get(api + "/citizens?status=host-resident&limit=200").json();
        assertThat(hosts.get("people")).hasSize(DemoSociety.HOST_RESIDENTS);
        hosts.get("people").forEach(p -> assertThat(p.get("status").asText()).isEqualTo("host-resident"));
        JsonNode search = Http.get(api + "/citizens?q=segunda").json();
        assertThat(search.get("people")).hasSize(1);
        assertThat(search.get("people").get(0).get("status").asText()).isEqualTo("revoked");
        assertThat(Http.get(api + "/citizens?status=nobody").status()).isEqualTo(400);
    }

    @Test
    void aPersonIsFoundByNumberIdOrKeyWithTheirHistory() {
        JsonNode founder = person("0");
        assertThat(founder.get("name").asText()).isEqualTo(DemoSociety.FOUNDER_NAME);
        assertThat(founder.get("admittedBy").asText()).isEqualTo("genesis");
        assertThat(person(founder.get("id").asText()).get("number").asLong()).isZero();
        assertThat(person(founder.get("did").asText()).get("number").asLong()).isZero();
        JsonNode history = Http.get(api + "/citizens/0/history?limit=200").json();
        assertThat(history.get("count").asLong()).isGreaterThan(10);
        JsonNode first = history.get("next").isNull() ? history
                : Http.get(api + "/citizens/0/history?limit=1&before=1").json();
        JsonNode genesis = first.get("entries").get(first.get("entries").size() - 1);
        assertThat(genesis.get("leaf").asLong()).isZero(); // genesis is the oldest entry
        assertThat(genesis.get("type").asText()).isEqualTo("society.genesis");
        assertThat(Http.get(api + "/citizens/not-a-ref").status()).isEqualTo(400);
        assertThat(Http.get(api + "/citizens/999999").status()).isEqualTo(404);
    }

    @Test
    void theDemoShowsAChallengeOfEachOutcomeARecoveryAndAnExit() {
        JsonNode challenges = Http.get(api + "/challenges").json().get("challenges");
        assertThat(challenges).hasSize(2);
        Set<String> outcomes = new HashSet<>();
        challenges.forEach(c -> outcomes.add(c.get("outcome").asText()));
        assertThat(outcomes).containsExactlyInAnyOrder("revoked", "dismissed");
        for (JsonNode c : challenges) {
            long notVoting = 0;
            for (JsonNode j : c.get("jury")) {
                if ("did not vote".equals(j.get("vote").asText())) {
                    notVoting++;
                }
            }
            assertThat(notVoting).as("jurors who did not vote are recorded").isPositive();
        }
        JsonNode revoked = challenges.get(0).get("outcome").asText().equals("revoked") ? challenges.get(0) : challenges.get(1);
        JsonNode duplicate = person(revoked.at("/person/id").asText());
        assertThat(duplicate.get("status").asText()).isEqualTo("revoked");
        for (JsonNode voucher : duplicate.get("vouchedBy")) {
            assertThat(person(voucher.get("id").asText()).has("vouchBanUntil")).isTrue();
        }
        JsonNode renounced = Http.get(api + "/citizens?status=renounced").json().get("people").get(0);
        assertThat(renounced.get("status").asText()).isEqualTo("renounced");
        boolean someoneRecovered = false;
        for (JsonNode p : Http.get(api + "/citizens?status=citizen&limit=200").json().get("people")) {
            if (person(p.get("id").asText()).get("formerKeys").size() > 0) {
                someoneRecovered = true;
            }
        }
        assertThat(someoneRecovered).isTrue();
    }

    @Test
    void membersOverTimeForTheChart() {
        JsonNode t = Http.get(api + "/citizens/timeline?points=10").json();
        JsonNode points = t.get("points");
        assertThat(points).hasSize(10);
        assertThat(points.get(0).get("members").asLong()).isEqualTo(1); // the founder, at genesis
        assertThat(points.get(9).get("members").asLong()).isGreaterThanOrEqualTo(300);
        assertThat(points.get(9).get("time").asLong()).isGreaterThan(points.get(0).get("time").asLong());
        assertThat(t.get("citizensNow").asLong()).isGreaterThanOrEqualTo(300);
        assertThat(Http.get(api + "/citizens/timeline?points=1").status()).isEqualTo(400);
        assertThat(person("0").get("admittedAt").asLong()).isEqualTo(points.get(0).get("time").asLong());
    }

    @Test
    void aNewcomerAppliesAndIsVouchedInByThreeCitizens() {
        SigningKey newcomer = SigningKey.generate();
        JsonNode applied = ok(newcomer, new CitizenshipTx.Apply("Newcomer", CitizenshipTx.Seeking.CITIZEN, charter,
                Optional.empty()));
        Hash id = Hash.fromHex(applied.get("txId").asText());
        assertThat(person(id.hex()).get("status").asText()).isEqualTo("applicant");
        for (int i = 0; i < 3; i++) {
            ok(citizenWithVouches(1, i), new CitizenshipTx.Vouch(id));
        }
        JsonNode p = person(newcomer.did());
        assertThat(p.get("status").asText()).isEqualTo("citizen");
        assertThat(p.get("vouchedBy")).hasSize(3);
        assertThat(p.get("consentsToCharterInForce").asBoolean()).isTrue();
    }

    @Test
    void everyBadCitizenshipInputIsRefusedClearly() {
        SigningKey a = SigningKey.generate();
        Hash applicant = Hash.fromHex(ok(a, new CitizenshipTx.Apply("Applicant", CitizenshipTx.Seeking.CITIZEN,
                charter, Optional.empty())).get("txId").asText());
        SigningKey voucher = citizenWithVouches(1, 5);
        refused(a, new CitizenshipTx.Vouch(applicant), 422, "SELF_VOUCH");
        ok(voucher, new CitizenshipTx.Vouch(applicant));
        refused(voucher, new CitizenshipTx.Vouch(applicant), 409, "ALREADY_VOUCHED");
        refused(SigningKey.generate(), new CitizenshipTx.Vouch(applicant), 422, "NOT_REGISTERED");
        SigningKey eResident = keys.entrySet().stream().skip(1 + 300).findFirst().orElseThrow().getValue();
        refused(eResident, new CitizenshipTx.Vouch(applicant), 422, "NOT_A_CITIZEN");
        refused(a, new CitizenshipTx.Apply("Again", CitizenshipTx.Seeking.CITIZEN, charter, Optional.empty()), 409,
                "ALREADY_REGISTERED");
        refused(SigningKey.generate(), new CitizenshipTx.Apply("Stale", CitizenshipTx.Seeking.CITIZEN,
                Hash.sha256("an old charter".getBytes()), Optional.empty()), 422, "CHARTER_MISMATCH");

        // a citizen who has used the period's vouches: a new one, vouched in, then vouching five times
        SigningKey busy = SigningKey.generate();
        Hash busyId = Hash.fromHex(ok(busy, new CitizenshipTx.Apply("Busy", CitizenshipTx.Seeking.CITIZEN, charter,
                Optional.empty())).get("txId").asText());
        for (int i = 0; i < 3; i++) {
            ok(citizenWithVouches(1, 10 + i), new CitizenshipTx.Vouch(busyId));
        }
        for (int i = 0; i < 5; i++) {
            SigningKey k = SigningKey.generate();
            Hash id = Hash.fromHex(ok(k, new CitizenshipTx.Apply("Q" + i, CitizenshipTx.Seeking.CITIZEN, charter,
                    Optional.empty())).get("txId").asText());
            ok(busy, new CitizenshipTx.Vouch(id));
        }
        refused(busy, new CitizenshipTx.Vouch(applicant), 422, "VOUCH_QUOTA");

        // transfer does not exist
        ObjectNode payload = TxSigner.payload(society, voucher, new CitizenshipTx.Renounce(), "t" + nonce++,
                System.currentTimeMillis() + 600_000);
        payload.put("type", "citizenship.transfer");
        ((ObjectNode) payload.get("body")).put("to", a.did());
        Problems.assertProblem(running, "/txs", Jcs.canonicalize(TxSigner.sign(payload, voucher)), 422,
                "NOT_TRANSFERABLE");

        // the founder's direct admission ended with the founding stage
        refused(keys.get(DemoSociety.FOUNDER_NAME), new CitizenshipTx.Admit(applicant), 422, "FOUNDER_POWER_ENDED");
    }

    @Test
    void retiredKeysActForNobody() {
        JsonNode renounced = Http.get(api + "/citizens?status=renounced").json().get("people").get(0);
        SigningKey leaver = keys.get(renounced.get("name").asText());
        refused(leaver, new CitizenshipTx.Renew(charter), 422, "KEY_RETIRED");
        JsonNode revoked = Http.get(api + "/citizens?status=revoked").json().get("people").get(0);
        SigningKey fake = keys.get(revoked.get("name").asText());
        refused(fake, new CitizenshipTx.Renounce(), 422, "KEY_RETIRED");
    }

    @Test
    void jurorsVoteOnceAndOnlyWhileOpen() {
        JsonNode decided = Http.get(api + "/challenges").json().get("challenges").get(0);
        Hash id = Hash.fromHex(decided.get("id").asText());
        JsonNode voter = null;
        for (JsonNode j : decided.get("jury")) {
            if (!"did not vote".equals(j.get("vote").asText())) {
                voter = j;
            }
        }
        SigningKey juror = keys.get(voter.get("name").asText());
        refused(juror, new CitizenshipTx.JuryVote(id, CitizenshipTx.Verdict.DISMISS), 409, "ALREADY_VOTED");
        // a juror who did not vote, still holding a key that acts (a juror who left since would be KEY_RETIRED first)
        SigningKey silent = null;
        for (JsonNode j : decided.get("jury")) {
            SigningKey k = keys.get(j.get("name").asText());
            if ("did not vote".equals(j.get("vote").asText()) && k != null && keyActs(k)) {
                silent = k;
            }
        }
        assertThat(silent).as("a silent juror whose key still acts").isNotNull();
        refused(silent, new CitizenshipTx.JuryVote(id, CitizenshipTx.Verdict.DISMISS), 422, "VOTING_CLOSED");
    }

    /** Whether a key is its person's current key and the person has neither renounced nor been revoked. */
    static boolean keyActs(SigningKey key) {
        Http.Response r = Http.get(api + "/citizens/" + key.did());
        if (r.status() != 200) {
            return false;
        }
        JsonNode p = r.json();
        return p.get("did").asText().equals(key.did())
                && !java.util.Set.of("renounced", "revoked").contains(p.get("status").asText());
    }

    /** Last: it steps the node's clock past the recovery delay. */
    @Test
    @org.junit.jupiter.api.Order(Integer.MAX_VALUE)
    void aRecoveryNeedsItsGuardiansAndItsDelay() {
        SigningKey ward = citizen(250);
        SigningKey g1 = citizen(251);
        SigningKey g2 = citizen(252);
        SigningKey notGuardian = citizen(253);
        JsonNode wardPerson = person(ward.did());
        Hash wardId = Hash.fromHex(wardPerson.get("id").asText());
        ok(ward, new CitizenshipTx.SetGuardians(List.of(Hash.fromHex(person(g1.did()).get("id").asText()),
                Hash.fromHex(person(g2.did()).get("id").asText())), 2));
        SigningKey fresh = SigningKey.generate();
        byte[] proof = fresh.sign(KeyProof.message(society, wardId));
        ok(g1, new CitizenshipTx.Recover(wardId, fresh.verifyingKey(), proof));
        refused(fresh, new CitizenshipTx.CompleteRecovery(wardId), 422, "RECOVERY_DELAY");
        running.clock().step(java.time.Duration.ofDays(7).plusHours(1)); // the demo keeps the default 7-day delay
        refused(fresh, new CitizenshipTx.CompleteRecovery(wardId), 422, "TOO_FEW_GUARDIANS");
        refused(notGuardian, new CitizenshipTx.Recover(wardId, fresh.verifyingKey(), proof), 422, "NOT_A_GUARDIAN");
        ok(g2, new CitizenshipTx.Recover(wardId, fresh.verifyingKey(), proof));
        ok(fresh, new CitizenshipTx.CompleteRecovery(wardId));
        assertThat(person(fresh.did()).get("id").asText()).isEqualTo(wardId.hex());
        refused(ward, new CitizenshipTx.Renew(charter), 422, "KEY_RETIRED");
    }
}

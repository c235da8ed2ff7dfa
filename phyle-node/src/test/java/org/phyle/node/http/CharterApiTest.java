package org.phyle.node.http;

import org.phyle.core.charter.Amendments;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.phyle.core.Society;
import org.phyle.core.SocietyView;
import org.phyle.core.canon.CanonTx;
import org.phyle.core.authority.CharterTx;
import org.phyle.core.citizenship.Person;
import org.phyle.core.citizenship.Status;
import org.phyle.core.governance.Ballot;
import org.phyle.core.governance.GovernanceTx;
import org.phyle.core.proposals.Method;
import org.phyle.core.proposals.Threshold;
import org.phyle.core.tx.TxBody;
import org.phyle.core.tx.TxSigner;
import org.phyle.crypto.Hash;
import org.phyle.crypto.Jcs;
import org.phyle.crypto.SigningKey;
import org.phyle.crypto.StrictJson;
import org.phyle.node.TestNodes;
import org.phyle.node.demo.DemoSociety;

/**
 * The charter through the real API of the demo society (in its Community stage): the handover and the canon as the
 * demo wrote them, the founder's remaining powers used and refused, and the founder's retirement (last).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CharterApiTest {
    static TestNodes.Running running;
    static String api;
    static Hash society;
    static SigningKey founder;
    static List<SigningKey> citizens = new ArrayList<>();
    static SigningKey eResident;
    static int nonce;

    @BeforeAll
    static void start() {
        running = TestNodes.demo();
        api = running.url() + "/api/v1";
        society = running.node.read(SocietyView::id);
        Map<String, SigningKey> keys = DemoSociety.keys(running.dir);
        founder = keys.get(DemoSociety.FOUNDER_NAME);
        for (SigningKey k : keys.values()) {
            Optional<Person> p = running.node.read(s -> s.registry().byCurrentKey(k.verifyingKey()));
            if (p.isPresent() && p.get().number() > 0 && running.node.read(s -> p.get().activeCitizen(s.time()))
                    && running.node.read(s -> s.governance().delegatorsOf(p.get().number()).isEmpty())) {
                citizens.add(k);
            } else if (p.isPresent() && p.get().status() == Status.E_RESIDENT && eResident == null) {
                eResident = k;
            }
        }
    }

    @AfterAll
    static void stop() {
        running.close();
    }

    static byte[] envelope(SigningKey key, TxBody body) {
        return Jcs.canonicalize(TxSigner.sign(society, key, body, "ch" + nonce++, running.clock().millis() + 600_000));
    }

    static Hash ok(SigningKey key, TxBody body) {
        Http.Response r = Http.post(api + "/txs", envelope(key, body));
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return Hash.fromHex(r.json().get("txId").asText());
    }

    static void refused(SigningKey key, TxBody body, int status, String code) {
        Problems.assertProblem(running, "/txs", envelope(key, body), status, code);
    }

    static JsonNode get(String path) {
        Http.Response r = Http.get(api + path);
        assertThat(r.status()).as(path + ": " + r.text()).isEqualTo(200);
        return r.json();
    }

    static void step(Duration d) {
        running.clock().step(d);
        long target = running.clock().millis();
        long deadline = System.currentTimeMillis() + 10_000;
        while (running.node.read(SocietyView::nextDue) <= target && System.currentTimeMillis() < deadline) {
            Thread.onSpinWait();
        }
    }

    @Test
    @Order(1)
    void theCharterShowsItsStagesPowersVersionsAndOffices() {
        JsonNode c = get("/charter");
        JsonNode h = c.get("handover");
        assertThat(h.at("/stage/id").asText()).isEqualTo("community");
        assertThat(h.get("stages")).hasSize(5);
        assertThat(h.at("/stages/1/began/cause").asText()).contains("citizens in good standing");
        assertThat(h.at("/stages/2/began").isMissingNode()).isTrue();
        List<String> powers = new ArrayList<>();
        h.at("/founder/powers").forEach(p -> powers.add(p.get("power").asText()));
        assertThat(powers).containsExactly("propose_without_sponsors", "veto");
        assertThat(h.at("/next/id").asText()).isEqualTo("republic");
        assertThat(h.at("/next/citizensNeeded").asLong()).isEqualTo(1000 - h.get("citizensNow").asLong());
        assertThat(h.at("/next/founderLoses/0").asText()).contains("without co-sponsors");

        assertThat(c.at("/document/articles/membership").asText()).startsWith("Anyone who shares our purpose");
        assertThat(c.at("/document/entrenched/0").asText()).isEqualTo("article:membership");
        assertThat(c.get("versions").size()).isEqualTo(c.get("version").asInt());
        assertThat(c.at("/versions/1/summary").asText()).isEqualTo("article:membership");
        assertThat(c.at("/offices/stewards")).hasSize(2);
        assertThat(c.at("/offices/events/0/authority").asText()).isEqualTo("the founder");
        assertThat(get("/society").at("/stage/name").asText()).isEqualTo("Community");
    }

    @Test
    @Order(2)
    void theCanonShowsTheAdoptedArticleAndItsAuthorsRecognition() {
        JsonNode canon = get("/canon");
        assertThat(canon.get("count").asInt()).as("an essay, the article, a visitor's essay").isEqualTo(3);
        assertThat(canon.get("endorsementsRequired").asInt()).isEqualTo(10);
        assertThat(canon.get("attestations")).hasSize(1);
        JsonNode article = get("/canon/" + running.seeded.canonArticle().hex());
        assertThat(article.get("kind").asText()).isEqualTo("article");
        assertThat(article.get("proposalState").asText()).isEqualTo("executed");
        assertThat(article.get("endorsers")).hasSize(10);
        assertThat(article.at("/attestation/target").asText()).isEqualTo("article:care");
        assertThat(get("/charter").at("/document/articles/care").asText()).startsWith("Citizens look after");
        JsonNode essays = get("/canon?kind=essay").get("texts");
        assertThat(essays).hasSize(2);
        assertThat(essays.get(0).get("standing").asText()).as("the demo's visitor").isEqualTo("outsider");
        assertThat(essays.get(0).get("author").isNull()).isTrue();
        assertThat(essays.get(1).get("standing").asText()).isEqualTo("citizen");

        Http.Response bad = Http.get(api + "/canon?kind=poems");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(Http.get(api + "/canon/" + Hash.sha256(new byte[] {3}).hex()).status()).isEqualTo(404);
        assertThat(Http.get(api + "/canon/xyz").status()).isEqualTo(400);
    }

    @Test
    @Order(3)
    void anyonePublishesEssaysButOnlyCitizensProposeArticlesAndEndorse() {
        Hash essay = ok(citizens.get(10), new CanonTx.Publish(CanonTx.Kind.ESSAY, "Small is beautiful",
                "Stay small enough to know each other.", Optional.empty()));
        ok(citizens.get(11), new CanonTx.Endorse(essay));
        refused(citizens.get(11), new CanonTx.Endorse(essay), 409, "ALREADY_ENDORSED");
        refused(citizens.get(10), new CanonTx.Endorse(essay), 422, "OWN_TEXT");
        refused(eResident, new CanonTx.Endorse(essay), 422, "NOT_A_CITIZEN");
        SigningKey stranger = SigningKey.generate();
        Hash theirs = ok(stranger, new CanonTx.Publish(CanonTx.Kind.ESSAY, "From afar", "Keep it simple.",
                Optional.empty()));
        assertThat(get("/canon/" + theirs.hex()).get("standing").asText()).isEqualTo("outsider");
        ok(stranger, new CanonTx.Publish(CanonTx.Kind.ESSAY, "From afar, again", "Still simple.", Optional.empty()));
        refused(stranger, new CanonTx.Publish(CanonTx.Kind.ESSAY, "Spam", "Buy now.", Optional.empty()), 422,
                "TEXT_QUOTA");
        refused(stranger, new CanonTx.Publish(CanonTx.Kind.ARTICLE, "Mine", "Rules.", Optional.of("article:mine")),
                422, "NOT_REGISTERED");
        assertThat(get("/canon/" + essay.hex()).get("endorsements").asInt()).isEqualTo(1);
    }

    @Test
    @Order(4)
    void theFoundersPowersEndedWithTheFoundingStageAndTheScheduleCannotSlip() {
        SigningKey applicant = SigningKey.generate();
        Hash applied = ok(applicant, new org.phyle.core.citizenship.CitizenshipTx.Apply("Late", org.phyle.core
                .citizenship.CitizenshipTx.Seeking.CITIZEN, running.node.read(SocietyView::charterHash), Optional.empty()));
        refused(founder, new org.phyle.core.citizenship.CitizenshipTx.Admit(applied), 422, "FOUNDER_POWER_ENDED");
        refused(founder, new CharterTx.Amend("parameter", new Amendments.ParameterChange(Map.of("governance.quorumBp",
                "3000"))), 422, "FOUNDER_POWER_ENDED");
        refused(citizens.get(0), new CharterTx.Retire(), 422, "NOT_FOUNDER");
        refused(citizens.get(0), proposal("charter.republicAt", "2000", "6667bp"), 422, "DELAYS_HANDOVER");
        refused(citizens.get(0), proposal("charter.republicAt", "500", "majority"), 400, "INVALID_PROPOSAL");
        refused(citizens.get(0), new GovernanceTx.Propose("Council", "", "council", "council",
                new org.phyle.core.authority.CharterActions.CouncilElection(List.of(society, society)), Method.APPROVAL,
                List.of("a", "b"), 1, 2, false, Threshold.named("majority"), Optional.empty()), 400, "MALFORMED");
    }

    static GovernanceTx.Propose proposal(String name, String value, String threshold) {
        return new GovernanceTx.Propose("Set " + name, "", "charter", "parameter",
                new Amendments.ParameterChange(Map.of(name, value)), Method.YES_NO, List.of(), 1, 0, false,
                Threshold.named(threshold), Optional.of(24));
    }

    @Test
    @Order(5)
    void theFounderVetoesAPassedChangeOnceItsFastTrackNeedsNoSponsors() {
        Hash id = ok(founder, proposal("governance.timelockHours", "72", "majority"));
        assertThat(get("/proposals/" + id.hex()).get("state").asText()).as("no co-sponsors needed").isEqualTo("sponsored");
        step(Duration.ofHours(25));
        ArrayNode batch = StrictJson.mapper().createArrayNode();
        for (SigningKey k : citizens.subList(0, 90)) {
            batch.add(StrictJson.parse(envelope(k, new GovernanceTx.Vote(id, new Ballot.YesNo(Ballot.YesNo.Choice.YES)))));
        }
        Http.Response r = Http.post(api + "/txs/batch", Jcs.canonicalize(batch));
        assertThat(r.json().get("committed").asInt()).as(r.text()).isEqualTo(90);
        step(Duration.ofHours(24));
        JsonNode passed = get("/proposals/" + id.hex());
        assertThat(passed.get("state").asText()).isEqualTo("passed");
        long executable = passed.at("/timeline/executable").asLong();

        ok(founder, new CharterTx.Veto(id));
        JsonNode vetoed = get("/proposals/" + id.hex());
        assertThat(vetoed.at("/timeline/executable").asLong()).isEqualTo(executable + 24 * 3_600_000L);
        assertThat(vetoed.at("/timeline/vetoed").asLong()).isPositive();
        refused(founder, new CharterTx.Veto(id), 422, "NOT_VETOABLE");
        step(Duration.ofHours(48 + 25));
        assertThat(get("/proposals/" + id.hex()).get("state").asText()).isEqualTo("executed");
    }

    @Test
    @Order(100)
    void theFounderRetiresForGood() {
        ok(founder, new CharterTx.Retire());
        JsonNode h = get("/charter").get("handover");
        assertThat(h.at("/founder/retired").asBoolean()).isTrue();
        assertThat(h.at("/founder/powers")).isEmpty();
        refused(founder, new CharterTx.Retire(), 409, "ALREADY_RETIRED");
        Hash id = ok(founder, GovernanceTx.Propose.signal("Now like anyone", ""));
        assertThat(get("/proposals/" + id.hex()).get("state").asText()).isEqualTo("draft");
        assertThat(get("/society").at("/stage/founderRetired").asBoolean()).isTrue();
    }
}

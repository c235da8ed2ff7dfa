package org.phyle.node.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.phyle.core.SocietyView;
import org.phyle.core.land.BuildingTax;
import org.phyle.core.land.LandTx;
import org.phyle.core.tx.TxBody;
import org.phyle.crypto.Hash;
import org.phyle.crypto.SigningKey;
import org.phyle.crypto.ring.RingKeyPair;
import org.phyle.node.TestNodes;
import org.phyle.node.demo.DemoLand;
import org.phyle.node.demo.DemoSociety;
import org.phyle.node.land.OpinionKeyFile;
import org.phyle.node.land.Opinions;

/**
 * The buildings' API through real HTTP on a demo node of its own: the workshop in Lisbon whose six neighbours spoke
 * (N = 6, A = 3, D = 2: 5% × 5/12) with its ring, its opinions by linking tag and its history, the house in Kilimani
 * with no ring (2.5%), the ring the core would accept, opinion keys, and 400 and 404 for bad and unknown ids; the bad
 * opinions and rings through {@code POST /txs} (from outside the ring, a signature replayed for another building, a
 * stale sequence, a ring missing a neighbour), each refused with its code and nothing changed; and last, a whole flow
 * in Kilimani across an epoch (this test steps its own node's clock): neighbours register keys, the next epoch's ring
 * is recorded from what the node proposes, they speak, and the rate and its history follow.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BuildingApiTest {
    static TestNodes.Running running;
    static String api;
    static Map<String, SigningKey> keys;
    static Map<String, RingKeyPair> opinionKeys;
    static Hash society;
    static final SecureRandom RANDOM = new SecureRandom();

    @BeforeAll
    static void start() {
        running = TestNodes.demo();
        api = running.url() + "/api/v1";
        keys = DemoSociety.keys(running.dir);
        opinionKeys = DemoLand.opinionKeys(running.dir);
        society = running.node.read(SocietyView::id);
    }

    @AfterAll
    static void stop() {
        running.close();
    }

    static JsonNode get(String path) {
        Http.Response r = Http.get(api + path);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.json();
    }

    static void ok(SigningKey key, TxBody body) {
        Http.Response r = Http.post(api + "/txs", envelope(key, body));
        assertThat(r.status()).as(r.text()).isEqualTo(200);
    }

    static void refused(TxBody body, String code, int status) {
        Http.Response r = Http.post(api + "/txs", envelope(SigningKey.generate(), body));
        assertThat(r.status()).as(r.text()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("code").asText()).as(r.text()).isEqualTo(code);
        assertThat(r.json().get("detail").asText()).isNotBlank();
    }

    /** Signed to expire ten minutes after the node's clock (which the last test steps a week ahead). */
    static byte[] envelope(SigningKey key, TxBody body) {
        return org.phyle.crypto.Jcs.canonicalize(org.phyle.core.tx.TxSigner.sign(society, key, body,
                "b" + System.nanoTime(), running.clock().millis() + 600_000));
    }

    static List<String> members(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(m -> out.add(m.asText()));
        return out;
    }

    /** What must not change when something is refused: the ring, the counts, the rate, the opinions, the history. */
    static List<JsonNode> state(int building) {
        JsonNode b = get("/land/buildings/" + building);
        return List.of(b.get("ring"), b.get("neighbours"), b.get("approvals"), b.get("disapprovals"), b.get("rate"),
                b.get("opinions"), b.get("history"), b.get("taxPaid"));
    }

    @Test
    @Order(1)
    void theWorkshopsNeighboursSpokeAndTheHouseHasNoRing() {
        JsonNode all = get("/land/buildings");
        assertThat(all.get("buildings")).hasSize(2);
        assertThat(all.at("/buildings/0/description").asText()).startsWith("Workshop");
        assertThat(all.at("/buildings/0/rate/percent").asText()).isEqualTo("2.083");
        assertThat(all.at("/buildings/1/rate").toString())
                .isEqualTo("{\"numerator\":250,\"denominator\":1,\"percent\":\"2.5\"}");

        JsonNode b = get("/land/buildings/0");
        System.out.println("GET /api/v1/land/buildings/0 on the demo:\n" + b.toPrettyString());
        assertThat(b.get("territoryName").asText()).isEqualTo("The annex of Casa da Horta");
        assertThat(b.get("value").get("minor").asLong()).isEqualTo(180_000_000L);
        assertThat(b.at("/ring/epoch").asLong()).isEqualTo(b.get("epoch").asLong());
        assertThat(b.at("/ring/until").asLong()).isEqualTo(b.get("epochEnds").asLong());
        List<String> ring = members(b.at("/ring/members"));
        assertThat(ring).hasSize(6).containsExactlyInAnyOrderElementsOf(opinionKeys.values().stream()
                .map(k -> OpinionKeyFile.b64(k.publicKey().encode())).toList());
        for (int i = 1; i < ring.size(); i++) {
            assertThat(java.util.Arrays.compareUnsigned(java.util.Base64.getUrlDecoder().decode(ring.get(i - 1)),
                    java.util.Base64.getUrlDecoder().decode(ring.get(i)))).as("ascending by encoding").isNegative();
        }
        assertThat(b.get("neighbours").asInt()).isEqualTo(6);
        assertThat(b.get("approvals").asInt()).isEqualTo(3);
        assertThat(b.get("disapprovals").asInt()).isEqualTo(2);
        assertThat(b.get("rate").toString())
                .isEqualTo("{\"numerator\":1250,\"denominator\":6,\"percent\":\"2.083\"}");
        // five speakers, one tag each (the one who changed their mind has seq 2); never a name
        assertThat(b.get("opinions")).hasSize(5);
        assertThat(b.get("opinions").findValuesAsText("opinion")).containsOnly("approve", "disapprove");
        assertThat(b.get("opinions").findValues("seq").stream().mapToLong(JsonNode::asLong).sum()).isEqualTo(6);
        List<String> tags = b.get("opinions").findValuesAsText("tag");
        assertThat(tags).isSorted();
        assertThat(b.toString()).doesNotContain("did:key");
        // built, the ring, six opinions each changing the counts
        JsonNode h = b.get("history");
        assertThat(h).hasSize(8);
        assertThat(h.findValuesAsText("percent")).containsExactly("2.5", "2.5", "2.083", "2.5", "2.083", "1.667",
                "1.25", "2.083");
        assertThat(h.get(0).get("neighbours").asInt()).isZero();
        assertThat(h.get(7).get("height").asLong()).isGreaterThan(h.get(1).get("height").asLong());
        assertThat(h.get(7).get("time").asLong()).isGreaterThan(h.get(1).get("time").asLong());

        JsonNode house = get("/land/buildings/1");
        assertThat(house.get("ring").isNull()).isTrue();
        assertThat(house.get("neighbours").asInt()).isZero();
        assertThat(house.at("/rate/percent").asText()).isEqualTo("2.5");
        assertThat(house.get("opinions")).isEmpty();
        assertThat(house.get("history")).hasSize(1);
        assertThat(house.get("owed").get("minor").asLong()).isPositive();

        JsonNode r0 = get("/land/buildings/0/ring");
        assertThat(r0.get("recorded").asBoolean()).isTrue();
        assertThat(members(r0.get("members"))).isEqualTo(ring);
        JsonNode r1 = get("/land/buildings/1/ring");
        assertThat(r1.get("recorded").asBoolean()).isFalse();
        assertThat(r1.get("members")).as("nobody in Kilimani has an opinion key").isEmpty();
        assertThat(r1.get("epoch").asLong()).isEqualTo(b.get("epoch").asLong());

        String name = opinionKeys.keySet().iterator().next();
        JsonNode k = get("/land/opinion-keys/" + keys.get(name).did());
        assertThat(k.get("current").asText()).isEqualTo(OpinionKeyFile.b64(opinionKeys.get(name).publicKey()
                .encode()));
        assertThat(k.get("next").isNull()).isTrue();
        assertThat(k.get("from").isNull()).isTrue();
        JsonNode none = get("/land/opinion-keys/" + keys.get(DemoSociety.FOUNDER_NAME).did());
        assertThat(none.get("current").isNull()).isTrue();

        problem("/land/buildings/2", 404, "UNKNOWN_BUILDING");
        problem("/land/buildings/2/ring", 404, "UNKNOWN_BUILDING");
        problem("/land/buildings/workshop", 400, "BAD_REQUEST");
        problem("/land/buildings/-1/ring", 400, "BAD_REQUEST");
        problem("/land/opinion-keys/" + SigningKey.generate().did(), 404, "NOT_FOUND");
        problem("/land/opinion-keys/alice", 400, "BAD_REQUEST");
    }

    @Test
    @Order(2)
    void badOpinionsAndRingsAreRefusedWithTheirCodesAndNothingChanges() {
        JsonNode b = get("/land/buildings/0");
        long epoch = b.get("epoch").asLong();
        List<String> ring = members(b.at("/ring/members"));
        List<RingKeyPair> pairs = List.copyOf(opinionKeys.values());
        RingKeyPair silent = pairs.get(5); // the one neighbour who said nothing

        // from outside the ring: a key of no neighbour signs over a ring of its own with five of the neighbours
        RingKeyPair outsider = RingKeyPair.generate(RANDOM);
        List<org.phyle.crypto.ring.RistrettoElement> fake = new ArrayList<>(Opinions.ring(ring).members().subList(0,
                5));
        fake.add(outsider.publicKey());
        List<String> fakeMembers = org.phyle.crypto.ring.Ring.sorted(fake).members().stream()
                .map(e -> OpinionKeyFile.b64(e.encode())).toList();
        List<JsonNode> before = state(0);
        refused(Opinions.opine(society, 0, epoch, 1, BuildingTax.Opinion.APPROVE, fakeMembers, outsider, RANDOM),
                "OPINION_NOT_IN_RING", 422);
        // a stale sequence: the demo's neighbour who changed their mind is at 2
        RingKeyPair changed = pairs.get(3);
        String tag = Opinions.tag(society, 0, changed);
        assertThat(b.get("opinions").findValuesAsText("tag")).contains(tag);
        refused(Opinions.opine(society, 0, epoch, 2, BuildingTax.Opinion.APPROVE, ring, changed, RANDOM),
                "OPINION_STALE", 409);
        assertThat(state(0)).isEqualTo(before);

        // a second building on the workshop's parcel, with the same neighbours
        int parcel = b.get("parcel").asInt();
        SigningKey holder = keys.values().stream().filter(k -> k.did().equals(get("/land/parcels/" + parcel)
                .get("holder").asText())).findFirst().orElseThrow();
        ok(holder, new LandTx.Build(parcel, "A shed for the bicycles", 10_000_000L));
        int shed = get("/land/buildings").get("buildings").size() - 1;
        JsonNode due = get("/land/buildings/" + shed + "/ring");
        assertThat(due.get("recorded").asBoolean()).isFalse();
        assertThat(members(due.get("members"))).isEqualTo(ring);
        // a ring missing a neighbour
        List<JsonNode> shedBefore = state(shed);
        refused(new LandTx.RecordRing(shed, epoch, ring.subList(1, 6)), "RING_NEIGHBOUR_MISSING", 422);
        assertThat(state(shed)).isEqualTo(shedBefore);
        ok(SigningKey.generate(), new LandTx.RecordRing(shed, epoch, ring));
        // the silent neighbour approves the workshop; the same signature sent for the shed is a replay
        LandTx.Opine yes = Opinions.opine(society, 0, epoch, 1, BuildingTax.Opinion.APPROVE, ring, silent, RANDOM);
        ok(SigningKey.generate(), yes);
        assertThat(get("/land/buildings/0").get("approvals").asInt()).isEqualTo(4);
        shedBefore = state(shed);
        refused(new LandTx.Opine(shed, epoch, 1, BuildingTax.Opinion.APPROVE, yes.signature()), "OPINION_REPLAYED",
                422);
        assertThat(state(shed)).isEqualTo(shedBefore);
        // sent again on the workshop: stale
        before = state(0);
        refused(yes, "OPINION_STALE", 409);
        assertThat(state(0)).isEqualTo(before);
        // the shed's own opinion from the same neighbour, under its own tag there
        ok(SigningKey.generate(), Opinions.opine(society, shed, epoch, 1, BuildingTax.Opinion.DISAPPROVE, ring, silent,
                RANDOM));
        JsonNode s = get("/land/buildings/" + shed);
        assertThat(s.get("disapprovals").asInt()).isEqualTo(1);
        assertThat(s.at("/opinions/0/tag").asText()).isNotEqualTo(Opinions.tag(society, 0, silent));
    }

    @Test
    @Order(3)
    void neighboursInKilimaniRegisterKeysAndTheNextEpochsRingHearsThem() {
        JsonNode house = get("/land/buildings/1");
        int parcel = house.get("parcel").asInt();
        long epoch = house.get("epoch").asLong();
        int territory = house.get("territory").asInt();
        List<Integer> plots = new ArrayList<>();
        get("/land/territories/" + territory).get("parcelList").forEach(p -> plots.add(p.get("number").asInt()));
        // the house's resident, and two people who come to live on the other plots
        JsonNode residents = get("/land/parcels/" + parcel).get("residents");
        SigningKey resident = keyByName(residents.get(0).get("name").asText());
        List<SigningKey> people = new ArrayList<>(List.of(resident));
        for (SigningKey k : keys.values()) {
            if (people.size() == 3) {
                break;
            }
            boolean living = running.node.read(s -> s.registry().byCurrentKey(k.verifyingKey())
                    .map(p -> s.view(org.phyle.core.land.Land.class).residenceOf(p.number()).isPresent()
                            || !p.activeCitizen(s.time())).orElse(true));
            if (!living) {
                ok(k, new LandTx.Reside(plots.get(people.size())));
                people.add(k);
            }
        }
        List<RingKeyPair> pairs = new ArrayList<>();
        for (SigningKey k : people) {
            RingKeyPair pair = RingKeyPair.generate(RANDOM);
            ok(k, Opinions.registration(society, k.did(), pair, RANDOM));
            pairs.add(pair);
            JsonNode ks = get("/land/opinion-keys/" + k.did());
            assertThat(ks.get("current").isNull()).isTrue();
            assertThat(ks.get("next").asText()).isEqualTo(OpinionKeyFile.b64(pair.publicKey().encode()));
            assertThat(ks.get("from").asLong()).isEqualTo(epoch + 1);
        }
        assertThat(get("/land/buildings/1/ring").get("members")).as("not in use before the next epoch").isEmpty();

        // the next epoch (this node's clock only)
        running.clock().stepTo(get("/land/buildings/1").get("epochEnds").asLong() + 60_000);
        JsonNode workshop = get("/land/buildings/0");
        assertThat(workshop.get("ring").isNull()).as("the workshop's ring was for the last epoch").isTrue();
        assertThat(workshop.at("/rate/percent").asText()).isEqualTo("2.5");
        JsonNode last = workshop.get("history").get(workshop.get("history").size() - 1);
        assertThat(last.get("height").isNull()).isTrue();
        assertThat(last.get("time").asLong()).isEqualTo(get("/land/buildings/1").get("epoch").asLong()
                * 7 * 86_400_000L);
        assertThat(last.get("neighbours").asInt()).isZero();

        JsonNode due = get("/land/buildings/1/ring");
        long now = due.get("epoch").asLong();
        assertThat(now).isEqualTo(epoch + 1);
        List<String> ring = members(due.get("members"));
        assertThat(ring).containsExactlyInAnyOrderElementsOf(pairs.stream()
                .map(p -> OpinionKeyFile.b64(p.publicKey().encode())).toList());
        assertThat(get("/land/opinion-keys/" + resident.did()).get("current").asText())
                .isEqualTo(OpinionKeyFile.b64(pairs.get(0).publicKey().encode()));
        ok(SigningKey.generate(), new LandTx.RecordRing(1, now, ring));
        JsonNode b = get("/land/buildings/1");
        assertThat(b.get("rate").toString()).isEqualTo("{\"numerator\":750,\"denominator\":3,\"percent\":\"2.5\"}");
        assertThat(b.get("history")).hasSize(2);
        ok(SigningKey.generate(), Opinions.opine(society, 1, now, 1, BuildingTax.Opinion.APPROVE, ring, pairs.get(0),
                RANDOM));
        ok(SigningKey.generate(), Opinions.opine(society, 1, now, 1, BuildingTax.Opinion.APPROVE, ring, pairs.get(1),
                RANDOM));
        ok(SigningKey.generate(), Opinions.opine(society, 1, now, 1, BuildingTax.Opinion.DISAPPROVE, ring,
                pairs.get(2), RANDOM));
        b = get("/land/buildings/1");
        assertThat(b.get("approvals").asInt()).isEqualTo(2);
        assertThat(b.get("disapprovals").asInt()).isEqualTo(1);
        assertThat(b.get("rate").toString()).isEqualTo("{\"numerator\":500,\"denominator\":3,\"percent\":\"1.667\"}");
        assertThat(b.get("history").findValuesAsText("percent")).containsExactly("2.5", "2.5", "1.667", "0.833",
                "1.667");
        // the one who disapproved changes their mind and says nothing: two approvals of three
        ok(SigningKey.generate(), Opinions.opine(society, 1, now, 2, BuildingTax.Opinion.WITHDRAW, ring, pairs.get(2),
                RANDOM));
        b = get("/land/buildings/1");
        assertThat(b.get("rate").toString()).isEqualTo("{\"numerator\":250,\"denominator\":3,\"percent\":\"0.833\"}");
        assertThat(b.get("history")).hasSize(6);
        assertThat(b.get("opinions").findValuesAsText("opinion")).containsExactlyInAnyOrder("approve", "approve",
                "withdraw");
    }

    static void problem(String path, int status, String code) {
        Http.Response r = Http.get(api + path);
        assertThat(r.status()).as(r.text()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("code").asText()).isEqualTo(code);
        assertThat(r.json().get("detail").asText()).isNotBlank();
    }

    static SigningKey keyByName(String name) {
        return java.util.Objects.requireNonNull(keys.get(name), name);
    }
}

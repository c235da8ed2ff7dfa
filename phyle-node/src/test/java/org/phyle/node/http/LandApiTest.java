package org.phyle.node.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.phyle.core.SocietyView;
import org.phyle.core.land.LandTx;
import org.phyle.core.tx.TxSigner;
import org.phyle.crypto.Hash;
import org.phyle.crypto.Jcs;
import org.phyle.crypto.SigningKey;
import org.phyle.node.KeyFile;
import org.phyle.node.TestNodes;
import org.phyle.node.land.ParcelArea;

/**
 * The land's read API through real HTTP on a small society (no territory yet): the empty lists, every refusal of a
 * bad or unknown territory, parcel or holder, and the node's admission of a new parcel, which refuses a declared area
 * more than 1 m² from the geodesic one ({@code AREA_IMPRECISE}) before any rule sees it.
 */
class LandApiTest {
    static TestNodes.Running running;
    static String api;

    /** A block of about 20 m × 20 m in Lisbon's Mouraria, counter-clockwise. */
    static final String SQUARE = "{\"type\":\"Polygon\",\"coordinates\":[[[-9.1346,38.7154],[-9.1344,38.7154],"
            + "[-9.1344,38.71558],[-9.1346,38.71558],[-9.1346,38.7154]]]}";

    @BeforeAll
    static void start() {
        running = TestNodes.small();
        api = running.url() + "/api/v1";
    }

    @AfterAll
    static void stop() {
        running.close();
    }

    @Test
    void theListsAreEmptyAndBadOrUnknownIdsAreRefused() {
        Http.Response r = Http.get(api + "/land/territories");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.json().get("count").asInt()).isZero();
        assertThat(r.json().at("/held/formatted").asText()).isEqualTo("0.000000");
        problem("/land/territories/0", 404, "NOT_FOUND");
        problem("/land/territories/0/geojson", 404, "NOT_FOUND");
        problem("/land/territories/lisbon", 400, "BAD_REQUEST");
        problem("/land/parcels/3", 404, "NOT_FOUND");
        problem("/land/parcels/-1", 400, "BAD_REQUEST");
        problem("/land/holdings/alice", 400, "BAD_REQUEST");
        SigningKey someone = SigningKey.generate();
        Http.Response h = Http.get(api + "/land/holdings/" + someone.did());
        assertThat(h.status()).isEqualTo(200);
        assertThat(h.json().get("parcels")).isEmpty();
        assertThat(h.json().at("/deposits/minor").asLong()).isZero();
        assertThat(h.json().get("residence").isNull()).isTrue();
        // no buildings yet; a person with no opinion key
        Http.Response b = Http.get(api + "/land/buildings");
        assertThat(b.status()).isEqualTo(200);
        assertThat(b.json().get("buildings")).isEmpty();
        problem("/land/buildings/0", 404, "UNKNOWN_BUILDING");
        problem("/land/buildings/0/ring", 404, "UNKNOWN_BUILDING");
        problem("/land/buildings/x", 400, "BAD_REQUEST");
        SigningKey founder = KeyFile.read(running.dir.resolve("keys/founder.key"));
        Http.Response k = Http.get(api + "/land/opinion-keys/" + founder.did());
        assertThat(k.status()).as(k.text()).isEqualTo(200);
        assertThat(k.json().get("current").isNull()).isTrue();
        assertThat(k.json().get("next").isNull()).isTrue();
        problem("/land/opinion-keys/" + someone.did(), 404, "NOT_FOUND");
    }

    @Test
    void aParcelWhoseDeclaredAreaIsOffByMoreThanOneSquareMetreIsNotAdmitted() throws Exception {
        JsonNode geometry = org.phyle.crypto.StrictJson.parse(SQUARE.getBytes());
        double area = ParcelArea.of(geometry).orElseThrow();
        assertThat(area).isBetween(300.0, 500.0);
        SigningKey founder = KeyFile.read(running.dir.resolve("keys/founder.key"));
        Hash society = running.node.read(SocietyView::id);
        long height = running.node.read(SocietyView::height);
        // 3 m² off: within the core's lenient band (10 m² + 0.01%), outside the node's
        Http.Response off = Http.post(api + "/txs", envelope(society, founder,
                new LandTx.NewParcel(0, geometry, Math.round(area) + 3, Optional.empty())));
        assertThat(off.status()).as(off.text()).isEqualTo(422);
        assertThat(off.json().get("code").asText()).isEqualTo("AREA_IMPRECISE");
        assertThat(off.json().get("detail").asText()).contains("within 1 m²").contains(Math.round(area) + " m²");
        assertThat(running.node.read(SocietyView::height)).isEqualTo(height);
        // the right area is admitted and then refused by the rules for what they see (no territory 0 here)
        Http.Response right = Http.post(api + "/txs", envelope(society, founder,
                new LandTx.NewParcel(0, geometry, ParcelArea.declare(geometry), Optional.empty())));
        assertThat(right.json().get("code").asText()).as(right.text()).isEqualTo("UNKNOWN_TERRITORY");
    }

    static void problem(String path, int status, String code) {
        Http.Response r = Http.get(api + path);
        assertThat(r.status()).as(r.text()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("code").asText()).isEqualTo(code);
        assertThat(r.json().get("detail").asText()).isNotBlank();
    }

    static byte[] envelope(Hash society, SigningKey key, org.phyle.core.tx.TxBody body) {
        ObjectNode signed = TxSigner.sign(society, key, body, "land" + System.nanoTime(),
                System.currentTimeMillis() + 600_000);
        return Jcs.canonicalize(signed);
    }
}

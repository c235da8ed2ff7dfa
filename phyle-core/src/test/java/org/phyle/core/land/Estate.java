package org.phyle.core.land;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Optional;
import org.phyle.core.economy.Economy;
import org.phyle.core.economy.EconomyTx;
import org.phyle.core.economy.Market;
import org.phyle.core.governance.Proposal;
import org.phyle.crypto.SigningKey;
import org.phyle.crypto.StrictJson;

/**
 * The land's fixture: a society of citizens with money (a {@link Market}), a territory made by governance whose
 * steward is citizen 1, and square parcels in a row along a street of Lisbon, each 0.001° on a side.
 */
final class Estate {
    static final long U = Market.UNIT;
    static final long DAY = Land.DAY;
    static final long YEAR = 365 * DAY;
    final Market m;

    Estate(int citizens) {
        this(citizens, org.phyle.core.Catalog.defaultParameters());
    }

    Estate(int citizens, org.phyle.core.Parameters parameters) {
        m = new Market(citizens, parameters);
        m.grant(m.did(0), 100_000 * U);
        for (int i = 1; i < citizens; i++) {
            m.ok(m.founder, new EconomyTx.Transfer(m.citizen(i).verifyingKey(), 10_000 * U));
        }
    }

    /** A territory by a passed proposal, stewarded by citizen 1; returns its number. */
    int territory(Tenure tenure, int rateBp, long minPerM2) {
        Proposal p = m.pass("territory", new LandActions.NewTerritory("Alfama", "PT", tenure, rateBp, minPerM2,
                m.did(1)));
        assertThat(p.state()).isEqualTo(Proposal.State.EXECUTED);
        return land().territories().size() - 1;
    }

    /** A square 0.001° on a side whose south-west corner is at lon -9.13 + i × 0.001, lat 38.71 (and row j). */
    static JsonNode square(int i, int j) {
        return polygon(new long[][] {{0, 0}, {10_000, 0}, {10_000, 10_000}, {0, 10_000}}, i, j);
    }

    /** A ring of offsets in 1e-7 degree from the square (i, j)'s corner, closed here. */
    static JsonNode polygon(long[][] offsets, int i, int j) {
        long lon0 = -91_300_000L + i * 10_000L;
        long lat0 = 387_100_000L + j * 10_000L;
        StringBuilder s = new StringBuilder("{\"type\":\"Polygon\",\"coordinates\":[[");
        for (int k = 0; k <= offsets.length; k++) {
            long[] o = offsets[k % offsets.length];
            s.append(k > 0 ? "," : "").append('[').append(deg(lon0 + o[0])).append(',').append(deg(lat0 + o[1]))
                    .append(']');
        }
        return StrictJson.parse(s.append("]]}").toString());
    }

    static String deg(long e7) {
        return BigDecimal.valueOf(e7, 7).stripTrailingZeros().toPlainString();
    }

    /** The geodesic area of a geometry, rounded to whole m², as a client declares it. */
    static long area(JsonNode geometry) {
        return Math.round(Ring.read(geometry, 1_000).geodesicArea());
    }

    /** The steward (citizen 1) draws the parcel at square (i, 0); returns its number. */
    int parcel(int territory, int i) {
        JsonNode g = square(i, 0);
        m.ok(m.citizen(1), new LandTx.NewParcel(territory, g, area(g), Optional.empty()));
        return land().parcelCount() - 1;
    }

    Land land() {
        return m.society.view(Land.class);
    }

    Economy economy() {
        return m.economy();
    }

    Parcel parcel(int n) {
        return land().parcel(n).orElseThrow();
    }

    long spendable(int citizen) {
        return m.spendable(m.citizen(citizen));
    }

    long spendable(SigningKey k) {
        return m.spendable(k);
    }

    /** Money is where the books say, and the economy's land escrow is what the land says it holds. */
    void assertConserved() {
        m.assertConserved();
        assertThat(economy().landEscrow()).as("the land escrow").isEqualTo(land().held());
        long sum = 0;
        for (int i = 0; i < land().parcelCount(); i++) {
            Parcel p = parcel(i);
            sum += p.deposit() + p.bid().map(b -> b.price() + b.deposit()).orElse(0L);
        }
        assertThat(land().held()).as("deposits and collateral").isEqualTo(sum);
    }
}

package org.phyle.node.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.phyle.node.cli.CliTest.phyle;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.phyle.core.economy.Economy;
import org.phyle.core.land.Land;
import org.phyle.core.land.Parcel;
import org.phyle.crypto.SigningKey;
import org.phyle.crypto.StrictJson;
import org.phyle.node.KeyFile;
import org.phyle.node.TestNodes;
import org.phyle.node.demo.DemoSociety;

/**
 * The land's commands against the demo society: the territories and a parcel in words and as JSON; then the main
 * flow — the Lisbon steward draws a parcel from a GeoJSON file (its area computed and declared), a citizen claims it
 * with a price and a deposit given exactly, changes the price, another bids at it, the holder accepts — and the
 * refusals on the way (an amount with seven decimals, a bid at a stale price), each leaving nothing changed.
 */
class LandCliTest {
    static TestNodes.Running running;
    static Path work;
    static Map<String, SigningKey> keys;

    @BeforeAll
    static void start() {
        running = TestNodes.demo();
        work = TestNodes.tempDir();
        keys = DemoSociety.keys(running.dir);
    }

    @AfterAll
    static void stop() {
        running.close();
        TestNodes.delete(work);
    }

    static String url() {
        return running.url();
    }

    static Path keyFile(SigningKey key) {
        Path file = work.resolve(key.did().substring(8, 30) + ".key");
        if (!file.toFile().exists()) {
            KeyFile.write(file, key);
        }
        return file;
    }

    static long spendable(SigningKey key) {
        return running.node.read(s -> s.view(Economy.class).spendable(key.did(), s.time()));
    }

    /** Demo people with more than 100 units to spend, who hold no land. */
    static java.util.List<SigningKey> withMoney() {
        return keys.values().stream().filter(k -> spendable(k) > 100_000_000L)
                .filter(k -> running.node.read(s -> s.view(Land.class).holdings(k.did()).isEmpty())).toList();
    }

    @Test
    void theTerritoriesAndAParcelInWordsAndAsJson() {
        CliTest.Run list = phyle("land", "territories", "--node", url());
        assertThat(list.exit()).as(list.err()).isZero();
        assertThat(list.out()).contains("Kilimani plots, Nairobi, KE").contains("land-value")
                .contains("The annex of Casa da Horta, PT").contains("from campaign #0");
        CliTest.Run t = phyle("land", "territory", "1", "--node", url());
        assertThat(t.out()).contains("in auction at").contains("bid 120.000000 HRT");
        CliTest.Run json = phyle("land", "parcel", "show", "0", "--node", url(), "--json");
        assertThat(json.exit()).isZero();
        assertThat(json.out()).contains("\"geometry\"").contains("\"taxAccrued\"");
        CliTest.Run words = phyle("land", "parcel", "show", "0", "--node", url());
        assertThat(words.out()).contains("building: Workshop and shared kitchen").contains("resident: ");
        CliTest.Run missing = phyle("land", "parcel", "show", "99", "--node", url());
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err()).contains("no parcel #99");
    }

    @Test
    void aParcelIsDrawnClaimedPricedBidForAndSold() throws Exception {
        JsonNode territory = StrictJson.parse(phyle("land", "territory", "1", "--node", url(), "--json").out()
                .getBytes());
        SigningKey steward = keys.values().stream().filter(k -> k.did().equals(territory.get("steward").asText()))
                .findFirst().orElseThrow();
        Path file = work.resolve("plot.geojson");
        Files.writeString(file, "{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":\"Polygon\","
                + "\"coordinates\":[[[-9.134,38.7154],[-9.1338,38.7154],[-9.1338,38.71558],[-9.134,38.71558],"
                + "[-9.134,38.7154]]]}}");
        int n = running.node.read(s -> s.view(Land.class).parcelCount());
        CliTest.Run add = phyle("land", "parcel", "add", "--territory", "1", "--geojson", file.toString(), "--key",
                keyFile(steward).toString(), "--node", url());
        assertThat(add.exit()).as(add.out() + add.err()).isZero();
        assertThat(add.out()).containsPattern("geodesic area \\d+ m²");
        Parcel drawn = running.node.read(s -> s.view(Land.class).parcel(n).orElseThrow());
        assertThat(drawn.area()).isBetween(300L, 400L);

        java.util.List<SigningKey> people = withMoney();
        SigningKey holder = people.get(0);
        SigningKey buyer = people.get(1);
        // seven decimals are refused before anything is signed
        CliTest.Run inexact = phyle("land", "claim", String.valueOf(n), "--price", "50.0000001", "--deposit", "5",
                "--key", keyFile(holder).toString(), "--node", url());
        assertThat(inexact.exit()).isEqualTo(1);
        assertThat(inexact.err()).contains("at most six decimals");
        long before = spendable(holder);
        CliTest.Run claim = phyle("land", "claim", String.valueOf(n), "--price", "50.5", "--deposit", "5.000001",
                "--key", keyFile(holder).toString(), "--node", url());
        assertThat(claim.exit()).as(claim.out() + claim.err()).isZero();
        assertThat(spendable(holder)).isEqualTo(before - 5_000_001L);
        CliTest.Run price = phyle("land", "price", String.valueOf(n), "60", "--key", keyFile(holder).toString(),
                "--node", url());
        assertThat(price.exit()).as(price.out() + price.err()).isZero();
        // a bid quoting the old price is refused, nothing posted
        long buyerBefore = spendable(buyer);
        CliTest.Run stale = phyle("land", "bid", String.valueOf(n), "--quote", "50.5", "--deposit", "3", "--key",
                keyFile(buyer).toString(), "--node", url());
        assertThat(stale.exit()).isEqualTo(3);
        assertThat(stale.err() + stale.out()).contains("STALE_PRICE");
        assertThat(spendable(buyer)).isEqualTo(buyerBefore);
        CliTest.Run bid = phyle("land", "bid", String.valueOf(n), "--deposit", "3", "--key",
                keyFile(buyer).toString(), "--node", url());
        assertThat(bid.exit()).as(bid.out() + bid.err()).isZero();
        assertThat(bid.out()).contains("quoting the price 60.000000");
        assertThat(spendable(buyer)).isEqualTo(buyerBefore - 63_000_000L);
        CliTest.Run held = phyle("land", "holdings", buyer.did(), "--node", url());
        assertThat(held.out()).contains("bid for parcel " + n + " at 60.000000 HRT");
        long holderBefore = spendable(holder);
        CliTest.Run accept = phyle("land", "accept", String.valueOf(n), "--key", keyFile(holder).toString(),
                "--node", url());
        assertThat(accept.exit()).as(accept.out() + accept.err()).isZero();
        Parcel sold = running.node.read(s -> s.view(Land.class).parcel(n).orElseThrow());
        assertThat(sold.holder()).isEqualTo(buyer.did());
        assertThat(sold.price()).isEqualTo(60_000_000L);
        // the seller got the price and what was left of the deposit (a little tax was paid)
        assertThat(spendable(holder) - holderBefore).isBetween(64_990_000L, 65_000_001L);
        CliTest.Run mine = phyle("land", "holdings", buyer.did(), "--node", url());
        assertThat(mine.out()).contains("parcel " + n).contains("price 60.000000 HRT");
    }
}

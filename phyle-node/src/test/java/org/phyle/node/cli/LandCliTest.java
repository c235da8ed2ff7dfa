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
import org.phyle.core.land.Land;
import org.phyle.core.land.Parcel;
import org.phyle.crypto.SigningKey;
import org.phyle.crypto.StrictJson;
import org.phyle.node.TestNodes;

/**
 * The land's commands against the demo society: the territories and a parcel in words and as JSON; then the main
 * flow — the Lisbon steward draws a parcel from a GeoJSON file (its area computed and declared), a citizen claims it
 * with a price and a deposit given exactly, changes the price, another bids at it, the holder accepts — and the
 * refusals on the way (an amount with seven decimals, a bid at a stale price), each leaving nothing changed.
 */
class LandCliTest {
    static CliDemo demo;
    static TestNodes.Running running;
    static Path work;
    static Map<String, SigningKey> keys;

    @BeforeAll
    static void start() {
        demo = new CliDemo();
        running = demo.running;
        work = demo.work;
        keys = demo.keys;
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    static String url() {
        return demo.url();
    }

    static Path keyFile(SigningKey key) {
        return demo.keyFile(key);
    }

    static long spendable(SigningKey key) {
        return demo.spendable(key.did());
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

    @Test
    void aBuildingsRateAndHistoryAndAnAnonymousOpinionFromTheCommandLine() throws Exception {
        CliTest.Run words = phyle("land", "building", "0", "--node", url());
        assertThat(words.exit()).as(words.err()).isZero();
        assertThat(words.out()).contains("Workshop and shared kitchen").contains("rate 2.083% a year")
                .contains("N=6 neighbours, A=3 approve, D=2 disapprove").contains("history:");
        assertThat(words.out().lines().filter(l -> l.startsWith("    ") && l.contains("N=")).count())
                .as("eight points of history").isEqualTo(8);
        JsonNode json = StrictJson.parse(phyle("land", "building", "0", "--node", url(), "--json").out().getBytes());
        assertThat(json.at("/rate/percent").asText()).isEqualTo("2.083");
        assertThat(phyle("land", "building", "1", "--node", url()).out()).contains("no ring recorded in epoch")
                .contains("rate 2.5% a year");
        CliTest.Run missing = phyle("land", "building", "9", "--node", url());
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err()).contains("there is no building 9");

        // the workshop's ring is recorded already; nobody near the house has a key in use
        CliTest.Run recorded = phyle("land", "ring", "0", "--node", url());
        assertThat(recorded.exit()).as(recorded.err()).isZero();
        assertThat(recorded.out()).contains("recorded already (6 neighbours)");
        CliTest.Run empty = phyle("land", "ring", "1", "--node", url());
        assertThat(empty.exit()).isEqualTo(1);
        assertThat(empty.err()).contains("nobody near building 1 has an opinion key");

        // the neighbour who said nothing in the demo speaks: an opinion key file made from the demo's
        Map.Entry<String, org.phyle.crypto.ring.RingKeyPair> silent = new java.util.ArrayList<>(
                org.phyle.node.demo.DemoLand.opinionKeys(running.dir).entrySet()).get(5);
        Path opinionFile = work.resolve("silent.opinion");
        org.phyle.node.land.OpinionKeyFile.write(opinionFile, silent.getValue(), keys.get(silent.getKey()).did());
        CliTest.Run yes = phyle("land", "opinion", "0", "approve", "--opinion-key", opinionFile.toString(), "--node",
                url());
        assertThat(yes.exit()).as(yes.out() + yes.err()).isZero();
        assertThat(yes.out()).contains("said approve on building 0 (opinion 1 under your tag");
        assertThat(approvals(0)).isEqualTo(4);
        // sent under a one-time key, never the neighbour's own
        String txId = yes.out().replaceAll("(?s).*land.opinion committed: ([0-9a-f]{64}).*", "$1");
        JsonNode receipt = new org.phyle.node.client.NodeClient(url()).receipt(txId);
        assertThat(receipt.at("/entry/payload/type").asText()).isEqualTo("land.opinion");
        String signer = receipt.at("/entry/payload/signer").asText();
        assertThat(signer).startsWith("did:key:");
        assertThat(keys.values().stream().map(SigningKey::did)).as("no demo person's key").doesNotContain(signer);
        // a newer opinion under the same tag: the command finds its last sequence number from the node
        CliTest.Run withdraw = phyle("land", "opinion", "0", "withdraw", "--opinion-key", opinionFile.toString(),
                "--node", url());
        assertThat(withdraw.exit()).as(withdraw.out() + withdraw.err()).isZero();
        assertThat(withdraw.out()).contains("(opinion 2 under your tag");
        assertThat(approvals(0)).isEqualTo(3);
        CliTest.Run maybe = phyle("land", "opinion", "0", "maybe", "--opinion-key", opinionFile.toString(), "--node",
                url());
        assertThat(maybe.exit()).isEqualTo(1);
        assertThat(maybe.err()).contains("approve, disapprove or withdraw");
        assertThat(phyle("land", "opinion", "1", "approve", "--opinion-key", opinionFile.toString(), "--node", url())
                .err()).contains("has no ring recorded");

        // the house's resident makes and registers an opinion key, kept beside their key file, readable by them only
        int home = running.node.read(s -> s.view(Land.class).buildingTax(1).orElseThrow().parcel());
        String residentName = running.node.read(s -> s.registry().byNumber(s.view(Land.class).parcel(home)
                .orElseThrow().residents().get(0)).orElseThrow().name());
        SigningKey resident = keys.get(residentName);
        Path key = keyFile(resident);
        CliTest.Run made = phyle("land", "opinion-key", "--key", key.toString(), "--node", url());
        assertThat(made.exit()).as(made.out() + made.err()).isZero();
        Path kept = key.resolveSibling(key.getFileName() + ".opinion");
        assertThat(java.nio.file.Files.getPosixFilePermissions(kept)).isEqualTo(
                java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        String pub = org.phyle.node.land.OpinionKeyFile.b64(org.phyle.node.land.OpinionKeyFile.read(kept).publicKey()
                .encode());
        long epoch = json.get("epoch").asLong();
        assertThat(made.out()).contains("opinion key " + pub).contains("in use from epoch " + (epoch + 1));
        int person = running.node.read(s -> s.registry().byCurrentKey(resident.verifyingKey()).orElseThrow()
                .number());
        String next = running.node.read(s -> s.view(Land.class).opinionKey(person).orElseThrow().next());
        assertThat(next).isEqualTo(pub);
        CliTest.Run again = phyle("land", "opinion-key", "--key", key.toString(), "--node", url());
        assertThat(again.exit()).isEqualTo(1);
        assertThat(again.err()).contains("already exists");
        // not in use before the next epoch, and not in the workshop's ring
        CliTest.Run outside = phyle("land", "opinion", "0", "disapprove", "--key", key.toString(), "--node", url());
        assertThat(outside.exit()).isEqualTo(1);
        assertThat(outside.err()).contains("not in building 0's ring");
        assertThat(approvals(0)).isEqualTo(3);

        // someone with no residence: refused by the node, and no key file is left behind
        SigningKey nowhere = keys.values().stream().filter(k -> running.node.read(s -> s.registry()
                .byCurrentKey(k.verifyingKey()).map(p -> s.view(Land.class).residenceOf(p.number()).isEmpty())
                .orElse(false))).findFirst().orElseThrow();
        CliTest.Run homeless = phyle("land", "opinion-key", "--key", keyFile(nowhere).toString(), "--node", url());
        assertThat(homeless.exit()).isEqualTo(3);
        assertThat(homeless.err() + homeless.out()).contains("NOT_RESIDING");
        assertThat(keyFile(nowhere).resolveSibling(keyFile(nowhere).getFileName() + ".opinion")).doesNotExist();

        for (String command : new String[] {"opinion", "opinion-key", "ring", "building"}) {
            CliTest.Run help = phyle("land", command, "--help");
            assertThat(help.exit()).isZero();
            assertThat(help.out()).startsWith("Usage: phyle land " + command);
        }
        assertThat(phyle("land", "opinion", "--help").out()).contains("one-time key");
    }

    static int approvals(int building) {
        return running.node.read(s -> s.view(Land.class).buildingTax(building).orElseThrow().approvals());
    }
}

package org.phyle.node.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ColorScheme;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The land page on the demo, under the pages' own Content-Security-Policy: the map of the archipelago draws every
 * demo parcel (Leaflet and the world's land from this node, no request to another host), coloured by state; choosing a
 * territory brings the map to it and clicking a parcel opens its page; the territories' lists say the same in words;
 * a holder's holdings and deposits and a bidder's open bid; on a 390 px phone, dark, in Portuguese, with axe.
 */
class LandPageTest extends WebTest {

    /** Every request the page makes, to check that none leaves this node. */
    static List<String> recordRequests(Page page) {
        List<String> urls = new CopyOnWriteArrayList<>();
        page.onRequest(r -> urls.add(r.url()));
        return urls;
    }

    static void assertAllFromThisNode(List<String> urls) {
        String host = URI.create(node.url()).getHost();
        List<String> elsewhere = new ArrayList<>();
        for (String u : urls) {
            if (u.startsWith("data:") || u.startsWith("blob:")) {
                continue;
            }
            if (!host.equals(URI.create(u).getHost())) {
                elsewhere.add(u);
            }
        }
        assertThat(urls).as("the page made requests").isNotEmpty();
        assertThat(elsewhere).as("requests to another host").isEmpty();
    }

    /** The demo's parcels by what they are, from the API: number to its JSON. */
    static List<JsonNode> allParcels() {
        List<JsonNode> all = new ArrayList<>();
        for (JsonNode t : get("land/territories").get("territories")) {
            get("land/territories/" + t.get("number").asInt()).get("parcelList").forEach(all::add);
        }
        return all;
    }

    /** The demo name of the key with this did. */
    static String nameOf(String did) {
        return keys.entrySet().stream().filter(e -> e.getValue().did().equals(did)).map(java.util.Map.Entry::getKey)
                .findFirst().orElseThrow(() -> new AssertionError("no demo key " + did));
    }

    Page withKey(String name, int width, int height, ColorScheme scheme) {
        BrowserContext context = newProfile(width, height, true, scheme);
        Page page = newPage(context);
        restoreKey(page, writeBackup(keys.get(name), PASSPHRASE, name), PASSPHRASE);
        return page;
    }

    @Test
    void theMapDrawsEveryParcelFromThisNodeAndAParcelOpensItsPage() {
        JsonNode land = get("land/territories");
        int parcels = land.get("parcels").asInt();
        assertThat(parcels).isGreaterThanOrEqualTo(7);
        Page page = newPage(newProfile(1280, 900, false));
        List<String> requests = recordRequests(page);
        page.navigate(url("/land"));
        assertThat(page.locator("body")).hasAttribute("data-ready", "true");
        assertThat(page.locator("#land-title")).hasText("Land");
        assertThat(page.locator(".site-nav a[data-nav=land]")).hasAttribute("aria-current", "page");
        // every parcel drawn on the map, over the world's land, with the state's colour
        Locator shapes = page.locator("#land-map path.parcel-shape");
        assertThat(shapes).hasCount(parcels);
        assertThat(page.locator("#land-map path.map-land").first()).isAttached();
        assertThat(page.locator("#land-map .leaflet-tile")).hasCount(0);
        for (JsonNode p : allParcels()) {
            String state = p.get("bid").isNull() ? p.get("reservedFor").isNull() ? p.get("state").asText() : "reserved"
                    : "bid";
            assertThat(page.locator("#land-map path[data-parcel='" + p.get("number").asInt() + "']"))
                    .hasAttribute("data-parcel-state", state);
        }
        List<String> states = allParcels().stream().map(p -> p.get("state").asText()).toList();
        assertThat(states).contains("held", "vacant");
        String held = (String) page.evaluate("() => getComputedStyle(document.querySelector("
                + "'#land-map path[data-parcel-state=held]')).fill");
        String vacant = (String) page.evaluate("() => getComputedStyle(document.querySelector("
                + "'#land-map path[data-parcel-state=vacant]')).fill");
        assertThat(held).isNotEqualTo(vacant);
        // the legend and the lists: every territory, its tenure and rate, every parcel linked
        assertThat(page.locator("#land-legend li")).hasCount(5);
        assertThat(page.locator("#territory-list > li")).hasCount(land.get("count").asInt());
        assertThat(page.locator("#territory-list")).containsText("Harberger tax: 7% a year");
        assertThat(page.locator("#territory-list")).containsText("Land value tax: 2% a year");
        assertThat(page.locator("#territory-list a[href^='parcel?n=']")).hasCount(parcels);
        assertThat(page.locator("#land-mine-no-key")).isVisible();
        screenshot(page, "land");

        // choosing Lisbon brings the map to its parcels; clicking one opens its page
        JsonNode lisbon = null;
        for (JsonNode t : land.get("territories")) {
            if (t.get("tenure").asText().equals("harberger")) {
                lisbon = t;
            }
        }
        assertThat(lisbon).as("a Harberger territory in the demo").isNotNull();
        page.locator("#land-map-places button[data-place='" + lisbon.get("number").asInt() + "']").click();
        JsonNode first = get("land/territories/" + lisbon.get("number").asInt()).get("parcelList").get(0);
        Locator shape = page.locator("#land-map path[data-parcel='" + first.get("number").asInt() + "']");
        page.waitForFunction("(n) => { const r = document.querySelector(`#land-map path[data-parcel='${n}']`)"
                + ".getBoundingClientRect(); return r.width > 20 && r.height > 20; }", first.get("number").asInt());
        screenshot(page, "land-lisbon");
        RoundsPageTest.docShot(page, "#land-map-card", "land-map-lisbon");
        shape.click();
        page.waitForURL("**/parcel?n=" + first.get("number").asInt());
        assertThat(page.locator("#parcel-title")).hasText("Parcel #" + first.get("number").asInt());
        assertThat(page.locator("#parcel-map path.parcel-shape.here")).hasCount(1);
        assertAllFromThisNode(requests);
        assertThat(requests).anyMatch(u -> u.contains("/static/leaflet/dist/leaflet-src.esm.js"));
        assertThat(requests).anyMatch(u -> u.contains("/static/map/land.geojson"));

        // axe, injected as a script of its own, needs a profile without the pages' CSP
        Page checked = newPage(newProfile(1280, 900, true));
        checked.navigate(url("/land"));
        assertThat(checked.locator("body")).hasAttribute("data-ready", "true");
        assertThat(seriousAxeViolations(checked)).as("axe, light, laptop, no key").isEmpty();
    }

    @Test
    void aHolderSeesTheirParcelsAndDepositsAndABidderTheirBid() {
        JsonNode withBid = allParcels().stream().filter(p -> !p.get("bid").isNull()).findFirst().orElse(null);
        JsonNode held = allParcels().stream().filter(p -> p.get("state").asText().equals("held")).findFirst()
                .orElseThrow();
        String holder = nameOf(held.get("holder").asText());
        Page page = withKey(holder, 1280, 900, ColorScheme.LIGHT);
        page.navigate(url("/land"));
        JsonNode mine = get("land/holdings/" + keys.get(holder).did());
        Locator rows = page.locator("#mine-parcels tbody tr");
        assertThat(rows).hasCount(mine.get("parcels").size());
        Locator row = page.locator("#mine-parcels tr[data-parcel='" + held.get("number").asInt() + "']");
        assertThat(row.locator("a")).hasAttribute("href", "parcel?n=" + held.get("number").asInt());
        // the deposits fall as the tax accrues, by the millisecond: the figure is the node's of a moment ago
        assertThat(page.locator("#land-mine-summary")).containsText(Pattern.compile("Parcels you hold: "
                + mine.get("parcels").size() + ", with [0-9.,]+ HRT in deposits"));
        assertThat(seriousAxeViolations(page)).as("axe, a holder's holdings").isEmpty();
        screenshot(page, "land-holdings");

        if (withBid != null) {
            String bidder = nameOf(withBid.at("/bid/bidder").asText());
            Page other = withKey(bidder, 1280, 900, ColorScheme.LIGHT);
            other.navigate(url("/land"));
            assertThat(other.locator("#mine-bids tr[data-parcel='" + withBid.get("number").asInt() + "']")).isVisible();
            long collateral = withBid.at("/bid/price/minor").asLong() + withBid.at("/bid/deposit/minor").asLong();
            assertThat(other.locator("#mine-bids tr[data-parcel='" + withBid.get("number").asInt() + "'] td").nth(1))
                    .hasText(RoundsPageTest.units(JSON.createObjectNode().put("minor", collateral)) + " HRT");
        }
    }

    @Test
    void theListsAndTheMapFollowANewBlock() {
        JsonNode held = allParcels().stream().filter(p -> p.get("tenure").asText().equals("harberger")
                && p.get("state").asText().equals("held") && p.get("bid").isNull()).findFirst().orElse(null);
        org.junit.jupiter.api.Assumptions.assumeTrue(held != null, "a Harberger parcel held without a bid");
        int n = held.get("number").asInt();
        Page page = newPage(newProfile(1280, 900, false));
        page.navigate(url("/land"));
        assertThat(page.locator("body")).hasAttribute("data-ready", "true");
        Locator price = page.locator("#territory-list tr[data-parcel='" + n + "'] td.num").first();
        assertThat(price).hasText(RoundsPageTest.units(held.get("price")) + " HRT");
        long raised = held.at("/price/minor").asLong() + 1_500_000L;
        submit(keys.get(nameOf(held.get("holder").asText())), new org.phyle.core.land.LandTx.SetPrice(n, raised));
        assertThat(price).hasText(RoundsPageTest.units(JSON.createObjectNode().put("minor", raised)) + " HRT");
        // redrawn, not drawn twice
        assertThat(page.locator("#land-map path.parcel-shape")).hasCount(get("land/territories").get("parcels").asInt());
    }

    @Test
    void onAPhoneInTheDarkInPortugueseWithoutAxeViolations() {
        Page page = newPage(newProfile(RoundsPageTest.PHONE, 844, true, ColorScheme.DARK));
        page.navigate(url("/land"));
        assertThat(page.locator("body")).hasAttribute("data-ready", "true");
        assertThat(page.locator("#land-map path.parcel-shape")).hasCount(get("land/territories").get("parcels").asInt());
        assertNoHorizontalScroll(page);
        assertThat(seriousAxeViolations(page)).as("axe, dark phone").isEmpty();
        screenshot(page, "land-phone-dark");
        RoundsPageTest.docShot(page, "#land-map-card", "land-phone-dark");

        page.getByLabel("Language").selectOption("pt");
        assertThat(page.locator("#land-title")).hasText("Terra");
        assertThat(page.locator("#territory-list")).containsText("Imposto de Harberger: 7% por ano");
        assertThat(page.locator("#land-legend")).containsText("Em leilão");
        assertNoHorizontalScroll(page);
        assertThat(seriousAxeViolations(page)).as("axe, dark phone, Portuguese").isEmpty();
        screenshot(page, "land-phone-pt");
    }

    @Test
    void withoutJavaScriptTheLandAndAParcelReadFromTheServerInBothLanguages() {
        JsonNode land = get("land/territories");
        for (String locale : List.of("en-GB", "pt-PT")) {
            boolean pt = locale.startsWith("pt");
            BrowserContext context = browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                    .setViewportSize(RoundsPageTest.PHONE, 844).setLocale(locale).setJavaScriptEnabled(false));
            Page page = newPage(context);
            page.navigate(url("/land"));
            assertThat(page.locator("#land-ssr h1")).hasText(pt ? "Terra" : "Land");
            assertThat(page.locator("#land-map-card")).isHidden();
            assertThat(page.locator(".ssr-parcels a[href^='parcel?n=']")).hasCount(land.get("parcels").asInt());
            assertThat(page.locator("#ssr")).containsText(pt ? "Imposto de Harberger: 7% por ano"
                    : "Harberger tax: 7% a year");
            assertThat(page.locator("#ssr")).containsText(pt ? "Imposto sobre o valor da terra: 2% por ano"
                    : "Land value tax: 2% a year");
            assertNoHorizontalScroll(page);
            screenshot(page, "noscript-land" + (pt ? "-pt" : ""));

            // a parcel with a building, reached by its link
            JsonNode built = allParcels().stream().filter(p -> p.get("buildings").asInt() > 0).findFirst().orElseThrow();
            int n = built.get("number").asInt();
            page.locator(".ssr-parcels a[href='parcel?n=" + n + "']").click();
            assertThat(page.locator("#parcel-ssr h1")).hasText((pt ? "Parcela n.º " : "Parcel #") + n);
            assertThat(page.locator("#ssr-buildings a").first()).hasAttribute("href", Pattern.compile("^building\\?n="));
            assertThat(page.locator("#ssr-history tbody tr")).hasCount(get("land/parcels/" + n).get("history").size());
            assertThat(page.locator("#parcel-act-card")).isHidden();
            assertNoHorizontalScroll(page);
            screenshot(page, "noscript-parcel" + (pt ? "-pt" : ""));
        }
        // with scripts, the same address opens the interactive parcel
        Page page = newPage(newProfile(1280, 900, false));
        page.navigate(url("/parcel?n=0"));
        assertThat(page.locator("#parcel-title")).hasText("Parcel #0");
        assertThat(page.locator("#ssr")).hasCount(0);
    }
}

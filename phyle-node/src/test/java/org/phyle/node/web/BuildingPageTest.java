package org.phyle.node.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ColorScheme;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.phyle.core.SocietyView;
import org.phyle.core.land.BuildingTax;
import org.phyle.core.land.Land;
import org.phyle.core.land.LandTx;
import org.phyle.core.tx.TxBody;
import org.phyle.core.tx.TxSigner;
import org.phyle.crypto.Hash;
import org.phyle.crypto.Jcs;
import org.phyle.crypto.SigningKey;
import org.phyle.crypto.ring.Blsag;
import org.phyle.crypto.ring.Ring;
import org.phyle.crypto.ring.RingKeyPair;
import org.phyle.node.TestNodes;
import org.phyle.node.demo.DemoSociety;

/**
 * The building page: on the shared demo, a building's rate, its counts, its ring and its rate history as a chart and a
 * table, on a 390 px phone in the dark, in English and Portuguese, with no axe violations, and without JavaScript.
 * And the whole anonymous opinion from a browser, on a demo node of its own (whose clock the test steps a whole ring
 * epoch ahead, which the shared demo's other tests must not see): a demo citizen who lives by a building makes and
 * registers an opinion key in the browser, is told it comes into force at the next epoch, records the next epoch's
 * ring, approves, disapproves and withdraws; the building's counts and rate follow, and on the ledger the opinions
 * are signed by one-time keys, never by the citizen's.
 */
class BuildingPageTest extends WebTest {
    static final int PHONE = 390;

    /** The demo's buildings, by number. */
    static List<JsonNode> demoBuildings(String base) {
        List<JsonNode> out = new ArrayList<>();
        getAt(base, "land/buildings").get("buildings").forEach(out::add);
        assertThat(out).as("buildings in the demo").isNotEmpty();
        return out;
    }

    @Test
    void theRateAndItsHistoryOnAPhoneInTheDarkInBothLanguages() {
        JsonNode first = demoBuildings(node.url()).get(0);
        int n = first.get("number").asInt();
        JsonNode b = get("land/buildings/" + n);
        Page page = newPage(newProfile(PHONE, 844, true, ColorScheme.DARK));
        page.navigate(url("/building?n=" + n));
        assertThat(page.locator("#building-title")).hasText(b.get("description").asText());
        assertThat(page.locator("#building-rate-now [data-percent]")).hasAttribute("data-percent",
                b.get("rate").get("percent").asText());
        assertThat(page.locator("#building-rate-now dd")).hasText(b.get("rate").get("percent").asText() + "%");
        assertThat(page.locator("#building-neighbours dd")).hasText(b.get("neighbours").asText());
        assertThat(page.locator("#building-approvals dd")).hasText(b.get("approvals").asText());
        assertThat(page.locator("#building-disapprovals dd")).hasText(b.get("disapprovals").asText());
        assertThat(page.locator("#building-ring")).hasAttribute("data-epoch", b.get("epoch").asText());
        assertThat(page.locator("#building-parcel")).hasAttribute("href", "parcel?n=" + b.get("parcel").asInt());
        assertThat(page.locator("#building-territory")).hasAttribute("href", "land#territory="
                + b.get("territory").asInt());
        assertThat(page.locator("#building-territory")).hasText(b.get("territoryName").asText());
        String code = get("economy").get("currency").get("code").asText();
        assertThat(page.locator("#building-facts [data-fact=value] dd")).hasText(new java.math.BigDecimal(
                b.get("value").get("minor").asLong()).movePointLeft(6).stripTrailingZeros().toPlainString() + " " + code);
        assertThat(page.locator("#building-history-chart svg")).isVisible();
        assertThat(page.locator("#building-history-body tr")).hasCount(b.get("history").size());
        assertThat(page.locator("#building-opinion-body #opinion-no-key")).isVisible();
        assertThat(page.locator(".site-nav a[aria-current=page]")).hasCount(1);
        assertNoHorizontalScroll(page);
        assertThat(seriousAxeViolations(page)).as("axe, phone, dark, English").isEmpty();
        screenshot(page, "building-phone-dark");
        RoundsPageTest.docShot(page, "#building-rate", "building-phone-dark");

        page.getByLabel("Language").selectOption("pt");
        assertThat(page.locator("#building-rate-title")).hasText("A taxa atual");
        assertThat(page.locator("#building-history-title")).hasText("A taxa ao longo do tempo");
        assertThat(page.locator("#building-rate-now dd")).hasText(b.get("rate").get("percent").asText()
                .replace('.', ',') + "%");
        assertThat(page.locator("#building-history-chart svg")).isVisible();
        assertNoHorizontalScroll(page);
        assertThat(seriousAxeViolations(page)).as("axe, phone, dark, Portuguese").isEmpty();
        screenshot(page, "building-phone-dark-pt");

        // the list of buildings, and a number that is no building's
        Page laptop = newPage(newProfile(1280, 900, true));
        laptop.navigate(url("/building"));
        assertThat(laptop.locator("#buildings-list li")).hasCount(demoBuildings(node.url()).size());
        laptop.locator("#buildings-list a").first().click();
        assertThat(laptop.locator("#building-title")).hasText(first.get("description").asText());
        assertThat(seriousAxeViolations(laptop)).as("axe, laptop, light").isEmpty();
        laptop.navigate(url("/building?n=999999"));
        assertThat(laptop.locator("#building-problem")).hasText("There is no building #999999.");
    }

    @Test
    void withoutJavaScriptTheRateAndItsHistoryAreText() {
        JsonNode first = demoBuildings(node.url()).get(0);
        int n = first.get("number").asInt();
        JsonNode b = get("land/buildings/" + n);
        for (String locale : List.of("en-GB", "pt-PT")) {
            BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(PHONE, 900)
                    .setLocale(locale).setJavaScriptEnabled(false));
            context.setDefaultTimeout(15_000);
            Page page = newPage(context);
            page.navigate(url("/building?n=" + n));
            boolean pt = locale.startsWith("pt");
            assertThat(page.locator("#building-ssr h1")).hasText(b.get("description").asText());
            assertThat(page.locator("#building-ssr")).containsText(new java.math.BigDecimal(b.get("value").get("minor")
                    .asLong()).movePointLeft(6).stripTrailingZeros().toPlainString().replace('.', pt ? ',' : '.') + " "
                    + get("economy").get("currency").get("code").asText());
            String percent = b.get("rate").get("percent").asText();
            assertThat(page.locator("#ssr-rate")).hasText((pt ? percent.replace('.', ',') : percent) + "%");
            assertThat(page.locator("#ssr-history tbody tr")).hasCount(b.get("history").size());
            assertThat(page.locator("#building-ssr")).containsText(pt ? "A taxa atual" : "The tax rate now");
            assertThat(page.locator("#building-title")).hasCount(0);
            assertNoHorizontalScroll(page);
            screenshot(page, "noscript-building-" + (pt ? "pt" : "en"));
            page.navigate(url("/building"));
            assertThat(page.locator("#ssr-buildings li")).hasCount(demoBuildings(node.url()).size());
            context.close();
        }
    }

    // ---- the anonymous opinion on the shared demo --------------------------------------------------------------

    /** An opinion key file as `phyle land opinion-key` writes it (OpinionKeyFile), in the downloads directory. */
    static Path opinionKeyFile(String did, RingKeyPair pair) {
        try {
            Path file = DOWNLOADS.resolve("opinion-" + System.nanoTime() + ".opinion");
            java.nio.file.Files.writeString(file, JSON.createObjectNode().put("kind", "phyle-opinion-key")
                    .put("did", did).put("public", b64(pair.publicKey().encode()))
                    .put("secret", b64(pair.secret().encode())).toPrettyString());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** On the building page: brings an opinion key file into the browser. */
    static void bringOpinionKey(Page page, Path file) {
        if (page.locator("#opinion-key-file").getAttribute("open") == null) {
            page.locator("#opinion-key-file summary").click();
        }
        page.getByLabel("Bring in an opinion key file").setInputFiles(file);
    }

    @Test
    void theSilentNeighbourSpeaksAnonymouslyFromTheBrowser() {
        // the demo's workshop: its ring is recorded and five of its six neighbours have spoken; one is silent
        JsonNode building = null;
        for (JsonNode b : demoBuildings(node.url())) {
            JsonNode d = get("land/buildings/" + b.get("number").asInt());
            if (d.get("ring").isObject() && d.get("ring").get("epoch").asLong() == d.get("epoch").asLong()) {
                building = d;
                break;
            }
        }
        assertThat(building).as("a demo building with a ring this epoch").isNotNull();
        int n = building.get("number").asInt();
        Map<String, RingKeyPair> opinionKeys = org.phyle.node.demo.DemoLand.opinionKeys(node.dir);
        List<String> tags = new ArrayList<>();
        building.get("opinions").forEach(o -> tags.add(o.get("tag").asText()));
        String silent = null;
        for (Map.Entry<String, RingKeyPair> e : opinionKeys.entrySet()) {
            String tag = b64(Blsag.linkingTag(e.getValue(), BuildingTax.context(society, n)).encode());
            if (!tags.contains(tag) && currentCitizen(e.getKey()) && building.get("ring").get("members").toString()
                    .contains(b64(e.getValue().publicKey().encode()))) {
                silent = e.getKey();
            }
        }
        assertThat(silent).as("a silent neighbour in the demo's ring").isNotNull();
        SigningKey citizen = keys.get(silent);
        int approvals = building.get("approvals").asInt();
        int disapprovals = building.get("disapprovals").asInt();
        int ringSize = building.get("ring").get("members").size();

        Page page = newPage(newProfile(1280, 900, true));
        restoreKey(page, writeBackup(citizen, PASSPHRASE, silent), PASSPHRASE);
        page.navigate(url("/building?n=" + n));
        // the key is registered, but not in this browser: it is brought in from the command line's file
        assertThat(page.locator("#opinion-need-key")).containsText("was made in another browser");
        String other = demoPeople(1, List.of(silent), "another citizen", WebTest::currentCitizen).get(0);
        bringOpinionKey(page, opinionKeyFile(keys.get(other).did(), opinionKeys.get(silent)));
        assertThat(page.locator("#opinion-key-file-status")).hasText(
                "That opinion key was registered by another key, not yours.");
        bringOpinionKey(page, opinionKeyFile(citizen.did(), opinionKeys.get(silent)));
        assertThat(page.locator("#opinion-key-file-status")).hasText("The opinion key is now kept in this browser.");
        assertThat(page.locator("#opinion-mine")).containsText(ringSize == 1 ? "the only neighbour in" : "one of the " + ringSize + " neighbours");
        assertThat(page.locator("#opinion-current")).hasAttribute("data-opinion", "none");
        assertThat(page.locator("#opinion-withdraw")).hasCount(0);
        screenshot(page, "building-opinion-silent");

        // approve: the counts and the rate follow; on the ledger, the opinion is signed by a one-time key
        page.locator("#opinion-approve").click();
        Locator feedback = page.locator("#building-feedback");
        assertThat(feedback).hasAttribute("data-state", "committed");
        assertThat(feedback).containsText("Said anonymously: approve");
        String approveTx = feedback.locator("a.receipt-link").getAttribute("data-txid");
        assertThat(page.locator("#building-approvals dd")).hasText(String.valueOf(approvals + 1));
        assertThat(page.locator("#opinion-current")).hasAttribute("data-opinion", "approve");
        JsonNode detail = get("land/buildings/" + n);
        assertThat(detail.get("approvals").asInt()).isEqualTo(approvals + 1);
        assertThat(detail.get("opinions")).hasSize(tags.size() + 1);
        String tag = b64(Blsag.linkingTag(opinionKeys.get(silent), BuildingTax.context(society, n)).encode());
        JsonNode mine = null;
        for (JsonNode o : detail.get("opinions")) {
            if (o.get("tag").asText().equals(tag)) {
                mine = o;
            }
        }
        assertThat(mine).as("the opinion under the browser's linking tag").isNotNull();
        assertThat(mine.get("opinion").asText()).isEqualTo("approve");
        assertThat(mine.get("seq").asLong()).isEqualTo(1);
        // 5% × (N + D − A) / (2N)
        assertThat(new java.math.BigDecimal(detail.get("rate").get("percent").asText())).isEqualByComparingTo(
                java.math.BigDecimal.valueOf(500L * (ringSize + disapprovals - approvals - 1))
                        .divide(java.math.BigDecimal.valueOf(200L * ringSize), 3, java.math.RoundingMode.HALF_EVEN));
        assertThat(page.locator("#building-rate-now [data-percent]")).hasAttribute("data-percent",
                detail.get("rate").get("percent").asText());
        JsonNode payload = entryOf(node.url(), approveTx).get("payload");
        assertThat(payload.get("type").asText()).isEqualTo("land.opinion");
        assertThat(payload.get("signer").asText()).as("the envelope's key").isNotEqualTo(citizen.did());
        assertThat(payload.toString()).doesNotContain(citizen.did());
        assertThat(payload.get("body").get("opinion").asText()).isEqualTo("approve");
        screenshot(page, "building-opinion-approved");
        RoundsPageTest.docShot(page, "#building-opinion", "building-opinion-approved");
        page.locator("#opinion-key-file summary").click();
        com.microsoft.playwright.Download download = page.waitForDownload(() -> page.locator("#opinion-key-download")
                .click());
        try {
            JsonNode file = JSON.readTree(java.nio.file.Files.readString(download.path()));
            assertThat(file.get("secret").asText()).isEqualTo(b64(opinionKeys.get(silent).secret().encode()));
            assertThat(file.get("did").asText()).isEqualTo(citizen.did());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }

        // a change of mind, by keyboard: disapprove (seq 2, the same tag, another one-time key), then withdraw
        page.locator("#opinion-approve").focus();
        page.keyboard().press("Tab");
        assertThat(page.locator("#opinion-disapprove")).isFocused();
        page.keyboard().press("Enter");
        assertThat(feedback).containsText("Said anonymously: disapprove");
        String disapproveTx = feedback.locator("a.receipt-link").getAttribute("data-txid");
        assertThat(page.locator("#building-approvals dd")).hasText(String.valueOf(approvals));
        assertThat(page.locator("#building-disapprovals dd")).hasText(String.valueOf(disapprovals + 1));
        assertThat(page.locator("#opinion-disapprove")).isFocused(); // the keyboard stays on the button
        JsonNode second = entryOf(node.url(), disapproveTx).get("payload");
        assertThat(second.get("signer").asText()).isNotEqualTo(citizen.did())
                .isNotEqualTo(payload.get("signer").asText());
        assertThat(second.get("body").get("seq").asLong()).isEqualTo(2);
        assertThat(get("land/buildings/" + n).get("opinions")).as("one tag: the newer opinion replaces the older")
                .hasSize(tags.size() + 1);
        page.locator("#opinion-withdraw").click();
        assertThat(feedback).containsText("Said anonymously: nothing (withdrawn)");
        assertThat(page.locator("#building-disapprovals dd")).hasText(String.valueOf(disapprovals));
        assertThat(page.locator("#opinion-current")).hasAttribute("data-opinion", "none");
        assertThat(page.locator("#opinion-approve")).isFocused(); // the keyboard stays in the box
        detail = get("land/buildings/" + n);
        assertThat(detail.get("approvals").asInt()).isEqualTo(approvals);
        assertThat(detail.get("disapprovals").asInt()).isEqualTo(disapprovals);
        assertThat(detail.get("rate")).isEqualTo(building.get("rate"));
        assertThat(page.locator("#building-history-body tr")).hasCount(detail.get("history").size());
        assertThat(seriousAxeViolations(page)).as("axe, with the opinion buttons").isEmpty();
        screenshot(page, "building-opinion-withdrawn");
    }

    @Test
    void aResidentWithoutAnOpinionKeyRegistersOneAndIsToldWhenItCounts() {
        // a building with no ring this epoch, and a demo citizen residing on its parcel with no opinion key
        JsonNode building = null;
        String name = null;
        for (JsonNode b : demoBuildings(node.url())) {
            JsonNode d = get("land/buildings/" + b.get("number").asInt());
            if (d.get("ring").isObject() && d.get("ring").get("epoch").asLong() == d.get("epoch").asLong()) {
                continue;
            }
            for (String r : residentsOf(node, keys, d.get("parcel").asInt())) {
                JsonNode k = get("land/opinion-keys/" + keys.get(r).did());
                if (currentCitizen(r) && k.get("current").isNull() && k.get("next").isNull()) {
                    building = d;
                    name = r;
                }
            }
        }
        assertThat(name).as("a demo resident without an opinion key by a building without a ring").isNotNull();
        int n = building.get("number").asInt();
        SigningKey citizen = keys.get(name);
        Page page = newPage(newProfile(PHONE, 844, true, ColorScheme.DARK));
        restoreKey(page, writeBackup(citizen, PASSPHRASE, name), PASSPHRASE);
        page.navigate(url("/building?n=" + n));
        assertThat(page.locator("#opinion-no-ring")).isVisible();
        assertThat(page.locator("#building-rate-now [data-percent]")).hasAttribute("data-percent", "2.5");
        assertThat(page.locator("#opinion-need-key")).containsText("It comes into force at the next epoch");
        assertNoHorizontalScroll(page);
        assertThat(seriousAxeViolations(page)).as("axe, phone, dark, the offers").isEmpty();
        screenshot(page, "building-no-ring-no-key-phone-dark");

        // nobody near has a key in force: recording the ring is refused in words, and nothing is recorded
        page.locator("#opinion-record-ring").click();
        Locator feedback = page.locator("#building-feedback");
        assertThat(feedback).hasAttribute("data-state", "rejected");
        assertThat(feedback).containsText("Nobody near this building has an opinion key in force yet");
        assertThat(get("land/buildings/" + n).get("ring").isNull()
                || get("land/buildings/" + n).get("ring").get("epoch").asLong() != building.get("epoch").asLong())
                .isTrue();

        // the opinion key: made in the browser, registered by the citizen's key, in force from the next epoch
        page.locator("#opinion-make-key").click();
        assertThat(feedback).hasAttribute("data-state", "committed");
        assertThat(feedback).containsText("It is in force from the next epoch");
        JsonNode k = get("land/opinion-keys/" + citizen.did());
        assertThat(k.get("next").asText()).hasSize(43);
        assertThat(k.get("from").asLong()).isEqualTo(building.get("epoch").asLong() + 1);
        String heldScript = "async (did) => {\n"
                + "  const k = await import('./static/js/opinion-keys.js');\n"
                + "  const x = await import('./static/js/bytes.js');\n"
                + "  return (await k.loadOpinionKeys(did)).map((p) => x.toBase64Url(p.publicKey));\n"
                + "}";
        Object held = page.evaluate(heldScript, citizen.did());
        assertThat(list(held)).as("the secret stays in this browser").containsExactly(k.get("next").asText());
        String txId = feedback.locator("a.receipt-link").getAttribute("data-txid");
        assertThat(entryOf(node.url(), txId).get("payload").get("signer").asText()).isEqualTo(citizen.did());
        assertThat(page.locator("#opinion-key-pending")).containsText("comes into force with epoch "
                + (building.get("epoch").asLong() + 1));
        assertThat(page.locator("#opinion-make-key")).hasCount(0);
        screenshot(page, "building-key-pending-phone-dark");

        // forgetting the key on this device forgets its opinion keys too
        page.navigate(url("/me"));
        page.locator("#me-forget summary").click();
        page.locator("#forget-key").click();
        assertThat(page.locator("#identity-chip")).hasAttribute("data-state", "none");
        assertThat(list(page.evaluate(heldScript, citizen.did()))).isEmpty();
    }

    // ---- the whole way, on a node of its own ------------------------------------------------------------------

    @Test
    void aNewNeighbourRegistersAKeyRecordsTheNextRingAndSpeaks() {
        try (TestNodes.Running own = TestNodes.demo()) {
            String base = own.url();
            Map<String, SigningKey> ownKeys = DemoSociety.keys(own.dir);
            Hash ownSociety = own.node.read(SocietyView::id);
            // a building with no ring this epoch, and the demo people who live on its parcel, none with an opinion key
            JsonNode building = null;
            List<String> residents = new ArrayList<>();
            for (JsonNode b : demoBuildings(base)) {
                JsonNode d = getAt(base, "land/buildings/" + b.get("number").asInt());
                List<String> here = residentsOf(own, ownKeys, d.get("parcel").asInt());
                boolean keyless = here.stream().allMatch(r -> getAt(base, "land/opinion-keys/" + ownKeys.get(r).did())
                        .get("next").isNull());
                if (!here.isEmpty() && keyless && (d.get("ring").isNull()
                        || d.get("ring").get("epoch").asLong() != d.get("epoch").asLong())) {
                    building = d;
                    residents = here;
                }
            }
            assertThat(building).as("a demo building without a ring, with keyless residents").isNotNull();
            int n = building.get("number").asInt();
            String name = residents.get(0);
            SigningKey citizen = ownKeys.get(name);

            // a neighbour registers an opinion key too (from Java), so that the ring is more than the browser
            for (String other : residents.subList(1, residents.size())) {
                RingKeyPair k = RingKeyPair.generate(new SecureRandom());
                String did = ownKeys.get(other).did();
                submitTo(own, ownSociety, ownKeys.get(other), new LandTx.OpinionKey(b64(k.publicKey().encode()),
                        b64(Blsag.sign(BuildingTax.keyProofMessage(ownSociety, did), Ring.of(List.of(k.publicKey())),
                                k, BuildingTax.keyProofContext(ownSociety), new SecureRandom()).encode())));
            }

            BrowserContext context = newProfile(PHONE, 844, true, ColorScheme.LIGHT);
            Page page = newPage(context);
            restoreKeyAt(page, base, writeBackup(citizen, PASSPHRASE, name), PASSPHRASE);
            page.navigate(base + "/building?n=" + n);
            assertThat(page.locator("#building-title")).hasText(building.get("description").asText());

            // no opinion key yet: make and register one, in force from the next epoch
            Locator make = page.locator("#opinion-make-key");
            assertThat(make).isVisible();
            assertThat(page.locator("#opinion-need-key")).containsText("comes into force at the next epoch");
            make.click();
            Locator feedback = page.locator("#building-feedback");
            assertThat(feedback).hasAttribute("data-state", "committed");
            assertThat(feedback).containsText("in force from the next epoch");
            JsonNode keys = getAt(base, "land/opinion-keys/" + citizen.did());
            long epoch = getAt(base, "land/buildings/" + n).get("epoch").asLong();
            assertThat(keys.get("next").asText()).hasSize(43);
            assertThat(keys.get("from").asLong()).isEqualTo(epoch + 1);
            assertThat(page.locator("#opinion-key-pending")).isVisible();
            screenshot(page, "building-new-neighbour-key-pending");

            // the next epoch: nobody can speak until its ring is recorded; the citizen records it
            own.clock().stepTo(getAt(base, "land/buildings/" + n).get("epochEnds").asLong() + 1_000);
            page.reload();
            assertThat(page.locator("#opinion-no-ring")).isVisible();
            assertThat(page.locator("#building-rate-now [data-percent]")).hasAttribute("data-percent", "2.5");
            page.locator("#opinion-record-ring").click();
            assertThat(feedback).hasAttribute("data-state", "committed");
            JsonNode detail = getAt(base, "land/buildings/" + n);
            int ringSize = detail.get("ring").get("members").size();
            assertThat(ringSize).isGreaterThanOrEqualTo(residents.size());
            assertThat(detail.get("ring").get("members").toString()).contains(keys.get("next").asText());
            assertThat(page.locator("#opinion-mine")).containsText(ringSize == 1 ? "the only neighbour in" : "one of the " + ringSize + " neighbours");
            assertThat(page.locator("#opinion-current")).hasAttribute("data-opinion", "none");

            // approve: the counts and the rate follow; the ledger's opinion is signed by a one-time key
            page.locator("#opinion-approve").click();
            assertThat(feedback).hasAttribute("data-state", "committed");
            assertThat(feedback).containsText("Said anonymously: approve");
            String approveTx = feedback.locator("a.receipt-link").getAttribute("data-txid");
            assertThat(page.locator("#building-approvals dd")).hasText("1");
            assertThat(page.locator("#opinion-current")).hasAttribute("data-opinion", "approve");
            detail = getAt(base, "land/buildings/" + n);
            assertThat(detail.get("approvals").asInt()).isEqualTo(1);
            assertThat(detail.get("opinions")).hasSize(1);
            assertThat(detail.get("opinions").get(0).get("seq").asLong()).isEqualTo(1);
            String tag = detail.get("opinions").get(0).get("tag").asText();
            // 5% × (N + D − A) / (2N) with A = 1, D = 0
            assertThat(page.locator("#building-rate-now [data-percent]")).hasAttribute("data-percent",
                    detail.get("rate").get("percent").asText());
            assertThat(new java.math.BigDecimal(detail.get("rate").get("percent").asText()))
                    .isEqualByComparingTo(java.math.BigDecimal.valueOf(5).multiply(java.math.BigDecimal.valueOf(
                            ringSize - 1)).divide(java.math.BigDecimal.valueOf(2L * ringSize), 3,
                            java.math.RoundingMode.HALF_EVEN));
            JsonNode payload = entryOf(base, approveTx).get("payload");
            assertThat(payload.get("type").asText()).isEqualTo("land.opinion");
            assertThat(payload.get("signer").asText()).isNotEqualTo(citizen.did());
            assertThat(payload.get("body").get("opinion").asText()).isEqualTo("approve");
            screenshot(page, "building-new-neighbour-approved");

            // change of mind: disapprove (seq 2, the same tag, another one-time key), then withdraw
            page.locator("#opinion-disapprove").click();
            assertThat(feedback).containsText("Said anonymously: disapprove");
            String disapproveTx = feedback.locator("a.receipt-link").getAttribute("data-txid");
            assertThat(page.locator("#building-approvals dd")).hasText("0");
            assertThat(page.locator("#building-disapprovals dd")).hasText("1");
            JsonNode second = entryOf(base, disapproveTx).get("payload");
            assertThat(second.get("signer").asText()).isNotEqualTo(citizen.did()).isNotEqualTo(payload.get("signer")
                    .asText());
            assertThat(second.get("body").get("seq").asLong()).isEqualTo(2);
            detail = getAt(base, "land/buildings/" + n);
            assertThat(detail.get("opinions")).hasSize(1);
            assertThat(detail.get("opinions").get(0).get("tag").asText()).as("one tag: the newer opinion replaces")
                    .isEqualTo(tag);
            assertThat(second.get("body").get("signature").asText()).isNotEqualTo(payload.get("body")
                    .get("signature").asText());
            page.locator("#opinion-withdraw").click();
            assertThat(feedback).containsText("Said anonymously: nothing (withdrawn)");
            assertThat(page.locator("#building-disapprovals dd")).hasText("0");
            assertThat(page.locator("#opinion-current")).hasAttribute("data-opinion", "none");
            detail = getAt(base, "land/buildings/" + n);
            assertThat(detail.get("approvals").asInt() + detail.get("disapprovals").asInt()).isZero();
            assertThat(detail.get("rate").get("percent").asText()).isEqualTo("2.5");
            assertThat(detail.get("history").size()).isGreaterThanOrEqualTo(4);
            assertThat(page.locator("#building-history-body tr")).hasCount(detail.get("history").size());
            assertThat(seriousAxeViolations(page)).as("axe, phone, with the opinion buttons").isEmpty();
            assertNoHorizontalScroll(page);
            screenshot(page, "building-new-neighbour-withdrawn");
            context.close();
        }
    }

    /** The demo people (by name) whose registered residence is this parcel. */
    static List<String> residentsOf(TestNodes.Running own, Map<String, SigningKey> ownKeys, int parcel) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, SigningKey> e : ownKeys.entrySet()) {
            JsonNode p = getAt(own.url(), "citizens/" + e.getValue().did());
            if (p == null || !p.get("did").asText().equals(e.getValue().did())) {
                continue;
            }
            int number = p.get("number").asInt();
            if (own.node.read(s -> s.view(Land.class).residenceOf(number)).filter(r -> r == parcel).isPresent()) {
                out.add(e.getKey());
            }
        }
        return out;
    }

    static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    // ---- a node of the test's own: HTTP helpers with its address ----------------------------------------------

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    static JsonNode getAt(String base, String path) {
        try {
            HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/" + path)).GET()
                    .build(), HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() == 404) {
                return null;
            }
            assertThat(r.statusCode()).as(new String(r.body())).isEqualTo(200);
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int ownNonce;

    static void submitTo(TestNodes.Running own, Hash society, SigningKey key, TxBody body) {
        byte[] envelope = Jcs.canonicalize(TxSigner.sign(society, key, body, "building" + ownNonce++,
                Math.max(System.currentTimeMillis(), own.clock().millis()) + 600_000));
        try {
            HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(URI.create(own.url() + "/api/v1/txs"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(envelope)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(r.statusCode()).as(new String(r.body())).isEqualTo(200);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The ledger's entry of a committed transaction (its envelope). */
    static JsonNode entryOf(String base, String txId) {
        JsonNode status = getAt(base, "txs/" + txId);
        long leaf = status.get("leafIndex").asLong();
        return getAt(base, "entries?start=" + leaf + "&end=" + (leaf + 1)).get("entries").get(0).get("entry");
    }

    /** On "my identity" of that node, in a profile with no key: restores a key from a backup file. */
    static void restoreKeyAt(Page page, String base, Path backup, String passphrase) {
        page.navigate(base + "/me");
        Locator form = page.locator("#key-panel #restore-key-form");
        form.getByLabel("Backup file").setInputFiles(backup);
        form.getByLabel("Passphrase", new Locator.GetByLabelOptions().setExact(true)).fill(passphrase);
        button(page, "Restore my key").click();
        assertThat(page.locator("#key-panel .key-summary")).isVisible();
        assertThat(page.locator("#identity-chip")).not().hasAttribute("data-state", Pattern.compile("none"));
    }
}

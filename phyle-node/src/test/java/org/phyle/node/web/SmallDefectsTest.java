package org.phyle.node.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.ColorScheme;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.phyle.core.citizenship.CitizenshipTx;
import org.phyle.core.governance.Ballot;
import org.phyle.core.governance.GovernanceTx;
import org.phyle.crypto.Hash;
import org.phyle.crypto.SigningKey;

/**
 * The small defects a newcomer met on a phone and a laptop, each fixed and kept fixed: a challenge whose jury is not
 * drawn yet, "1 more sponsor", ids unique on "my identity", the favicon, a quadratic slider at 0 that looks empty,
 * the ledger page's own heading, the instant-runoff rounds reachable by keyboard on a phone, an open proposal's
 * visible heading, an HTML page for an unknown address, a re-vote's credits said as the delegation box says them,
 * and the sticky compact header on a phone with a way back to the top.
 */
class SmallDefectsTest extends WebTest {
    private static final int PHONE = 390;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    static HttpResponse<String> raw(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url(path))).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aChallengeWhoseJuryIsNotDrawnSaysSo() {
        SigningKey suspect = applicant("Rui Repetido");
        String challenger = citizensWithVouchesLeft(1, 0, List.of()).get(0);
        JsonNode answer = submit(keys.get(challenger), new CitizenshipTx.Challenge(
                Hash.fromHex(get("citizens/" + suspect.did()).get("id").asText()), CitizenshipTx.Grounds.DUPLICATE,
                "Looks like someone already here.", Optional.empty()));
        String id = answer.get("txId").asText();
        Page page = newPage(newProfile());
        page.navigate(url("/citizens#challenge=" + id));
        Locator item = page.locator("#challenge-" + id);
        assertThat(item.locator(".tally")).hasText("No votes yet: the jury has not been drawn.");
        assertThat(item).not().containsText("of 0 decide");
    }

    @Test
    void oneMoreSponsorIsSingular() {
        Page page = newPage(newProfile());
        page.navigate(url("/proposals"));
        Object one = page.evaluate("async () => (await import('./static/js/governance.js')).statusLine("
                + "{ state: 'draft', sponsorsRequired: 3, sponsors: 2 }, 0)");
        Object two = page.evaluate("async () => (await import('./static/js/governance.js')).statusLine("
                + "{ state: 'draft', sponsorsRequired: 3, sponsors: 1 }, 0)");
        assertThat(one).isEqualTo("Waiting for 1 more sponsor.");
        assertThat(two).isEqualTo("Waiting for 2 more sponsors.");
    }

    @Test
    void myIdentityHasNoDuplicateIdsAndEveryPageHasAFavicon() throws Exception {
        Page page = newPage(newProfile());
        List<Integer> icons = new java.util.concurrent.CopyOnWriteArrayList<>();
        page.onResponse(r -> {
            if (r.url().contains("favicon")) {
                icons.add(r.status());
            }
        });
        page.navigate(url("/me"));
        assertThat(page.locator("#key-panel #restore-key-form")).isVisible();
        assertThat(page.locator("#replace-key-form")).hasCount(1);
        Object duplicates = page.evaluate("() => { const seen = new Set(), twice = [];"
                + " for (const e of document.querySelectorAll('[id]')) { if (seen.has(e.id)) twice.push(e.id);"
                + " seen.add(e.id); } return twice; }");
        assertThat(list(duplicates)).as("ids used twice on /me").isEmpty();
        assertThat(page.locator("link[rel=icon]")).hasAttribute("href", "static/favicon.svg");
        page.waitForCondition(() -> !icons.isEmpty());
        assertThat(icons).containsOnly(200);
        HttpResponse<String> ico = raw("/favicon.ico");
        assertThat(ico.statusCode()).isEqualTo(200);
        assertThat(ico.headers().firstValue("Content-Type").orElseThrow()).startsWith("image/svg+xml");
    }

    @Test
    void anUnknownAddressAnswersAPageAndTheApiStillAnswersProblemDetails() throws Exception {
        HttpResponse<String> api = raw("/api/v1/no-such-thing");
        assertThat(api.statusCode()).isEqualTo(404);
        assertThat(api.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        HttpResponse<String> html = raw("/no-such-page");
        assertThat(html.statusCode()).isEqualTo(404);
        assertThat(html.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(html.headers().firstValue("Content-Security-Policy")).isPresent();

        for (boolean phone : new boolean[] {false, true}) {
            Page page = newPage(newProfile(phone ? PHONE : 1280, phone ? PHONE_HEIGHT : 900, true));
            Response r = page.navigate(url("/no-such-page"));
            assertThat(r.status()).isEqualTo(404);
            assertThat(page.locator("h1")).hasText("There is no such page");
            assertThat(page.locator(".notfound-pages a")).hasCount(10);
            assertThat(page.locator("#identity-chip")).hasText("No key on this device");
            assertThat(seriousAxeViolations(page)).isEmpty();
            screenshot(page, "notfound-" + (phone ? "phone" : "laptop"));
        }
    }

    @Test
    void theLedgerPageIsHeadedAsTheLedger() {
        Page page = newPage(newProfile());
        page.navigate(url("/ledger"));
        assertThat(page.locator("#ledger-title")).hasText("The ledger of record");
        assertThat(page.locator("#society-name")).hasText(get("society").get("name").asText());
    }

    @Test
    void theRoundsTableScrollsByKeyboardOnAPhoneAndAnOpenProposalHasAVisibleHeading() {
        for (ColorScheme scheme : new ColorScheme[] {ColorScheme.LIGHT, ColorScheme.DARK}) {
            Page page = newPage(newProfile(PHONE, PHONE_HEIGHT, true, scheme));
            page.navigate(url("/proposals#proposal=" + ProposalsPageTest.proposalId("A name for the workshop")));
            assertThat(page.locator("#proposal-title")).hasText("A name for the workshop");
            assertThat(page.locator("h1:visible")).hasCount(1);
            assertThat(page.locator("h1:visible")).hasText("A name for the workshop");
            Locator wrap = page.locator("div.table-wrap:has(#rounds-table)");
            assertThat(wrap).hasAttribute("tabindex", "0");
            assertThat(wrap).hasAttribute("role", "region");
            wrap.focus();
            assertThat(wrap).isFocused();
            Object widths = wrap.evaluate("w => [w.scrollWidth, w.clientWidth]");
            if (((Number) list(widths).get(0)).intValue() > ((Number) list(widths).get(1)).intValue()) {
                page.keyboard().press("ArrowRight");
                page.keyboard().press("ArrowRight");
                page.waitForCondition(() -> ((Number) wrap.evaluate("w => w.scrollLeft")).intValue() > 0);
            }
            assertNoHorizontalScroll(page);
            assertThat(seriousAxeViolations(page)).isEmpty();
            screenshot(page, "proposals-rounds-phone-" + scheme.name().toLowerCase());
        }
    }

    @Test
    void aQuadraticSliderAtZeroLooksEmptyAndARevoteSaysWhatIsLeft() {
        List<String> early = ProposalsPageTest.earlyCitizens(8, List.of());
        String name = early.get(7);
        String round = ProposalsPageTest.proposalId("Public goods round: what to fund first");
        Page page = newPage(newProfile());
        page.navigate(url("/proposals"));
        restoreKey(page, writeBackup(keys.get(name), PASSPHRASE, name), PASSPHRASE);
        page.navigate(url("/proposals#proposal=" + round));
        Locator slider = page.locator("#qv-0");
        assertThat(slider).isVisible();
        ProposalsPageTest.slide(slider, 0);
        assertThat(slider).hasValue("0");
        assertThat(page.locator("#qv-0-cost")).hasText("0 votes: 0 credits");
        Object fill = slider.evaluate("s => [s.style.getPropertyValue('--fill-from'),"
                + " s.style.getPropertyValue('--fill-to')]");
        assertThat(list(fill).get(0)).as("the fill at 0 is empty").isEqualTo(list(fill).get(1));
        ProposalsPageTest.slide(slider, 2);
        fill = slider.evaluate("s => [parseFloat(s.style.getPropertyValue('--fill-from')),"
                + " parseFloat(s.style.getPropertyValue('--fill-to'))]");
        assertThat(((Number) list(fill).get(1)).doubleValue()).isGreaterThan(((Number) list(fill).get(0)).doubleValue());
        screenshot(page, "proposals-quadratic-slider");

        // a ballot cast, then the page again: the budget names what is left as the delegation box does
        String personId = get("citizens/" + keys.get(name).did()).get("id").asText();
        submit(keys.get(name), new GovernanceTx.Vote(Hash.fromHex(round), new Ballot.Quadratic(new int[] {3, 1, 0, 0})));
        JsonNode credits = get("delegations/" + personId).get("credits");
        int left = credits.get("left").asInt();
        page.reload();
        assertThat(page.locator("#delegation-credits")).containsText(left + " of " + credits.get("perEpoch").asInt()
                + " left");
        assertThat(page.locator("#qv-budget")).containsText("You have " + left + " voice credits left this epoch");
        assertThat(page.locator("#qv-budget")).containsText("the 10 your current ballot spent come back");
        assertThat(page.locator("#qv-budget")).containsText((left + 10) + " to spend on this ballot");
        screenshot(page, "proposals-quadratic-revote");
    }

    @Test
    void onAPhoneTheHeaderStaysAndALinkLeadsBackToTheTop() {
        for (ColorScheme scheme : new ColorScheme[] {ColorScheme.LIGHT, ColorScheme.DARK}) {
            Page page = newPage(newProfile(PHONE, PHONE_HEIGHT, true, scheme));
            page.navigate(url("/charter"));
            Locator header = page.locator(".site-header");
            assertThat(header).isVisible();
            double height = header.boundingBox().height;
            assertThat(height).as("the header's height on a phone").isLessThan(110);
            Locator toTop = page.locator("#to-top");
            assertThat(toTop).isHidden();
            page.mouse().wheel(0, 2500);
            page.waitForCondition(() -> ((Number) page.evaluate("() => scrollY")).intValue() > PHONE_HEIGHT);
            assertThat(toTop).isVisible();
            assertThat(header.boundingBox().y).as("the header stays at the top").isBetween(-1.0, 1.0);
            // the navigation is one row that scrolls sideways: every link can be reached, and the current one is shown
            assertThat(page.locator(".nav-list a[data-nav=ledger]")).isVisible();
            var current = page.locator(".nav-list a[aria-current=page]").boundingBox();
            assertThat(current.x).isGreaterThanOrEqualTo(0);
            assertThat(current.x + current.width).isLessThanOrEqualTo(PHONE);
            assertNoHorizontalScroll(page);
            screenshot(page, "header-phone-scrolled-" + scheme.name().toLowerCase());
            toTop.click();
            page.waitForCondition(() -> ((Number) page.evaluate("() => scrollY")).intValue() == 0);
            assertThat(page.locator("#main")).isFocused();
            assertThat(seriousAxeViolations(page)).isEmpty();
        }
    }
}

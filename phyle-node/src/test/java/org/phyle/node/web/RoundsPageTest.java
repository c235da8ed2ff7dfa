package org.phyle.node.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ColorScheme;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.phyle.core.economy.EconomyTx;
import org.phyle.crypto.SigningKey;
import org.phyle.node.demo.DemoSociety;

/**
 * The funding rounds page on the demo: the finished round shows its results (every project's match paid, what went
 * back to the treasury, the command that recomputes it); the open one its estimate as bars and a table, which follow
 * new blocks live when another citizen contributes and when a demo citizen (key brought into the browser)
 * contributes from the page; an amount typed wrongly is refused before signing, and a contribution to an unknown
 * project or outside the round's window is refused by the node in words with nothing changed; on a 390 px phone, dark,
 * in Portuguese, with no axe violations.
 */
class RoundsPageTest extends WebTest {
    static final int PHONE = 390;

    /** Demo citizens in good standing (current key) whose account can spend at least `units`, leaving out `except`. */
    static List<String> citizensWithMoney(int n, long units, List<String> except) {
        return demoPeople(n, except, "demo citizens with money", name -> currentCitizen(name)
                && get("accounts/" + keys.get(name).did()).get("spendable").get("minor").asLong() >= units * 1_000_000L);
    }

    /** The demo's rounds by phase: [the paid one, the one taking contributions]. */
    static int[] demoRounds() {
        int paid = -1;
        int open = -1;
        for (JsonNode r : get("rounds").get("rounds")) {
            switch (r.get("phase").asText()) {
                case "paid" -> paid = r.get("number").asInt();
                case "contributions" -> open = r.get("number").asInt();
                default -> { }
            }
        }
        assertThat(paid).as("a paid round in the demo").isNotNegative();
        assertThat(open).as("a round taking contributions in the demo").isNotNegative();
        return new int[] {paid, open};
    }

    static long minor(JsonNode amount) {
        return amount.get("minor").asLong();
    }

    /** An amount as the English page writes it, without its code: 1,234.5. */
    static String units(JsonNode amount) {
        long m = minor(amount);
        String fraction = String.format(java.util.Locale.ROOT, "%06d", m % 1_000_000L).replaceFirst("0+$", "");
        return String.format(java.util.Locale.UK, "%,d", m / 1_000_000L) + (fraction.isEmpty() ? "" : "." + fraction);
    }

    static long spendable(String did) {
        return minor(get("accounts/" + did).get("spendable"));
    }

    /**
     * A screenshot of what the screen shows with `selector` near its top, as a JPEG for the documentation
     * (target/screenshots/docs/), cut to the screen rather than the whole page.
     */
    static void docShot(Page page, String selector, String name) {
        page.waitForTimeout(400); // a page that routes to a section scrolls it into view once it has drawn it
        page.locator(selector).first().scrollIntoViewIfNeeded();
        page.evaluate("(s) => { document.querySelector(s).scrollIntoView({ block: 'start', behavior: 'instant' }); "
                + "scrollBy({ top: -90, behavior: 'instant' }); }", selector);
        page.screenshot(new Page.ScreenshotOptions().setType(com.microsoft.playwright.options.ScreenshotType.JPEG)
                .setQuality(82).setPath(SCREENSHOTS.resolve("docs").resolve(name + ".jpg")));
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("docs").resolve(name + ".png")));
    }

    /** A browser profile holding a demo citizen's key. */
    Page withKey(String name, int width, int height, ColorScheme scheme) {
        BrowserContext context = newProfile(width, height, true, scheme);
        Page page = newPage(context);
        restoreKey(page, writeBackup(keys.get(name), PASSPHRASE, name), PASSPHRASE);
        return page;
    }

    @Test
    void amountsAreConvertedToMinorUnitsExactly() {
        Page page = newPage(newProfile());
        page.navigate(url("/rounds"));
        Object answers = page.evaluate("async (inputs) => {\n"
                + "  const { parseAmount } = await import('./static/js/funding.js');\n"
                + "  return inputs.map((x) => { const r = parseAmount(x); return r.error ? r.error : String(r.minor); });\n"
                + "}", List.of("12", "2.5", "0,25", "0.000001", " 7 ", "9007199254.740991", "9007199254.740992",
                "1.0000001", "1e3", "-2", "0", "0.000000", "", "1 000", "1.", ".5", "0x10", "1,2.3", "١٢"));
        assertThat(list(answers)).containsExactly("12000000", "2500000", "250000", "1", "7000000",
                "9007199254740991", "large", "decimals", "format", "format", "zero", "zero", "empty", "format",
                "format", "format", "format", "format", "format");
    }

    @Test
    void theFinishedRoundShowsItsResults() {
        int paid = demoRounds()[0];
        JsonNode r = get("rounds/" + paid);
        Page page = newPage(newProfile(1280, 900, true));
        page.navigate(url("/rounds#round=" + paid));
        assertThat(page.locator("#round-title")).hasText(r.get("title").asText());
        assertThat(page.locator("#round-head .pill")).hasText("Paid out");
        assertThat(page.locator("#round-chart-title")).hasText("Match paid per project");
        assertThat(page.locator("#round-chart svg")).isVisible();
        assertThat(page.locator(".site-nav a[data-nav=economy]")).hasAttribute("aria-current", "page");
        Locator rows = page.locator("#round-table tbody tr");
        int shown = 0;
        long matched = 0;
        for (JsonNode p : r.get("projectList")) {
            Locator row = page.locator("#round-table tbody tr[data-project='" + p.get("index").asInt() + "']");
            assertThat(row).hasAttribute("data-match", String.valueOf(minor(p.get("match"))));
            assertThat(row).hasAttribute("data-contributors", String.valueOf(p.get("contributors").asInt()));
            assertThat(row.locator("td.paid")).isVisible();
            matched += minor(p.get("match"));
            shown++;
        }
        assertThat(rows).hasCount(shown);
        assertThat(matched).isEqualTo(minor(r.get("matching").get("distributed")));
        assertThat(page.locator("#round-distribution")).containsText("went back to the treasury");
        assertThat(page.locator("#round-verify-command")).hasText(Pattern.compile(
                "^phyle qf verify " + paid + " --node http://[^ ]+$"));
        assertThat(page.locator("#round-act form")).hasCount(0);
        // the list shows both rounds, open and finished
        assertThat(page.locator("#rounds-list li.round-row")).hasCount(get("rounds").get("count").asInt());
        assertThat(page.locator("#rounds-list li[data-phase=paid]")).hasCount(1);
        assertThat(seriousAxeViolations(page)).as("axe, light, laptop, no key").isEmpty();
        screenshot(page, "rounds-paid");
    }

    @Test
    void theOpenRoundsEstimateFollowsContributionsLive() {
        int open = demoRounds()[1];
        List<String> two = citizensWithMoney(2, 20, List.of());
        String me = two.get(0);
        String other = two.get(1);
        Page page = withKey(me, 1280, 900, ColorScheme.LIGHT);
        page.navigate(url("/rounds#round=" + open));
        assertThat(page.locator("#round-chart-title")).hasText("Estimated match per project");
        assertThat(page.locator("#round-chart svg")).isVisible();
        assertThat(page.locator("#contribute-who")).hasAttribute("data-citizen", "true");
        screenshot(page, "rounds-open");

        // another citizen contributes through the API: the page follows the new block by itself (and what the
        // reader unfolded stays unfolded)
        page.locator("#round-projects li[data-project='0'] details summary").click();
        JsonNode before = get("rounds/" + open);
        submit(keys.get(other), new EconomyTx.Contribute(open, 0, 3_000_000L));
        JsonNode after = get("rounds/" + open);
        assertThat(minor(after.get("projectList").get(0).get("total")))
                .isEqualTo(minor(before.get("projectList").get(0).get("total")) + 3_000_000L);
        Locator row0 = page.locator("#round-table tbody tr[data-project='0']");
        assertThat(row0).hasAttribute("data-total", String.valueOf(minor(after.get("projectList").get(0).get("total"))));
        assertThat(row0).hasAttribute("data-match", String.valueOf(minor(after.get("projectList").get(0).get("match"))));
        assertThat(page.locator("#round-chart")).hasAttribute("data-height", after.get("height").asText());
        assertThat(page.locator("#round-projects li[data-project='0'] details")).hasAttribute("open", "");

        // a malformed amount is refused before anything is signed
        long mine = spendable(keys.get(me).did());
        page.locator("#contribute-project").selectOption("1");
        for (String bad : new String[] {"1.0000001", "1e3", "-2", "0", ""}) {
            page.locator("#contribute-amount").fill(bad);
            button(page, "Sign and contribute").click();
            assertThat(page.locator("#contribute-amount-error")).isVisible();
            assertThat(page.locator("#contribute-amount")).hasAttribute("aria-invalid", "true");
        }
        assertThat(page.locator("#contribute-amount-error")).hasText("Type an amount.");
        assertThat(page.locator("#round-feedback")).isHidden();
        assertThat(spendable(keys.get(me).did())).isEqualTo(mine);

        // the citizen contributes 2.5 units to the second project from the page: the estimate moves without a reload
        JsonNode p1 = get("rounds/" + open).get("projectList").get(1);
        page.locator("#contribute-amount").fill("2.5");
        button(page, "Sign and contribute").click();
        assertThat(page.locator("#round-feedback")).hasAttribute("data-state", "committed");
        assertThat(page.locator("#round-feedback")).containsText("You gave 2.5 HRT to " + p1.get("title").asText());
        JsonNode now = get("rounds/" + open).get("projectList").get(1);
        assertThat(minor(now.get("total"))).isEqualTo(minor(p1.get("total")) + 2_500_000L);
        Locator row1 = page.locator("#round-table tbody tr[data-project='1']");
        assertThat(row1).hasAttribute("data-total", String.valueOf(minor(now.get("total"))));
        assertThat(row1).hasAttribute("data-match", String.valueOf(minor(now.get("match"))));
        assertThat(spendable(keys.get(me).did())).isEqualTo(mine - 2_500_000L);
        assertThat(page.locator("#contribute-amount")).hasValue("");
        screenshot(page, "rounds-contributed");
        docShot(page, "#round-chart-title", "rounds-estimate-live");
    }

    @Test
    void moneyFromSomeoneWhoIsNotACitizenIsAcceptedButNotMatched() {
        int open = demoRounds()[1];
        SigningKey applicant = applicant("Nina Sem-Cidadania");
        String giver = citizensWithMoney(1, 10, List.of()).get(0);
        submit(keys.get(giver), new EconomyTx.Transfer(applicant.did(), 5_000_000L, "a gift", false));
        BrowserContext context = newProfile(1280, 900, true);
        Page page = newPage(context);
        restoreKey(page, writeBackup(applicant, PASSPHRASE, "Nina"), PASSPHRASE);
        page.navigate(url("/rounds#round=" + open));
        Locator who = page.locator("#contribute-who");
        assertThat(who).hasAttribute("data-citizen", "false");
        assertThat(who).containsText("your money is welcome and goes to the project, but it is not matched");

        JsonNode before = get("rounds/" + open).get("projectList").get(2);
        page.locator("#contribute-project").selectOption("2");
        page.locator("#contribute-amount").fill("3");
        button(page, "Sign and contribute").click();
        assertThat(page.locator("#round-feedback")).hasAttribute("data-state", "committed");
        JsonNode after = get("rounds/" + open).get("projectList").get(2);
        assertThat(minor(after.get("total"))).isEqualTo(minor(before.get("total")) + 3_000_000L);
        assertThat(minor(after.get("uncounted"))).isEqualTo(minor(before.get("uncounted")) + 3_000_000L);
        assertThat(after.get("contributors")).isEqualTo(before.get("contributors"));
        assertThat(after.get("match")).isEqualTo(before.get("match"));
        Locator row = page.locator("#round-table tbody tr[data-project='2']");
        assertThat(row).hasAttribute("data-total", String.valueOf(minor(after.get("total"))));
        assertThat(row).hasAttribute("data-contributors", before.get("contributors").asText());
        assertThat(row).hasAttribute("data-match", String.valueOf(minor(before.get("match"))));
        assertThat(page.locator("#round-projects li[data-project='2'] .project-given"))
                .containsText("more came from others: welcome, but not matched");

        // more than the account holds: refused by the node, nothing moved
        long escrow = minor(get("rounds/" + open).get("escrow"));
        page.locator("#contribute-amount").fill("10");
        button(page, "Sign and contribute").click();
        assertThat(page.locator("#round-feedback")).hasAttribute("data-state", "rejected");
        assertThat(page.locator("#round-feedback code")).hasText("INSUFFICIENT_FUNDS");
        assertThat(spendable(applicant.did())).isEqualTo(2_000_000L);
        assertThat(minor(get("rounds/" + open).get("escrow"))).isEqualTo(escrow);
    }

    @Test
    void aContributionToAnUnknownProjectOrOutsideTheWindowIsRefusedInWords() {
        int[] rounds = demoRounds();
        String me = citizensWithMoney(1, 5, List.of()).get(0);
        String did = keys.get(me).did();
        Page page = withKey(me, 1280, 900, ColorScheme.LIGHT);
        page.navigate(url("/rounds#round=" + rounds[1]));
        assertThat(page.locator("#contribute-form")).isVisible();
        JsonNode open = get("rounds/" + rounds[1]);
        JsonNode paid = get("rounds/" + rounds[0]);
        long balance = spendable(did);

        // a page that lists a project the round does not have (as if it were stale): the node refuses
        page.evaluate("() => { const o = document.querySelector('#contribute-project option'); o.value = '99'; "
                + "o.selected = true; }");
        page.locator("#contribute-amount").fill("1");
        button(page, "Sign and contribute").click();
        Locator feedback = page.locator("#round-feedback");
        assertThat(feedback).hasAttribute("data-state", "rejected");
        assertThat(feedback).containsText("The round has no such project.");
        assertThat(feedback.locator("code")).hasText("UNKNOWN_PROJECT");
        assertThat(seriousAxeViolations(page)).as("axe, light, laptop, a refusal shown").isEmpty();
        screenshot(page, "rounds-refused-project");
        docShot(page, "#contribute-title", "rounds-refused-project");

        // the form of a round whose window has closed (the paid one): refused, nothing moved
        page.evaluate("(n) => { document.getElementById('contribute-form').dataset.round = String(n); "
                + "const o = document.querySelector('#contribute-project option'); o.value = '0'; }", rounds[0]);
        button(page, "Sign and contribute").click();
        assertThat(feedback.locator("code")).hasText("CONTRIBUTIONS_NOT_OPEN");
        assertThat(feedback).containsText("This round does not take contributions now");
        assertThat(feedback).containsText("The node says:");

        assertThat(spendable(did)).isEqualTo(balance);
        assertThat(get("rounds/" + rounds[1]).get("escrow")).isEqualTo(open.get("escrow"));
        assertThat(get("rounds/" + rounds[0]).get("projectList")).isEqualTo(paid.get("projectList"));
    }

    @Test
    void onAPhoneInTheDarkInPortugueseWithoutAxeViolations() {
        int[] rounds = demoRounds();
        String me = citizensWithMoney(1, 5, List.of()).get(0);
        Page page = withKey(me, PHONE, 844, ColorScheme.DARK);
        page.navigate(url("/rounds#round=" + rounds[1]));
        assertThat(page.locator("#contribute-form")).isVisible();
        assertThat(page.locator("#round-chart svg")).isVisible();
        assertNoHorizontalScroll(page);
        assertThat(seriousAxeViolations(page)).isEmpty();
        screenshot(page, "rounds-open-phone-dark");
        docShot(page, "#round-chart-title", "rounds-open-phone-dark");

        page.getByLabel("Language").selectOption("pt");
        assertThat(page.locator("#rounds-title")).hasText("Rondas de financiamento");
        assertThat(page.locator("#round-chart-title")).hasText("Complemento estimado por projeto");
        assertThat(page.locator("#round-head .pill")).hasText("Aberta a contribuições");
        assertThat(page.locator(".site-nav a[data-nav=economy]")).hasText("Economia");
        page.locator("#contribute-amount").fill("1,00000001");
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Assinar e contribuir")).click();
        assertThat(page.locator("#contribute-amount-error")).hasText(
                "Um montante tem no máximo seis casas decimais (um milionésimo de unidade).");
        assertNoHorizontalScroll(page);
        assertThat(seriousAxeViolations(page)).isEmpty();
        screenshot(page, "rounds-open-phone-pt");

        page.navigate(url("/rounds#round=" + rounds[0]));
        assertThat(page.locator("#round-head .pill")).hasText("Paga");
        assertThat(page.locator("#round-table tbody tr").first()).isVisible();
        assertNoHorizontalScroll(page);
        assertThat(seriousAxeViolations(page)).isEmpty();
        screenshot(page, "rounds-paid-phone-pt");
        docShot(page, "#round-chart-title", "rounds-paid-phone-pt");
    }
}

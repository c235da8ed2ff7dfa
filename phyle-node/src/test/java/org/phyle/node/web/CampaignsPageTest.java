package org.phyle.node.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.ColorScheme;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.phyle.core.economy.EconomyTx;

/**
 * The territory campaigns page on the demo: the funded campaign shows its pending territory record and the failed one
 * every pledge refunded; a demo citizen (key brought into the browser) pledges to the open campaign and its progress
 * bar moves, and moves again live when someone else pledges; a pledge after the deadline is refused by the node in
 * words with nothing changed; on a 390 px phone, dark, in Portuguese, with no axe violations.
 */
class CampaignsPageTest extends WebTest {

    /** The demo's campaigns by state: [funded, refunded, open]. */
    static int[] demoCampaigns() {
        int[] found = {-1, -1, -1};
        for (JsonNode c : get("campaigns").get("campaigns")) {
            switch (c.get("state").asText()) {
                case "funded" -> found[0] = c.get("number").asInt();
                case "refunded" -> found[1] = c.get("number").asInt();
                case "open" -> found[2] = c.get("number").asInt();
                default -> { }
            }
        }
        assertThat(found).as("a funded, a refunded and an open campaign in the demo").doesNotContain(-1);
        return found;
    }

    Page withKey(String name, int width, int height, ColorScheme scheme) {
        BrowserContext context = newProfile(width, height, true, scheme);
        Page page = newPage(context);
        restoreKey(page, writeBackup(keys.get(name), PASSPHRASE, name), PASSPHRASE);
        return page;
    }

    @Test
    void theFundedCampaignShowsItsTerritoryAndTheFailedOneItsRefunds() {
        int[] c = demoCampaigns();
        Page page = newPage(newProfile(1280, 900, true));
        JsonNode funded = get("campaigns/" + c[0]);
        page.navigate(url("/campaigns#campaign=" + c[0]));
        assertThat(page.locator("#campaign-title")).hasText(funded.get("title").asText());
        assertThat(page.locator("#campaign-head .pill")).hasText("Funded");
        assertThat(page.locator("#campaign-outcome")).hasAttribute("data-state", "funded");
        assertThat(page.locator("#campaign-outcome")).containsText("went to the treasury’s land budget");
        assertThat(page.locator("#campaign-territory")).containsText("Pending: the land registry completes it");
        assertThat(page.locator("#campaign-territory")).containsText(funded.get("territory").get("property").asText());
        assertThat(page.locator("#campaign-progress")).hasAttribute("value", "10000");
        assertThat(page.locator("#campaign-progress")).hasAttribute("aria-describedby", "campaign-progress-text");
        assertThat(page.locator("#campaign").getByRole(AriaRole.PROGRESSBAR, new Locator.GetByRoleOptions()
                .setName("Pledged toward the target of " + funded.get("title").asText()))).isVisible();
        assertThat(page.locator("#campaign-facts [data-fact=country] dd")).hasText("Portugal (PT)");
        assertThat(page.locator("#campaign-pledges tbody tr")).hasCount(funded.get("pledgeList").size());
        assertThat(page.locator("#campaign-pledges .pledge-state").first()).hasText("To the land budget");
        assertThat(page.locator("#campaign-act form")).hasCount(0);
        assertThat(page.locator(".site-nav a[data-nav=economy]")).hasAttribute("aria-current", "page");
        assertThat(seriousAxeViolations(page)).as("axe, light, laptop, no key").isEmpty();
        screenshot(page, "campaigns-funded");

        JsonNode failed = get("campaigns/" + c[1]);
        page.navigate(url("/campaigns#campaign=" + c[1]));
        assertThat(page.locator("#campaign-title")).hasText(failed.get("title").asText());
        assertThat(page.locator("#campaign-head .pill")).hasText("Refunded");
        assertThat(page.locator("#campaign-outcome")).hasAttribute("data-state", "refunded");
        assertThat(page.locator("#campaign-outcome")).containsText("every pledge was refunded");
        int pledges = failed.get("pledgeList").size();
        assertThat(pledges).isPositive();
        assertThat(page.locator("#campaign-outcome")).containsText(pledges + " pledges");
        assertThat(page.locator("#campaign-pledges tbody tr")).hasCount(pledges);
        assertThat(page.locator("#campaign-pledges .pledge-state:text-is('Refunded')")).hasCount(pledges);
        assertThat(failed.get("escrow").get("minor").asLong()).isZero();
        // the list: every campaign with its progress bar
        assertThat(page.locator("#campaigns-list li.campaign-row")).hasCount(get("campaigns").get("count").asInt());
        assertThat(page.locator("#campaigns-list li.campaign-row progress")).hasCount(get("campaigns").get("count")
                .asInt());
        screenshot(page, "campaigns-refunded");
    }

    @Test
    void aPledgeMovesTheProgressBarAndSoDoesSomeoneElsesLive() {
        int open = demoCampaigns()[2];
        List<String> two = RoundsPageTest.citizensWithMoney(2, 20, List.of());
        String me = two.get(0);
        Page page = withKey(me, 1280, 900, ColorScheme.LIGHT);
        page.navigate(url("/campaigns#campaign=" + open));
        JsonNode before = get("campaigns/" + open);
        Locator bar = page.locator("#campaign-progress");
        assertThat(bar).hasAttribute("value", before.get("progressBp").asText());
        assertThat(page.locator("#pledge-form")).isVisible();

        long balance = RoundsPageTest.spendable(keys.get(me).did());
        page.locator("#pledge-amount").fill("12,5");
        button(page, "Sign and pledge").click();
        assertThat(page.locator("#campaign-feedback")).hasAttribute("data-state", "committed");
        assertThat(page.locator("#campaign-feedback")).containsText("You pledged 12.5 HRT to");
        JsonNode after = get("campaigns/" + open);
        assertThat(after.get("pledged").get("minor").asLong()).isEqualTo(before.get("pledged").get("minor").asLong()
                + 12_500_000L);
        assertThat(after.get("progressBp").asLong()).isGreaterThan(before.get("progressBp").asLong());
        assertThat(bar).hasAttribute("value", after.get("progressBp").asText());
        assertThat(page.locator("#campaign-progress-text")).containsText(RoundsPageTest.units(after.get("pledged"))
                + " HRT pledged of 1,500 HRT");
        assertThat(page.locator("#campaign-mine")).containsText("You pledged 12.5 HRT here");
        assertThat(page.locator("#campaign-pledges tbody tr[data-pledger='" + keys.get(me).did() + "']")).hasCount(1);
        assertThat(RoundsPageTest.spendable(keys.get(me).did())).isEqualTo(balance - 12_500_000L);
        assertThat(seriousAxeViolations(page)).as("axe, light, laptop, after a pledge").isEmpty();
        screenshot(page, "campaigns-pledged");
        RoundsPageTest.docShot(page, "#campaign-back", "campaigns-pledged");

        // someone else pledges: the bar follows the new block without a reload
        submit(keys.get(two.get(1)), new EconomyTx.Pledge(open, 30_000_000L));
        JsonNode later = get("campaigns/" + open);
        assertThat(bar).hasAttribute("value", later.get("progressBp").asText());
        assertThat(page.locator("#campaign-pledges tbody tr")).hasCount(later.get("pledgeList").size());
        assertThat(page.locator("#campaigns-list li[data-number='" + open + "'] progress"))
                .hasAttribute("value", later.get("progressBp").asText());
    }

    @Test
    void aPledgeAfterTheDeadlineIsRefusedInWordsWithNothingChanged() {
        int[] c = demoCampaigns();
        String me = RoundsPageTest.citizensWithMoney(1, 5, List.of()).get(0);
        String did = keys.get(me).did();
        Page page = withKey(me, 1280, 900, ColorScheme.LIGHT);
        page.navigate(url("/campaigns#campaign=" + c[2]));
        assertThat(page.locator("#pledge-form")).isVisible();
        JsonNode closed = get("campaigns/" + c[1]);
        assertThat(closed.get("deadline").asLong()).isLessThan(get("society").get("now").asLong());
        long balance = RoundsPageTest.spendable(did);

        // the form of a campaign whose deadline has passed, as a page left open over the deadline would send it
        page.evaluate("(n) => { document.getElementById('pledge-form').dataset.campaign = String(n); }", c[1]);
        page.locator("#pledge-amount").fill("5");
        button(page, "Sign and pledge").click();
        Locator feedback = page.locator("#campaign-feedback");
        assertThat(feedback).hasAttribute("data-state", "rejected");
        assertThat(feedback).containsText("This campaign’s deadline has passed: it takes no more pledges.");
        assertThat(feedback.locator("code")).hasText("CAMPAIGN_CLOSED");
        screenshot(page, "campaigns-refused-closed");

        // a malformed amount never reaches the node
        page.locator("#pledge-amount").fill("5.1234567");
        button(page, "Sign and pledge").click();
        assertThat(page.locator("#pledge-amount-error")).hasText(
                "An amount has at most six decimals (one millionth of a unit).");

        assertThat(RoundsPageTest.spendable(did)).isEqualTo(balance);
        assertThat(get("campaigns/" + c[1])).isEqualTo(closed);
    }

    @Test
    void onAPhoneInTheDarkInPortugueseWithoutAxeViolations() {
        int[] c = demoCampaigns();
        String me = RoundsPageTest.citizensWithMoney(1, 5, List.of()).get(0);
        Page page = withKey(me, RoundsPageTest.PHONE, 844, ColorScheme.DARK);
        page.navigate(url("/campaigns#campaign=" + c[2]));
        assertThat(page.locator("#pledge-form")).isVisible();
        assertNoHorizontalScroll(page);
        assertThat(seriousAxeViolations(page)).isEmpty();
        screenshot(page, "campaigns-open-phone-dark");
        RoundsPageTest.docShot(page, "#campaign-back", "campaigns-open-phone-dark");

        page.getByLabel("Language").selectOption("pt");
        assertThat(page.locator("#campaigns-title")).hasText("Campanhas por terra");
        assertThat(page.locator("#campaign-head .pill")).hasText("Aberta");
        assertThat(page.locator("#campaign-facts [data-fact=country] dd")).hasText("Portugal (PT)");
        assertNoHorizontalScroll(page);
        assertThat(seriousAxeViolations(page)).isEmpty();
        screenshot(page, "campaigns-open-phone-pt");

        page.navigate(url("/campaigns#campaign=" + c[1]));
        assertThat(page.locator("#campaign-head .pill")).hasText("Devolvida");
        assertThat(page.locator("#campaign-outcome")).containsText("cada promessa foi devolvida");
        assertNoHorizontalScroll(page);
        assertThat(seriousAxeViolations(page)).isEmpty();
        screenshot(page, "campaigns-refunded-phone-pt");
        RoundsPageTest.docShot(page, "#campaign-back", "campaigns-refunded-phone-pt");
    }
}

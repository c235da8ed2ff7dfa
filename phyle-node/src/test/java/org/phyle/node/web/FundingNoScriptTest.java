package org.phyle.node.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The funding pages with JavaScript off: the node renders the rounds and a round (every project's contributions and
 * its estimated or paid match, the command that recomputes it) and the campaigns and a campaign (a native progress bar,
 * the outcome, every pledge), reached by links, in English and for a browser that prefers it in Portuguese, on a
 * 390 px phone without sideways scrolling; with scripts, the same addresses open the interactive pages.
 */
class FundingNoScriptTest extends WebTest {

    Page noScripts(int width, String locale) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(width, 900)
                .setLocale(locale).setJavaScriptEnabled(false));
        context.setDefaultTimeout(15_000);
        return newPage(context);
    }

    @Test
    void roundsAndCampaignsReadWithoutJavaScript() {
        int[] rounds = RoundsPageTest.demoRounds();
        int[] campaigns = CampaignsPageTest.demoCampaigns();
        Page page = noScripts(1280, "en-GB");

        page.navigate(url("/rounds"));
        assertThat(page.locator("h1:visible")).hasText("Funding rounds");
        assertThat(page.locator("#ssr-rounds li")).hasCount(get("rounds").get("count").asInt());
        assertThat(page.locator(".site-nav a[data-nav=economy]")).hasAttribute("aria-current", "page");
        JsonNode paid = get("rounds/" + rounds[0]);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(Pattern.compile(paid.get("title").asText())))
                .click();
        assertThat(page).hasURL(Pattern.compile("rounds\\?round=" + rounds[0] + "$"));
        assertThat(page.locator("h1:visible")).hasText(paid.get("title").asText());
        assertThat(page.locator("#round-ssr")).containsText("Paid out");
        assertThat(page.locator("#ssr-round-table tbody tr")).hasCount(paid.get("projectList").size());
        assertThat(page.locator("#ssr-distribution")).containsText("went back to the treasury");
        assertThat(page.locator("#round-ssr pre code")).hasText(Pattern.compile("^phyle qf verify " + rounds[0]
                + " --node http://"));
        JsonNode open = get("rounds/" + rounds[1]);
        page.navigate(url("/rounds?round=" + rounds[1]));
        assertThat(page.locator("#round-ssr")).containsText("Estimated match per project");
        assertThat(page.locator("#round-ssr")).containsText("Contributing signs with your key");
        assertThat(page.locator("#ssr-projects li.project")).hasCount(open.get("projectList").size());
        screenshot(page, "noscript-round");

        page.navigate(url("/campaigns"));
        assertThat(page.locator("h1:visible")).hasText("Campaigns for land");
        assertThat(page.locator("#ssr-campaigns progress")).hasCount(get("campaigns").get("count").asInt());
        JsonNode failed = get("campaigns/" + campaigns[1]);
        page.navigate(url("/campaigns?campaign=" + campaigns[1]));
        assertThat(page.locator("h1:visible")).hasText(failed.get("title").asText());
        assertThat(page.locator("#ssr-outcome")).hasAttribute("data-state", "refunded");
        assertThat(page.locator("#ssr-pledges tbody tr")).hasCount(failed.get("pledgeList").size());
        assertThat(page.locator("#ssr-pledges tbody td:text-is('Refunded')")).hasCount(failed.get("pledgeList").size());
        JsonNode funded = get("campaigns/" + campaigns[0]);
        page.navigate(url("/campaigns?campaign=" + campaigns[0]));
        assertThat(page.locator("#ssr-outcome")).containsText("Territory record: " + funded.get("territory")
                .get("property").asText());
        assertThat(page.locator("#ssr-campaign-progress")).hasAttribute("value", "10000");
        screenshot(page, "noscript-campaign");
    }

    @Test
    void inPortugueseOnAPhoneAndTheSameAddressesWithScripts() {
        int[] rounds = RoundsPageTest.demoRounds();
        int[] campaigns = CampaignsPageTest.demoCampaigns();
        Page phone = noScripts(RoundsPageTest.PHONE, "pt-PT");
        phone.navigate(url("/rounds?round=" + rounds[1]));
        assertThat(phone.locator("html")).hasAttribute("lang", "pt-PT");
        assertThat(phone.locator("#round-ssr")).containsText("Complemento estimado por projeto");
        assertThat(phone.locator(".site-nav a[data-nav=economy]")).hasText("Economia");
        assertNoHorizontalScroll(phone);
        screenshot(phone, "noscript-round-phone-pt");
        phone.navigate(url("/campaigns?campaign=" + campaigns[1]));
        assertThat(phone.locator("#ssr-outcome")).containsText("cada promessa foi devolvida");
        assertNoHorizontalScroll(phone);
        phone.screenshot(new Page.ScreenshotOptions().setType(com.microsoft.playwright.options.ScreenshotType.JPEG)
                .setQuality(82).setPath(SCREENSHOTS.resolve("docs").resolve("noscript-campaign-phone-pt.jpg")));

        // with scripts, rounds?round=N opens the interactive round, and the rendered block goes
        Page page = newPage(newProfile());
        page.navigate(url("/rounds?round=" + rounds[0]));
        assertThat(page).hasURL(Pattern.compile("rounds#round=" + rounds[0] + "$"));
        assertThat(page.locator("#round-title")).hasText(get("rounds/" + rounds[0]).get("title").asText());
        assertThat(page.locator("#ssr")).hasCount(0);
        page.navigate(url("/campaigns?campaign=" + campaigns[2]));
        assertThat(page).hasURL(Pattern.compile("campaigns#campaign=" + campaigns[2] + "$"));
        assertThat(page.locator("#campaign-progress")).isVisible();
    }
}

package org.phyle.node.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.phyle.node.demo.DemoSociety;

/**
 * Every read page with JavaScript off: the node renders its content as HTML (the society, the citizens and a person,
 * the proposals and a proposal with its results, the charter, the draws and a draw, the ledger), the navigation and
 * the headings are there, links lead from page to page, and the pages that sign say they need scripts. With
 * scripts on, the same addresses (citizens?person=7) open the interactive page, which replaces the rendered block.
 */
class NoScriptTest extends WebTest {

    Page noScripts(int width) {
        return noScripts(width, "en-GB");
    }

    Page noScripts(int width, String locale) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(width, 900)
                .setLocale(locale).setJavaScriptEnabled(false));
        context.setDefaultTimeout(15_000);
        return newPage(context);
    }

    @Test
    void everyReadPageWithoutJavaScript() {
        Page page = noScripts(1280);
        JsonNode society = get("society");

        page.navigate(url("/"));
        assertThat(page.locator("h1:visible")).hasText(DemoSociety.NAME);
        assertThat(page.locator("#society-ssr")).containsText(DemoSociety.PURPOSE);
        assertThat(page.locator("#society-ssr")).containsText("Citizens" + society.get("citizens").get("citizen")
                .asText());
        assertThat(page.locator("#ssr-parameters li").first()).isVisible();
        assertThat(page.getByRole(AriaRole.NAVIGATION).getByRole(AriaRole.LINK,
                new Locator.GetByRoleOptions().setName("Citizens").setExact(true))).isVisible();
        assertThat(page.locator(".header-tools")).isHidden();
        assertThat(page.locator("#numbers")).isHidden();
        screenshot(page, "noscript-home");

        // the citizens, and a person reached by a link
        page.getByRole(AriaRole.NAVIGATION).getByRole(AriaRole.LINK, new Locator.GetByRoleOptions()
                .setName("Citizens").setExact(true)).click();
        assertThat(page.locator("h1:visible")).hasText("Citizens and residents");
        Locator first = page.locator("#citizens-ssr li a").first();
        String name = first.textContent();
        first.click();
        assertThat(page).hasURL(Pattern.compile("citizens\\?person=[0-9]+$"));
        assertThat(page.locator("h1:visible")).hasText(name);
        assertThat(page.locator("#person-ssr")).containsText("Standing");
        assertThat(page.locator("#person-ssr")).containsText("History");
        screenshot(page, "noscript-person");
        JsonNode vouched = get("citizens/100");
        page.navigate(url("/citizens?person=100"));
        assertThat(page.locator("h1:visible")).hasText(vouched.get("name").asText());
        assertThat(page.locator("#person-ssr .people-inline li")).hasCount(vouched.get("vouchedBy").size());

        // the proposals, a decided instant runoff with its rounds and winner, a yes/no with its numbers
        page.navigate(url("/proposals"));
        assertThat(page.locator("h1:visible")).hasText("Proposals");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("A name for the workshop")).click();
        assertThat(page.locator("h1:visible")).hasText("A name for the workshop");
        JsonNode ranked = get("proposals/" + ProposalsPageTest.proposalId("A name for the workshop"));
        assertThat(page.locator("#ssr-rounds tbody tr")).hasCount(ranked.get("tally").get("rounds").size());
        assertThat(page.locator("#ssr-winners")).not().isEmpty();
        screenshot(page, "noscript-proposal-ranked");
        page.navigate(url("/proposals?proposal=" + ProposalsPageTest.proposalId("Raise the quorum to 25%")));
        assertThat(page.locator("#proposal-ssr")).containsText("Passed");
        assertThat(page.locator("#proposal-ssr")).containsText("Yes");
        page.navigate(url("/proposals?proposal=" + ProposalsPageTest.proposalId("Workshop priorities for 2027")));
        assertThat(page.locator("#ssr-scores tbody tr")).not().hasCount(0);

        // the charter
        page.navigate(url("/charter"));
        assertThat(page.locator("h1:visible")).hasText("The charter");
        JsonNode charter = get("charter");
        assertThat(page.locator("#charter-ssr .article")).hasCount(charter.get("document").get("articles").size());
        assertThat(page.locator("#charter-ssr")).containsText(charter.get("document").get("purpose").asText());

        // the draws and a draw
        page.navigate(url("/draws"));
        assertThat(page.locator("h1:visible")).hasText("Draws by lot");
        JsonNode draws = get("draws?limit=200").get("draws");
        JsonNode drawn = null;
        for (JsonNode d : draws) {
            if (d.get("phase").asText().equals("drawn")) {
                drawn = d;
                break;
            }
        }
        assertThat(drawn).isNotNull();
        page.navigate(url("/draws?draw=" + drawn.get("number").asInt()));
        assertThat(page.locator("h1:visible")).containsText("Draw #" + drawn.get("number").asInt());
        assertThat(page.locator("#ssr-chosen li")).hasCount(get("draws/" + drawn.get("number").asInt())
                .get("members").size());

        // the ledger
        page.navigate(url("/ledger"));
        assertThat(page.locator("h1:visible")).hasText("The ledger of record");
        assertThat(page.locator("#ledger-ssr pre")).containsText(String.valueOf(get("state").get("treeSize")
                .asLong() > 0 ? "" : "?"));
        assertThat(page.locator("#ledger-ssr pre")).not().isEmpty();
        assertThat(page.locator("#ssr-blocks tbody tr")).not().hasCount(0);
        screenshot(page, "noscript-ledger");

        // the glossary, each term with its address
        page.navigate(url("/glossary#term-quadratic"));
        assertThat(page.locator("h1:visible")).hasText("Glossary");
        assertThat(page.locator("#glossary-ssr .glossary-entry")).hasCount(42);
        assertThat(page.locator("#term-quadratic dt")).hasText("Quadratic vote");
        assertThat(page.locator("#term-quadratic dd")).not().isEmpty();

        // pages that sign say they need scripts
        for (String path : new String[] {"/join", "/me", "/inbox"}) {
            page.navigate(url(path));
            assertThat(page.locator("h1:visible")).hasText("This page needs JavaScript");
        }
    }

    @Test
    void inPortugueseWhenTheBrowserPrefersIt() {
        Page page = noScripts(1280, "pt-PT");
        page.navigate(url("/proposals?proposal=" + ProposalsPageTest.proposalId("A name for the workshop")));
        assertThat(page.locator("html")).hasAttribute("lang", "pt-PT");
        assertThat(page.locator("h1:visible")).hasText("A name for the workshop");
        assertThat(page.locator("#proposal-ssr")).containsText("Resultados");
        assertThat(page.locator("#proposal-ssr")).containsText("Todas as propostas");
        assertThat(page.locator("#proposal-ssr")).containsText("Voto ordenado");
        assertThat(page.locator("#proposal-ssr [data-word=passed]")).hasText("Aprovada");
        page.navigate(url("/glossary"));
        assertThat(page.locator("h1:visible")).hasText("Glossário");
        assertThat(page.locator("#term-citizen dt")).hasText("Cidadão");
        page.goBack();
        assertThat(page.getByRole(AriaRole.NAVIGATION).getByRole(AriaRole.LINK, new Locator.GetByRoleOptions()
                .setName("Sociedade").setExact(true))).isVisible();
        page.navigate(url("/citizens"));
        assertThat(page.locator("h1:visible")).hasText("Cidadãos e residentes");
        page.navigate(url("/ledger"));
        assertThat(page.locator("h1:visible")).hasText("O registo público");
        page.navigate(url("/me"));
        assertThat(page.locator("h1:visible")).hasText("Esta página precisa de JavaScript");
        screenshot(page, "noscript-me-pt");
        page.navigate(url("/no-such-page"));
        assertThat(page.locator("h1:visible")).hasText("Esta página não existe");
    }

    @Test
    void onAPhoneWithoutScriptsAndTheSameAddressesWithScripts() {
        Page phone = noScripts(PHONE_WIDTH);
        phone.navigate(url("/proposals"));
        assertThat(phone.locator("h1:visible")).hasText("Proposals");
        assertNoHorizontalScroll(phone);
        screenshot(phone, "noscript-proposals-phone");

        // with scripts, citizens?person=N opens the interactive page for that person, and the rendered block goes
        Page page = newPage(newProfile());
        JsonNode person = get("citizens/100");
        page.navigate(url("/citizens?person=100"));
        assertThat(page.locator("#person-name")).hasText(person.get("name").asText());
        assertThat(page).hasURL(Pattern.compile("citizens#person=100$"));
        assertThat(page.locator("#ssr")).hasCount(0);
        assertThat(page.locator("body")).not().hasClass(Pattern.compile("no-js"));
    }
}

package org.phyle.node.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.phyle.core.Catalog;
import org.phyle.core.ParameterSpec;
import org.phyle.core.tx.TxType;

/**
 * Words for people: every transaction type and every parameter has a human name in both languages; the rules are
 * grouped and their values in units a person reads; the counting method is explained beside every ballot; the
 * glossary, each term with its own address; raw ids folded behind "Details"; the footer sends nobody to raw JSON.
 */
class WordsForPeopleTest extends WebTest {

    @Test
    void everyTypeAndParameterHasAHumanNameInBothLanguages() {
        Page page = newPage(newProfile());
        page.navigate(url("/"));
        List<String> types = new ArrayList<>();
        for (TxType type : Catalog.TX_TYPES.all()) {
            types.add(type.name());
        }
        List<String> params = new ArrayList<>();
        for (ParameterSpec spec : Catalog.PARAMETERS) {
            params.add(spec.name());
        }
        assertThat(types).hasSizeGreaterThan(30);
        assertThat(params).hasSizeGreaterThan(40);
        for (String lang : new String[] {"en", "pt"}) {
            Object missing = page.evaluate("async ([lang, types, params]) => {\n"
                    + "  const m = (await import('./static/js/messages.js')).messages[lang];\n"
                    + "  return [...types.filter((x) => !m['type.' + x]).map((x) => 'type.' + x),\n"
                    + "    ...params.filter((x) => !m['paramName.' + x]).map((x) => 'paramName.' + x),\n"
                    + "    ...params.filter((x) => lang !== 'en' && !m['param.' + x]).map((x) => 'param.' + x)];\n"
                    + "}", List.of(lang, types, params));
            assertThat(list(missing)).as("names missing in " + lang).isEmpty();
        }
    }

    @Test
    void theRulesAreGroupedAndNamedWithUnits() {
        Page page = newPage(newProfile());
        page.navigate(url("/"));
        Locator rules = page.locator("#society-parameter-list");
        assertThat(rules.locator(".parameter-group").first()).isVisible();
        assertThat(rules.locator(".parameter-group-title").first()).hasText("Joining and staying a citizen");
        int quorum = 0;
        int renewal = 0;
        for (JsonNode p : get("society").get("parameters")) {
            if (p.get("name").asText().equals("governance.quorumBp")) {
                quorum = p.get("value").asInt();
            }
            if (p.get("name").asText().equals("citizenship.renewalDays")) {
                renewal = p.get("value").asInt();
            }
        }
        Locator q = rules.locator("li[data-name='governance.quorumBp']");
        assertThat(q.locator(".parameter-label")).hasText("Turnout a vote needs");
        assertThat(q.locator(".parameter-value")).hasText((quorum % 100 == 0 ? String.valueOf(quorum / 100)
                : String.valueOf(quorum / 100.0)) + "%");
        assertThat(q.locator(".parameter-name")).hasText("governance.quorumBp");
        Locator r = rules.locator("li[data-name='citizenship.renewalDays']");
        assertThat(r.locator(".parameter-value")).hasText(renewal % 365 == 0
                ? (renewal / 365) + (renewal == 365 ? " year" : " years") : renewal + " days");
        assertThat(rules.locator("li[data-name='governance.votingHours'] .parameter-value")).hasText(
                Pattern.compile("^[0-9]+ (days?|hours?)$"));
        screenshot(page, "home-rules-grouped");
    }

    @Test
    void everyBallotExplainsHowItIsCounted() {
        Page page = newPage(newProfile(PHONE_WIDTH, PHONE_HEIGHT, true));
        String[][] open = {
            {"Assemblies meet every month", "How this is counted (Yes / no): yes wins if it reaches"},
            {"Public goods round: what to fund first", "n votes on one option cost n² credits"},
            {"Summer festival: two activities", "approve every option you accept"},
            {"Where should our second territory be?", "The weakest is eliminated round by round"},
        };
        for (String[] o : open) {
            page.navigate(url("/proposals#proposal=" + ProposalsPageTest.proposalId(o[0])));
            assertThat(page.locator("#proposal-title")).hasText(o[0]);
            Locator how = page.locator("#ballot-method");
            assertThat(how).isVisible();
            assertThat(how).containsText(o[1]);
            assertThat(how).containsText("The vote counts only if");
            assertThat(how.locator("a")).hasAttribute("href", Pattern.compile("^glossary#term-"));
        }
        assertThat(seriousAxeViolations(page)).isEmpty();
        screenshot(page, "proposals-counting-explained-phone");
        // the proposal's id waits behind "Details"
        Locator details = page.locator("#proposal-ids");
        assertThat(details).hasCount(1);
        assertThat(details).not().hasAttribute("open", "");
    }

    @Test
    void theGlossaryInBothLanguagesWithAnAddressForEachTerm() {
        Page page = newPage(newProfile(PHONE_WIDTH, PHONE_HEIGHT, true));
        page.navigate(url("/glossary#term-quadratic"));
        assertThat(page.locator("h1:visible")).hasText("Glossary");
        assertThat(page.locator(".glossary-entry")).hasCount(42);
        Locator q = page.locator("#term-quadratic");
        assertThat(q).hasAttribute("data-current", "true");
        assertThat(q.locator("dt")).hasText("Quadratic vote");
        assertThat(q.locator("dd")).containsText("n² credits");
        assertThat(page.locator(".site-footer a[data-nav=glossary]")).hasAttribute("aria-current", "page");
        assertThat(seriousAxeViolations(page)).isEmpty();
        assertNoHorizontalScroll(page);
        screenshot(page, "glossary-phone");
        page.getByLabel("Language").selectOption("pt");
        assertThat(page.locator("h1:visible")).hasText("Glossário");
        assertThat(page.locator("#term-quadratic dt")).hasText("Votação quadrática");
        screenshot(page, "glossary-pt");
    }

    @Test
    void idsAreFoldedAndTheFooterSendsNobodyToRawJson() {
        Page page = newPage(newProfile());
        page.navigate(url("/citizens#person=2"));
        Locator ids = page.locator("#person-ids");
        assertThat(ids).isVisible();
        assertThat(ids).not().hasAttribute("open", "");
        assertThat(ids.locator("code").first()).isHidden();
        ids.locator("summary").click();
        assertThat(ids.locator("code").first()).isVisible();

        Locator links = page.locator(".site-footer .footer-links a");
        assertThat(links).hasCount(2);
        for (int i = 0; i < 2; i++) {
            assertThat(links.nth(i).getAttribute("href")).doesNotContain("api/");
        }
        Locator developers = page.locator(".site-footer details.footer-developers");
        assertThat(developers).not().hasAttribute("open", "");
        assertThat(developers.locator("a[href='api/v1/openapi.json']")).isHidden();
    }
}

package org.phyle.node.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ColorScheme;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Joining on a 390 px phone: the charter in plain words with the whole text folded behind "read it all" (still
 * verified against its hash), the rules grouped and named for people with units, and the name, the consent and the
 * apply button within two screens once the key is made; light and dark, English and Portuguese, axe.
 */
class JoinOnAPhoneTest extends WebTest {
    private static final int WIDTH = 390;
    private static final int HEIGHT = 844;

    /** Where an element ends, from the top of the document (not of the screen). */
    static double bottomInDocument(Page page, Locator locator) {
        return ((Number) locator.evaluate("e => e.getBoundingClientRect().bottom + scrollY")).doubleValue();
    }

    @Test
    void theCharterInPlainWordsAndApplyingWithinTwoScreens() {
        for (ColorScheme scheme : new ColorScheme[] {ColorScheme.LIGHT, ColorScheme.DARK}) {
            Page page = newPage(newProfile(WIDTH, HEIGHT, true, scheme));
            page.navigate(url("/join"));
            // before a key: making one fits the first screen, the other ways are one line
            Locator make = button(page, "Make my key");
            assertThat(make).isVisible();
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("join-phone-no-key-"
                    + scheme.name().toLowerCase() + ".png")));
            assertThat(bottomInDocument(page, make)).as("'Make my key' on the first screen").isLessThan(HEIGHT);
            assertThat(page.locator("#key-have-one")).not().hasAttribute("open", "");
            assertThat(seriousAxeViolations(page)).isEmpty();
            assertNoHorizontalScroll(page);

            Locator create = page.locator("#create-key-form");
            create.getByLabel("Passphrase", new Locator.GetByLabelOptions().setExact(true)).fill(PASSPHRASE);
            create.getByLabel("Repeat the passphrase").fill(PASSPHRASE);
            make.click();
            assertThat(page.locator("#my-did")).hasText(Pattern.compile("^did:key:z6Mk"));
            page.waitForDownload(() -> page.locator("#download-backup").click());

            // the charter: verified, summarised in plain words, the rest folded
            JsonNode served = get("charter");
            JsonNode society = get("society");
            assertThat(page.locator("#charter-verdict")).hasAttribute("data-verified", "true");
            Locator summary = page.locator("#charter-summary-list");
            assertThat(summary).isVisible();
            int vouches = 0;
            for (JsonNode p : society.get("parameters")) {
                if (p.get("name").asText().equals("citizenship.vouchesRequired")) {
                    vouches = p.get("value").asInt();
                }
            }
            assertThat(summary).containsText("To become a citizen, " + vouches + " citizens vouch for you");
            assertThat(summary).containsText("You can leave whenever you wish");
            assertThat(page.locator("#charter-document")).isHidden();
            assertThat(page.locator("#charter-full-summary")).hasText("Read it all: "
                    + served.get("document").get("articles").size() + " articles and "
                    + served.get("document").get("parameters").size() + " rules");

            // name, consent and apply: within two screens of the top
            Locator name = page.getByLabel("Your name");
            Locator consent = page.locator("#apply-consent");
            Locator apply = button(page, "Sign and apply");
            screenshot(page, "join-phone-key-made-" + scheme.name().toLowerCase());
            for (Locator l : new Locator[] {name, consent, apply}) {
                assertThat(l).isVisible();
                assertThat(bottomInDocument(page, l)).as("within two screens").isLessThan(2 * HEIGHT);
            }
            assertThat(seriousAxeViolations(page)).isEmpty();
            assertNoHorizontalScroll(page);
            page.evaluate("() => scrollTo(0, 0)");
            screenshot(page, "join-phone-" + scheme.name().toLowerCase());

            // reading it all: articles and the rules grouped, named for people, with units
            page.locator("#charter-full-summary").click();
            assertThat(page.locator("#charter-document")).isVisible();
            Locator rules = page.locator("#charter-document .parameter-group");
            assertThat(rules.first()).isVisible();
            assertThat(page.locator("#charter-document .parameter-group-title").first()).hasText(Pattern.compile(
                    "Joining and staying a citizen|Challenges and juries|Proposals and votes|The handover"));
            Locator renewal = page.locator("#charter-document li[data-name='citizenship.renewalDays']");
            if (renewal.count() > 0) {
                assertThat(renewal.locator(".parameter-label")).hasText("Citizenship lasts, before renewing");
                assertThat(renewal.locator(".parameter-value")).hasText(Pattern.compile("^[0-9,]+ (years?|days?)$"));
            }
            assertThat(page.locator("#charter-document .charter-rules li.parameter"))
                    .hasCount(served.get("document").get("parameters").size());
            assertThat(seriousAxeViolations(page)).isEmpty();
            assertNoHorizontalScroll(page);

            if (scheme == ColorScheme.LIGHT) {
                name.fill("Joana Telemóvel");
                consent.check();
                apply.click();
                assertThat(page.locator("#apply-feedback")).hasAttribute("data-state", "committed");
                screenshot(page, "join-phone-applied");
            }
        }
    }

    @Test
    void inPortugueseToo() {
        Page page = newPage(newProfile(WIDTH, HEIGHT, true));
        page.navigate(url("/join"));
        page.getByLabel("Language").selectOption("pt");
        assertThat(page.locator("#charter-summary-list")).containsText("Pode sair quando quiser");
        assertThat(page.locator("#charter-full-summary")).hasText(Pattern.compile("^Ler tudo: "));
        assertThat(page.locator("#key-have-one summary")).hasText("Já tem uma chave? Recupere-a, ou traga-a");
        page.locator("#charter-full-summary").click();
        assertThat(page.locator("#charter-document li[data-name='governance.votingHours'] .parameter-label"))
                .hasText("Quanto dura uma votação");
        assertThat(seriousAxeViolations(page)).isEmpty();
        screenshot(page, "join-phone-pt");
    }
}

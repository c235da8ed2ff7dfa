package org.phyle.node.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ColorScheme;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every page, with and without a key, at laptop width in the light scheme and at phone width (360 × 740) in the dark
 * one: no axe-core violations of impact serious or critical (contrast included), no horizontal scrolling on the
 * phone, a screenshot of each; and the keyboard alone reaches the main actions, each with a visible focus.
 */
class AccessibilityTest extends WebTest {
    private static Path citizenBackup;
    private static String citizenName;

    @BeforeAll
    static void aCitizensKey() {
        citizenName = citizensWithVouchesLeft(1, 1, List.of()).get(0);
        citizenBackup = writeBackup(keys.get(citizenName), PASSPHRASE, citizenName);
    }

    @Test
    void everyPageAtLaptopAndPhoneWidth() {
        List<String> violations = new ArrayList<>();
        for (int[] size : new int[][] {{1280, 900}, {PHONE_WIDTH, PHONE_HEIGHT}}) {
            boolean phone = size[0] == PHONE_WIDTH;
            String suffix = phone ? "-phone-dark" : "-laptop";
            BrowserContext context = newProfile(size[0], size[1], true, phone ? ColorScheme.DARK : ColorScheme.LIGHT);
            Page page = newPage(context);

            // without a key
            violations.addAll(check(page, "/", "#growth-chart svg", "a11y-home" + suffix));
            violations.addAll(check(page, "/join", "#charter-verdict[data-verified=true]", "a11y-join" + suffix));
            violations.addAll(check(page, "/me", "#me-no-key", "a11y-me-no-key" + suffix));
            violations.addAll(check(page, "/citizens", "#citizens-list li.person-row", "a11y-citizens" + suffix));
            violations.addAll(check(page, "/ledger", "#checkpoint-signature[data-state=valid]",
                    "a11y-ledger" + suffix));
            violations.addAll(check(page, "/charter", "#charter-verdict[data-verified=true]", "a11y-charter" + suffix));
            violations.addAll(check(page, "/draws", "#draws-list li.draw-row", "a11y-draws" + suffix));
            violations.addAll(check(page, "/inbox", "#inbox-no-key", "a11y-inbox-no-key" + suffix));
            violations.addAll(check(page, "/glossary", "#term-quadratic", "a11y-glossary" + suffix));
            violations.addAll(check(page, "/proposals", "#proposals-list li.proposal-row", "a11y-proposals" + suffix));
            violations.addAll(check(page, "/land", "body[data-ready=true] #territory-list a[href^=parcel]",
                    "a11y-land" + suffix));
            violations.addAll(check(page, "/parcel?n=0", "body[data-ready=true] #parcel-facts", "a11y-parcel" + suffix));
            violations.addAll(check(page, "/building", "#buildings-list li", "a11y-buildings" + suffix));
            violations.addAll(check(page, "/building?n=0", "#building-rate-now [data-percent]", "a11y-building"
                    + suffix));

            // with a citizen's key: the actions, a person one may vouch for, the challenges, the renounce dialog
            restoreKey(page, citizenBackup, PASSPHRASE);
            violations.addAll(check(page, "/me", "#me-actions #renew:not([hidden])", "a11y-me" + suffix));
            button(page, "Renounce…").click();
            assertThat(page.locator("#renounce-dialog")).isVisible();
            violations.addAll(label(page, "renounce dialog" + suffix, seriousAxeViolations(page)));
            screenshot(page, "a11y-me-dialog" + suffix);
            page.keyboard().press("Escape");
            assertThat(page.locator("#renounce-dialog")).isHidden();
            String applicant = get("citizens/" + applicant("Alda Acessível").did()).get("number").asText();
            violations.addAll(check(page, "/citizens#person=" + applicant, "#vouch-button", "a11y-citizens-person"
                    + suffix));
            page.locator("#challenge summary").click();
            violations.addAll(label(page, "challenge form" + suffix, seriousAxeViolations(page)));
            violations.addAll(check(page, "/join", "#apply-registered", "a11y-join-registered" + suffix));
            violations.addAll(check(page, "/inbox", "#inbox-summary:not(:empty)", "a11y-inbox" + suffix));
            violations.addAll(check(page, "/ledger#tx=" + get("citizens/" + applicant).get("id").asText(),
                    "#receipt-verdict[data-verified=true]", "a11y-ledger-receipt" + suffix));
            context.close();
        }
        assertThat(violations).as("axe-core violations of impact serious or critical").isEmpty();
    }

    /** Opens a page, waits until it shows `ready`, and returns its serious axe violations (after a screenshot). */
    private static List<String> check(Page page, String path, String ready, String screenshot) {
        page.navigate(url(path));
        assertThat(page.locator(ready).first()).isVisible();
        boolean phone = page.viewportSize().width == PHONE_WIDTH;
        if (phone) {
            assertNoHorizontalScroll(page);
        }
        List<String> found = label(page, path + (phone ? " (phone)" : ""), seriousAxeViolations(page));
        screenshot(page, screenshot);
        return found;
    }

    private static List<String> label(Page page, String where, List<String> violations) {
        return violations.stream().map(v -> where + ": " + v).toList();
    }

    // ---- the keyboard ---------------------------------------------------------------------------------------------

    /** What has the focus: its tag, id, text or label, and whether a focus indicator is drawn. */
    private record Focus(String tag, String id, String name, boolean visible) {
    }

    private static Focus focus(Page page) {
        Object o = page.evaluate("() => {\n"
                + "  const e = document.activeElement;\n"
                + "  if (!e || e === document.body)\n"
                + "    return JSON.stringify({tag: 'body', id: '', name: '', visible: false});\n"
                + "  const s = getComputedStyle(e);\n"
                + "  const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;\n"
                + "  const ring = s.boxShadow && s.boxShadow !== 'none';\n"
                + "  const label = e.labels && e.labels[0] && e.labels[0].textContent;\n"
                + "  const name = (e.getAttribute('aria-label') || label\n"
                + "    || e.textContent || '').trim().replace(/\\s+/g, ' ').slice(0, 60);\n"
                + "  return JSON.stringify({tag: e.tagName.toLowerCase(), id: e.id, name, visible: outline || ring});\n"
                + "}");
        try {
            JsonNode n = JSON.readTree((String) o);
            return new Focus(n.get("tag").asText(), n.get("id").asText(), n.get("name").asText(),
                    n.get("visible").asBoolean());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Presses Tab until the focused element has this accessible name (at most `max` times); every element on the way
     * must show its focus. Returns the path taken.
     */
    private static List<Focus> tabTo(Page page, String name, int max) {
        List<Focus> path = new ArrayList<>();
        for (int i = 0; i < max; i++) {
            page.keyboard().press("Tab");
            Focus f = focus(page);
            path.add(f);
            assertThat(f.visible()).as("a visible focus on %s after %s", f, path).isTrue();
            if (f.name().equals(name)) {
                return path;
            }
        }
        throw new AssertionError("Tab did not reach '" + name + "' in " + max + " presses: " + path);
    }

    @Test
    void theKeyboardReachesTheMainActionsWithAVisibleFocus() {
        Page page = newPage(newProfile());

        // home: the skip link first, then the way to join
        page.navigate(url("/"));
        assertThat(page.locator("#stat-citizens dd")).not().hasText("");
        List<Focus> path = tabTo(page, "Skip to the content", 1);
        page.keyboard().press("Enter");
        assertThat(page.locator("main")).isFocused();
        tabTo(page, "Join", 5);
        page.keyboard().press("Enter");

        // join, by keyboard alone: make a key and download its backup
        assertThat(page).hasURL(url("/join"));
        assertThat(page.locator("#charter-verdict")).hasAttribute("data-verified", "true");
        tabTo(page, "Passphrase", 25);
        page.keyboard().type(PASSPHRASE);
        page.keyboard().press("Tab");
        page.keyboard().type(PASSPHRASE);
        tabTo(page, "Make my key", 2);
        page.keyboard().press("Enter");
        assertThat(page.locator("#download-backup")).isFocused();
        assertThat(focus(page).visible()).isTrue();
        Download download = page.waitForDownload(() -> page.keyboard().press("Enter"));
        assertThat(download.suggestedFilename()).startsWith("phyle-key-");
        assertThat(page.locator("#backup-reminder")).isHidden();
        // on to the application form
        tabTo(page, "Your name", 25);
        page.keyboard().type("Keyla Teclado");
        tabTo(page, "Sign and apply", 10);

        // citizens: search, then open a person from the list with Enter
        page.navigate(url("/citizens"));
        assertThat(page.locator("#citizens-list li.person-row").first()).isVisible();
        tabTo(page, "Name", 16);
        page.keyboard().type("Marta");
        tabTo(page, "Search", 3);
        page.keyboard().press("Enter");
        assertThat(page.locator("#citizens-list li.person-row")).hasCount(1);
        tabTo(page, "Marta Silva #0", 5);
        page.keyboard().press("Enter");
        assertThat(page.locator("#person-name")).hasText("Marta Silva");
        assertThat(page.locator("#person")).isFocused();

        // my identity, as a citizen: renewing is reachable
        Page citizen = newPage(newProfile());
        restoreKey(citizen, citizenBackup, PASSPHRASE);
        citizen.navigate(url("/me"));
        assertThat(citizen.locator("#me-actions")).isVisible();
        tabTo(citizen, "Sign and renew", 30);
        Locator dialogButton = citizen.locator("#renounce-open");
        dialogButton.focus();
        citizen.keyboard().press("Enter");
        assertThat(citizen.locator("#renounce-cancel")).isFocused();
        citizen.keyboard().press("Escape");
        assertThat(dialogButton).isFocused();
        assertThat(path).isNotEmpty();
    }
}

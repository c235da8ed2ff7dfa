package org.phyle.node.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.ColorScheme;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.phyle.core.sortition.Draw;
import org.phyle.core.sortition.Selection;
import org.phyle.core.sortition.SortitionTx;
import org.phyle.crypto.Hash;

/**
 * The draws page on the demo society: the list and its filter; a jury drawn with the stewards' commit-reveal and a
 * stratified host panel, every check recomputed in the browser valid; a tampered secret or VRF output (the API's
 * answer changed on its way to the page) shown invalid; "was I selected?" for a juror's own key and by search; axe-core
 * at laptop and phone width.
 */
class DrawsPageTest extends WebTest {

    @Test
    void theListAndAJuryDrawWithEveryCheckValid() {
        JsonNode all = get("draws?limit=200");
        JsonNode jury = firstDraw("jury", true);
        Page page = newPage(newProfile());
        page.navigate(url("/draws"));
        assertThat(page.locator("#draws-list li.draw-row")).hasCount(Math.min(20, all.get("draws").size()));
        assertThat(page.locator("#draws-fair")).containsText("cannot pick the one it likes");
        page.getByLabel("Show").selectOption("jury");
        assertThat(page.locator("#draws-list li[data-purpose=panel]")).hasCount(0);
        assertThat(page.locator("#draws-list li[data-number='" + jury.get("number").asText() + "']")).isVisible();
        page.locator("#draws-list li[data-number='" + jury.get("number").asText() + "'] a.draw-link").click();

        // the inputs, the stewards' part, the node's, and the chosen
        assertThat(page.locator("#draw")).isFocused();
        assertThat(page.locator("#draw-title")).hasText("Draw #" + jury.get("number").asText());
        assertThat(page.locator("#draw-inputs")).containsText(jury.get("poolRoot").asText());
        assertThat(page.locator("#draw-inputs a.subject-link")).hasAttribute("href", "citizens#challenge="
                + jury.get("subject").asText());
        assertThat(page.locator("#draw-stewards tbody tr")).hasCount(jury.get("stewards").size());
        assertThat(page.locator("#draw-beta")).hasText(jury.get("beta").asText());
        assertThat(page.locator("#draw-members tbody tr")).hasCount(jury.get("members").size());

        // every check valid, one per secret, the randomness, one per member, the order
        int expected = jury.get("commitments").size() + 1 + jury.get("members").size() + 1;
        assertThat(page.locator("#draw-verdict")).hasAttribute("data-verified", "true");
        assertThat(page.locator("#draw-checks li.check")).hasCount(expected);
        assertThat(page.locator("#draw-checks li[data-ok=true]")).hasCount(expected);
        assertThat(page.locator("#draw-checks li[data-check=commitment]")).hasCount(jury.get("commitments").size());
        assertThat(page.locator("#draw-checks li[data-check=randomness]")).containsText("valid");
        assertThat(page.locator("#draw-verdict")).containsText("All " + expected + " checks are valid");
        assertThat(page.locator("#draw-vrf-note")).containsText("cannot check the VRF proof itself");
        assertThat(page.locator("#draw-command")).hasText("./phyle sortition verify " + jury.get("number").asText()
                + " --node " + node.url());
        screenshot(page, "draws-jury");

        // a stratified host panel: the scores ascend within each region
        JsonNode panel = firstDraw("panel", false);
        if (panel != null) {
            page.navigate(url("/draws#draw=" + panel.get("number").asText()));
            assertThat(page.locator("#draw-title")).hasText("Draw #" + panel.get("number").asText());
            assertThat(page.locator("#draw-verdict")).hasAttribute("data-verified", "true");
            assertThat(page.locator("#draw-checks li[data-ok=false]")).hasCount(0);
            assertThat(page.locator("#draw-inputs a.subject-link")).hasAttribute("href", "proposals#proposal="
                    + panel.get("subject").asText());
            if (!panel.get("quotas").isNull()) {
                assertThat(page.locator("#draw-checks li[data-check=orderRegions]")).hasAttribute("data-ok", "true");
            }
            screenshot(page, "draws-panel");
        }
    }

    @Test
    void aTamperedSecretOrVrfOutputIsShownInvalid() {
        JsonNode jury = firstDraw("jury", true);
        String path = "**/api/v1/draws/" + jury.get("number").asText();

        // a steward's secret changed: its commitment no longer matches, nor does the randomness
        Page page = newPage(newProfile());
        tamper(page, path, d -> {
            ObjectNode c = (ObjectNode) d.get("commitments").get(0);
            String secret = c.get("secret").asText();
            c.put("secret", (secret.charAt(0) == 'A' ? "B" : "A") + secret.substring(1));
        });
        page.navigate(url("/draws#draw=" + jury.get("number").asText()));
        assertThat(page.locator("#draw-verdict")).hasAttribute("data-verified", "false");
        Locator commitment = page.locator("#draw-checks li[data-check=commitment]").first();
        assertThat(commitment).hasAttribute("data-ok", "false");
        assertThat(commitment).containsText("INVALID");
        assertThat(commitment.locator(".check-detail")).containsText("Expected "
                + jury.get("commitments").get(0).get("commitment").asText());
        assertThat(page.locator("#draw-checks li[data-check=randomness]")).hasAttribute("data-ok", "false");
        assertThat(page.locator("#draw-verdict")).containsText("checks FAILED");
        screenshot(page, "draws-tampered-secret");

        // the node's VRF output changed: the randomness no longer follows from it
        Page other = newPage(newProfile());
        tamper(other, path, d -> {
            String beta = d.get("beta").asText();
            ((ObjectNode) d).put("beta", (beta.charAt(0) == '0' ? "1" : "0") + beta.substring(1));
        });
        other.navigate(url("/draws#draw=" + jury.get("number").asText()));
        assertThat(other.locator("#draw-verdict")).hasAttribute("data-verified", "false");
        assertThat(other.locator("#draw-checks li[data-check=randomness]")).hasAttribute("data-ok", "false");
        assertThat(other.locator("#draw-checks li[data-check=commitment][data-ok=true]"))
                .hasCount(jury.get("commitments").size());
        assertThat(other.locator("#draw-checks li[data-check=score][data-ok=true]"))
                .hasCount(jury.get("members").size());
        screenshot(other, "draws-tampered-beta");
    }

    @Test
    void wasISelectedFindsAJuror() {
        JsonNode jury = firstDraw("jury", true);
        JsonNode juror = null;
        for (JsonNode m : jury.get("members")) {
            if (keys.containsKey(m.get("name").asText())) {
                juror = m;
                break;
            }
        }
        assertThat(juror).as("a juror whose key the demo kept").isNotNull();
        String name = juror.get("name").asText();
        int chosenIn = get("draws?selected=" + juror.get("number").asText()).get("draws").size();

        // by search, with no key in the browser
        Page page = newPage(newProfile());
        page.navigate(url("/draws"));
        assertThat(page.locator("#selected-mine")).containsText("No key in this browser");
        page.getByLabel("Number or name").fill(juror.get("number").asText());
        button(page, "Look up").click();
        assertThat(page.locator("#selected-summary")).hasText(name + " (#" + juror.get("number").asText()
                + ") was chosen in " + chosenIn + " draws:");
        Locator item = page.locator("#selected-list li[data-number='" + jury.get("number").asText() + "']");
        assertThat(item.locator("a.subject-link")).hasAttribute("href", "citizens#challenge="
                + jury.get("subject").asText());
        page.getByLabel("Number or name").fill("nobody by this name at all");
        button(page, "Look up").click();
        assertThat(page.locator("#selected-nobody")).isVisible();

        // with the juror's own key in the browser
        Page mine = newPage(newProfile());
        restoreKey(mine, writeBackup(keys.get(name), PASSPHRASE, name), PASSPHRASE);
        mine.navigate(url("/draws"));
        assertThat(mine.locator("#selected-mine-summary")).hasText("You were chosen in " + chosenIn + " draws:");
        assertThat(mine.locator("#selected-mine-list li[data-number='" + jury.get("number").asText() + "']"))
                .isVisible();
        screenshot(mine, "draws-selected");
    }

    @Test
    void aStewardCommitsToASecretKeptInTheBrowser() {
        JsonNode steward = get("charter").get("offices").get("stewards").get(0);
        String name = steward.get("name").asText();
        assertThat(keys).containsKey(name);
        String txId = submit(keys.get(name), new SortitionTx.Request(Draw.Pool.CITIZENS, 3, false,
                "Three citizens to count the ballots of the assembly")).get("txId").asText();
        JsonNode summary = null;
        for (JsonNode d : get("draws?purpose=request&limit=200").get("draws")) {
            if (d.get("subject").asText().equals(txId)) {
                summary = d;
            }
        }
        assertThat(summary).as("the requested draw").isNotNull();
        assertThat(summary.get("phase").asText()).isEqualTo("committing");
        String number = summary.get("number").asText();
        String drawId = summary.get("id").asText();

        Page page = newPage(newProfile());
        restoreKey(page, writeBackup(keys.get(name), PASSPHRASE, name), PASSPHRASE);
        page.navigate(url("/draws#draw=" + number));
        assertThat(page.locator("#draw-title")).hasText("Draw #" + number);
        assertThat(page.locator("#steward-box")).containsText("You are a steward of this draw");
        assertThat(page.locator("#steward-box")).containsText("only your secret does not count");
        button(page, "Make a secret and commit").click();
        assertThat(page.locator("#steward-feedback")).hasAttribute("data-state", "committed");
        assertThat(page.locator("#steward-wait")).containsText("Reveal your secret after commitments close");

        // the secret stays in this browser, and the ledger holds the commitment to exactly it
        String secret = (String) page.evaluate("(id) => localStorage.getItem('phyle.draw-secret.' + id)", drawId);
        assertThat(secret).isNotNull();
        String expected = Selection.commitment(Hash.fromHex(drawId), java.util.Base64.getUrlDecoder().decode(secret))
                .hex();
        JsonNode draw = get("draws/" + number);
        String committed = null;
        for (JsonNode c : draw.get("commitments")) {
            if (c.get("steward").get("number").asInt() == steward.get("number").asInt()) {
                committed = c.get("commitment").asText();
            }
        }
        assertThat(committed).isEqualTo(expected);
        assertThat(page.locator("#draw-stewards tr[data-steward='" + steward.get("number").asText() + "']"))
                .containsText(expected);
        screenshot(page, "draws-steward-committed");

        // in another browser the secret is not there: the page says it will simply not count
        Page elsewhere = newPage(newProfile());
        restoreKey(elsewhere, writeBackup(keys.get(name), PASSPHRASE, name), PASSPHRASE);
        elsewhere.navigate(url("/draws#draw=" + number));
        assertThat(elsewhere.locator("#steward-lost")).containsText("your secret simply does not count");
    }

    @Test
    void noSeriousAxeViolationsAtLaptopAndPhoneWidth() {
        JsonNode jury = firstDraw("jury", true);
        List<String> violations = new ArrayList<>();
        for (int[] size : new int[][] {{1280, 900}, {PHONE_WIDTH, PHONE_HEIGHT}}) {
            boolean phone = size[0] == PHONE_WIDTH;
            String suffix = phone ? "-phone-dark" : "-laptop";
            BrowserContext context = newProfile(size[0], size[1], true, phone ? ColorScheme.DARK : ColorScheme.LIGHT);
            Page page = newPage(context);
            page.navigate(url("/draws#draw=" + jury.get("number").asText()));
            assertThat(page.locator("#draw-verdict")).hasAttribute("data-verified", "true");
            assertThat(page.locator("#draws-list li.draw-row").first()).isVisible();
            if (phone) {
                assertNoHorizontalScroll(page);
            }
            seriousAxeViolations(page).forEach(v -> violations.add("draws" + suffix + ": " + v));
            screenshot(page, "a11y-draws" + suffix);
            context.close();
        }
        assertThat(violations).as("axe-core violations of impact serious or critical").isEmpty();
    }

    /** The first draw of a purpose that is drawn (with the stewards' secrets, if asked), in full; null if none. */
    private static JsonNode firstDraw(String purpose, boolean withSecrets) {
        JsonNode list = get("draws?purpose=" + purpose + "&limit=200").get("draws");
        for (int i = list.size() - 1; i >= 0; i--) {
            JsonNode d = get("draws/" + list.get(i).get("number").asText());
            if (!d.get("randomness").isNull() && (!withSecrets || (d.get("commitments").size() > 0
                    && !d.get("commitments").get(0).get("secret").isNull()))) {
                return d;
            }
        }
        assertThat(withSecrets).as("a drawn " + purpose + " with the stewards' secrets").isFalse();
        return null;
    }

    /** Changes the API's answer for a draw on its way to the page. */
    private static void tamper(Page page, String glob, Consumer<JsonNode> change) {
        page.route(glob, route -> {
            APIResponse response = route.fetch();
            try {
                JsonNode d = JSON.readTree(response.text());
                change.accept(d);
                route.fulfill(new Route.FulfillOptions().setResponse(response).setBody(JSON.writeValueAsString(d)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}

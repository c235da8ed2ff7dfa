package org.phyle.node.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ColorScheme;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.phyle.crypto.SigningKey;
import org.phyle.node.demo.DemoSociety;

/**
 * The charter page on the demo society: the charter verified against its hash in the browser, its versions, the
 * stages on a timeline with the Community stage entered, the founder's powers now and what the next stage changes,
 * the offices and the canon with its adopted article; a demo citizen publishes an essay and endorses a text from the
 * browser; someone who is not a citizen is refused in plain words; axe-core at laptop and phone width.
 */
class CharterPageTest extends WebTest {

    @Test
    void theCharterItsStagesTheFoundersPowersAndTheCanon() {
        JsonNode charterJson = get("charter");
        JsonNode handover = charterJson.get("handover");
        Page page = newPage(newProfile());
        page.navigate(url("/charter"));

        // the charter, checked in the browser against the hash the society names
        assertThat(page.locator("#charter-verdict")).hasAttribute("data-verified", "true");
        assertThat(page.locator("#charter-verdict")).containsText("Verified in your browser: version "
                + charterJson.get("version").asInt());
        assertThat(page.locator("#charter-hash")).hasText(charter.hex());
        assertThat(page.locator("#charter-document [data-article=membership]")).hasAttribute("data-entrenched",
                "true");
        assertThat(page.locator("#charter-document [data-article=membership] .pill")).hasText("Entrenched");
        assertThat(page.locator("#charter-versions li.version")).hasCount(charterJson.get("versions").size());
        assertThat(page.locator("#charter-versions li[data-current=true]")).containsText("In force");

        // the timeline: Founding done, Community entered in its block, the rest to come
        assertThat(handover.get("stage").get("id").asText()).isEqualTo("community");
        JsonNode community = handover.get("stages").get(1);
        Locator timeline = page.locator("#stage-timeline");
        assertThat(timeline.locator("li.stage")).hasCount(5);
        assertThat(timeline.locator("li[data-stage=founding]")).hasAttribute("data-state", "done");
        Locator entered = timeline.locator("li[data-stage=community]");
        assertThat(entered).hasAttribute("data-state", "current");
        assertThat(entered).hasAttribute("aria-current", "step");
        assertThat(entered).containsText("Began in block " + community.get("began").get("height").asInt());
        assertThat(entered).containsText(community.get("began").get("cause").asText());
        assertThat(timeline.locator("li[data-stage=republic]")).hasAttribute("data-state", "future");
        assertThat(timeline.locator("li[data-stage=republic]")).containsText("Not yet: at 1,000 citizens");
        assertThat(page.locator("#stage-current")).containsText("Now: the Community stage (2 of 5), with "
                + String.format("%,d", handover.get("citizensNow").asInt()) + " citizens in good standing.");
        assertThat(page.locator("#stage-progress")).hasAttribute("value", handover.get("citizensNow").asText());
        assertThat(page.locator("#stage-progress")).hasAttribute("max", "1000");
        assertThat(page.getByLabel(Pattern.compile("citizens toward the Republic stage"))).isVisible();

        // the founder's powers now, and what the Republic stage takes away
        assertThat(page.locator("#founder-status")).containsText("has not retired");
        assertThat(page.locator("#founder-status")).containsText(DemoSociety.FOUNDER_NAME);
        assertThat(page.locator("#founder-powers li")).hasCount(handover.get("founder").get("powers").size());
        assertThat(page.locator("#founder-powers")).containsText("without co-sponsors");
        assertThat(page.locator("#next-stage-when")).containsText(
                String.format("(%,d more)", handover.get("next").get("citizensNeeded").asInt()));
        assertThat(page.locator("#next-changes li[data-change=founder-loses]")).hasText(
                "the founder can no longer put changes to the citizens’ vote without co-sponsors");
        assertThat(page.locator("#backstop")).containsText("No time backstop");
        JsonNode stewards = charterJson.get("offices").get("stewards");
        assertThat(page.locator("#offices-stewards li")).hasCount(stewards.size());
        assertThat(page.locator("#offices-stewards")).containsText(stewards.get(0).get("name").asText());
        assertThat(page.locator("#offices-council")).hasText("none sitting");

        // the canon: the adopted article and its author's recognition
        JsonNode canon = get("canon");
        JsonNode attestation = canon.get("attestations").get(0);
        assertThat(page.locator("#canon-list li.canon-item").first()).isVisible();
        assertThat(page.locator("#canon-list li.canon-item")).hasCount(Math.min(20, canon.get("count").asInt()));
        Locator adopted = page.locator("#canon-list li[data-id='" + attestation.get("text").asText() + "']");
        assertThat(adopted.locator(".pill")).hasText("Adopted");
        assertThat(adopted).containsText("the proposal (adopted)");
        assertThat(page.locator("#canon-attestations")).containsText("Recognised: "
                + attestation.get("author").get("name").asText() + " for " + attestation.get("target").asText());
        screenshot(page, "charter");

        // read the adopted text
        adopted.locator(".canon-title a").click();
        assertThat(page.locator("#reading")).isFocused();
        JsonNode text = get("canon/" + attestation.get("text").asText());
        assertThat(page.locator("#reading-title")).hasText(text.get("title").asText());
        assertThat(page.locator("#reading-text")).containsText(text.get("text").asText().substring(0, 40));
        assertThat(page.locator("#reading-attestation")).containsText("Recognition attestation: "
                + attestation.get("author").get("name").asText());
        assertThat(page.locator("#reading-endorsers li")).hasCount(text.get("endorsers").size());
        assertThat(page.locator("#reading-actions")).containsText("make or restore your key");
        screenshot(page, "charter-text");

        // the essays only
        page.getByLabel("Show").selectOption("essay");
        assertThat(page.locator("#canon-list li[data-kind=article]")).hasCount(0);
        assertThat(page.locator("#canon-list li[data-kind=essay]").first()).isVisible();

        // in Portuguese
        page.getByLabel("Language").selectOption("pt");
        assertThat(page.locator("#stages-title")).hasText("A transição: cinco fases");
        assertThat(page.locator("#stage-timeline li[data-stage=community] .stage-name")).containsText("Comunidade");
        assertThat(page.locator("#charter-verdict")).containsText("Verificada no seu navegador");
        screenshot(page, "charter-pt");
    }

    @Test
    void aCitizenPublishesAnEssayAndEndorsesAText() {
        JsonNode essay = essay();
        String name = citizenOutside(essay);
        SigningKey key = keys.get(name);
        Page page = newPage(newProfile());
        restoreKey(page, writeBackup(key, PASSPHRASE, name), PASSPHRASE);

        // publish an essay: the form checks itself first
        page.navigate(url("/charter"));
        assertThat(page.locator("#publish-who")).containsText("You publish as " + name + ";");
        button(page, "Sign and publish").click();
        assertThat(page.locator("#publish-title-input-error")).hasText("Give a title (one line, up to 200 characters).");
        assertThat(page.locator("#publish-title-input")).isFocused();
        assertThat(page.locator("#publish-text-error")).isVisible();
        String title = "On borrowing well " + System.nanoTime();
        page.getByLabel("Title").fill(title);
        page.getByLabel("Text", new Page.GetByLabelOptions().setExact(true)).fill(
                "A tool lent is a tool twice used.\n\nWe should keep a book of who borrowed what, and be kind about it.");
        button(page, "Sign and publish").click();
        Locator published = page.locator("#publish-feedback");
        assertThat(published).hasAttribute("data-state", "committed");
        assertThat(published).containsText("Your essay “" + title + "” is in the canon.");
        String textId = published.locator("a.receipt-link").getAttribute("data-txid");
        JsonNode mine = get("canon/" + textId);
        assertThat(mine.get("title").asText()).isEqualTo(title);
        assertThat(mine.get("author").get("name").asText()).isEqualTo(name);
        assertThat(page.locator("#canon-list li[data-id='" + textId + "']")).isVisible();
        page.locator("#publish-read").click();
        assertThat(page.locator("#reading-title")).hasText(title);
        assertThat(page.locator("#reading-text p")).hasCount(2);
        assertThat(page.locator("#endorse-own")).hasText("You wrote this text: authors do not endorse their own.");
        screenshot(page, "charter-published");

        // endorse someone else's essay
        int before = essay.get("endorsements").asInt();
        page.navigate(url("/charter#text=" + essay.get("id").asText()));
        assertThat(page.locator("#reading-title")).hasText(essay.get("title").asText());
        button(page, "Sign and endorse").click();
        Locator endorsed = page.locator("#endorse-feedback");
        assertThat(endorsed).hasAttribute("data-state", "committed");
        assertThat(endorsed).containsText("You endorsed “" + essay.get("title").asText() + "”.");
        assertThat(page.locator("#reading-endorsers")).containsText(name);
        assertThat(button(page, "Sign and endorse")).isHidden();
        assertThat(get("canon/" + essay.get("id").asText()).get("endorsements").asInt()).isEqualTo(before + 1);
        screenshot(page, "charter-endorsed");

        // again, after a reload: the page knows, and offers no second endorsement
        page.reload();
        assertThat(page.locator("#endorse-done")).hasText("You endorsed this text.");
    }

    @Test
    void someoneWhoIsNotACitizenIsToldThatEndorsingIsForCitizens() {
        JsonNode essay = essay();
        SigningKey applicant = applicant("Nina Candidata");
        Page page = newPage(newProfile());
        restoreKey(page, writeBackup(applicant, PASSPHRASE, "Nina Candidata"), PASSPHRASE);
        page.navigate(url("/charter#text=" + essay.get("id").asText()));
        assertThat(page.locator("#reading-title")).hasText(essay.get("title").asText());
        // endorsements put an article to a vote: the page says so instead of offering a button the node would refuse
        assertThat(page.locator("#endorse-not-citizen")).containsText("Endorsements put an article to a vote, so "
                + "they are for citizens in good standing");
        assertThat(button(page, "Sign and endorse")).hasCount(0);
        // an applicant may still publish an essay, with their standing
        assertThat(page.locator("#publish-who")).containsText("You publish as Nina Candidata (Applicant)");
        assertThat(get("canon/" + essay.get("id").asText()).get("endorsements").asInt())
                .isEqualTo(essay.get("endorsements").asInt());
        screenshot(page, "charter-refused");
    }

    @Test
    void noSeriousAxeViolationsAtLaptopAndPhoneWidth() {
        List<String> violations = new ArrayList<>();
        String essayId = essay().get("id").asText();
        for (int[] size : new int[][] {{1280, 900}, {PHONE_WIDTH, PHONE_HEIGHT}}) {
            boolean phone = size[0] == PHONE_WIDTH;
            String suffix = phone ? "-phone-dark" : "-laptop";
            BrowserContext context = newProfile(size[0], size[1], true, phone ? ColorScheme.DARK : ColorScheme.LIGHT);
            Page page = newPage(context);
            page.navigate(url("/charter#text=" + essayId));
            assertThat(page.locator("#charter-verdict")).hasAttribute("data-verified", "true");
            assertThat(page.locator("#stage-timeline li.stage")).hasCount(5);
            assertThat(page.locator("#reading-title")).hasText(essay().get("title").asText());
            assertThat(page.locator("#canon-list li.canon-item").first()).isVisible();
            page.locator("#charter-parameters-box > summary").click();
            page.locator("#offices-history-box summary").click();
            if (phone) {
                assertNoHorizontalScroll(page);
            }
            seriousAxeViolations(page).forEach(v -> violations.add("charter" + suffix + ": " + v));
            screenshot(page, "a11y-charter" + suffix);
            context.close();
        }
        assertThat(violations).as("axe-core violations of impact serious or critical").isEmpty();
    }

    /** The demo's essay "On neighbourliness". */
    private static JsonNode essay() {
        for (JsonNode x : get("canon?kind=essay&limit=200").get("texts")) {
            if (x.get("title").asText().equals("On neighbourliness")) {
                return x;
            }
        }
        throw new AssertionError("the demo has no essay On neighbourliness");
    }

    /** A demo citizen (not the founder) who neither wrote nor endorsed the text. */
    private static String citizenOutside(JsonNode text) {
        JsonNode full = get("canon/" + text.get("id").asText());
        Set<String> taken = new HashSet<>();
        taken.add(full.get("author").get("name").asText());
        full.get("endorsers").forEach(p -> taken.add(p.get("name").asText()));
        List<String> names = new ArrayList<>(keys.keySet());
        java.util.Collections.reverse(names);
        for (String name : names) {
            if (taken.contains(name) || name.equals(DemoSociety.FOUNDER_NAME)) {
                continue;
            }
            JsonNode p = get("citizens/" + keys.get(name).did());
            if (p != null && p.get("status").asText().equals("citizen") && p.get("did").asText().equals(
                    keys.get(name).did())) {
                return name;
            }
        }
        throw new AssertionError("no demo citizen outside the text's endorsers");
    }
}

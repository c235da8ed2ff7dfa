package org.phyle.node.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ColorScheme;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.phyle.core.discussion.DiscussionTx;
import org.phyle.crypto.Hash;
import org.phyle.crypto.SigningKey;

/**
 * The canon open to everyone: someone from outside makes a key on the charter page, publishes an essay with their
 * standing shown, comments and replies in its discussion, is offered no endorsement (that stays with citizens) and is
 * told so; a quota refusal reads as a sentence; the demo visitor's essay and a citizen's reply read with and without
 * JavaScript; axe on a 390 px phone and a laptop, light and dark, in English and Portuguese.
 */
class OutsiderEssayTest extends WebTest {
    static final int PHONE = DiscussionPageTest.PHONE;

    static JsonNode canonText(String title) {
        for (JsonNode x : get("canon?kind=essay&limit=200").get("texts")) {
            if (x.get("title").asText().equals(title)) {
                return x;
            }
        }
        throw new AssertionError("no essay \"" + title + "\" in the canon");
    }

    static JsonNode visitorsEssay() {
        return canonText("A visitor's view of the commons");
    }

    /** Comments on a place as the CLI sends them: the signed record, then the text. */
    static JsonNode comment(SigningKey key, DiscussionTx.On on, String place, Hash reply, String text) {
        Hash digest = Hash.sha256(text.getBytes(StandardCharsets.UTF_8));
        JsonNode answer = submit(key, new DiscussionTx.Comment(on, Hash.fromHex(place), Optional.ofNullable(reply),
                digest, text.codePointCount(0, text.length())));
        DiscussionPageTest.postText(digest.hex(), text);
        return answer;
    }

    @Test
    void anOutsiderMakesAKeyPublishesAnEssayAndTakesPartInItsDiscussion() {
        Page page = newPage(newProfile(PHONE, 844, false, ColorScheme.LIGHT));
        page.navigate(url("/charter"));
        assertThat(page.locator("#canon-open")).containsText("The canon is open to everyone with a key");

        // no key yet: one is made right here
        assertThat(page.locator("#publish-who")).containsText("No key in this browser yet");
        assertThat(page.locator("#publish-form")).isHidden();
        Locator create = page.locator("#publish-key #create-key-form");
        create.getByLabel("Passphrase", new Locator.GetByLabelOptions().setExact(true)).fill(PASSPHRASE);
        create.getByLabel("Repeat the passphrase").fill(PASSPHRASE);
        button(page, "Make my key").click();
        assertThat(page.locator("#publish-who")).containsText("You publish as someone from outside the society");
        assertThat(page.locator("#publish-who")).containsText("Up to");
        assertThat(page.locator("#publish-form")).isVisible();
        // proposed charter text is for citizens; an essay is for anyone
        assertThat(page.locator("input[name=publish-kind][value=article]")).isDisabled();
        assertThat(page.locator("#publish-article-citizens")).isVisible();
        assertNoHorizontalScroll(page);

        String title = "Notes of a passer-by " + System.nanoTime();
        String essay = "I came for the tiles and stayed for the assemblies.\n\nYou argue well; you could write more down.";
        page.getByLabel("Title").fill(title);
        page.getByLabel("Text", new Page.GetByLabelOptions().setExact(true)).fill(essay);
        button(page, "Sign and publish").click();
        assertThat(page.locator("#publish-feedback")).hasAttribute("data-state", "committed");
        JsonNode published = canonText(title);
        assertThat(published.get("standing").asText()).isEqualTo("outsider");
        assertThat(published.get("author").isNull()).isTrue();
        String did = published.get("authorKey").asText();
        assertThat(get("citizens/" + did)).as("the key belongs to nobody in the registry").isNull();

        // reading it: the writer's standing, and no endorsement offered, with the reason
        page.locator("#publish-read").click();
        assertThat(page.locator("#reading-title")).hasText(title);
        assertThat(page.locator("#reading-body .writer").first()).hasText("a writer from outside (not registered)");
        assertThat(page.locator("#endorse-not-citizen")).containsText("Endorsements put an article to a vote");
        assertThat(button(page, "Sign and endorse")).hasCount(0);

        // its discussion: the outsider comments, with standing "Outsider" and their quota said
        assertThat(page.locator("#discussion")).hasAttribute("data-loaded", "true");
        assertThat(page.locator("#discussion-count")).hasText("No comments yet.");
        assertThat(page.locator("#comment-new-hint")).containsText("You write as someone from outside the society");
        String said = "A first note of my own, to start the talk. " + System.nanoTime();
        page.getByLabel("Your comment").fill(said);
        button(page, "Sign and post").click();
        assertThat(page.locator("#comment-new-feedback")).hasAttribute("data-state", "committed");
        JsonNode mine = DiscussionPageTest.commentWithText("canon", published.get("id").asText(), said);
        assertThat(mine.get("standing").asText()).isEqualTo("outsider");
        assertThat(mine.get("author").isNull()).isTrue();
        assertThat(mine.get("authorKey").asText()).isEqualTo(did);
        Locator shown = page.locator("#comment-" + mine.get("number"));
        assertThat(shown.locator(".pill.standing")).hasText("Outsider");
        assertThat(shown.locator(".comment-author")).containsText("someone from outside");
        assertThat(shown.locator(".comment-check")).hasAttribute("data-checked", "true");

        // a citizen answers (from elsewhere); the outsider's page shows it live, and the outsider replies
        String citizen = DiscussionPageTest.lateCitizens(5, List.of()).get(4);
        String answer = "Welcome: write more, we read it. " + System.nanoTime();
        comment(keys.get(citizen), DiscussionTx.On.CANON, published.get("id").asText(),
                Hash.fromHex(mine.get("id").asText()), answer);
        JsonNode theirs = DiscussionPageTest.commentWithText("canon", published.get("id").asText(), answer);
        Locator reply = page.locator("#comment-" + mine.get("number") + " > ol.replies > #comment-"
                + theirs.get("number"));
        assertThat(reply.locator(".comment-text")).hasText(answer);
        assertThat(reply.locator(".pill.standing")).hasText("Citizen");
        reply.locator(":scope > .comment-body [data-action=reply]").click();
        String back = "Thank you; I will. " + System.nanoTime();
        page.getByLabel("Your reply to " + citizen).fill(back);
        button(page, "Sign and reply").click();
        assertThat(page.locator("#reply-" + theirs.get("number") + "-feedback")).hasAttribute("data-state",
                "committed");
        JsonNode last = DiscussionPageTest.commentWithText("canon", published.get("id").asText(), back);
        assertThat(last.get("replyTo").asInt()).isEqualTo(theirs.get("number").asInt());
        assertThat(last.get("standing").asText()).isEqualTo("outsider");
        assertThat(reply.locator("#comment-" + last.get("number") + " .pill.standing")).hasText("Outsider");
        assertNoHorizontalScroll(page);
        screenshot(page, "outsider-essay-phone");
        DiscussionPageTest.part(page.locator("#reading"), "outsider-essay-phone");
    }

    @Test
    void aQuotaRefusalReadsAsASentence() {
        JsonNode essay = visitorsEssay();
        SigningKey outsider = SigningKey.generate();
        long quota = 0;
        for (JsonNode p : get("society").get("parameters")) {
            if (p.get("name").asText().equals("discussion.othersCommentsPerDay")) {
                quota = p.get("value").asLong();
            }
        }
        assertThat(quota).isBetween(1L, 20L);
        for (int i = 0; i < quota; i++) {
            comment(outsider, DiscussionTx.On.CANON, essay.get("id").asText(), null, "Note " + i + " " + System.nanoTime());
        }
        int before = get("discussions/canon/" + essay.get("id").asText()).get("comments").size();
        Page page = newPage(newProfile());
        restoreKey(page, writeBackup(outsider, PASSPHRASE, "outsider"), PASSPHRASE);
        page.navigate(url("/charter#text=" + essay.get("id").asText()));
        assertThat(page.locator("#discussion")).hasAttribute("data-loaded", "true");
        page.getByLabel("Your comment").fill("One more than I may.");
        button(page, "Sign and post").click();
        Locator refused = page.locator("#comment-new-feedback");
        assertThat(refused).hasAttribute("data-state", "rejected");
        assertThat(refused).containsText("This key has written all the comments its standing allows today");
        assertThat(refused.locator(".feedback-code")).hasText("COMMENT_QUOTA");
        assertThat(page.getByLabel("Your comment")).hasValue("One more than I may.");
        assertThat(get("discussions/canon/" + essay.get("id").asText()).get("comments").size()).isEqualTo(before);
    }

    @Test
    void theVisitorsEssayAndACitizensReplyWithAndWithoutJavaScript() {
        JsonNode essay = visitorsEssay();
        String id = essay.get("id").asText();
        JsonNode thread = get("discussions/canon/" + id);
        JsonNode citizens = null;
        for (JsonNode c : thread.get("comments")) {
            if (c.get("standing").asText().equals("citizen")) {
                citizens = c;
                break;
            }
        }
        assertThat(citizens).as("a citizen's comment on the visitor's essay").isNotNull();

        Page page = newPage(newProfile());
        page.navigate(url("/charter#text=" + id));
        assertThat(page.locator("#reading-body .writer").first()).hasText("a writer from outside (not registered)");
        Locator c = page.locator("#comment-" + citizens.get("number"));
        assertThat(c.locator(".pill.standing")).hasText("Citizen");
        assertThat(c.locator(".comment-author")).hasText(citizens.get("author").get("name").asText());
        assertThat(c.locator(".comment-text")).hasText(citizens.get("text").asText());
        assertThat(page.locator("#discussion-need-key")).containsText("To comment, make a key");
        assertThat(page.locator("#thread [data-action=reply]")).hasCount(0);

        // without JavaScript: the charter lists the canon, and a text reads with its discussion
        BrowserContext off = browser.newContext(new Browser.NewContextOptions().setViewportSize(PHONE, 800)
                .setLocale("en-GB").setJavaScriptEnabled(false));
        try {
            Page plain = off.newPage();
            plain.navigate(url("/charter"));
            Locator link = plain.locator("#ssr-canon a[href='charter?text=" + id + "']");
            assertThat(link).hasText(essay.get("title").asText());
            assertThat(plain.locator("#ssr-canon li:has(a[href='charter?text=" + id + "'])"))
                    .containsText("(Outsider)");
            link.click();
            assertThat(plain.locator("#canon-text-ssr h1")).hasText(essay.get("title").asText());
            assertThat(plain.locator("#canon-text-ssr .canon-text")).containsText("I do not live in Lisbon");
            assertThat(plain.locator("#ssr-comment-" + citizens.get("number") + " .comment-text"))
                    .hasText(citizens.get("text").asText());
            assertThat(plain.locator("#ssr-comment-" + citizens.get("number") + " .pill.standing")).hasText("Citizen");
            assertNoHorizontalScroll(plain);
            screenshot(plain, "noscript-canon-text");
            DiscussionPageTest.part(plain.locator("#canon-text-ssr"), "noscript-canon-text");
        } finally {
            off.close();
        }
    }

    @Test
    void noSeriousAxeViolationsOnAPhoneAndALaptopLightAndDarkInBothLanguages() {
        String id = visitorsEssay().get("id").asText();
        List<String> violations = new ArrayList<>();
        for (int width : new int[] {PHONE, 1280}) {
            for (ColorScheme scheme : List.of(ColorScheme.LIGHT, ColorScheme.DARK)) {
                boolean pt = (width == PHONE) == (scheme == ColorScheme.DARK);
                Page page = newPage(newProfile(width, 900, true, scheme));
                if (scheme == ColorScheme.DARK) {
                    // an outsider's key in the browser: the forms for someone from outside are checked too
                    restoreKey(page, writeBackup(SigningKey.generate(), PASSPHRASE, "outsider"), PASSPHRASE);
                }
                page.navigate(url("/charter#text=" + id));
                if (pt) {
                    page.getByLabel("Language").selectOption("pt");
                    assertThat(page.locator("#discussion h3").first()).hasText("Discussão");
                }
                assertThat(page.locator("#discussion")).hasAttribute("data-loaded", "true");
                assertThat(page.locator("#charter-verdict")).hasAttribute("data-verified", "true");
                if (page.locator("#thread [data-action=reply]").count() > 0) {
                    page.locator("#thread [data-action=reply]").first().click();
                }
                violations.addAll(seriousAxeViolations(page).stream().map(v -> width + " " + scheme + ": " + v)
                        .toList());
                assertNoHorizontalScroll(page);
                if (width == PHONE && pt) {
                    DiscussionPageTest.part(page.locator("#reading"), "canon-discussion-phone-dark-pt");
                }
            }
        }
        assertThat(violations).isEmpty();
    }
}

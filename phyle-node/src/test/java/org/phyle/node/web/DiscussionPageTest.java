package org.phyle.node.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ColorScheme;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.phyle.core.discussion.DiscussionTx;
import org.phyle.crypto.Hash;
import org.phyle.crypto.SigningKey;
import org.phyle.node.demo.DemoSociety;

/**
 * The discussion of a proposal in the browser: demo citizens comment and reply from two browser profiles (the second
 * sees the first's comment arrive live), the thread and the API agree, erasing keeps the record and shows "erased",
 * a text the node changed is flagged by the browser's check, the thread reads without JavaScript, and the page passes
 * axe on a 390 px phone and a laptop, light and dark, in English and Portuguese.
 */
class DiscussionPageTest extends WebTest {
    static final int PHONE = 390;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** The demo's open vote with comments and replies. */
    static String discussed() {
        return node.seeded.openProposals().get(0).hex();
    }

    /** Demo citizens in good standing, from the latest admitted, leaving out any names given. */
    static List<String> lateCitizens(int n, List<String> except) {
        List<String> names = new ArrayList<>(keys.keySet());
        Collections.reverse(names);
        List<String> found = new ArrayList<>();
        for (String name : names) {
            if (found.size() == n) {
                break;
            }
            if (name.equals(DemoSociety.FOUNDER_NAME) || except.contains(name)) {
                continue;
            }
            JsonNode p = get("citizens/" + keys.get(name).did());
            if (p != null && p.get("status").asText().equals("citizen") && p.get("did").asText()
                    .equals(keys.get(name).did())) {
                found.add(name);
            }
        }
        assertThat(found).hasSize(n);
        return found;
    }

    Page as(String name, int width, ColorScheme scheme) {
        Page page = newPage(newProfile(width, 900, false, scheme));
        restoreKey(page, writeBackup(keys.get(name), PASSPHRASE, name), PASSPHRASE);
        return page;
    }

    static JsonNode thread(String on, String place) {
        return get("discussions/" + on + "/" + place);
    }

    static JsonNode commentWithText(String on, String place, String text) {
        for (JsonNode c : thread(on, place).get("comments")) {
            if (text.equals(c.path("text").asText(null))) {
                return c;
            }
        }
        throw new AssertionError("no comment with text " + text);
    }

    /** A JPEG of one part of a page, for docs/img/webapp (the full-page PNGs are in target/screenshots too). */
    static void part(Locator part, String name) {
        // the floating "back to the top" link out of the picture (through the CSSOM, which the page's CSP allows)
        String toTop = "v => { const t = document.getElementById('to-top'); if (t) { t.style.visibility = v; } }";
        part.page().evaluate(toTop, "hidden");
        part.screenshot(new Locator.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".jpg"))
                .setType(com.microsoft.playwright.options.ScreenshotType.JPEG).setQuality(80));
        part.page().evaluate(toTop, "");
    }

    static int textStatus(String digest) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url("/api/v1/texts/" + digest))).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void postText(String digest, String text) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url("/api/v1/texts/" + digest)))
                    .header("Content-Type", "text/plain; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aCitizenCommentsAnotherRepliesLiveAndTheAuthorErases() {
        String id = discussed();
        List<String> two = lateCitizens(2, List.of());
        String ana = two.get(0);
        String bea = two.get(1);
        Page a = as(ana, 1280, ColorScheme.LIGHT);
        Page b = as(bea, PHONE, ColorScheme.DARK);
        for (Page p : List.of(a, b)) {
            p.navigate(url("/proposals#proposal=" + id));
            assertThat(p.locator("#discussion")).hasAttribute("data-loaded", "true");
        }

        // the demo's comments are there, nested as on the ledger, each text checked against its digest
        JsonNode before = thread("proposal", id);
        int n = before.get("comments").size();
        assertThat(a.locator("#thread .comment")).hasCount(n);
        assertThat(a.locator("#thread .comment-check[data-checked=true]")).hasCount(n);
        assertThat(a.locator("#thread .comment-check").first()).containsText("✓ text checked");
        assertThat(a.locator("#comment-" + before.get("comments").get(0).get("number") + " .comment-check a").first())
                .hasAttribute("href", "ledger#tx=" + before.get("comments").get(0).get("id").asText());
        JsonNode first = before.get("comments").get(0);
        JsonNode reply = before.get("comments").get(1);
        assertThat(reply.get("replyTo").asInt()).isEqualTo(first.get("number").asInt());
        assertThat(a.locator("#comment-" + first.get("number") + " > ol.replies > #comment-" + reply.get("number")))
                .isVisible();
        assertThat(a.locator("#comment-" + first.get("number") + " .comment-author").first())
                .hasText(first.get("author").get("name").asText());
        assertThat(a.locator("#comment-" + first.get("number") + " .comment-author").first())
                .hasAttribute("href", "citizens#person=" + first.get("author").get("number").asInt());

        // Ana comments; Bea, on her phone, sees it arrive without reloading
        String said = "We could try monthly for six months and then look again. " + System.nanoTime();
        a.getByLabel("Your comment").fill(said);
        button(a, "Sign and post").click();
        assertThat(a.locator("#comment-new-feedback")).hasAttribute("data-state", "committed");
        assertThat(a.locator("#comment-new-feedback")).containsText("Your comment is on the ledger");
        JsonNode mine = commentWithText("proposal", id, said);
        assertThat(mine.get("author").get("name").asText()).isEqualTo(ana);
        assertThat(mine.get("standing").asText()).isEqualTo("citizen");
        Locator anas = a.locator("#comment-" + mine.get("number"));
        assertThat(anas.locator(".comment-text")).hasText(said);
        assertThat(anas.locator(".pill.standing")).hasText("Citizen");
        Locator live = b.locator("#comment-" + mine.get("number"));
        assertThat(live.locator(".comment-text")).hasText(said);
        assertThat(live.locator(".comment-check")).hasAttribute("data-checked", "true");

        // Bea replies to it
        live.locator(":scope > .comment-body [data-action=reply]").click();
        String answer = "Six months, and a short survey at the end. " + System.nanoTime();
        b.getByLabel("Your reply to " + ana).fill(answer);
        button(b, "Sign and reply").click();
        assertThat(b.locator("#reply-" + mine.get("number") + "-feedback")).hasAttribute("data-state", "committed");
        JsonNode beas = commentWithText("proposal", id, answer);
        assertThat(beas.get("replyTo").asInt()).isEqualTo(mine.get("number").asInt());
        assertThat(beas.get("author").get("name").asText()).isEqualTo(bea);
        // ... and Ana sees the reply under her comment, live
        assertThat(a.locator("#comment-" + mine.get("number") + " > ol.replies > #comment-" + beas.get("number")
                + " .comment-text")).hasText(answer);
        assertNoHorizontalScroll(b);
        b.locator("#comment-" + mine.get("number")).scrollIntoViewIfNeeded();
        screenshot(b, "discussion-phone-dark");
        screenshot(a, "discussion-proposal");
        part(b.locator("#comment-" + mine.get("number")), "discussion-reply-phone-dark");
        part(a.locator("#discussion"), "discussion-proposal");

        // Bea cannot erase Ana's comment from her browser: the button is only on her own
        assertThat(live.locator(":scope > .comment-body [data-action=erase]")).hasCount(0);

        // Ana erases hers: asked first, then the text goes and the record stays
        anas.locator(":scope > .comment-body [data-action=erase]").click();
        assertThat(a.locator("#erase-dialog")).isVisible();
        assertThat(a.locator("#erase-dialog-cancel")).isFocused();
        a.locator("#erase-dialog-confirm").click();
        assertThat(anas.locator(":scope > .comment-body .comment-erased")).containsText("Erased by its author");
        assertThat(anas).hasAttribute("data-erased", "true");
        assertThat(anas.locator(":scope > .comment-body .comment-text")).hasCount(0);
        JsonNode erased = commentWithNumber(id, mine.get("number").asInt());
        assertThat(erased.get("erased").get("byAuthor").asBoolean()).isTrue();
        assertThat(erased.has("text")).isFalse();
        assertThat(erased.get("digest").asText()).isEqualTo(mine.get("digest").asText());
        assertThat(thread("proposal", id).get("comments").size()).isEqualTo(n + 2);
        assertThat(textStatus(mine.get("digest").asText())).isEqualTo(404);
        // the reply stays, under the erased comment; Bea's page shows the erasure live
        assertThat(anas.locator("#comment-" + beas.get("number") + " .comment-text")).hasText(answer);
        assertThat(live.locator(":scope > .comment-body .comment-erased")).containsText("Erased by its author");
        screenshot(a, "discussion-erased");
        part(anas, "discussion-erased");
    }

    static JsonNode commentWithNumber(String id, int number) {
        for (JsonNode c : thread("proposal", id).get("comments")) {
            if (c.get("number").asInt() == number) {
                return c;
            }
        }
        throw new AssertionError("no comment #" + number);
    }

    @Test
    void aTextTheNodeChangedIsFlaggedByTheBrowsersCheck() throws IOException {
        String id = node.seeded.openProposals().get(1).hex();
        String name = lateCitizens(3, List.of()).get(2);
        String text = "The figures were published on the notice board. " + System.nanoTime();
        Hash digest = Hash.sha256(text.getBytes(StandardCharsets.UTF_8));
        submit(keys.get(name), new DiscussionTx.Comment(DiscussionTx.On.PROPOSAL, Hash.fromHex(id), Optional.empty(),
                digest, text.codePointCount(0, text.length())));
        postText(digest.hex(), text);
        JsonNode c = commentWithText("proposal", id, text);

        // the node's copy of the text is changed behind the ledger's back
        Path file = node.dir.resolve("texts").resolve(digest.hex());
        assertThat(file).exists();
        String changed = "The figures were never published. " + System.nanoTime();
        Files.writeString(file, changed, StandardCharsets.UTF_8);
        try {
            Page page = newPage(newProfile());
            page.navigate(url("/proposals#proposal=" + id));
            Locator shown = page.locator("#comment-" + c.get("number"));
            assertThat(shown.locator(".comment-text")).hasText(changed);
            assertThat(shown.locator(".comment-check")).hasAttribute("data-checked", "false");
            assertThat(shown.locator(".comment-check")).containsText("does NOT match the ledger's record");
            assertThat(shown.locator(".comment-check")).hasAttribute("role", "alert");
            // the others still check
            assertThat(page.locator("#thread .comment-check[data-checked=false]")).hasCount(1);
            shown.scrollIntoViewIfNeeded();
            screenshot(page, "discussion-tampered");
            part(shown, "discussion-tampered");

            // the check itself, in the page: the right text passes, another text or another length does not
            Object checks = page.evaluate("async ([text, digest, changed]) => {\n"
                    + "  const { checkText } = await import('./static/js/discussion.js');\n"
                    + "  const n = [...text].length;\n"
                    + "  return [(await checkText(text, digest, n)).ok, (await checkText(changed, digest, n)).ok,\n"
                    + "    (await checkText(text, digest, n + 1)).ok];\n"
                    + "}", List.of(text, digest.hex(), changed));
            assertThat(list(checks)).containsExactly(true, false, false);
        } finally {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        }
    }

    @Test
    void theThreadReadsWithoutJavaScriptInBothLanguages() {
        String id = discussed();
        JsonNode t = thread("proposal", id);
        for (String locale : List.of("en-GB", "pt-PT")) {
            BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(PHONE, 800)
                    .setLocale(locale).setJavaScriptEnabled(false));
            try {
                Page page = context.newPage();
                page.navigate(url("/proposals?proposal=" + id));
                Locator ssr = page.locator("#ssr-discussion");
                assertThat(ssr.locator("h2")).hasText(locale.startsWith("pt") ? "Discussão" : "Discussion");
                assertThat(ssr.locator(".comment")).hasCount(t.get("comments").size());
                for (JsonNode c : t.get("comments")) {
                    Locator li = page.locator("#ssr-comment-" + c.get("number"));
                    if (c.has("erased")) {
                        assertThat(li.locator(":scope > .comment-body")).containsText(locale.startsWith("pt") ? "Apagado"
                                : "Erased");
                    } else {
                        assertThat(li.locator(":scope > .comment-body .comment-text")).containsText(c.get("text").asText()
                                .split("\n")[0]);
                    }
                    if (c.has("replyTo")) {
                        assertThat(page.locator("#ssr-comment-" + c.get("replyTo") + " > ol.replies > #ssr-comment-"
                                + c.get("number"))).hasCount(1);
                    }
                }
                assertThat(ssr.locator(".pill.standing").first()).hasText(locale.startsWith("pt") ? "Cidadão"
                        : "Citizen");
                assertNoHorizontalScroll(page);
                String name = "discussion-noscript" + (locale.startsWith("pt") ? "-pt" : "");
                ssr.scrollIntoViewIfNeeded();
                screenshot(page, name);
                part(ssr, name);
            } finally {
                context.close();
            }
        }
    }

    @Test
    void theKeyboardAloneRepliesAndCancels() {
        String id = discussed();
        String name = lateCitizens(6, List.of()).get(5);
        Page page = as(name, PHONE, ColorScheme.LIGHT);
        page.navigate(url("/proposals#proposal=" + id));
        assertThat(page.locator("#discussion")).hasAttribute("data-loaded", "true");
        JsonNode first = thread("proposal", id).get("comments").get(0);
        Locator reply = page.locator("#comment-" + first.get("number") + " > .comment-body .comment-actions "
                + "> .actions > [data-action=reply]");
        assertThat(reply).hasAttribute("aria-label", "Reply to " + first.get("author").get("name").asText());
        reply.focus();
        page.keyboard().press("Enter");
        assertThat(reply).hasAttribute("aria-expanded", "true");
        Locator text = page.locator("#reply-" + first.get("number") + "-text");
        assertThat(text).isFocused();
        page.keyboard().press("Tab");
        assertThat(page.locator("#reply-" + first.get("number") + "-form button[type=submit]")).isFocused();
        page.keyboard().press("Tab");
        page.keyboard().press("Enter"); // Cancel
        assertThat(text).hasCount(0);
        assertThat(reply).isFocused();
        assertThat(reply).hasAttribute("aria-expanded", "false");
        // an empty comment is stopped before signing, in words, and the field says it is invalid
        page.locator("#comment-new-text").focus();
        page.keyboard().press("Tab");
        page.keyboard().press("Enter");
        assertThat(page.locator("#comment-new-error")).hasText("Write something first (up to 10,000 characters).");
        assertThat(page.locator("#comment-new-text")).isFocused();
        assertThat(page.locator("#comment-new-text")).hasAttribute("aria-invalid", "true");
    }

    @Test
    void noSeriousAxeViolationsOnAPhoneAndALaptopLightAndDarkInBothLanguages() {
        String id = discussed();
        String name = lateCitizens(4, List.of()).get(3);
        List<String> violations = new ArrayList<>();
        int[][] sizes = {{PHONE, 844}, {1280, 900}};
        for (int[] size : sizes) {
            for (ColorScheme scheme : List.of(ColorScheme.LIGHT, ColorScheme.DARK)) {
                boolean pt = scheme == ColorScheme.DARK;
                BrowserContext context = newProfile(size[0], size[1], true, scheme);
                Page page = newPage(context);
                if (size[0] == PHONE && !pt) {
                    // with a key: the forms and the erase button are on the page too
                    restoreKey(page, writeBackup(keys.get(name), PASSPHRASE, name), PASSPHRASE);
                }
                page.navigate(url("/proposals#proposal=" + id));
                if (pt) {
                    page.getByLabel("Language").selectOption("pt");
                    assertThat(page.locator("#discussion h2")).hasText("Discussão");
                }
                assertThat(page.locator("#discussion")).hasAttribute("data-loaded", "true");
                // a reply form open, so that it is checked too
                if (page.locator("#thread [data-action=reply]").count() > 0) {
                    page.locator("#thread [data-action=reply]").first().click();
                }
                violations.addAll(seriousAxeViolations(page).stream().map(v -> size[0] + " " + scheme + ": " + v)
                        .toList());
                assertNoHorizontalScroll(page);
            }
        }
        assertThat(violations).isEmpty();
    }
}

package org.phyle.node.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.ColorScheme;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.phyle.core.Society;
import org.phyle.core.SocietyView;
import org.phyle.core.notary.NotaryRecord;
import org.phyle.core.tx.TxSigner;
import org.phyle.crypto.Hash;
import org.phyle.crypto.Jcs;
import org.phyle.crypto.SigningKey;
import org.phyle.node.KeyFile;
import org.phyle.node.TestNodes;
import org.phyle.node.demo.DemoSociety;

/**
 * The ledger page ({@code /ledger}) in a real browser (Debian's Chromium driven by Playwright) against a real demo node: the
 * society, the live checkpoint with its signature checked in the browser, the latest blocks and entries, and receipts
 * verified in the browser, including tampered ones. Screenshots of each state go to target/screenshots/.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LedgerPageTest {
    private static final Path SCREENSHOTS = Paths.get("target", "screenshots");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RECEIPTS = "**/api/v1/txs/*/receipt";

    private static TestNodes.Running node;
    private static Playwright playwright;
    private static Browser browser;

    private BrowserContext context;
    private Page page;
    private final List<String> pageErrors = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startNodeAndBrowser() throws IOException {
        Chromium.executable();
        Files.createDirectories(SCREENSHOTS);
        node = TestNodes.small();
        playwright = Chromium.playwright();
        browser = Chromium.launch(playwright);
    }

    @AfterAll
    static void stopNodeAndBrowser() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
        if (node != null) {
            node.close();
        }
    }

    @BeforeEach
    void openPage() {
        open(1280, 900);
    }

    @AfterEach
    void closePage() {
        context.close();
        assertThat(pageErrors).as("errors in the page").isEmpty();
    }

    private void open(int width, int height) {
        if (context != null) {
            context.close();
        }
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(width, height)
                .setLocale("en-GB").setTimezoneId("Europe/Lisbon"));
        context.setDefaultTimeout(10_000);
        page = context.newPage();
        page.onPageError(pageErrors::add);
        page.onConsoleMessage(m -> {
            // the browser logs every 4xx answer; the page shows those in words, so they are not page errors
            if ("error".equals(m.type()) && !m.text().startsWith("Failed to load resource")) {
                pageErrors.add(m.text());
            }
        });
        page.navigate(node.url() + "/ledger");
        assertThat(page.locator("#checkpoint-signature")).hasAttribute("data-state", "valid");
    }

    // ---- the page ------------------------------------------------------------------------------------------------

    @Test
    @Order(1)
    void showsTheSocietyTheSignedCheckpointTheBlocksAndTheEntries() {
        assertThat(page).hasTitle(Pattern.compile("Lisbon Commons"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("The ledger of record");
        assertThat(page.locator("#society-name")).hasText(DemoSociety.NAME);
        assertThat(page.locator("#society-purpose")).hasText(DemoSociety.PURPOSE);
        String founder = node.node.read(s -> s.founder().did());
        assertThat(page.locator("#society-facts")).containsText(founder);
        assertThat(page.locator("#society-facts")).containsText(node.node.checkpointVerifier().vkey());
        assertThat(page.locator("#society-parameter-list li")).not().hasCount(0);

        // the checkpoint, verbatim, its size, and its signature checked in the browser
        String checkpoint = node.node.head().checkpoint();
        assertThat(page.locator("#checkpoint-text")).hasText(checkpoint.strip());
        assertThat(page.locator("#checkpoint-signature")).hasText(Pattern.compile("Signature valid"));
        assertThat(page.locator("#checkpoint-size")).hasText(Long.toString(node.node.head().treeSize()));
        assertThat(page.locator("#checkpoint-updated")).hasText(Pattern.compile("ago|just now"));
        assertThat(page.locator("#checkpoint-checked")).hasText(Pattern.compile("ago|just now"));

        // blocks, newest first, and the last ten entries, newest first, with notary labels and shortened signers
        long height = node.node.head().height();
        Locator rows = page.locator("#blocks-body tr");
        assertThat(rows).hasCount((int) Math.min(10, height + 1));
        assertThat(rows.first()).hasAttribute("data-height", Long.toString(height));
        assertThat(rows.first().locator("code.hash")).hasText(Pattern.compile("^[0-9a-f]{8}…$"));
        Locator entries = page.locator("#entries-list li.entry");
        assertThat(entries).hasCount(10);
        long last = node.node.head().treeSize() - 1;
        assertThat(entries.first()).hasAttribute("data-leaf", Long.toString(last));
        assertThat(entries.first().locator(".tag")).hasText("notary.record");
        assertThat(entries.first().locator(".entry-label")).hasText("Charter 1.0 published");
        assertThat(entries.first().locator(".entry-signer code")).hasText(Pattern.compile("^did:key:z6Mk.{4}….{4}$"));
        assertThat(page.locator("#entries-list")).containsText("Minutes: first online assembly");

        screenshot("1-overview");
        page.emulateMedia(new Page.EmulateMediaOptions().setColorScheme(ColorScheme.DARK));
        screenshot("1-overview-dark");
    }

    @Test
    @Order(2)
    void clickingAnEntryVerifiesItsReceiptInTheBrowser() {
        Locator entry = page.locator("#entries-list li.entry").nth(3);
        String txId = entry.getAttribute("data-txid");
        entry.getByRole(AriaRole.BUTTON).click();

        assertThat(page.getByLabel("Transaction id")).hasValue(txId);
        assertThat(page.locator("#receipt-verdict")).hasText(Pattern.compile("Verified in your browser"));
        assertThat(page.locator("#receipt-verdict")).hasAttribute("data-verified", "true");
        for (String check : List.of("txId", "leafHash", "inclusion", "checkpoint")) {
            Locator item = page.locator("[data-check=" + check + "]");
            assertThat(item).hasAttribute("data-ok", "true");
            assertThat(item.locator(".mark")).hasText("✓");
        }
        assertThat(page.locator("[data-check=txId] .check-detail")).containsText(txId.substring(0, 8));
        assertThat(page.locator("#receipt-result")).isFocused();
        screenshot("2-receipt-verified");
    }

    @Test
    @Order(3)
    void aReceiptWithATamperedInclusionProofIsNotVerified() {
        tamperReceipts(receipt -> {
            ArrayNode proof = (ArrayNode) receipt.get("inclusionProof");
            proof.set(0, flipFirstHexDigit(proof.get(0).asText()));
            return receipt;
        });
        verifyByKeyboard(txIdOfLeaf(5));

        assertThat(page.locator("#receipt-verdict")).hasAttribute("data-verified", "false");
        assertThat(page.locator("#receipt-verdict"))
                .hasText(Pattern.compile("NOT verified: the inclusion proof does not lead"));
        assertThat(page.locator("[data-check=inclusion]")).hasAttribute("data-ok", "false");
        assertThat(page.locator("[data-check=inclusion] .mark")).hasText("✗");
        for (String check : List.of("txId", "leafHash", "checkpoint")) {
            assertThat(page.locator("[data-check=" + check + "]")).hasAttribute("data-ok", "true");
        }
        screenshot("3-receipt-tampered-proof");
    }

    @Test
    @Order(4)
    void aReceiptWithATamperedEntryIsNotVerified() {
        tamperReceipts(receipt -> {
            ObjectNode body = (ObjectNode) receipt.get("entry").get("payload").get("body");
            body.put("label", body.get("label").asText() + " (amended)");
            return receipt;
        });
        page.locator("#entries-list li.entry").nth(1).getByRole(AriaRole.BUTTON).click();

        assertThat(page.locator("#receipt-verdict")).hasAttribute("data-verified", "false");
        assertThat(page.locator("#receipt-verdict"))
                .hasText(Pattern.compile("NOT verified: the transaction id does not match its payload"));
        assertThat(page.locator("[data-check=txId]")).hasAttribute("data-ok", "false");
        assertThat(page.locator("[data-check=txId] .mark")).hasText("✗");
        assertThat(page.locator("[data-check=checkpoint]")).hasAttribute("data-ok", "true");
        screenshot("4-receipt-tampered-entry");
    }

    @Test
    @Order(5)
    void aCheckpointWithABrokenSignatureIsNotVerified() {
        tamperReceipts(receipt -> {
            // past the 4-byte key id, inside the Ed25519 signature
            String note = receipt.get("checkpoint").asText();
            int at = note.lastIndexOf(' ') + 11;
            receipt.put("checkpoint", note.substring(0, at) + (note.charAt(at) == 'A' ? 'B' : 'A')
                    + note.substring(at + 1));
            return receipt;
        });
        verifyByKeyboard(txIdOfLeaf(2));

        assertThat(page.locator("[data-check=checkpoint]")).hasAttribute("data-ok", "false");
        assertThat(page.locator("[data-check=checkpoint] .check-detail")).hasText(Pattern.compile("does not verify"));
        assertThat(page.locator("[data-check=inclusion]")).hasAttribute("data-ok", "true");
        assertThat(page.locator("#receipt-verdict"))
                .hasText(Pattern.compile("NOT verified: the checkpoint is not signed by the society’s sequencer"));
    }

    @Test
    @Order(6)
    void anUnknownOrMalformedTransactionIdIsExplained() {
        verifyByKeyboard("xyz");
        assertThat(page.locator("#receipt-input-error")).hasText(Pattern.compile("64 hexadecimal characters"));
        assertThat(page.getByLabel("Transaction id")).hasAttribute("aria-invalid", "true");

        String unknown = "ab".repeat(32);
        verifyByKeyboard(unknown);
        assertThat(page.locator("#receipt-input-error")).isHidden();
        assertThat(page.locator("#receipt-verdict")).hasAttribute("data-verified", "false");
        assertThat(page.locator("#receipt-verdict")).hasText(Pattern.compile("No receipt"));
        assertThat(page.locator("#receipt-problem")).hasText(
                "The node says: transaction " + unknown + " is not in the log (NOT_FOUND)");
        assertThat(page.locator("#receipt-status")).containsText("is not in the log");
        screenshot("5-receipt-unknown");
    }

    @Test
    @Order(7)
    void fitsAPhoneScreen() {
        open(360, 740);
        assertNoHorizontalScroll();
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("ledger-6-phone-top.png")));
        page.locator("#entries-list li.entry").first().getByRole(AriaRole.BUTTON).click();
        assertThat(page.locator("#receipt-verdict")).hasAttribute("data-verified", "true");
        page.locator("#receipt-result details").evaluate("d => d.open = true");
        assertNoHorizontalScroll();
        page.locator("#receipt").screenshot(new Locator.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve("ledger-6-phone-receipt.png")));
        screenshot("6-phone-full");
    }

    @Test
    @Order(8)
    void isKeyboardUsable() {
        page.keyboard().press("Tab");
        assertThat(page.locator(".skip-link")).isFocused();
        page.keyboard().press("Enter");
        assertThat(page.locator("main")).isFocused();
        // an entry's receipt button is reachable and works from the keyboard
        Locator button = page.locator("#entries-list li.entry").first().getByRole(AriaRole.BUTTON);
        button.focus();
        page.keyboard().press("Enter");
        assertThat(page.locator("#receipt-verdict")).hasAttribute("data-verified", "true");
        // every input has a label
        Object unlabelled = page.evaluate("() => [...document.querySelectorAll('input')].filter(i => i.labels.length"
                + " === 0 && !i.getAttribute('aria-label')).length");
        assertThat(((Number) unlabelled).intValue()).isZero();
    }

    /** The JavaScript verifiers agree with the node's Java ones on canonical JSON and Merkle proofs. */
    @Test
    @Order(9)
    void theBrowsersAlgorithmsAgreeWithTheNodes() throws IOException {
        String[] samples = {
            "{\"b\":[1,-0,1.5e-7,1e21,123456789012,true,null],\"a\":\"\\u0007\\n\\\"\\\\ é €\",\"\\ud83d\\ude00\":{}}",
            "{\"\\u00e9\":1,\"z\":2,\"\\ud83d\\ude00\":3,\"\\uffff\":4,\"A\":5,\"\":6}",
            "[\"\\u001f\\u007f\\u2028\",0.1,-12.75,9007199254740993,1e-7,100000000000000000000]",
        };
        for (String sample : samples) {
            String expected = Jcs.canonicalString(JSON.readTree(sample));
            Object actual = page.evaluate("async s => (await import('./static/js/jcs.js')).canonicalize(JSON.parse(s))",
                    sample);
            assertThat(actual).as("JCS of %s", sample).isEqualTo(expected);
        }

        long size = node.node.head().treeSize();
        Object result = page.evaluate("async size => {\n"
                + "  const m = await import('./static/js/merkle.js');\n"
                + "  const { fromHex } = await import('./static/js/bytes.js');\n"
                + "  const get = async (p) => (await fetch('api/v1/' + p)).json();\n"
                + "  const bad = [];\n"
                + "  for (let leaf = 0; leaf < size; leaf++) {\n"
                + "    const p = await get('proofs/inclusion?leaf=' + leaf + '&treeSize=' + size);\n"
                + "    const proof = p.proof.map(fromHex);\n"
                + "    if (!await m.verifyInclusion(fromHex(p.leafHash), leaf, size, proof, fromHex(p.root)))\n"
                + "      bad.push('inclusion ' + leaf);\n"
                + "    if (proof.length && await m.verifyInclusion(fromHex(p.leafHash), BigInt(leaf), BigInt(size),\n"
                + "        proof.slice(1), fromHex(p.root))) bad.push('short inclusion ' + leaf);\n"
                + "  }\n"
                + "  for (let from = 0; from <= size; from++) {\n"
                + "    const p = await get('proofs/consistency?from=' + from + '&to=' + size);\n"
                + "    const proof = p.proof.map(fromHex);\n"
                + "    if (!await m.verifyConsistency(from, size, fromHex(p.fromRoot), fromHex(p.toRoot), proof))\n"
                + "      bad.push('consistency ' + from);\n"
                + "    if (from > 0 && from < size && await m.verifyConsistency(from, size, fromHex(p.toRoot),\n"
                + "        fromHex(p.toRoot), proof)) bad.push('wrong root accepted ' + from);\n"
                + "  }\n"
                + "  return bad.join(', ');\n"
                + "}", (int) size);
        assertThat(result).isEqualTo("");
    }

    @Test
    @Order(10)
    void comparesAnEarlierCheckpointWithTheLatestInTheBrowser() {
        Locator height = page.getByLabel("Earlier block (height)");
        height.fill("0");
        height.press("Enter");
        assertThat(page.locator("#consistency-verdict")).hasAttribute("data-verified", "true");
        assertThat(page.locator("#consistency-verdict")).hasText(Pattern.compile(
                "Verified in your browser: the log of size 1 is the beginning of the log of size "
                        + node.node.head().treeSize()));
        for (String check : List.of("earlier", "latest", "consistency")) {
            assertThat(page.locator("#consistency [data-check=" + check + "]")).hasAttribute("data-ok", "true");
        }
        screenshot("8-consistency-verified");

        // a consistency proof altered in flight does not lead to the signed roots
        page.route("**/api/v1/proofs/consistency*", route -> {
            APIResponse real = route.fetch();
            try {
                ObjectNode answer = (ObjectNode) JSON.readTree(real.body());
                ArrayNode proof = (ArrayNode) answer.get("proof");
                proof.set(0, flipFirstHexDigit(proof.get(0).asText()));
                route.fulfill(new Route.FulfillOptions().setResponse(real).setBody(JSON.writeValueAsString(answer)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Compare")).click();
        assertThat(page.locator("#consistency-verdict")).hasAttribute("data-verified", "false");
        assertThat(page.locator("#consistency-verdict")).hasText(Pattern.compile(
                "NOT verified: the consistency proof does not show that the log only grew"));
        assertThat(page.locator("#consistency [data-check=consistency]")).hasAttribute("data-ok", "false");
        assertThat(page.locator("#consistency [data-check=earlier]")).hasAttribute("data-ok", "true");

        // a height past the head is explained, not sent
        height.fill("999");
        height.press("Enter");
        assertThat(page.locator("#consistency-input-error")).hasText(Pattern.compile("whole number from 0 to"));
        screenshot("8-consistency-tampered");
    }

    /** Last: it grows the log, and the page follows within a poll or two. */
    @Test
    @Order(11)
    void followsTheLogAsItGrows() {
        long before = node.node.head().treeSize();
        SigningKey ana = KeyFile.readOrCreate(node.dir.resolve("keys/ana.key"));
        Hash society = node.node.read(SocietyView::id);
        byte[] envelope = Jcs.canonicalize(TxSigner.sign(society, ana,
                new NotaryRecord(Hash.sha256("Minutes: third assembly".getBytes(StandardCharsets.UTF_8)),
                        "Minutes: third assembly", Optional.empty()),
                org.phyle.node.client.Nonces.random(), System.currentTimeMillis() + 600_000));
        node.node.submit(node.node.decoder().decode(envelope)).join();

        assertThat(page.locator("#checkpoint-size")).hasText(Long.toString(before + 1));
        assertThat(page.locator("#checkpoint-consistency")).hasAttribute("data-state", "valid");
        assertThat(page.locator("#checkpoint-consistency")).hasText(Pattern.compile("Extends the checkpoint of size "
                + before));
        assertThat(page.locator("#checkpoint-signature")).hasAttribute("data-state", "valid");
        assertThat(page.locator("#entries-list li.entry").first().locator(".entry-label"))
                .hasText("Minutes: third assembly");
        assertThat(page.locator("#blocks-body tr").first())
                .hasAttribute("data-height", Long.toString(node.node.head().height()));
        screenshot("7-log-grew");
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private void verifyByKeyboard(String txId) {
        Locator input = page.getByLabel("Transaction id");
        input.fill(txId);
        input.press("Enter");
    }

    private String txIdOfLeaf(long leaf) {
        return page.locator("#entries-list li.entry[data-leaf=\"" + leaf + "\"]").getAttribute("data-txid");
    }

    /** Serves every receipt with a change made to it on the way from the node to the page. */
    private void tamperReceipts(UnaryOperator<ObjectNode> change) {
        page.route(RECEIPTS, route -> {
            APIResponse real = route.fetch();
            try {
                ObjectNode receipt = (ObjectNode) JSON.readTree(real.body());
                route.fulfill(new Route.FulfillOptions().setResponse(real)
                        .setBody(JSON.writeValueAsString(change.apply(receipt))));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static String flipFirstHexDigit(String hex) {
        return (hex.charAt(0) == '0' ? "1" : "0") + hex.substring(1);
    }

    private void assertNoHorizontalScroll() {
        JsonNode sizes = readJson(page.evaluate("() => JSON.stringify({scroll: document.documentElement.scrollWidth,"
                + " client: document.documentElement.clientWidth})"));
        assertThat(sizes.get("scroll").asInt()).as("page width at 360 px").isLessThanOrEqualTo(
                sizes.get("client").asInt());
    }

    private static JsonNode readJson(Object text) {
        try {
            return JSON.readTree((String) text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void screenshot(String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("ledger-" + name + ".png"))
                .setFullPage(true));
    }
}

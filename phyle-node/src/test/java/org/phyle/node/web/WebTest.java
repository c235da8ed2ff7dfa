package org.phyle.node.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.ColorScheme;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.phyle.core.Society;
import org.phyle.core.SocietyView;
import org.phyle.core.citizenship.CitizenshipTx;
import org.phyle.core.tx.TxBody;
import org.phyle.core.tx.TxSigner;
import org.phyle.crypto.Hash;
import org.phyle.crypto.Jcs;
import org.phyle.crypto.SigningKey;
import org.phyle.node.TestNodes;
import org.phyle.node.demo.DemoSociety;

/**
 * What the web app's browser tests share: a real demo node (the whole demo society, made once for all the web test
 * classes of a run, since making it takes longer than most of their tests: each test makes its own newcomers and
 * reads counts from the node rather than assuming them), Debian's Chromium for each test class, fresh browser
 * profiles, signing and submitting transactions from the test as demo people, key backups written in Java in the web
 * app's format, the join flow, axe-core, and screenshots under target/screenshots/.
 */
abstract class WebTest {
    static final Path SCREENSHOTS = Paths.get("target", "screenshots");
    static final Path DOWNLOADS = Paths.get("target", "web-downloads");
    static final ObjectMapper JSON = new ObjectMapper();
    static final String PASSPHRASE = "correct horse battery staple";
    static final int PHONE_WIDTH = 360;
    static final int PHONE_HEIGHT = 740;

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final byte[] PKCS8_ED25519_PREFIX = HexFormat.of().parseHex("302e020100300506032b657004220420");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static int nonce;

    static TestNodes.Running node;
    static Playwright playwright;
    static Browser browser;
    static Map<String, SigningKey> keys;
    static Hash society;
    static Hash charter;

    /** Errors the pages reported (uncaught exceptions, console errors other than failed loads). */
    static final List<String> pageErrors = new CopyOnWriteArrayList<>();
    private static final List<BrowserContext> contexts = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startNodeAndBrowser() throws IOException {
        Chromium.executable();
        Files.createDirectories(SCREENSHOTS);
        Files.createDirectories(DOWNLOADS);
        pageErrors.clear();
        node = sharedDemo();
        keys = DemoSociety.keys(node.dir);
        society = node.node.read(SocietyView::id);
        charter = node.node.read(SocietyView::charterHash);
        playwright = Chromium.playwright();
        browser = Chromium.launch(playwright);
    }

    @AfterAll
    static void stopNodeAndBrowser() {
        contexts.forEach(BrowserContext::close);
        contexts.clear();
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    private static TestNodes.Running shared;

    /** The demo node of this test run: made on first use, stopped and deleted when the JVM exits. */
    private static synchronized TestNodes.Running sharedDemo() {
        if (shared == null) {
            TestNodes.Running running = TestNodes.demo();
            Runtime.getRuntime().addShutdownHook(new Thread(running::close, "web-test-demo-node"));
            shared = running;
        }
        return shared;
    }

    /**
     * Lets the demo's stewards' hours for a draw pass (the node's clock steps past its reveals) and waits until the node
     * has proved it: a jury or panel drawn by lot is seated only then.
     */
    static void awaitDraw(org.phyle.crypto.Hash drawId) {
        TestNodes.Running running = sharedDemo();
        long revealUntil = running.node.read(s -> s.sortition().byId(drawId).orElseThrow().revealUntil());
        running.clock().stepTo(revealUntil + 1_000);
        long deadline = System.currentTimeMillis() + 20_000;
        while (!running.node.read(s -> s.sortition().byId(drawId).orElseThrow().drawn())) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("the node did not prove draw " + drawId);
            }
            Thread.onSpinWait();
        }
    }

    /** Fails a test during which a page reported an error. */
    @AfterEach
    void noErrorsInThePages() {
        List<String> errors = List.copyOf(pageErrors);
        pageErrors.clear();
        assertThat(errors).as("errors in the pages").isEmpty();
    }

    // ---- browsers -------------------------------------------------------------------------------------------------

    /** A fresh browser profile (its own IndexedDB and localStorage): a laptop screen in English. */
    BrowserContext newProfile() {
        return newProfile(1280, 900, false);
    }

    BrowserContext newProfile(int width, int height, boolean bypassCsp) {
        return newProfile(width, height, bypassCsp, ColorScheme.LIGHT);
    }

    BrowserContext newProfile(int width, int height, boolean bypassCsp, ColorScheme scheme) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(width, height)
                .setLocale("en-GB").setTimezoneId("Europe/Lisbon").setAcceptDownloads(true).setBypassCSP(bypassCsp)
                .setColorScheme(scheme));
        context.setDefaultTimeout(15_000);
        contexts.add(context);
        return context;
    }

    /** A page in a profile, with its errors collected. */
    Page newPage(BrowserContext context) {
        Page page = context.newPage();
        page.onPageError(e -> pageErrors.add(page.url() + ": " + e));
        page.onConsoleMessage(m -> {
            // the browser logs every 4xx answer (an unregistered key is a 404); the pages word those themselves
            if ("error".equals(m.type()) && !m.text().startsWith("Failed to load resource")) {
                pageErrors.add(page.url() + ": " + m.text());
            }
        });
        return page;
    }

    static String url(String path) {
        return node.url() + path;
    }

    static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }

    static Locator button(Page page, String name) {
        return page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    // ---- the join flow, as a newcomer does it ---------------------------------------------------------------------

    /** The result of making a key and applying in the browser. */
    record Joined(String did, String txId, Path backup) {
    }

    /**
     * On the join page: makes a key with a passphrase, downloads its encrypted backup, and applies with consent to
     * the charter (checked in the browser). Returns the new did, the application's transaction id and the backup file.
     */
    static Joined makeKeyAndApply(Page page, String name, String passphrase) {
        page.navigate(url("/join"));
        Locator create = page.locator("#create-key-form");
        create.getByLabel("Passphrase", new Locator.GetByLabelOptions().setExact(true)).fill(passphrase);
        create.getByLabel("Repeat the passphrase").fill(passphrase);
        button(page, "Make my key").click();
        Locator did = page.locator("#my-did");
        assertThat(did).hasText(Pattern.compile("^did:key:z6Mk"));
        Download download = page.waitForDownload(() -> page.locator("#download-backup").click());
        Path backup = DOWNLOADS.resolve(name.replace(' ', '-') + "-" + System.nanoTime() + ".json");
        download.saveAs(backup);
        assertThat(page.locator("#backup-reminder")).isHidden();

        assertThat(page.locator("#charter-verdict")).hasAttribute("data-verified", "true");
        page.getByLabel("Your name").fill(name);
        page.locator("#apply-consent").check();
        button(page, "Sign and apply").click();
        Locator feedback = page.locator("#apply-feedback");
        assertThat(feedback).hasAttribute("data-state", "committed");
        String txId = feedback.locator("a.receipt-link").getAttribute("data-txid");
        return new Joined(did.textContent(), txId, backup);
    }

    /** On "my identity" in a profile with no key: restores a key from a backup file. */
    static void restoreKey(Page page, Path backup, String passphrase) {
        page.navigate(url("/me"));
        Locator form = page.locator("#key-panel #restore-key-form");
        form.getByLabel("Backup file").setInputFiles(backup);
        form.getByLabel("Passphrase", new Locator.GetByLabelOptions().setExact(true)).fill(passphrase);
        button(page, "Restore my key").click();
        assertThat(page.locator("#key-panel .key-summary")).isVisible();
    }

    // ---- acting as demo people from the test ----------------------------------------------------------------------

    /** Signs a transaction with a key and POSTs it to /api/v1/txs; returns the answer (200 committed). */
    static JsonNode submit(SigningKey key, TxBody body) {
        // the node's clock, which tests may have stepped ahead (to let a draw be made), sets the expiry
        byte[] envelope = Jcs.canonicalize(TxSigner.sign(society, key, body, "web" + nonce++,
                Math.max(System.currentTimeMillis(), sharedDemo().clock().millis()) + 600_000));
        try {
            HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(URI.create(url("/api/v1/txs")))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(envelope)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            JsonNode answer = JSON.readTree(r.body());
            assertThat(r.statusCode()).as(answer.toString()).isEqualTo(200);
            return answer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** GET /api/v1/... as JSON, or null on 404. */
    static JsonNode get(String path) {
        try {
            HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(URI.create(url("/api/v1/" + path))).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() == 404) {
                return null;
            }
            assertThat(r.statusCode()).as(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(200);
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Exactly `n` demo people (not the founder, none of `except`), the latest admitted first, that `wanted` accepts by
     * name; fewer fails the test, naming `what`.
     */
    static List<String> demoPeople(int n, List<String> except, String what, java.util.function.Predicate<String> wanted) {
        List<String> names = new ArrayList<>(keys.keySet());
        java.util.Collections.reverse(names);
        List<String> found = new ArrayList<>();
        for (String name : names) {
            if (found.size() == n) {
                break;
            }
            if (!except.contains(name) && !name.equals(DemoSociety.FOUNDER_NAME) && wanted.test(name)) {
                found.add(name);
            }
        }
        assertThat(found).as(what).hasSize(n);
        return found;
    }

    /** Whether a demo person is a citizen in good standing holding the key the demo kept (not recovered to another). */
    static boolean currentCitizen(String name) {
        JsonNode p = get("citizens/" + keys.get(name).did());
        return p != null && p.get("status").asText().equals("citizen") && p.get("did").asText().equals(
                keys.get(name).did());
    }

    /** Demo citizens (not the founder) with at least `min` vouches left, the latest admitted first. */
    static List<String> citizensWithVouchesLeft(int n, int min, List<String> except) {
        return demoPeople(n, except, "demo citizens with vouches left", name -> currentCitizen(name)
                && get("citizens/" + keys.get(name).did()).get("vouchesLeft").asInt() >= min);
    }

    /** Three demo citizens vouch for a person; returns their names. */
    static List<String> vouchByThree(String personId, List<String> except) {
        List<String> vouchers = citizensWithVouchesLeft(3, 1, except);
        for (String name : vouchers) {
            submit(keys.get(name), new CitizenshipTx.Vouch(Hash.fromHex(personId)));
        }
        return vouchers;
    }

    /** A new key applies for citizenship through the API; returns the key. */
    static SigningKey applicant(String name) {
        SigningKey key = SigningKey.generate();
        submit(key, new CitizenshipTx.Apply(name, CitizenshipTx.Seeking.CITIZEN, charter, Optional.empty()));
        return key;
    }

    // ---- key backups, written as the web app writes them --------------------------------------------------------

    /**
     * A key backup file in the web app's format: PBKDF2-SHA-256 (600,000 iterations, 16-byte salt) gives an AES-256
     * key; AES-GCM (12-byte IV, 16-byte tag appended) encrypts the key's PKCS#8 form (the RFC 8410 prefix and the
     * 32-byte seed).
     */
    static Path writeBackup(SigningKey key, String passphrase, String name) {
        try {
            byte[] seed = Base64.getUrlDecoder().decode(key.seedBase64Url());
            byte[] pkcs8 = new byte[PKCS8_ED25519_PREFIX.length + seed.length];
            System.arraycopy(PKCS8_ED25519_PREFIX, 0, pkcs8, 0, PKCS8_ED25519_PREFIX.length);
            System.arraycopy(seed, 0, pkcs8, PKCS8_ED25519_PREFIX.length, seed.length);
            byte[] salt = new byte[16];
            byte[] iv = new byte[12];
            RANDOM.nextBytes(salt);
            RANDOM.nextBytes(iv);
            byte[] aesKey = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(new PBEKeySpec(passphrase.toCharArray(), salt, 600_000, 256)).getEncoded();
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(aesKey, "AES"), new GCMParameterSpec(128, iv));
            byte[] data = cipher.doFinal(pkcs8);
            Base64.Encoder b64 = Base64.getEncoder();
            ObjectNode file = JSON.createObjectNode();
            file.put("kind", "phyle-key-backup").put("version", 1).put("did", key.did());
            file.putObject("kdf").put("name", "PBKDF2").put("hash", "SHA-256").put("iterations", 600_000)
                    .put("salt", b64.encodeToString(salt));
            file.putObject("cipher").put("name", "AES-GCM").put("iv", b64.encodeToString(iv));
            file.put("data", b64.encodeToString(data));
            Path path = DOWNLOADS.resolve(name.replace(' ', '-') + "-" + System.nanoTime() + ".json");
            Files.writeString(path, file.toPrettyString());
            return path;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- accessibility --------------------------------------------------------------------------------------------

    private static final String AXE = "/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js";
    private static String axeSource;

    /**
     * Runs axe-core (from its WebJar) in the page and returns the violations of impact serious or critical, as
     * "rule: target" lines. The page's profile must bypass CSP, since axe is injected as an inline script.
     */
    static List<String> seriousAxeViolations(Page page) {
        if (axeSource == null) {
            try (InputStream in = WebTest.class.getResourceAsStream(AXE)) {
                assertThat(in).as("axe-core WebJar on the test class path").isNotNull();
                axeSource = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (!(Boolean) page.evaluate("() => typeof window.axe !== 'undefined'")) {
            page.addScriptTag(new Page.AddScriptTagOptions().setContent(axeSource));
        }
        Object result = page.evaluate("async () => {\n"
                + "  const r = await axe.run(document, { resultTypes: ['violations'] });\n"
                + "  const bad = r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical');\n"
                + "  return JSON.stringify(bad\n"
                + "    .flatMap(v => v.nodes.map(n => v.id + ' (' + v.impact + '): ' + n.target.join(' ') + ' — '\n"
                + "      + (n.failureSummary || '').replace(/\\s+/g, ' '))));\n"
                + "}");
        try {
            List<String> out = new ArrayList<>();
            JSON.readTree((String) result).forEach(n -> out.add(n.asText()));
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What page.evaluate returned for a JavaScript array. */
    @SuppressWarnings("unchecked")
    static List<Object> list(Object evaluated) {
        return (List<Object>) evaluated;
    }

    static void assertNoHorizontalScroll(Page page) {
        Object widths = page.evaluate("() => [document.documentElement.scrollWidth,"
                + " document.documentElement.clientWidth]");
        List<Object> w = list(widths);
        if (((Number) w.get(0)).intValue() > ((Number) w.get(1)).intValue()) {
            // name what sticks out, so that the failure says what to fix
            Object wide = page.evaluate("() => [...document.querySelectorAll('body *')].filter(e => {\n"
                    + "  const r = e.getBoundingClientRect(); return r.width > 0 && r.right > innerWidth + 1; })\n"
                    + "  .slice(-8).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + '.' + e.className\n"
                    + "  + ' ' + Math.round(e.getBoundingClientRect().right))");
            assertThat(((Number) w.get(0)).intValue()).as("page width on %s; too wide: %s", page.url(), wide)
                    .isLessThanOrEqualTo(((Number) w.get(1)).intValue());
        }
    }
}

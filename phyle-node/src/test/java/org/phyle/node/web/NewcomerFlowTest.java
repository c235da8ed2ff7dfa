package org.phyle.node.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.phyle.crypto.Jcs;
import org.phyle.node.demo.DemoSociety;

/**
 * A newcomer, end to end in a real browser against a real demo node: opens the society's home page, goes to join,
 * makes a key (kept non-extractable in IndexedDB) and downloads its encrypted backup, reads the charter verified
 * against its hash, consents and applies; three demo citizens vouch (from the test, signed with their keys), and
 * "my identity" shows a citizen and the three vouchers. In a fresh browser profile the key is restored from the
 * backup (a wrong passphrase is refused clearly), and the application's receipt is verified on the ledger page; a
 * tampered inclusion proof shows as not verified.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NewcomerFlowTest extends WebTest {
    private static final String NAME = "Rita Novais";

    private static Page firstPage;
    private static Joined joined;

    @Test
    @Order(1)
    void aNewcomerMakesAKeyReadsTheCharterAndApplies() throws IOException {
        firstPage = newPage(newProfile());
        Page page = firstPage;
        page.navigate(url("/"));

        // the society's home: name, purpose, numbers, the chart and the live checkpoint verified in the browser
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText(DemoSociety.NAME);
        assertThat(page.locator("#society-purpose")).hasText(DemoSociety.PURPOSE);
        String citizens = get("society").get("citizens").get("citizen").asText();
        assertThat(page.locator("#stat-citizens dd")).hasText(citizens);
        assertThat(page.locator("#growth-chart svg[role=img]")).isVisible();
        assertThat(page.locator("#growth-caption")).hasText(Pattern.compile("From 1 to " + citizens + " members"));
        assertThat(page.locator("#growth-body tr")).hasCount(40);
        assertThat(page.locator("#checkpoint-signature")).hasAttribute("data-state", "valid");
        assertThat(page.locator("#society-parameter-list li")).not().hasCount(0);
        assertThat(page.locator("#identity-chip")).hasText("No key on this device");
        screenshot(page, "home");

        page.locator("#home-join").click();
        assertThat(page).hasURL(Pattern.compile("/join$"));
        assertThat(page.locator("#apply-need-key")).isVisible();

        // a passphrase that is too short, or repeated wrongly, is explained before anything is made
        Locator create = page.locator("#create-key-form");
        create.getByLabel("Passphrase", new Locator.GetByLabelOptions().setExact(true)).fill("short");
        create.getByLabel("Repeat the passphrase").fill("short");
        button(page, "Make my key").click();
        assertThat(create.locator(".field-error").first()).hasText("Use a passphrase of at least 8 characters.");
        create.getByLabel("Passphrase", new Locator.GetByLabelOptions().setExact(true)).fill(PASSPHRASE);
        create.getByLabel("Repeat the passphrase").fill(PASSPHRASE + "!");
        button(page, "Make my key").click();
        assertThat(create.getByLabel("Repeat the passphrase")).hasAttribute("aria-invalid", "true");
        assertThat(create.locator(".field-error").nth(1)).hasText("The two passphrases differ.");
        screenshot(page, "join-1-no-key");

        // the key: made in the browser, reminder until the backup is downloaded
        create.getByLabel("Repeat the passphrase").fill(PASSPHRASE);
        button(page, "Make my key").click();
        assertThat(page.locator("#my-did")).hasText(Pattern.compile("^did:key:z6Mk"));
        assertThat(page.locator("#backup-reminder")).isVisible();
        assertThat(page.locator("#backup-state")).hasText("Not downloaded yet");
        screenshot(page, "join-2-key-made");
        var download = page.waitForDownload(() -> page.locator("#download-backup").click());
        java.nio.file.Path backup = DOWNLOADS.resolve("rita-backup.json");
        download.saveAs(backup);
        assertThat(page.locator("#backup-reminder")).isHidden();
        assertThat(page.locator("#backup-state")).hasText("Downloaded");
        String did = page.locator("#my-did").textContent();

        // the backup file: encrypted (no seed in it), with the parameters the format names
        JsonNode file = JSON.readTree(Files.readString(backup));
        assertThat(file.get("kind").asText()).isEqualTo("phyle-key-backup");
        assertThat(file.get("version").asInt()).isEqualTo(1);
        assertThat(file.get("did").asText()).isEqualTo(did);
        assertThat(file.get("kdf").get("iterations").asInt()).isEqualTo(600_000);
        assertThat(java.util.Base64.getDecoder().decode(file.get("kdf").get("salt").asText())).hasSize(16);
        assertThat(java.util.Base64.getDecoder().decode(file.get("cipher").get("iv").asText())).hasSize(12);
        assertThat(java.util.Base64.getDecoder().decode(file.get("data").asText())).hasSize(48 + 16);

        // what IndexedDB holds can sign but cannot be read out
        Object sealed = page.evaluate("async () => {\n"
                + "  const ks = await import('./static/js/keystore.js');\n"
                + "  const i = await ks.loadIdentity();\n"
                + "  let exported = true;\n"
                + "  try { await crypto.subtle.exportKey('pkcs8', i.privateKey); } catch (e) { exported = false; }\n"
                + "  return [i.did, i.privateKey.extractable, exported, i.privateKey.usages.join(',')];\n"
                + "}");
        assertThat(list(sealed)).containsExactly(did, false, false, "sign");

        // the charter: shown in full, verified against its hash in the browser
        JsonNode served = get("charter");
        assertThat(page.locator("#charter-verdict")).hasAttribute("data-verified", "true");
        assertThat(page.locator("#charter-verdict")).hasText(Pattern.compile("Verified in your browser: this is "
                + "exactly the charter in force \\(version " + served.get("version").asText() + "\\)"));
        // the hash, out of the main flow, beside the exact text that is hashed
        assertThat(page.locator("#charter-hash-line")).containsText(served.get("hash").asText());
        assertThat(page.locator("#charter-document .charter-purpose")).hasText(DemoSociety.PURPOSE);
        assertThat(page.locator("#charter-document .charter-rules li.parameter"))
                .hasCount(served.get("document").get("parameters").size());
        assertThat(page.locator("#charter-canonical")).hasText(Jcs.canonicalString(served.get("document")));

        // consent is required; then the application is signed here and committed
        page.getByLabel("Your name").fill(NAME);
        button(page, "Sign and apply").click();
        assertThat(page.locator("#apply-consent-error")).hasText("Consent to the charter to go on.");
        page.getByLabel(Pattern.compile("I have read the charter above and consent to it")).check();
        button(page, "Sign and apply").click();
        Locator feedback = page.locator("#apply-feedback");
        assertThat(feedback).hasAttribute("data-state", "committed");
        assertThat(feedback).containsText("Your application is on the ledger.");
        Locator receiptLink = feedback.getByRole(AriaRole.LINK,
                new Locator.GetByRoleOptions().setName("Verify its receipt"));
        String txId = receiptLink.getAttribute("data-txid");
        assertThat(receiptLink).hasAttribute("href", "ledger#tx=" + txId);
        assertThat(page.locator("#apply-next")).containsText("When 3 citizens vouch");
        assertThat(page.locator("#identity-chip")).hasText(NAME + " · Applicant");
        screenshot(page, "join-3-applied");
        joined = new Joined(did, txId, backup);

        // the node recorded exactly what the browser signed: this key, this name, this charter
        JsonNode person = get("citizens/" + did);
        assertThat(person.get("name").asText()).isEqualTo(NAME);
        assertThat(person.get("status").asText()).isEqualTo("applicant");
        assertThat(person.get("id").asText()).isEqualTo(txId);
        assertThat(person.get("charter").asText()).isEqualTo(charter.hex());
    }

    @Test
    @Order(2)
    void threeCitizensVouchAndMyIdentityShowsACitizen() {
        Page page = firstPage;
        page.navigate(url("/me"));
        assertThat(page.locator("#me-status-pill")).hasText("Applicant");
        assertThat(page.locator("#me-status")).containsText("0 of 3");

        List<String> vouchers = vouchByThree(joined.txId(), List.of());

        // the page follows the ledger: no reload needed
        assertThat(page.locator("#me-status-pill")).hasText("Citizen");
        assertThat(page.locator("#me-name")).hasText(NAME);
        Locator list = page.locator("#me-vouchers li");
        assertThat(list).hasCount(3);
        assertThat(list).containsText(vouchers.toArray(String[]::new));
        assertThat(page.locator("#identity-chip")).hasText(NAME + " · Citizen");
        assertThat(page.locator("#history-list li")).hasCount(4);
        assertThat(page.locator("#history-list li").last()).containsText(NAME + " applies for citizenship");
        screenshot(page, "me-citizen");
    }

    @Test
    @Order(3)
    void theKeyIsRestoredFromItsBackupInAFreshProfile() {
        BrowserContext fresh = newProfile();
        Page page = newPage(fresh);
        page.navigate(url("/me"));
        assertThat(page.locator("#me-no-key")).isVisible();
        assertThat(page.locator("#identity-chip")).hasText("No key on this device");

        Locator form = page.locator("#key-panel #restore-key-form");
        form.getByLabel("Backup file").setInputFiles(joined.backup());
        form.getByLabel("Passphrase", new Locator.GetByLabelOptions().setExact(true)).fill("not the passphrase");
        button(page, "Restore my key").click();
        Locator passphrase = form.getByLabel("Passphrase", new Locator.GetByLabelOptions().setExact(true));
        assertThat(passphrase).hasAttribute("aria-invalid", "true");
        assertThat(form.locator(".field-error:visible"))
                .hasText("This passphrase does not open the backup. Check it and try again.");
        assertThat(passphrase).isFocused();
        assertThat(page.locator("#me-no-key")).isVisible();
        screenshot(page, "me-restore-wrong-passphrase");

        passphrase.fill(PASSPHRASE);
        button(page, "Restore my key").click();
        assertThat(page.locator("#me-name")).hasText(NAME);
        assertThat(page.locator("#me-status-pill")).hasText("Citizen");
        assertThat(page.locator("#me-did")).hasText(joined.did());
        assertThat(page.locator("#me-vouchers li")).hasCount(3);
        assertThat(page.locator("#backup-reminder")).isHidden();
        screenshot(page, "me-restored");
    }

    @Test
    @Order(4)
    void theApplicationsReceiptIsVerifiedInTheBrowserAndATamperedProofIsNot() {
        BrowserContext fresh = newProfile();
        Page page = newPage(fresh);
        page.navigate(url("/ledger#tx=" + joined.txId()));
        assertThat(page.locator("#receipt-verdict")).hasAttribute("data-verified", "true");
        assertThat(page.locator("#receipt-verdict")).hasText(Pattern.compile("Verified in your browser"));
        for (String check : List.of("txId", "leafHash", "inclusion", "checkpoint")) {
            assertThat(page.locator("[data-check=" + check + "]")).hasAttribute("data-ok", "true");
        }
        screenshot(page, "ledger-receipt-of-application");

        page.route("**/api/v1/txs/*/receipt", route -> {
            APIResponse real = route.fetch();
            try {
                ObjectNode receipt = (ObjectNode) JSON.readTree(real.body());
                ArrayNode proof = (ArrayNode) receipt.get("inclusionProof");
                String first = proof.get(0).asText();
                proof.set(0, (first.charAt(0) == '0' ? "1" : "0") + first.substring(1));
                route.fulfill(new Route.FulfillOptions().setResponse(real).setBody(JSON.writeValueAsString(receipt)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        button(page, "Verify").click();
        assertThat(page.locator("#receipt-verdict")).hasAttribute("data-verified", "false");
        assertThat(page.locator("#receipt-verdict")).hasText(Pattern.compile(
                "NOT verified: the inclusion proof does not lead to the checkpoint’s root"));
        assertThat(page.locator("[data-check=inclusion]")).hasAttribute("data-ok", "false");
        screenshot(page, "ledger-receipt-tampered");
    }
}

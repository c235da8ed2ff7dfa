package org.phyle.node.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What a person does with their identity, in the browser, each signed there: renew (a fresh consent to the charter
 * verified in the browser), rotate the key (the old key retires, the new one needs a new backup), name guardians
 * (2 of 3, found in the registry), and renounce after a confirmation (a second newcomer).
 */
class IdentityActionsTest extends WebTest {

    @Test
    void aCitizenRenewsRotatesTheKeyAndNamesGuardians() {
        Page page = newPage(newProfile());
        Joined joined = makeKeyAndApply(page, "Inês Duarte", PASSPHRASE);
        vouchByThree(joined.txId(), List.of());
        page.navigate(url("/me"));
        assertThat(page.locator("#me-status-pill")).hasText("Citizen");
        assertThat(page.locator("#me-actions")).isVisible();

        // renew: consent again to the charter in force; the expiry moves
        long expiresBefore = get("citizens/" + joined.did()).get("expiresAt").asLong();
        Locator renew = page.locator("#renew");
        assertThat(renew.locator("#renew-consent-label")).hasText(Pattern.compile("verified in this browser"));
        renew.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Locator.GetByRoleOptions().setName("Sign and renew")).click();
        assertThat(page.locator("#renew-consent-error")).hasText("Consent to the charter to go on.");
        page.locator("#renew-consent").check();
        button(page, "Sign and renew").click();
        assertThat(page.locator("#renew-feedback")).hasAttribute("data-state", "committed");
        assertThat(page.locator("#renew-feedback")).containsText("Your citizenship is renewed.");
        assertThat(page.locator("#renew-feedback a.receipt-link")).hasAttribute("href", Pattern.compile("^ledger#tx="));
        JsonNode renewed = get("citizens/" + joined.did());
        assertThat(renewed.get("expiresAt").asLong()).isGreaterThan(expiresBefore);
        assertThat(page.locator("#history-list li").first()).hasAttribute("data-type", "citizenship.renew");
        screenshot(page, "me-renewed");

        // rotate: a new key, proven held; the old one retires; the new one's backup is due
        page.getByLabel("Passphrase for the new key’s backup").fill("a new passphrase for a new key");
        page.locator("#rotate-form").getByLabel("Repeat the passphrase").fill("a new passphrase for a new key");
        button(page, "Make a new key and switch to it").click();
        assertThat(page.locator("#rotate-feedback")).hasAttribute("data-state", "committed");
        assertThat(page.locator("#rotate-feedback")).containsText("Download the backup of your new key now.");
        assertThat(page.locator("#backup-reminder")).isVisible();
        assertThat(page.locator("#me-former-keys")).containsText(joined.did());
        String newDid = page.locator("#me-did").textContent();
        assertThat(newDid).startsWith("did:key:z6Mk").isNotEqualTo(joined.did());
        JsonNode rotated = get("citizens/" + newDid);
        assertThat(rotated.get("id").asText()).isEqualTo(joined.txId());
        assertThat(rotated.get("formerKeys").get(0).asText()).isEqualTo(joined.did());
        Object stored = page.evaluate("async () => { const ks = await import('./static/js/keystore.js');"
                + " const i = await ks.loadIdentity(); return [i.did, i.privateKey.extractable, i.backedUp]; }");
        assertThat(list(stored)).containsExactly(newDid, false, false);
        screenshot(page, "me-rotated");
        Download download = page.waitForDownload(() -> page.locator("#backup-reminder-download").click());
        assertThat(download.suggestedFilename()).isEqualTo("phyle-key-" + newDid.substring(newDid.length() - 8)
                + ".json");
        assertThat(page.locator("#backup-reminder")).isHidden();

        // guardians: three citizens found by name, two of them needed
        List<String> chosen = new ArrayList<>();
        page.getByLabel("Find citizens by name").fill("Costa");
        button(page, "Find").click();
        Locator results = page.locator("#guardians-results li.pick");
        assertThat(results.first()).isVisible();
        for (int i = 0; i < 3; i++) {
            Locator row = results.nth(i);
            chosen.add(row.locator(".pick-name").textContent());
            row.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON).click();
        }
        assertThat(page.locator("#guardians-chosen li.pick")).hasCount(3);
        page.getByLabel("How many must agree").selectOption("2");
        button(page, "Sign and save guardians").click();
        assertThat(page.locator("#guardians-feedback")).hasAttribute("data-state", "committed");
        assertThat(page.locator("#guardians-feedback")).containsText("2 of 3 must agree");
        assertThat(page.locator("#me-guardians li")).hasCount(3);
        assertThat(page.locator("#me-guardians li")).containsText(chosen.toArray(String[]::new));
        JsonNode guarded = get("citizens/" + newDid);
        assertThat(guarded.get("guardianThreshold").asInt()).isEqualTo(2);
        List<String> names = new ArrayList<>();
        guarded.get("guardians").forEach(g -> names.add(g.get("name").asText()));
        assertThat(names).containsExactlyInAnyOrderElementsOf(chosen);
        screenshot(page, "me-guardians");
    }

    @Test
    void aSecondNewcomerRenouncesAfterConfirming() {
        Page page = newPage(newProfile());
        Joined joined = makeKeyAndApply(page, "Bruno Saída", PASSPHRASE);
        page.navigate(url("/me"));
        assertThat(page.locator("#me-status-pill")).hasText("Applicant");

        // the dialog can be left without renouncing
        button(page, "Renounce…").click();
        Locator dialog = page.getByRole(com.microsoft.playwright.options.AriaRole.DIALOG);
        assertThat(dialog).isVisible();
        assertThat(dialog).containsText("This cannot be undone");
        assertThat(page.locator("#renounce-cancel")).isFocused();
        screenshot(page, "me-renounce-dialog");
        button(page, "Keep my membership").click();
        assertThat(dialog).isHidden();
        assertThat(page.locator("#renounce-feedback")).isHidden();
        assertThat(get("citizens/" + joined.did()).get("status").asText()).isEqualTo("applicant");

        button(page, "Renounce…").click();
        button(page, "Yes, renounce").click();
        assertThat(page.locator("#renounce-feedback")).hasAttribute("data-state", "committed");
        assertThat(page.locator("#me-status-pill")).hasText("Renounced");
        assertThat(page.locator("#me-actions")).isHidden();
        assertThat(page.locator("#identity-chip")).hasText("Bruno Saída · Renounced");
        assertThat(get("citizens/" + joined.did()).get("status").asText()).isEqualTo("renounced");
        screenshot(page, "me-renounced");
    }
}

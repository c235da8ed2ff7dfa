package org.phyle.node.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.phyle.crypto.SigningKey;
import org.phyle.node.KeyFile;
import org.phyle.node.cli.Main;
import org.phyle.node.demo.DemoSociety;

/**
 * Bringing a key in: the home page of a demo names a citizen to act as and the command to export their key;
 * {@code phyle key export --web} writes the web app's backup, which the browser restores, and that citizen votes;
 * a bare seed (hex, base64) or a key file of {@code phyle keygen} pasted into "Bring in a key you have" is kept
 * encrypted and non-extractable, and signs; what is not a key, a backup pasted as a seed, and a key file whose did
 * is not its seed's are refused in words with nothing stored; the command refuses an unknown person, a short
 * passphrase and an existing file.
 */
class KeyImportTest extends WebTest {

    static Path people() {
        return node.dir.resolve("keys/people.json");
    }

    static Path passphraseFile(String passphrase) throws IOException {
        Path file = DOWNLOADS.resolve("passphrase-" + System.nanoTime() + ".txt");
        Files.writeString(file, passphrase + "\n");
        return file;
    }

    /** Votes yes on the demo's yes/no proposal in the page's profile, and checks the ledger has it. */
    static void voteYes(Page page) {
        String assemblies = ProposalsPageTest.proposalId("Assemblies meet every month");
        page.navigate(url("/proposals#proposal=" + assemblies));
        assertThat(page.locator("#proposal-title")).hasText("Assemblies meet every month");
        button(page, "Yes").click();
        assertThat(page.locator("#ballot-feedback")).hasAttribute("data-state", "committed");
        assertThat(page.locator("#your-ballot")).containsText("Yes");
    }

    @Test
    void theDemoNamesACitizenWhoseExportedKeyVotesInTheBrowser() throws IOException {
        Page page = newPage(newProfile());
        page.navigate(url("/"));
        Locator hint = page.locator("#demo-hint");
        assertThat(hint).isVisible();
        String name = hint.locator(".demo-name").textContent();
        assertThat(keys).containsKey(name);
        assertThat(get("citizens/" + keys.get(name).did()).get("status").asText()).isEqualTo("citizen");
        assertThat(hint.locator(".demo-command")).hasText(Pattern.compile(
                "^\\./phyle key export --web --people .*people\\.json --name \"" + name + "\" --out "));
        screenshot(page, "home-demo-hint");

        Path backup = DOWNLOADS.resolve("exported-" + System.nanoTime() + ".json");
        int exit = Main.run("key", "export", "--web", "--people", people().toString(), "--name", name,
                "--out", backup.toString(), "--passphrase-file", passphraseFile(PASSPHRASE).toString());
        assertThat(exit).isZero();
        JsonNode file = JSON.readTree(backup.toFile());
        assertThat(file.get("kind").asText()).isEqualTo("phyle-key-backup");
        assertThat(file.get("did").asText()).isEqualTo(keys.get(name).did());
        assertThat(file.get("kdf").get("iterations").asInt()).isEqualTo(600_000);

        Page citizen = newPage(newProfile());
        restoreKey(citizen, backup, PASSPHRASE);
        assertThat(citizen.locator("#identity-chip")).hasText(name + " · Citizen");
        voteYes(citizen);
    }

    @Test
    void aSeedOrAKeyFilePastedIsKeptSealedAndSigns() throws IOException {
        String name = ProposalsPageTest.earlyCitizens(10, List.of()).get(9);
        SigningKey key = keys.get(name);
        String hex = HexFormat.of().formatHex(Base64.getUrlDecoder().decode(key.seedBase64Url()));

        Page page = newPage(newProfile(PHONE_WIDTH, PHONE_HEIGHT, true));
        page.navigate(url("/join"));
        page.locator("#key-have-one summary").click();
        Locator form = page.locator("#import-key-form");
        assertThat(form).isVisible();
        assertThat(seriousAxeViolations(page)).isEmpty();
        assertNoHorizontalScroll(page);

        // refusals: not a key, an encrypted backup, a key file whose did is another's; nothing is stored
        Locator text = form.getByLabel("Key file or seed");
        Locator pass = form.getByLabel("Passphrase", new Locator.GetByLabelOptions().setExact(true));
        Locator again = form.getByLabel("Repeat the passphrase");
        pass.fill(PASSPHRASE);
        again.fill(PASSPHRASE);
        text.fill("not a key at all");
        button(page, "Bring my key in").click();
        assertThat(text).hasAttribute("aria-invalid", "true");
        assertThat(form.locator(".field-error").first()).containsText("This is not a key");
        assertThat(text).isFocused();
        text.fill(Files.readString(writeBackup(key, PASSPHRASE, name)));
        button(page, "Bring my key in").click();
        assertThat(form.locator(".field-error").first()).containsText("This is an encrypted backup");
        text.fill("{\"kind\": \"phyle-ed25519-key\", \"did\": \"" + keys.get(DemoSociety.FOUNDER_NAME).did()
                + "\", \"seed\": \"" + key.seedBase64Url() + "\"}");
        button(page, "Bring my key in").click();
        assertThat(form.locator(".field-error").first()).containsText("does not belong to the did:key");
        assertThat(page.locator("#identity-chip")).hasText("No key on this device");
        screenshot(page, "join-import-refused-phone");

        // the seed in hex
        text.fill(hex);
        button(page, "Bring my key in").click();
        assertThat(page.locator("#my-did")).hasText(key.did());
        assertThat(page.locator("#identity-chip")).hasText(name + " · Citizen");
        Object sealed = page.evaluate("async () => { const k = await (await import('./static/js/keystore.js'))"
                + ".loadIdentity(); return [k.sealed, k.backup.kind, k.backedUp]; }");
        assertThat(list(sealed)).containsExactly(true, "phyle-key-backup", false);
        assertThat(page.locator("#backup-reminder")).isVisible();
        voteYes(page);

        // a key file of phyle keygen, opened from disk, on "my identity" replacing the key held
        Path keyFile = DOWNLOADS.resolve("keygen-" + System.nanoTime() + ".key");
        SigningKey other = SigningKey.generate();
        KeyFile.write(keyFile, other);
        Page laptop = newPage(newProfile());
        laptop.navigate(url("/join"));
        laptop.locator("#key-have-one summary").click();
        Locator importForm = laptop.locator("#import-key-form");
        importForm.getByLabel("Or open a key file").setInputFiles(keyFile);
        assertThat(importForm.getByLabel("Key file or seed")).hasValue(Pattern.compile("phyle-ed25519-key"));
        importForm.getByLabel("Passphrase", new Locator.GetByLabelOptions().setExact(true)).fill(PASSPHRASE);
        importForm.getByLabel("Repeat the passphrase").fill(PASSPHRASE);
        button(laptop, "Bring my key in").click();
        assertThat(laptop.locator("#my-did")).hasText(other.did());

        // the seed in base64 replaces it, from "my identity"
        laptop.navigate(url("/me"));
        laptop.locator("#me-other-key summary").first().click();
        Locator replace = laptop.locator("#replace-import-key-form");
        laptop.locator("#me-other-key details summary").click();
        replace.getByLabel("Key file or seed").fill(Base64.getEncoder().encodeToString(
                Base64.getUrlDecoder().decode(key.seedBase64Url())));
        replace.getByLabel("Passphrase", new Locator.GetByLabelOptions().setExact(true)).fill(PASSPHRASE);
        replace.getByLabel("Repeat the passphrase").fill(PASSPHRASE);
        replace.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Locator.GetByRoleOptions().setName("Bring my key in")).click();
        assertThat(laptop.locator("#identity-chip")).hasText(name + " · Citizen");
        screenshot(laptop, "me-imported");
    }

    @Test
    void theExportCommandRefusesWhatItCannotDo() throws IOException {
        Path out = DOWNLOADS.resolve("refused-" + System.nanoTime() + ".json");
        assertThat(Main.run("key", "export", "--web", "--people", people().toString(), "--name", "Nobody Here",
                "--out", out.toString(), "--passphrase-file", passphraseFile(PASSPHRASE).toString())).isEqualTo(1);
        assertThat(out).doesNotExist();
        String someone = keys.keySet().stream().filter(n -> !n.equals(DemoSociety.FOUNDER_NAME)).findFirst()
                .orElseThrow();
        assertThat(Main.run("key", "export", "--web", "--people", people().toString(), "--name", someone,
                "--out", out.toString(), "--passphrase-file", passphraseFile("short").toString())).isEqualTo(1);
        assertThat(out).doesNotExist();
        // the founder's key file, then the same file again: not overwritten
        Path founder = node.dir.resolve("keys/founder.key");
        assertThat(Main.run("key", "export", "--web", "--key", founder.toString(), "--out", out.toString(),
                "--passphrase-file", passphraseFile(PASSPHRASE).toString())).isZero();
        String written = Files.readString(out);
        assertThat(Main.run("key", "export", "--web", "--key", founder.toString(), "--out", out.toString(),
                "--passphrase-file", passphraseFile(PASSPHRASE).toString())).isEqualTo(1);
        assertThat(Files.readString(out)).isEqualTo(written);
        // without --web, or with both sources: a usage error
        assertThat(Main.run("key", "export", "--key", founder.toString(), "--out", out + ".x")).isEqualTo(2);
        assertThat(Main.run("key", "--help")).isZero();
    }
}

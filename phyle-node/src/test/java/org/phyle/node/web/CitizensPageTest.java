package org.phyle.node.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.phyle.core.citizenship.CitizenshipTx;
import org.phyle.crypto.Hash;
import org.phyle.crypto.SigningKey;
import org.phyle.node.demo.DemoSociety;

/**
 * The registry in the browser: search, paging and a person's details; a demo citizen whose key was imported from a
 * backup file (written by the test in the web app's format) vouches for an applicant, meets a refusal worded plainly,
 * and opens a challenge; a juror of that challenge, in another profile, judges it.
 */
class CitizensPageTest extends WebTest {

    @Test
    void searchPagingAndAPersonsDetails() {
        Page page = newPage(newProfile());
        page.navigate(url("/citizens"));
        long everyone = 0;
        JsonNode counts = get("society").get("citizens");
        for (var it = counts.fields(); it.hasNext(); ) {
            everyone += it.next().getValue().asLong();
        }
        assertThat(page.locator("#citizens-summary")).hasText("1–20 of " + String.format("%,d", everyone));
        assertThat(page.locator("#citizens-list li.person-row")).hasCount(20);
        assertThat(page.locator("#citizens-list li.person-row").first()).containsText(DemoSociety.FOUNDER_NAME);
        screenshot(page, "citizens");

        // paging through citizens only, and back
        page.getByLabel("Status").selectOption("citizen");
        button(page, "Search").click();
        String citizens = String.format("%,d", counts.get("citizen").asLong());
        assertThat(page.locator("#citizens-summary")).hasText("1–20 of " + citizens);
        String firstOnPageOne = page.locator("#citizens-list li.person-row").first().getAttribute("data-number");
        button(page, "Next").click();
        assertThat(page.locator("#citizens-summary")).hasText("21–40 of " + citizens);
        assertThat(page.locator("#citizens-page")).hasText("Page 2");
        assertThat(page.locator("#citizens-list li.person-row").first()).not().hasAttribute("data-number",
                firstOnPageOne);
        assertThat(page.locator("#citizens-list li[data-status=citizen]")).hasCount(20);
        button(page, "Previous").click();
        assertThat(page.locator("#citizens-summary")).hasText("1–20 of " + citizens);
        assertThat(page.locator("#citizens-list li.person-row").first()).hasAttribute("data-number", firstOnPageOne);
        assertThat(page.locator("#citizens-prev")).isDisabled();

        // search by a part of a name
        page.getByLabel("Status").selectOption("all");
        page.getByLabel("Name").fill("segunda");
        button(page, "Search").click();
        Locator rows = page.locator("#citizens-list li.person-row");
        assertThat(rows).hasCount(1);
        assertThat(rows.first()).containsText("Segunda");
        assertThat(rows.first().locator(".pill")).hasText("Revoked");
        page.getByLabel("Name").fill("nobody by this name");
        button(page, "Search").click();
        assertThat(page.locator("#citizens-summary")).hasText("Nobody matches.");

        // a person's details: the founder, admitted by founding the society
        page.navigate(url("/citizens#person=0"));
        assertThat(page.locator("#person-name")).hasText(DemoSociety.FOUNDER_NAME);
        assertThat(page.locator("#person-status")).hasText("Citizen");
        assertThat(page.locator("#person")).containsText("founding the society");
        assertThat(page.locator("#person")).isFocused();
        assertThat(page.locator("#person-history li").first()).isVisible();
        // and a citizen admitted by vouches, whose vouchers link to their own pages
        JsonNode vouched = get("citizens/100");
        page.navigate(url("/citizens#person=100"));
        assertThat(page.locator("#person-name")).hasText(vouched.get("name").asText());
        assertThat(page.locator("#person-vouchers li")).hasCount(vouched.get("vouchedBy").size());
        page.locator("#person-vouchers a").first().click();
        assertThat(page.locator("#person-name")).hasText(vouched.get("vouchedBy").get(0).get("name").asText());
        screenshot(page, "citizens-person");
    }

    @Test
    void aDemoCitizenVouchesAndChallengesFromTheBrowserAndAJurorJudges() {
        String voucherName = citizensWithVouchesLeft(1, 2, List.of()).get(0);
        SigningKey voucher = keys.get(voucherName);
        Path backup = writeBackup(voucher, PASSPHRASE, voucherName);
        SigningKey applicant = applicant("Tomás Abonado");
        JsonNode applicantPerson = get("citizens/" + applicant.did());

        Page page = newPage(newProfile());
        restoreKey(page, backup, PASSPHRASE);
        assertThat(page.locator("#me-name")).hasText(voucherName);
        assertThat(page.locator("#me-status-pill")).hasText("Citizen");

        // vouch for the applicant
        page.navigate(url("/citizens#person=" + applicantPerson.get("number").asText()));
        assertThat(page.locator("#person-name")).hasText("Tomás Abonado");
        assertThat(page.locator("#person-status")).hasText("Applicant");
        button(page, "Vouch for Tomás Abonado").click();
        assertThat(page.locator("#vouch-feedback")).hasAttribute("data-state", "committed");
        assertThat(page.locator("#vouch-feedback")).containsText("You vouched for Tomás Abonado.");
        assertThat(page.locator("#person-vouchers li")).hasText(voucherName);
        JsonNode afterVouch = get("citizens/" + applicant.did());
        assertThat(afterVouch.get("vouchedBy").get(0).get("name").asText()).isEqualTo(voucherName);
        screenshot(page, "citizens-vouched");

        // a refusal in plain words: the page still offers a vouch that the voucher has just given elsewhere
        SigningKey second = applicant("Vera Repetida");
        String secondNumber = get("citizens/" + second.did()).get("number").asText();
        page.navigate(url("/citizens#person=" + secondNumber));
        Locator vouch = button(page, "Vouch for Vera Repetida");
        assertThat(vouch).isEnabled();
        submit(voucher, new CitizenshipTx.Vouch(Hash.fromHex(get("citizens/" + second.did()).get("id").asText())));
        vouch.click();
        Locator refused = page.locator("#vouch-feedback");
        assertThat(refused).hasAttribute("data-state", "rejected");
        assertThat(refused).containsText("The node refused this");
        assertThat(refused).containsText("You already vouched for this person.");
        assertThat(refused).containsText("The node says: you already vouched for");
        assertThat(refused.locator(".feedback-code")).hasText("ALREADY_VOUCHED");
        screenshot(page, "citizens-refused");

        // open a challenge against a third applicant
        SigningKey suspect = applicant("Duarte Duplo");
        JsonNode suspectPerson = get("citizens/" + suspect.did());
        page.navigate(url("/citizens#person=" + suspectPerson.get("number").asText()));
        page.locator("#challenge summary").click();
        page.getByLabel(Pattern.compile("^Duplicate")).check();
        button(page, "Sign and open the challenge").click();
        assertThat(page.locator("#challenge-reason-error")).hasText("Give a reason (up to 2,000 characters).");
        page.getByLabel("Reason").fill("The same person as Tomás Abonado: same photo, same street.");
        button(page, "Sign and open the challenge").click();
        assertThat(page.locator("#challenge-feedback")).hasAttribute("data-state", "committed");
        String challengeId = page.locator("#challenge-feedback a.receipt-link").getAttribute("data-txid");
        assertThat(page.locator("#person-challenged")).isVisible();
        Locator item = page.locator("#challenge-" + challengeId);
        assertThat(item).hasAttribute("data-outcome", "open");
        assertThat(item).containsText("The same person as Tomás Abonado");
        assertThat(item.locator(".jury-drawing")).containsText("being drawn by lot");
        assertThat(item.locator(".jury-drawing a")).hasAttribute("href", Pattern.compile("^draws#draw=[0-9]+$"));
        page.locator("#challenge-link").click();
        assertThat(item).isFocused();
        // the jury is drawn by lot once the stewards' hours to commit and reveal are over
        awaitDraw(org.phyle.core.sortition.Sortition.idFor(org.phyle.core.sortition.Draw.Purpose.JURY,
                Hash.fromHex(challengeId)));
        page.reload();
        item = page.locator("#challenge-" + challengeId);
        assertThat(item.locator("li.juror")).hasCount(5);
        screenshot(page, "citizens-challenge-opened");

        // a juror, in their own browser profile, judges it
        JsonNode challenge = get("challenges/" + challengeId);
        String jurorName = null;
        for (JsonNode j : challenge.get("jury")) {
            if (keys.containsKey(j.get("name").asText())) {
                jurorName = j.get("name").asText();
                break;
            }
        }
        assertThat(jurorName).as("a juror whose key the demo kept").isNotNull();
        Page juror = newPage(newProfile());
        restoreKey(juror, writeBackup(keys.get(jurorName), PASSPHRASE, jurorName), PASSPHRASE);
        juror.navigate(url("/citizens#challenge=" + challengeId));
        Locator jurorItem = juror.locator("#challenge-" + challengeId);
        assertThat(jurorItem).isFocused();
        assertThat(juror.locator("#challenges-mine")).hasText(Pattern.compile("You are on the jury of 1 open"));
        assertThat(jurorItem.locator(".juror-box")).containsText("You are on this jury.");
        screenshot(juror, "citizens-juror");
        jurorItem.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Vote to dismiss")).click();
        Locator voted = juror.locator("#challenge-" + challengeId);
        assertThat(voted.locator(".feedback")).hasAttribute("data-state", "committed");
        assertThat(voted.locator(".feedback")).containsText("Your vote (dismiss) is on the ledger.");
        assertThat(voted.locator("li.juror.me")).hasAttribute("data-vote", "dismiss");
        assertThat(voted.locator(".tally")).containsText("dismiss 1");
        assertThat(voted.locator(".juror-box")).hasCount(0);
        String finalName = jurorName;
        JsonNode afterVote = get("challenges/" + challengeId);
        boolean recorded = false;
        for (JsonNode j : afterVote.get("jury")) {
            recorded |= j.get("name").asText().equals(finalName) && "dismiss".equals(j.get("vote").asText());
        }
        assertThat(recorded).as("the juror's vote on the ledger").isTrue();
        screenshot(juror, "citizens-juror-voted");
    }
}

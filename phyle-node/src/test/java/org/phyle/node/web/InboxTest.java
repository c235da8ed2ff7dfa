package org.phyle.node.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ColorScheme;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.phyle.core.citizenship.CitizenshipTx;
import org.phyle.core.citizenship.KeyProof;
import org.phyle.core.governance.Ballot;
import org.phyle.core.governance.GovernanceTx;
import org.phyle.crypto.Hash;
import org.phyle.crypto.SigningKey;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * "What needs me": an applicant's progress and the link they send, which puts a vouch request in a citizen's inbox;
 * the voucher vouches and the applicant's open page follows live (server-sent events); open votes not cast leave
 * the inbox and the header's count as they are cast; jury and steward duty; a recovery where one is a guardian
 * (approved from the inbox) and one started on one's own key (cancelled from the inbox); Atom feeds of the society
 * and of a person; axe on a phone and a laptop, light and dark, in both languages.
 */
class InboxTest extends WebTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    Page as(String name, SigningKey key) {
        Page page = newPage(newProfile());
        restoreKey(page, writeBackup(key, PASSPHRASE, name), PASSPHRASE);
        return page;
    }

    static JsonNode inbox(SigningKey key) {
        return get("inbox/" + key.did());
    }

    static List<String> kinds(JsonNode inbox) {
        List<String> out = new ArrayList<>();
        inbox.get("items").forEach(i -> out.add(i.get("kind").asText()));
        return out;
    }

    @Test
    void anApplicantsLinkAsksACitizenWhoVouchesAndTheApplicantSeesItLive() {
        Page applicant = newPage(newProfile(PHONE_WIDTH, PHONE_HEIGHT, true));
        Joined joined = makeKeyAndApply(applicant, "Inês Caixa", PASSPHRASE);
        applicant.navigate(url("/inbox"));
        Locator application = applicant.locator(".inbox-item[data-kind=application]");
        assertThat(application).containsText("Your application: 0 of 3 vouches");
        String link = applicant.locator("#share-link").inputValue();
        JsonNode me = get("citizens/" + joined.did());
        assertThat(link).endsWith("/inbox#ask=" + me.get("number").asInt());
        screenshot(applicant, "inbox-application-phone");
        assertThat(seriousAxeViolations(applicant)).isEmpty();
        assertNoHorizontalScroll(applicant);

        String voucherName = citizensWithVouchesLeft(1, 1, List.of()).get(0);
        Page voucher = as(voucherName, keys.get(voucherName));
        voucher.navigate(link);
        Locator ask = voucher.locator(".inbox-item[data-kind=vouch-ask]");
        assertThat(ask).containsText("Inês Caixa asks you to vouch for them");
        assertThat(voucher).hasURL(Pattern.compile("/inbox$"));
        screenshot(voucher, "inbox-vouch-ask");
        ask.getByRole(com.microsoft.playwright.options.AriaRole.LINK).click();
        button(voucher, "Vouch for Inês Caixa").click();
        assertThat(voucher.locator("#vouch-feedback")).hasAttribute("data-state", "committed");

        // the applicant's page, left open, follows the new block by itself
        assertThat(application).containsText("Your application: 1 of 3 vouches");
        assertThat(application).containsText("Vouched for you: " + voucherName);
        // and the request has left the voucher's inbox
        voucher.navigate(url("/inbox"));
        assertThat(voucher.locator("#inbox-summary")).isVisible();
        assertThat(voucher.locator(".inbox-item[data-kind=vouch-ask]")).hasCount(0);
    }

    @Test
    void openVotesLeaveTheInboxAndTheHeaderCountAsTheyAreCast() {
        String name = ProposalsPageTest.earlyCitizens(12, List.of()).get(11);
        SigningKey key = keys.get(name);
        List<String> open = new ArrayList<>();
        for (JsonNode item : inbox(key).get("items")) {
            if (item.get("kind").asText().equals("vote")) {
                open.add(item.get("proposal").asText());
            }
        }
        assertThat(open).as("open votes not cast by " + name).isNotEmpty();
        Page page = newPage(newProfile(1280, 900, true, ColorScheme.DARK));
        restoreKey(page, writeBackup(key, PASSPHRASE, name), PASSPHRASE);
        page.navigate(url("/inbox"));
        Locator votes = page.locator(".inbox-item[data-kind=vote]");
        assertThat(votes).hasCount(open.size());
        int total = inbox(key).get("items").size();
        Locator count = page.locator("#inbox-count");
        assertThat(count).hasAttribute("data-count", String.valueOf(total));
        assertThat(seriousAxeViolations(page)).isEmpty();
        screenshot(page, "inbox-votes-dark");

        // a vote cast elsewhere (by the same key, from the command line say): the open page drops it, live
        String first = open.get(0);
        JsonNode p = get("proposals/" + first);
        submit(key, new GovernanceTx.Vote(Hash.fromHex(first), ballotFor(p)));
        assertThat(page.locator(".inbox-item[data-proposal='" + first + "']")).hasCount(0);
        assertThat(votes).hasCount(open.size() - 1);
        assertThat(count).hasAttribute("data-count", String.valueOf(total - 1));

        // the count follows on any page
        page.navigate(url("/citizens"));
        assertThat(count).hasAttribute("data-count", String.valueOf(total - 1));
        if (open.size() > 1) {
            submit(key, new GovernanceTx.Vote(Hash.fromHex(open.get(1)), ballotFor(get("proposals/" + open.get(1)))));
            assertThat(count).hasAttribute("data-count", String.valueOf(total - 2));
        }
    }

    static Ballot ballotFor(JsonNode p) {
        return switch (p.get("method").asText()) {
            case "quadratic" -> new Ballot.Quadratic(new int[p.get("options").size()]);
            case "approval" -> new Ballot.Approval(new int[] {0});
            case "ranked" -> new Ballot.Ranked(new int[] {0});
            default -> new Ballot.YesNo(Ballot.YesNo.Choice.ABSTAIN);
        };
    }

    @Test
    void aGuardianApprovesARecoveryAndTheHolderCancelsIt() {
        // a new citizen with three guardians, two of them needed
        SigningKey holder = applicant("Olívia Guardada");
        String holderId = get("citizens/" + holder.did()).get("id").asText();
        vouchByThree(holderId, List.of());
        List<String> guardians = citizensWithVouchesLeft(3, 0, List.of());
        List<Hash> ids = new ArrayList<>();
        for (String g : guardians) {
            ids.add(Hash.fromHex(get("citizens/" + keys.get(g).did()).get("id").asText()));
        }
        submit(holder, new CitizenshipTx.SetGuardians(ids, 2));

        // the first guardian starts a recovery to a new key
        SigningKey replacement = SigningKey.generate();
        byte[] proof = replacement.sign(KeyProof.message(society, Hash.fromHex(holderId)));
        submit(keys.get(guardians.get(0)), new CitizenshipTx.Recover(Hash.fromHex(holderId),
                replacement.verifyingKey(), proof));
        assertThat(kinds(inbox(holder))).contains("my-recovery");
        assertThat(kinds(inbox(keys.get(guardians.get(1))))).contains("guardian-recovery");
        assertThat(kinds(inbox(keys.get(guardians.get(0))))).doesNotContain("guardian-recovery");

        // the second guardian approves from the inbox
        Page guardian = as(guardians.get(1), keys.get(guardians.get(1)));
        guardian.navigate(url("/inbox"));
        Locator request = guardian.locator(".inbox-item[data-kind=guardian-recovery]");
        assertThat(request).containsText("Olívia Guardada asks you, as their guardian");
        assertThat(request).containsText("1 of the 2 guardians needed have approved");
        screenshot(guardian, "inbox-guardian");
        request.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON).click();
        assertThat(guardian.locator("#inbox-feedback")).hasAttribute("data-state", "committed");
        assertThat(request).hasCount(0);
        assertThat(get("citizens/" + holderId).toString()).contains(holderId);

        // the holder, whose key still holds the citizenship, is told and cancels
        Page page = newPage(newProfile(PHONE_WIDTH, PHONE_HEIGHT, true));
        restoreKey(page, writeBackup(holder, PASSPHRASE, "Olívia"), PASSPHRASE);
        page.navigate(url("/inbox"));
        Locator mine = page.locator(".inbox-item[data-kind=my-recovery]");
        assertThat(mine).containsText("Your citizenship is being moved to a new key");
        assertThat(mine).containsText("2 of 2 needed have approved");
        assertThat(mine.locator("time")).hasCount(1);
        assertThat(seriousAxeViolations(page)).isEmpty();
        screenshot(page, "inbox-my-recovery-phone");
        button(page, "Cancel the recovery").click();
        assertThat(page.locator("#inbox-feedback")).hasAttribute("data-state", "committed");
        assertThat(page.locator("#inbox-feedback")).containsText("The recovery is cancelled");
        assertThat(mine).hasCount(0);
        assertThat(kinds(inbox(holder))).doesNotContain("my-recovery");
        assertThat(kinds(inbox(keys.get(guardians.get(2))))).doesNotContain("guardian-recovery");
    }

    @Test
    void juryAndStewardDutyAndNothingWithoutAKey() {
        SigningKey suspect = applicant("Tiago Suspeito");
        String challenger = citizensWithVouchesLeft(1, 0, List.of()).get(0);
        JsonNode opened = submit(keys.get(challenger), new CitizenshipTx.Challenge(
                Hash.fromHex(get("citizens/" + suspect.did()).get("id").asText()), CitizenshipTx.Grounds.FAKE,
                "Nobody has met this person.", Optional.empty()));
        String challengeId = opened.get("txId").asText();
        Hash drawId = org.phyle.core.sortition.Sortition.idFor(org.phyle.core.sortition.Draw.Purpose.JURY,
                Hash.fromHex(challengeId));
        // stewards are asked to commit to the jury's draw
        JsonNode draw = get("draws/" + drawId.hex());
        boolean stewardSeen = false;
        for (JsonNode s : get("charter").get("offices").get("stewards")) {
            String stewardName = s.get("name").asText();
            if (keys.containsKey(stewardName) && draw != null) {
                assertThat(kinds(inbox(keys.get(stewardName)))).contains("steward-commit");
                stewardSeen = true;
                break;
            }
        }
        assertThat(stewardSeen).as("a demo steward whose key the demo kept").isTrue();

        awaitDraw(drawId);
        JsonNode challenge = get("challenges/" + challengeId);
        String juror = null;
        for (JsonNode j : challenge.get("jury")) {
            if (keys.containsKey(j.get("name").asText())) {
                juror = j.get("name").asText();
                break;
            }
        }
        assertThat(juror).isNotNull();
        JsonNode duty = null;
        for (JsonNode i : inbox(keys.get(juror)).get("items")) {
            if (i.get("kind").asText().equals("jury")) {
                duty = i;
            }
        }
        assertThat(duty).isNotNull();
        assertThat(duty.get("challenge").asText()).isEqualTo(challengeId);
        Page page = as(juror, keys.get(juror));
        page.navigate(url("/inbox"));
        Locator item = page.locator(".inbox-item[data-kind=jury]").filter(
                new Locator.FilterOptions().setHasText("Tiago Suspeito"));
        assertThat(item).containsText("Jury duty: the challenge of Tiago Suspeito");
        item.getByRole(com.microsoft.playwright.options.AriaRole.LINK).click();
        assertThat(page).hasURL(Pattern.compile("citizens#challenge=" + challengeId + "$"));

        Page nobody = newPage(newProfile(PHONE_WIDTH, PHONE_HEIGHT, true, ColorScheme.DARK));
        nobody.navigate(url("/inbox"));
        assertThat(nobody.locator("#inbox-no-key")).isVisible();
        assertThat(nobody.locator("#inbox-count")).isHidden();
        assertThat(seriousAxeViolations(nobody)).isEmpty();
        nobody.getByLabel("Language").selectOption("pt");
        assertThat(nobody.locator("#inbox-title")).hasText("O que precisa de mim");
        assertThat(nobody.locator("#inbox-no-key")).containsText("Não há chave neste navegador");
        screenshot(nobody, "inbox-no-key-pt");
    }

    @Test
    void theHomePageNumbersFollowNewBlocks() {
        Page page = newPage(newProfile());
        page.navigate(url("/"));
        Locator applicants = page.locator("#stat-applicants dd");
        String before = get("society").get("citizens").get("applicant").asText();
        assertThat(applicants).hasText(before);
        applicant("Vasco Ao Vivo");
        String after = get("society").get("citizens").get("applicant").asText();
        assertThat(after).isNotEqualTo(before);
        // no reload: the page heard the new block
        assertThat(applicants).hasText(after);
    }

    @Test
    void atomFeedsOfTheSocietyAndOfAPerson() throws Exception {
        Document society = atom("/api/v1/feeds/society.atom");
        assertThat(society.getDocumentElement().getLocalName()).isEqualTo("feed");
        assertThat(text(society, "title")).isEqualTo(get("society").get("name").asText());
        NodeList entries = society.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry");
        assertThat(entries.getLength()).isGreaterThan(5);
        assertThat(society.getDocumentElement().getTextContent()).contains("Proposal #")
                .contains("Assemblies meet every month");

        String name = ProposalsPageTest.earlyCitizens(13, List.of()).get(12);
        JsonNode person = get("citizens/" + keys.get(name).did());
        Document feed = atom("/api/v1/feeds/people/" + person.get("number").asInt() + ".atom");
        assertThat(text(feed, "title")).isEqualTo(name);
        assertThat(feed.getDocumentElement().getTextContent()).contains("citizenship.apply");
        if (!inbox(keys.get(name)).get("items").isEmpty()) {
            assertThat(feed.getDocumentElement().getTextContent()).contains("Needs you: ");
        }

        HttpResponse<String> missing = HTTP.send(HttpRequest.newBuilder(URI.create(
                url("/api/v1/feeds/people/999999.atom"))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(missing.statusCode()).isEqualTo(404);
        HttpResponse<String> bad = HTTP.send(HttpRequest.newBuilder(URI.create(
                url("/api/v1/inbox/not-a-person"))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("BAD_REQUEST");

        // the pages name the society's feed for feed readers
        Page page = newPage(newProfile());
        page.navigate(url("/"));
        assertThat(page.locator("link[rel=alternate][type='application/atom+xml']"))
                .hasAttribute("href", "api/v1/feeds/society.atom");
    }

    static Document atom(String path) throws Exception {
        HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(URI.create(url(path))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).as(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/atom+xml");
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(r.body()));
    }

    static String text(Document d, String element) {
        return d.getElementsByTagNameNS("http://www.w3.org/2005/Atom", element).item(0).getTextContent();
    }
}

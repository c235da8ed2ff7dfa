package org.phyle.node.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ColorScheme;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.phyle.crypto.SigningKey;
import org.phyle.node.demo.DemoSociety;

/**
 * The proposals page against the demo society: the list and its filters; a finished instant runoff with every
 * round; demo citizens (keys imported from backups written in Java) vote with each method, replace a ballot, meet
 * the quadratic budget in the page, delegate and revoke, make a proposal that another citizen sponsors and its
 * author cancels; a key that is not a citizen's is refused in words; axe-core at phone width.
 */
class ProposalsPageTest extends WebTest {

    /** The id of the demo proposal with this title. */
    static String proposalId(String title) {
        for (JsonNode p : get("proposals?state=all&limit=200").get("proposals")) {
            if (p.get("title").asText().equals(title)) {
                return p.get("id").asText();
            }
        }
        throw new AssertionError("no proposal \"" + title + "\"");
    }

    /** Early demo citizens in good standing (in the electorate of every open proposal), leaving out `except`. */
    static List<String> earlyCitizens(int n, List<String> except) {
        List<String> found = new ArrayList<>();
        for (String name : keys.keySet()) {
            if (found.size() == n) {
                break;
            }
            if (name.equals(DemoSociety.FOUNDER_NAME) || except.contains(name)) {
                continue;
            }
            JsonNode p = get("citizens/" + keys.get(name).did());
            if (p != null && p.get("status").asText().equals("citizen")
                    && p.get("did").asText().equals(keys.get(name).did())) {
                found.add(name);
            }
        }
        assertThat(found).hasSize(n);
        return found;
    }

    /** A fresh profile holding a demo person's key, restored from a backup written in Java. */
    Page as(String name, SigningKey key) {
        Page page = newPage(newProfile());
        restoreKey(page, writeBackup(key, PASSPHRASE, name), PASSPHRASE);
        return page;
    }

    /** The ballot a person cast on a proposal, from the API, or null. */
    static JsonNode ballotOf(String proposal, int number) {
        JsonNode b = get("proposals/" + proposal + "/ballots?after=" + (number - 1) + "&limit=1").get("ballots");
        return b.size() == 1 && b.get(0).get("voter").get("number").asInt() == number ? b.get(0).get("ballot") : null;
    }

    static int numberOf(String name) {
        return get("citizens/" + keys.get(name).did()).get("number").asInt();
    }

    /** Moves a slider with the keyboard alone: to its minimum, then step by step to the value. */
    static void slide(Locator slider, int value) {
        int min = Integer.parseInt(slider.getAttribute("min"));
        slider.focus();
        slider.press("Home");
        for (int i = min; i < value; i++) {
            slider.press("ArrowRight");
        }
    }

    @Test
    void theListAndAFinishedInstantRunoffWithEveryRound() {
        Page page = newPage(newProfile());
        page.navigate(url("/proposals"));
        Locator rows = page.locator("#proposals-list li.proposal-row");
        // open by default: the four voting now and the draft
        assertThat(rows.first()).isVisible();
        assertThat(page.locator("#proposals-list li[data-state=voting]")).hasCount(4);
        assertThat(page.locator("#proposals-filters [aria-pressed=true]")).hasText("Open");
        screenshot(page, "proposals");
        button(page, "All").click();
        assertThat(page.locator("#proposals-filters [aria-pressed=true]")).hasText("All");
        assertThat(page.locator("#proposals-list")).containsText("A name for the workshop");
        assertThat(page.locator("#proposals-list")).containsText("Raise the quorum to 25%");
        int all = get("proposals?state=all&limit=200").get("proposals").size();
        assertThat(rows).hasCount(Math.min(all, 20));
        button(page, "Decided").click();
        assertThat(page.locator("#proposals-list li[data-state=voting]")).hasCount(0);
        assertThat(page.locator("#proposals-list")).containsText("Workshop priorities for 2027");

        // the instant runoff, every round in a chart and in the table
        page.getByRole(com.microsoft.playwright.options.AriaRole.LINK,
                new Page.GetByRoleOptions().setName("A name for the workshop")).click();
        String ranked = proposalId("A name for the workshop");
        JsonNode rounds = get("proposals/" + ranked).get("tally").get("rounds");
        assertThat(page.locator("#proposal-title")).hasText("A name for the workshop");
        assertThat(page.locator("#proposal")).isFocused();
        assertThat(page.locator("#proposal-state")).hasText("Passed");
        assertThat(page.locator("#rounds-table tbody tr")).hasCount(rounds.size());
        for (int r = 1; r <= rounds.size(); r++) {
            assertThat(page.locator("#chart-round-" + r)).isVisible();
        }
        assertThat(page.locator("#rounds h4")).hasText("Instant runoff: " + rounds.size() + " rounds");
        assertThat(page.locator("#rounds-table tbody tr").last()).containsText("★");
        assertThat(page.locator("#proposal-rules")).containsText("Frozen when the proposal was made");
        assertThat(page.locator("#proposal-timeline li[data-event=closed]")).isVisible();
        assertThat(page.locator("#ballots-list li").first()).isVisible();
        screenshot(page, "proposals-ranked");

        // the parameter change: passed, executed, yes against no with its threshold
        page.navigate(url("/proposals#proposal=" + proposalId("Raise the quorum to 25%")));
        assertThat(page.locator("#proposal-state")).hasText("Executed");
        assertThat(page.locator("#chart-yes-no")).isVisible();
        assertThat(page.locator("#chart-yes-no")).containsText("more than half");
        assertThat(page.locator("#proposal-facts")).containsText("governance.quorumBp");
        assertThat(page.locator("#proposal-timeline li[data-event=executed]")).isVisible();
        screenshot(page, "proposals-yes-no");

        // quadratic: the credits spent
        page.navigate(url("/proposals#proposal=" + proposalId("Workshop priorities for 2027")));
        assertThat(page.locator("#results-facts")).containsText("Voice credits spent");
        assertThat(page.locator("#chart-scores")).isVisible();
        assertThat(page.locator("#scores-table tr[data-winner=true]")).hasCount(2);
    }

    @Test
    void aCitizenVotesWithEachMethodAndReplacesABallot() {
        String name = earlyCitizens(1, List.of()).get(0);
        int number = numberOf(name);
        Page page = as(name, keys.get(name));

        // yes / no, then again: the second ballot replaces the first
        String assemblies = proposalId("Assemblies meet every month");
        page.navigate(url("/proposals#proposal=" + assemblies));
        assertThat(page.locator("#proposal-title")).hasText("Assemblies meet every month");
        button(page, "Yes").click();
        assertThat(page.locator("#ballot-feedback")).hasAttribute("data-state", "committed");
        assertThat(page.locator("#your-ballot")).containsText("Yes");
        assertThat(page.locator("#your-ballot")).isFocused();
        int ballots = get("proposals/" + assemblies).get("ballots").asInt();
        assertThat(ballotOf(assemblies, number).get("choice").asText()).isEqualTo("yes");
        button(page, "No").click();
        assertThat(page.locator("#your-ballot")).containsText("No");
        assertThat(page.locator(".ballot-choice[data-choice=no]")).hasAttribute("aria-pressed", "true");
        assertThat(ballotOf(assemblies, number).get("choice").asText()).isEqualTo("no");
        assertThat(get("proposals/" + assemblies).get("ballots").asInt()).isEqualTo(ballots);
        screenshot(page, "proposals-yes-no-voted");

        // quadratic: the cost follows the slider; over the budget the page refuses before signing
        String round = proposalId("Public goods round: what to fund first");
        page.navigate(url("/proposals#proposal=" + round));
        Locator first = page.locator("#qv-0");
        slide(first, 3);
        assertThat(page.locator("#qv-0-cost")).hasText("+3 votes: 9 credits");
        for (int i = 0; i < 4; i++) {
            Locator s = page.locator("#qv-" + i);
            s.focus();
            s.press("End");
        }
        assertThat(page.locator("#qv-over")).isVisible();
        assertThat(page.locator("#qv-over")).containsText("Too many credits: this ballot costs 400");
        assertThat(page.locator("#ballot-submit")).isDisabled();
        screenshot(page, "proposals-quadratic-over");
        slide(first, 3);
        slide(page.locator("#qv-1"), 0);
        slide(page.locator("#qv-2"), 2);
        slide(page.locator("#qv-3"), -1);
        assertThat(page.locator("#qv-total")).containsText("This ballot costs 14 of your");
        assertThat(page.locator("#qv-over")).isHidden();
        page.locator("#ballot-submit").click();
        assertThat(page.locator("#ballot-feedback")).hasAttribute("data-state", "committed");
        assertThat(page.locator("#your-ballot")).containsText("+3 on Solar panels on the workshop");
        assertThat(ballotOf(round, number).get("votes").toString()).isEqualTo("[3,0,2,-1]");

        // approval: no more than the proposal allows
        String festival = proposalId("Summer festival: two activities");
        page.navigate(url("/proposals#proposal=" + festival));
        Locator boxes = page.locator("#approval-options input[type=checkbox]");
        assertThat(boxes).hasCount(5);
        for (int i = 0; i < 5; i++) {
            boxes.nth(i).setChecked(false);
        }
        boxes.nth(0).check();
        boxes.nth(2).check();
        boxes.nth(3).check();
        assertThat(boxes.nth(4)).isDisabled();
        assertThat(page.locator("#approval-count")).containsText("that is the most allowed");
        page.locator("#ballot-submit").click();
        assertThat(page.locator("#ballot-feedback")).hasAttribute("data-state", "committed");
        assertThat(ballotOf(festival, number).get("approve").toString()).isEqualTo("[0,2,3]");

        // ranked: put in order with buttons
        String territory = proposalId("Where should our second territory be?");
        page.navigate(url("/proposals#proposal=" + territory));
        assertThat(page.locator("#ranking")).isVisible();
        while (page.locator("#ranking [data-act=remove]").count() > 0) {
            page.locator("#ranking [data-act=remove]").first().click();
        }
        button(page, "Add Coimbra to the ranking").click();
        button(page, "Add Porto to the ranking").click();
        button(page, "Move Porto up").click();
        assertThat(page.locator("#ranking-live")).hasText("Porto is number 1 of 2.");
        assertThat(button(page, "Move Porto down")).isFocused();
        page.locator("#ballot-submit").click();
        assertThat(page.locator("#ballot-feedback")).hasAttribute("data-state", "committed");
        assertThat(page.locator("#your-ballot")).containsText("1. Porto 2. Coimbra");
        assertThat(ballotOf(territory, number).get("ranking").toString()).isEqualTo("[0,1]");
        screenshot(page, "proposals-ranked-voted");
    }

    @Test
    void delegateAndRevoke() {
        List<String> two = earlyCitizens(2, List.of());
        String name = two.get(1);
        JsonNode to = get("citizens/" + keys.get(two.get(0)).did());
        Page page = as(name, keys.get(name));
        page.navigate(url("/proposals"));
        page.getByLabel("Topic", new Page.GetByLabelOptions().setExact(true)).first().fill("web-test");
        page.getByLabel("Delegate to").fill(to.get("number").asText());
        button(page, "Sign and delegate").click();
        assertThat(page.locator("#delegation-feedback")).hasAttribute("data-state", "committed");
        Locator item = page.locator("#delegation-list li[data-topic=web-test]");
        assertThat(item).containsText(to.get("name").asText());
        JsonNode mine = get("delegations/" + keys.get(name).did()).get("delegations");
        assertThat(mine.toString()).contains("web-test");
        screenshot(page, "proposals-delegated");
        button(page, "Revoke the delegation on web-test").click();
        assertThat(page.locator("#delegation-feedback")).containsText("You vote for yourself again on web-test.");
        assertThat(item).hasCount(0);
        assertThat(get("delegations/" + keys.get(name).did()).get("delegations").toString()).doesNotContain("web-test");
    }

    @Test
    void aCitizenProposesAnotherSponsorsAndTheAuthorCancels() {
        List<String> two = earlyCitizens(4, List.of()).subList(2, 4);
        Page author = as(two.get(0), keys.get(two.get(0)));
        author.navigate(url("/proposals"));
        button(author, "Sign and propose").click();
        assertThat(author.locator("#propose-title-error")).isVisible();
        author.getByLabel("Title").fill("Benches in the garden");
        author.getByLabel("The case for it").fill("Four benches under the fig tree.\n\nWe build them ourselves.");
        author.getByLabel("Topic", new Page.GetByLabelOptions().setExact(true)).last().fill("garden");
        author.getByLabel("Counting method").selectOption("yes-no");
        button(author, "Sign and propose").click();
        assertThat(author.locator("#propose-feedback")).hasAttribute("data-state", "committed");
        author.locator("#propose-open").click();
        assertThat(author.locator("#proposal-title")).hasText("Benches in the garden");
        assertThat(author.locator("#proposal-state")).hasText("Draft");
        String id = author.url().replaceAll(".*#proposal=", "");
        int needed = get("proposals/" + id).get("sponsorsRequired").asInt();
        assertThat(author.locator("#proposal-facts")).containsText("0 of " + needed + " needed");
        assertThat(author.locator("#sponsor-button")).hasCount(0);

        Page sponsor = as(two.get(1), keys.get(two.get(1)));
        sponsor.navigate(url("/proposals#proposal=" + id));
        button(sponsor, "Sponsor this proposal").click();
        assertThat(sponsor.locator("#action-feedback")).hasAttribute("data-state", "committed");
        assertThat(sponsor.locator("#proposal-sponsors")).containsText(two.get(1));
        assertThat(sponsor.locator("#proposal-facts")).containsText("1 of " + needed + " needed");
        assertThat(sponsor.locator("#sponsor-button")).hasCount(0);
        assertThat(get("proposals/" + id).get("sponsors").asInt()).isEqualTo(1);
        screenshot(sponsor, "proposals-sponsored");

        // the author cancels, after a confirmation she can refuse
        author.reload();
        button(author, "Cancel this proposal").click();
        button(author, "No, keep it").click();
        assertThat(author.locator("#proposal-state")).hasText("Draft");
        button(author, "Cancel this proposal").click();
        button(author, "Yes, cancel it").click();
        assertThat(author.locator("#action-feedback")).hasAttribute("data-state", "committed");
        assertThat(author.locator("#proposal-state")).hasText("Cancelled");
        assertThat(get("proposals/" + id).get("state").asText()).isEqualTo("cancelled");
    }

    @Test
    void anOutsidePanellistVotesInThePanelAndTheResultsShowBothSides() {
        String assemblies = proposalId("Assemblies meet every month");
        JsonNode panel = get("proposals/" + assemblies).get("panel");
        assertThat(panel.isObject()).as("the charter amendment has an outside panel").isTrue();
        JsonNode member = panel.get("members").get(0);
        String did = get("citizens/" + member.get("number").asText()).get("did").asText();
        SigningKey key = keys.values().stream().filter(k -> k.did().equals(did)).findFirst().orElseThrow();

        Page page = as(member.get("name").asText(), key);
        page.navigate(url("/proposals#proposal=" + assemblies));
        assertThat(page.locator("#panel")).containsText("Outside panel");
        assertThat(page.locator("#panel-draw")).hasAttribute("href", "draws#draw=" + panel.get("drawNumber").asText());
        assertThat(page.locator("#panel-members li")).hasCount(panel.get("members").size());
        assertThat(page.locator("#ballot")).hasCount(0); // a panellist votes in the panel, not as a citizen
        assertThat(page.locator("#ballot-panel")).isVisible();
        page.locator("#ballot-panel .ballot-choice[data-choice=yes]").click();
        assertThat(page.locator("#panel-ballot-feedback")).hasAttribute("data-state", "committed");
        assertThat(page.locator("#your-ballot-panel")).containsText("Yes");
        JsonNode mine = get("proposals/" + assemblies + "/ballots?panel=true&after=" + (member.get("number").asInt() - 1)
                + "&limit=1").get("ballots").get(0);
        assertThat(mine.get("voter").get("number").asInt()).isEqualTo(member.get("number").asInt());
        assertThat(mine.get("ballot").get("choice").asText()).isEqualTo("yes");
        // citizens, the panel and the combined result side by side
        assertThat(page.locator("#outside-table tbody tr")).hasCount(3);
        assertThat(page.locator("#outside-results")).containsText("Combined");
        screenshot(page, "proposals-panel");

        // a citizen's key is not on the panel: no panel ballot for it
        String citizen = earlyCitizens(1, List.of()).get(0);
        Page other = as(citizen, keys.get(citizen));
        other.navigate(url("/proposals#proposal=" + assemblies));
        assertThat(other.locator("#panel")).isVisible();
        assertThat(other.locator("#ballot-panel")).hasCount(0);
        assertThat(other.locator("#ballot")).isVisible();
    }

    @Test
    void aKeyThatIsNotACitizensIsRefusedInWords() {
        SigningKey key = applicant("Nuno Recente");
        String assemblies = proposalId("Assemblies meet every month");
        int before = get("proposals/" + assemblies).get("ballots").asInt();
        Page page = as("Nuno Recente", key);
        page.navigate(url("/proposals#proposal=" + assemblies));
        assertThat(page.locator("#ballot-not-citizen")).isVisible();
        button(page, "Yes").click();
        Locator refused = page.locator("#ballot-feedback");
        assertThat(refused).hasAttribute("data-state", "rejected");
        assertThat(refused).containsText("The node refused this");
        assertThat(refused.locator(".feedback-code")).hasText(Pattern.compile("NOT_A_CITIZEN|NOT_IN_ELECTORATE"));
        assertThat(page.locator("#your-ballot")).hasCount(0);
        assertThat(get("proposals/" + assemblies).get("ballots").asInt()).isEqualTo(before);
        // and no form to propose or delegate for a key that is not a citizen's
        page.navigate(url("/proposals"));
        assertThat(page.locator("#propose-who")).hasText("Only citizens in good standing make proposals.");
        assertThat(page.locator("#propose-form")).isHidden();
        screenshot(page, "proposals-refused");
    }

    @Test
    void axeAndPhoneWidthOnTheListAndAProposal() {
        String name = earlyCitizens(5, List.of()).get(4);
        List<String> violations = new ArrayList<>();
        for (ColorScheme scheme : List.of(ColorScheme.LIGHT, ColorScheme.DARK)) {
            BrowserContext phone = newProfile(PHONE_WIDTH, PHONE_HEIGHT, true, scheme);
            Page page = newPage(phone);
            restoreKey(page, writeBackup(keys.get(name), PASSPHRASE, name), PASSPHRASE);
            String suffix = scheme == ColorScheme.DARK ? "-dark" : "";
            page.navigate(url("/proposals"));
            assertThat(page.locator("#proposals-list li.proposal-row").first()).isVisible();
            assertThat(page.locator("#delegation-credits")).isVisible();
            violations.addAll(seriousAxeViolations(page));
            assertNoHorizontalScroll(page);
            screenshot(page, "a11y-proposals-phone" + suffix);
            for (String title : List.of("Public goods round: what to fund first", "A name for the workshop",
                    "Where should our second territory be?", "Assemblies meet every month")) {
                page.navigate(url("/proposals#proposal=" + proposalId(title)));
                assertThat(page.locator("#proposal-title")).hasText(title);
                assertThat(page.locator("#results svg").first()).isVisible();
                violations.addAll(seriousAxeViolations(page));
                assertNoHorizontalScroll(page);
                screenshot(page, "a11y-proposal-" + proposalId(title).substring(0, 6) + "-phone" + suffix);
            }
        }
        assertThat(violations).as("serious axe violations").isEmpty();

        // in Portuguese
        Page pt = newPage(newProfile(1280, 900, false));
        pt.navigate(url("/proposals"));
        pt.locator("#language").selectOption("pt");
        assertThat(pt.locator("#proposals-title")).hasText("Propostas");
        pt.navigate(url("/proposals#proposal=" + proposalId("A name for the workshop")));
        assertThat(pt.locator("#rounds h4")).containsText("rondas");
        screenshot(pt, "proposals-pt");
    }
}

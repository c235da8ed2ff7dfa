package org.phyle.node.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ColorScheme;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A parcel's page on the demo: what it is (territory, tenure, holder, price, deposit, tax, when the deposit runs out,
 * buildings linking to their pages, residents, history, a small map); the holder of a parcel with an open bid rejects
 * it from the browser (raising the price, the penalty shown and paid), a demo citizen bids at the new price from
 * another browser, and the holder accepts: the bidder holds it; a citizen buys the foreclosed parcel in its auction;
 * a bid without the collateral is refused in words with nothing changed; a land-value parcel's assessments; on a
 * 390 px phone, dark, in Portuguese, with axe.
 */
class ParcelPageTest extends WebTest {

    static JsonNode parcel(int n) {
        return get("land/parcels/" + n);
    }

    static JsonNode first(java.util.function.Predicate<JsonNode> wanted) {
        return LandPageTest.allParcels().stream().filter(wanted).findFirst().orElse(null);
    }

    Page withKey(String name, int width, int height, ColorScheme scheme) {
        BrowserContext context = newProfile(width, height, true, scheme);
        Page page = newPage(context);
        restoreKey(page, writeBackup(keys.get(name), PASSPHRASE, name), PASSPHRASE);
        return page;
    }

    static long spendable(String name) {
        return RoundsPageTest.spendable(keys.get(name).did());
    }

    @Test
    void aHeldParcelSaysWhatItIsWithItsBuildingsHistoryAndMap() {
        JsonNode built = first(p -> p.get("tenure").asText().equals("harberger") && p.get("buildings").asInt() > 0);
        assertThat(built).as("a Harberger parcel with a building in the demo").isNotNull();
        int n = built.get("number").asInt();
        JsonNode p = parcel(n);
        Page page = newPage(newProfile(1280, 900, false));
        List<String> requests = LandPageTest.recordRequests(page);
        page.navigate(url("/parcel?n=" + n));
        assertThat(page.locator("body")).hasAttribute("data-ready", "true");
        assertThat(page.locator("#parcel-title")).hasText("Parcel #" + n);
        assertThat(page.locator(".site-nav a[data-nav=land]")).hasAttribute("aria-current", "page");
        assertThat(page.locator("#parcel-state")).hasText(p.get("bid").isNull() ? "Held" : "Bid open");
        assertThat(page.locator("[data-fact=tenure] dd")).hasText("Harberger tax: 7% a year of the price its holder "
                + "states");
        assertThat(page.locator("[data-fact=territory] dd")).containsText(p.get("territoryName").asText());
        assertThat(page.locator("[data-fact=area] dd")).hasText(p.get("areaM2").asText() + " m²");
        assertThat(page.locator("[data-fact=price] dd")).hasText(RoundsPageTest.units(p.get("price")) + " HRT");
        assertThat(page.locator("[data-fact=holder] dd a")).hasAttribute("href", java.util.regex.Pattern.compile(
                "citizens#person=[0-9]+"));
        assertThat(page.locator("[data-fact=deposit] dd")).containsText("HRT");
        assertThat(page.locator("[data-fact=tax] dd")).containsText("HRT");
        assertThat(page.locator("[data-fact=runs-out] dd")).containsText("20");
        assertThat(page.locator("[data-fact=residents] dd")).hasText(String.valueOf(p.get("residents").size()));
        // buildings link to their page; the history is the API's events, newest first
        JsonNode b = p.get("buildings").get(0);
        assertThat(page.locator("#parcel-building-list a").first()).hasAttribute("href", "building?n="
                + b.get("number").asInt());
        assertThat(page.locator("#parcel-building-list")).containsText(b.get("description").asText());
        assertThat(page.locator("#parcel-events tbody tr")).hasCount(p.get("history").size());
        assertThat(page.locator("#parcel-events tbody tr[data-event=drawn] td").nth(1)).hasText("Parcel drawn");
        // the small map: this parcel marked among its territory's
        assertThat(page.locator("#parcel-map path.parcel-shape.here")).hasCount(1);
        assertThat(page.locator("#parcel-map path.parcel-shape")).hasCount(get("land/territories/" + p.get("territory")
                .asInt()).get("parcels").asInt());
        assertThat(page.locator("#parcel-no-key")).isVisible();
        LandPageTest.assertAllFromThisNode(requests);
        screenshot(page, "parcel-held");

        Page checked = newPage(newProfile(1280, 900, true));
        checked.navigate(url("/parcel?n=" + n));
        assertThat(checked.locator("body")).hasAttribute("data-ready", "true");
        assertThat(seriousAxeViolations(checked)).as("axe, a held parcel, no key").isEmpty();

        // an unknown parcel, and no parcel at all, in words
        checked.navigate(url("/parcel?n=999999"));
        assertThat(checked.locator("#parcel-problem")).containsText("no parcel #999999");
        checked.navigate(url("/parcel"));
        assertThat(checked.locator("#parcel-problem")).containsText("Which parcel?");
    }

    @Test
    void theHolderRejectsABidAnotherBidsFromTheBrowserAndTheHolderAccepts() {
        JsonNode withBid = first(p -> !p.get("bid").isNull());
        assumeTrue(withBid != null, "the demo's open bid is still open");
        int n = withBid.get("number").asInt();
        String holder = LandPageTest.nameOf(withBid.get("holder").asText());
        String firstBidder = LandPageTest.nameOf(withBid.at("/bid/bidder").asText());
        long bid = withBid.at("/bid/price/minor").asLong();
        long bidderBefore = spendable(firstBidder);
        long holderBefore = spendable(holder);
        long revenueBefore = get("economy").at("/treasury/general/minor").asLong(-1);

        // the holder rejects: the price raised to at least the bid, the penalty (10% of the bid) said and paid
        Page page = withKey(holder, 1280, 900, ColorScheme.LIGHT);
        page.navigate(url("/parcel?n=" + n));
        assertThat(page.locator("#parcel-bid")).containsText("Someone bid " + RoundsPageTest.units(withBid.at(
                "/bid/price")) + " HRT");
        Locator reject = page.locator("#reject-form");
        long penalty = bid / 10;
        String penaltyText = RoundsPageTest.units(JSON.createObjectNode().put("minor", penalty)) + " HRT";
        assertThat(reject).containsText("pay a penalty of " + penaltyText);
        RoundsPageTest.docShot(page, "#parcel-act-title", "parcel-bid-to-answer");
        assertThat(page.locator("#reject-price")).hasValue(RoundsPageTest.units(withBid.at("/bid/price")).replace(",",
                ""));
        // lower than the bid: the node refuses, in words, and nothing changes
        page.locator("#reject-price").fill("1");
        page.locator("#reject-form-submit").click();
        Locator feedback = page.locator("#parcel-feedback");
        assertThat(feedback).hasAttribute("data-state", "rejected");
        assertThat(feedback.locator("code")).hasText("REJECT_TOO_LOW");
        assertThat(feedback).containsText("A bid is rejected only by raising the price to at least the bid.");
        assertThat(parcel(n).get("bid").isNull()).isFalse();
        assertThat(spendable(holder)).isEqualTo(holderBefore);

        long newPrice = bid + 10_000_000L;
        page.locator("#reject-price").fill(RoundsPageTest.units(JSON.createObjectNode().put("minor", newPrice))
                .replace(",", ""));
        page.locator("#reject-form-submit").click();
        assertThat(feedback).hasAttribute("data-state", "committed");
        assertThat(feedback).containsText("You rejected the bid");
        assertThat(feedback).containsText("you paid " + penaltyText);
        assertThat(page.locator("#parcel-state")).hasText("Held");
        assertThat(page.locator("[data-fact=price] dd")).hasText(RoundsPageTest.units(JSON.createObjectNode()
                .put("minor", newPrice)) + " HRT");
        JsonNode after = parcel(n);
        assertThat(after.get("bid").isNull()).isTrue();
        assertThat(after.at("/price/minor").asLong()).isEqualTo(newPrice);
        assertThat(spendable(holder)).isEqualTo(holderBefore - penalty);
        assertThat(spendable(firstBidder)).isGreaterThan(bidderBefore);
        assertThat(page.locator("#price-form")).isVisible();
        screenshot(page, "parcel-rejected");
        RoundsPageTest.docShot(page, "#parcel-feedback", "parcel-rejected");

        // another citizen bids at the new price from their browser, posting the price and a deposit
        String buyer = RoundsPageTest.citizensWithMoney(1, newPrice / 1_000_000L + 10, List.of(holder, firstBidder))
                .get(0);
        long buyerBefore = spendable(buyer);
        Page other = withKey(buyer, 1280, 900, ColorScheme.LIGHT);
        other.navigate(url("/parcel?n=" + n));
        assertThat(other.locator("#bid-form")).containsText("A bid of " + RoundsPageTest.units(JSON.createObjectNode()
                .put("minor", newPrice)) + " HRT");
        other.locator("#bid-deposit").fill("5");
        other.locator("#bid-form-submit").click();
        Locator otherFeedback = other.locator("#parcel-feedback");
        assertThat(otherFeedback).hasAttribute("data-state", "committed");
        assertThat(otherFeedback).containsText("is posted as collateral");
        assertThat(other.locator("#parcel-state")).hasText("Bid open");
        assertThat(other.locator("#parcel-bid-taken")).containsText("Your bid is open");
        assertThat(spendable(buyer)).isEqualTo(buyerBefore - newPrice - 5_000_000L);
        screenshot(other, "parcel-bid");

        // the holder's page follows the new block: the bid to answer; they accept after confirming
        assertThat(page.locator("#accept-bid")).isVisible();
        page.locator("#accept-bid").click();
        page.locator("#accept-bid-dialog-confirm").click();
        assertThat(feedback).hasAttribute("data-state", "committed");
        assertThat(feedback).containsText("You sold parcel #" + n);
        assertThat(page.locator("#parcel-state")).hasText("Held");
        assertThat(page.locator("[data-fact=holder] dd")).containsText(get("citizens/" + keys.get(buyer).did())
                .get("name").asText());
        assertThat(parcel(n).get("holder").asText()).isEqualTo(keys.get(buyer).did());
        // the buyer's page: now theirs, with the holder's forms
        assertThat(other.locator("#price-form")).isVisible();
        assertThat(seriousAxeViolations(other)).as("axe, the new holder's forms").isEmpty();
        screenshot(other, "parcel-bought");
        if (revenueBefore >= 0) {
            assertThat(get("economy").at("/treasury/general/minor").asLong()).isGreaterThanOrEqualTo(revenueBefore);
        }
    }

    @Test
    void aCitizenBuysTheForeclosedParcelInItsAuction() {
        JsonNode auction = first(p -> p.get("state").asText().equals("auction"));
        assumeTrue(auction != null, "the demo's foreclosed parcel is still in its auction");
        int n = auction.get("number").asInt();
        long priceNow = auction.at("/auction/priceNow/minor").asLong();
        String buyer = RoundsPageTest.citizensWithMoney(1, priceNow / 1_000_000L + 20, List.of()).get(0);
        long before = spendable(buyer);
        Page page = withKey(buyer, 1280, 900, ColorScheme.LIGHT);
        page.navigate(url("/parcel?n=" + n));
        assertThat(page.locator("#parcel-state")).hasText("In auction");
        assertThat(page.locator("#parcel-auction")).containsText("Foreclosed: for sale now at");
        assertThat(page.locator("#buy-form")).containsText("only falls");
        page.locator("#buy-price").fill("100");
        page.locator("#buy-deposit").fill("5");
        page.locator("#buy-form-submit").click();
        Locator feedback = page.locator("#parcel-feedback");
        assertThat(feedback).hasAttribute("data-state", "committed");
        assertThat(feedback).containsText("You bought parcel #" + n);
        assertThat(page.locator("#parcel-state")).hasText("Held");
        JsonNode after = parcel(n);
        assertThat(after.get("holder").asText()).isEqualTo(keys.get(buyer).did());
        assertThat(after.at("/price/minor").asLong()).isEqualTo(100_000_000L);
        // paid no more than the price quoted, and the deposit
        assertThat(before - spendable(buyer)).isLessThanOrEqualTo(priceNow + 5_000_000L);
        screenshot(page, "parcel-auction-bought");

        // it is on their land page now
        page.navigate(url("/land"));
        assertThat(page.locator("#mine-parcels tr[data-parcel='" + n + "']")).isVisible();
    }

    @Test
    void aBidWithoutTheCollateralIsRefusedInWordsWithNothingChanged() {
        JsonNode held = first(p -> p.get("tenure").asText().equals("harberger") && p.get("state").asText().equals("held")
                && p.get("bid").isNull());
        assumeTrue(held != null, "a Harberger parcel without a bid");
        int n = held.get("number").asInt();
        String holderDid = held.get("holder").asText();
        String me = RoundsPageTest.citizensWithMoney(1, 1, List.of(LandPageTest.nameOf(holderDid))).get(0);
        long before = spendable(me);
        Page page = withKey(me, 1280, 900, ColorScheme.LIGHT);
        page.navigate(url("/parcel?n=" + n));
        // a deposit far beyond what the key can spend
        page.locator("#bid-deposit").fill("900000000");
        page.locator("#bid-form-submit").click();
        Locator feedback = page.locator("#parcel-feedback");
        assertThat(feedback).hasAttribute("data-state", "rejected");
        assertThat(feedback.locator("code")).hasText("COLLATERAL_SHORT");
        assertThat(feedback).containsText("your spendable money does not cover them");
        // a malformed amount never reaches the node
        page.locator("#bid-deposit").fill("-2");
        page.locator("#bid-form-submit").click();
        assertThat(page.locator("#bid-deposit-error")).isVisible();
        assertThat(spendable(me)).isEqualTo(before);
        assertThat(parcel(n).get("bid").isNull()).isTrue();
        assertThat(parcel(n).get("holder").asText()).isEqualTo(holderDid);
        screenshot(page, "parcel-refused");
    }

    @Test
    void aCitizenClaimsAVacantLandValueParcelTopsUpTakesTooMuchAndGivesItUp() {
        JsonNode vacant = first(p -> p.get("tenure").asText().equals("land-value") && p.get("state").asText()
                .equals("vacant") && p.get("reservedFor").isNull());
        assumeTrue(vacant != null, "a vacant land-value parcel in the demo");
        int n = vacant.get("number").asInt();
        String me = RoundsPageTest.citizensWithMoney(1, 10, List.of()).get(0);
        long before = spendable(me);
        Page page = withKey(me, 1280, 900, ColorScheme.LIGHT);
        page.navigate(url("/parcel?n=" + n));
        assertThat(page.locator("#parcel-state")).hasText("Vacant");
        // under the land value tax a claim states no price: the deposit alone
        assertThat(page.locator("#claim-price")).hasCount(0);
        page.locator("#claim-deposit").fill("3");
        page.locator("#claim-form-submit").click();
        Locator feedback = page.locator("#parcel-feedback");
        assertThat(feedback).hasAttribute("data-state", "committed");
        assertThat(feedback).containsText("Parcel #" + n + " is yours.");
        assertThat(page.locator("#parcel-state")).hasText("Held");
        assertThat(page.locator("[data-fact=holder] dd")).containsText(get("citizens/" + keys.get(me).did())
                .get("name").asText());
        assertThat(spendable(me)).isEqualTo(before - 3_000_000L);

        // taking the whole deposit is refused in words; adding to it is not
        page.locator("#withdraw-amount").fill("3");
        page.locator("#withdraw-form-submit").click();
        assertThat(feedback).hasAttribute("data-state", "rejected");
        assertThat(feedback.locator("code")).hasText("WITHDRAW_TOO_MUCH");
        assertThat(feedback).containsText("Some of the deposit must remain");
        assertThat(spendable(me)).isEqualTo(before - 3_000_000L);
        page.locator("#add-deposit").fill("1,5");
        page.locator("#deposit-form-submit").click();
        assertThat(feedback).hasAttribute("data-state", "committed");
        assertThat(feedback).containsText("You added 1.5 HRT to the deposit.");
        assertThat(spendable(me)).isEqualTo(before - 4_500_000L);

        // giving it up asks first (cancelling changes nothing), then the deposit comes back
        page.locator("#release-parcel").click();
        page.locator("#release-parcel-dialog-cancel").click();
        assertThat(parcel(n).get("state").asText()).isEqualTo("held");
        page.locator("#release-parcel").click();
        page.locator("#release-parcel-dialog-confirm").click();
        assertThat(feedback).hasAttribute("data-state", "committed");
        assertThat(feedback).containsText("You gave parcel #" + n + " up.");
        assertThat(page.locator("#parcel-state")).hasText("Vacant");
        assertThat(parcel(n).get("holder").isNull()).isTrue();
        // the deposit back, less the tax of the few seconds it was held (nothing was assessed on this plot)
        assertThat(spendable(me)).isGreaterThan(before - 1_000L).isLessThanOrEqualTo(before);
        screenshot(page, "parcel-released");
    }

    @Test
    void aLandValueParcelShowsItsAssessmentsOnAPhoneInTheDarkInPortuguese() {
        JsonNode assessed = first(p -> p.get("tenure").asText().equals("land-value") && p.get("state").asText()
                .equals("held"));
        assertThat(assessed).isNotNull();
        int n = assessed.get("number").asInt();
        JsonNode p = parcel(n);
        String holder = LandPageTest.nameOf(p.get("holder").asText());
        Page page = withKey(holder, RoundsPageTest.PHONE, 844, ColorScheme.DARK);
        page.navigate(url("/parcel?n=" + n));
        assertThat(page.locator("#parcel-title")).hasText("Parcel #" + n);
        assertThat(page.locator("[data-fact=tenure] dd")).containsText("Land value tax: 2% a year");
        assertThat(page.locator("[data-fact=assessed] dd")).hasText(RoundsPageTest.units(p.get("assessed")) + " HRT");
        assertThat(page.locator("#parcel-assessment-list li")).hasCount(p.get("assessments").size());
        assertThat(page.locator("#deposit-form")).isVisible();
        assertThat(page.locator("#price-form")).hasCount(0);
        assertThat(page.locator("#bid-form")).hasCount(0);
        assertNoHorizontalScroll(page);
        assertThat(seriousAxeViolations(page)).as("axe, dark phone, a holder").isEmpty();
        screenshot(page, "parcel-lvt-phone-dark");
        RoundsPageTest.docShot(page, "#parcel-back", "parcel-lvt-phone-dark");

        page.getByLabel("Language").selectOption("pt");
        assertThat(page.locator("#parcel-title")).hasText("Parcela n.º " + n);
        assertThat(page.locator("[data-fact=tenure] dd")).containsText("Imposto sobre o valor da terra: 2%");
        assertThat(page.locator("#parcel-assessments-title")).hasText("Avaliações");
        assertNoHorizontalScroll(page);
        assertThat(seriousAxeViolations(page)).as("axe, dark phone, Portuguese").isEmpty();
        screenshot(page, "parcel-lvt-phone-pt");
        List<String> unused = new ArrayList<>();
        assertThat(unused).isEmpty();
    }
}

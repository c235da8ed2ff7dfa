package org.phyle.node.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.phyle.node.web.EconomyPageTest.hrt;
import static org.phyle.node.web.EconomyPageTest.minor;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ColorScheme;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.phyle.crypto.SigningKey;
import org.phyle.node.demo.DemoSociety;

/**
 * The wallet on the demo society: without a key it says how to get one; a demo citizen (their key brought into the
 * browser) sees their balance, sends money to another citizen named by number (both accounts change, on the page and
 * in the API, and the payment heads the payer's movements and is in the payee's history), pays the treasury as revenue,
 * and locks money with a cliff (the lock and its release bar appear); a long history comes a page at a time;
 * amounts typed wrong are refused before signing, and an overdraft and spending locked money are refused by the node
 * in words, with nothing changed; on a 390 px phone in the dark and in Portuguese with no axe-core violations; and
 * without JavaScript, any account read from wallet?did=.
 */
class WalletPageTest extends WebTest {

    /** Demo citizens (not the founder) with at least `min` minor units to spend, the latest admitted first. */
    static List<String> citizensWithMoney(int n, long min, List<String> except) {
        return demoPeople(n, except, "demo citizens with money", name -> {
            JsonNode a = get("accounts/" + keys.get(name).did());
            return a.get("person").isObject() && minor(a.get("spendable")) >= min;
        });
    }

    static JsonNode account(SigningKey key) {
        return get("accounts/" + key.did());
    }

    /** A day `days` after the node's time, as a date field takes it, in the browser profile's time zone. */
    static String dayAfter(int days) {
        long now = get("economy").get("time").asLong();
        return LocalDate.ofInstant(Instant.ofEpochMilli(now), ZoneId.of("Europe/Lisbon")).plusDays(days).toString();
    }

    @Test
    void withoutAKeyItSaysHowToGetOne() {
        Page page = newPage(newProfile());
        page.navigate(url("/wallet"));
        assertThat(page.locator("#wallet-no-key")).containsText("There is no key in this browser");
        assertThat(page.locator("#wallet-no-key a[href=me]")).hasText("My identity");
        assertThat(page.locator("#wallet-send")).isHidden();
        assertThat(page.locator("nav a[data-nav=economy]")).hasAttribute("aria-current", "page");
    }

    @Test
    void aCitizenSendsMoneyPaysTheTreasuryAndLocksSome() {
        List<String> two = citizensWithMoney(2, 50_000_000, List.of());
        SigningKey payer = keys.get(two.get(0));
        SigningKey payee = keys.get(two.get(1));
        JsonNode before = account(payer);
        JsonNode payeeBefore = account(payee);
        int payeeNumber = payeeBefore.get("person").get("number").asInt();

        Page page = newPage(newProfile());
        restoreKey(page, writeBackup(payer, PASSPHRASE, two.get(0)), PASSPHRASE);
        page.navigate(url("/wallet"));
        assertThat(page.locator("#wallet-who")).containsText(two.get(0));
        assertThat(page.locator("#wallet-spendable dd")).hasText(hrt(minor(before.get("spendable"))));
        assertThat(page.locator("#wallet-locked dd")).hasText(hrt(minor(before.get("locked"))));
        assertThat(page.locator("#wallet-balance dd")).hasText(hrt(minor(before.get("spendable"))
                + minor(before.get("locked"))));
        assertThat(page.locator("#wallet-patron li")).hasCount(before.get("patronOf").size());

        // amounts typed wrong are refused before anything is signed
        Locator amount = page.getByLabel("Amount", new Page.GetByLabelOptions().setExact(true));
        Locator error = page.locator("#send-amount-error");
        page.getByLabel("Who").fill("#" + payeeNumber);
        String[][] wrong = {
            {"", "Write an amount."}, {"abc", "Write the amount with digits"}, {"0", "more than zero"},
            {"-3", "cannot be negative"}, {"1.2345678", "at most 6 digits after the point"},
            {"1,000.50", "Write the amount with digits"}, {"99999999999", "larger than any the ledger can hold"}};
        for (String[] w : wrong) {
            amount.fill(w[0]);
            button(page, "Sign and send").click();
            assertThat(error).containsText(w[1]);
            assertThat(amount).hasAttribute("aria-invalid", "true");
            assertThat(page.locator("#send-feedback")).isHidden();
        }
        assertThat(account(payer).get("spendable")).isEqualTo(before.get("spendable"));

        // 1.25 HRT to another citizen, named by number, with a note
        amount.fill("1.25");
        page.getByLabel("Note (optional)").fill("for the seeds");
        button(page, "Sign and send").click();
        Locator feedback = page.locator("#send-feedback");
        assertThat(feedback).hasAttribute("data-state", "committed");
        assertThat(feedback).containsText("Sent 1.25\u00a0HRT to " + two.get(1));
        assertThat(error).isHidden();
        long spendable = minor(before.get("spendable")) - 1_250_000;
        assertThat(minor(account(payer).get("spendable"))).isEqualTo(spendable);
        assertThat(minor(account(payee).get("spendable"))).isEqualTo(minor(payeeBefore.get("spendable")) + 1_250_000);
        assertThat(page.locator("#wallet-spendable dd")).hasText(hrt(spendable));
        // the movements: the payment out first, with its note and its receipt; the payee's history has it coming in
        Locator latest = page.locator("#history-list li.movement").first();
        assertThat(latest).hasAttribute("data-kind", "transfer");
        assertThat(latest).hasAttribute("data-direction", "out");
        assertThat(latest).containsText("Payment · to " + two.get(1));
        assertThat(latest.locator(".movement-amount")).hasText("−1.25\u00a0HRT");
        assertThat(latest).containsText("“for the seeds”");
        assertThat(latest.locator("a[href^='ledger#tx=']")).isVisible();
        JsonNode in = get("accounts/" + payee.did() + "/history?limit=1").get("items").get(0);
        assertThat(in.get("kind").asText()).isEqualTo("transfer");
        assertThat(in.get("direction").asText()).isEqualTo("in");
        assertThat(in.get("counterparty").asText()).isEqualTo(payer.did());
        assertThat(minor(in.get("amount"))).isEqualTo(1_250_000);
        assertThat(in.get("memo").asText()).isEqualTo("for the seeds");
        screenshot(page, "wallet-sent");

        // a name finds the person too; a decimal comma is read as well: 0,5 HRT to the same citizen
        page.getByLabel("Who").fill(two.get(1));
        amount.fill("0,5");
        button(page, "Sign and send").click();
        assertThat(feedback).containsText("Sent 0.50\u00a0HRT to " + two.get(1));
        spendable -= 500_000;
        assertThat(minor(account(payer).get("spendable"))).isEqualTo(spendable);

        // a payment into the treasury marked as revenue counts towards the dividend
        long revenue = minor(get("economy").get("dividend").get("revenueInPeriod"));
        page.getByLabel("The treasury").check();
        assertThat(page.getByLabel("Who")).isHidden();
        page.getByLabel("This is revenue: a tax, fee or penalty").check();
        amount.fill("0.75");
        button(page, "Sign and send").click();
        assertThat(feedback).containsText("Sent 0.75\u00a0HRT to the treasury");
        spendable -= 750_000;
        assertThat(minor(get("economy").get("dividend").get("revenueInPeriod"))).isEqualTo(revenue + 750_000);
        assertThat(page.locator("#history-list li.movement").first()).hasAttribute("data-kind", "revenue");
        assertThat(page.locator("#history-list li.movement").first()).containsText("Revenue · to the treasury");
        assertThat(page.getByLabel("Who")).isVisible();

        // a lock of 2 HRT, released after a cliff in 30 days until 200 days from now
        int locks = account(payer).get("locks").size();
        page.locator("#lock-new summary").click();
        page.getByLabel("Amount to lock").fill("2");
        page.getByLabel("Locked until").fill(dayAfter(200));
        page.getByLabel("Little by little, but nothing before a first date").check();
        page.getByLabel("Nothing released before").fill(dayAfter(400));
        button(page, "Sign and lock").click();
        assertThat(page.locator("#lock-cliff-error")).containsText("before the end of the lock");
        page.getByLabel("Nothing released before").fill(dayAfter(30));
        button(page, "Sign and lock").click();
        Locator lockFeedback = page.locator("#lock-feedback");
        assertThat(lockFeedback).hasAttribute("data-state", "committed");
        assertThat(lockFeedback).containsText("Locked 2.00\u00a0HRT");
        JsonNode locked = account(payer);
        assertThat(locked.get("locks").size()).isEqualTo(locks + 1);
        JsonNode lock = locked.get("locks").get(locks);
        assertThat(minor(lock.get("amount"))).isEqualTo(2_000_000);
        assertThat(lock.get("cliff").asLong()).isGreaterThan(lock.get("start").asLong());
        spendable -= 2_000_000;
        assertThat(minor(locked.get("spendable"))).isEqualTo(spendable);
        Locator item = page.locator("#locks-list li[data-lock='" + lock.get("id").asInt() + "']");
        assertThat(item).containsText("2.00\u00a0HRT you locked");
        assertThat(item).containsText("Nothing is released before");
        assertThat(item.locator("progress")).hasAttribute("value", "0");
        assertThat(item).containsText("Released: 0.00\u00a0HRT of 2.00\u00a0HRT");
        assertThat(page.locator("#wallet-locked dd")).hasText(hrt(minor(locked.get("locked"))));
        assertThat(page.locator("#history-list li.movement[data-kind=lock]").first()).containsText("2.00\u00a0HRT");

        // spending the locked money is refused in words, and so is an overdraft; nothing changes
        page.getByLabel("A person").check();
        page.getByLabel("Who").fill("#" + payeeNumber);
        amount.fill(plain(spendable + 1_000_000));
        button(page, "Sign and send").click();
        assertThat(feedback).hasAttribute("data-state", "rejected");
        assertThat(feedback).containsText("Part of your money is locked or not vested yet");
        assertThat(feedback.locator("code")).hasText("FUNDS_LOCKED");
        amount.fill(plain(spendable + minor(locked.get("locked")) + 1_000_000));
        button(page, "Sign and send").click();
        assertThat(feedback.locator("code")).hasText("INSUFFICIENT_FUNDS");
        assertThat(feedback).containsText("Your account does not hold that much money.");
        screenshot(page, "wallet-refused");
        JsonNode after = account(payer);
        assertThat(minor(after.get("spendable"))).isEqualTo(spendable);
        assertThat(after.get("locks")).isEqualTo(locked.get("locks"));
        assertThat(page.locator("#wallet-spendable dd")).hasText(hrt(spendable));
    }

    /** Minor units as typed: "12.345" (no grouping). */
    static String plain(long minor) {
        return (minor / 1_000_000) + "." + String.format("%06d", minor % 1_000_000);
    }

    @Test
    void aVestingScheduleOnAPhoneInTheDarkInPortugueseWithoutAxeViolations() {
        // the demo's builder is paid over a year by the treasury: a vesting schedule with a cliff
        String vested = null;
        for (String name : keys.keySet()) {
            JsonNode a = account(keys.get(name));
            for (JsonNode l : a.get("locks")) {
                if (!l.get("source").asText().equals("holder")) {
                    vested = name;
                }
            }
            if (vested != null) {
                break;
            }
        }
        assertThat(vested).as("a demo citizen paid by a vesting schedule").isNotNull();
        BrowserContext context = newProfile(390, 844, true, ColorScheme.DARK);
        Page page = newPage(context);
        restoreKey(page, writeBackup(keys.get(vested), PASSPHRASE, vested), PASSPHRASE);
        page.navigate(url("/wallet"));
        Locator vesting = page.locator("#locks-list li.lock:not([data-source=holder])").first();
        assertThat(vesting).containsText("paid by the treasury, vesting");
        assertThat(vesting.locator("progress")).isVisible();
        assertNoHorizontalScroll(page);
        assertThat(seriousAxeViolations(page)).as("axe, phone, dark").isEmpty();
        screenshot(page, "wallet-phone-dark");
        page.locator("#lock-new summary").click();
        assertThat(seriousAxeViolations(page)).as("axe, the lock form").isEmpty();

        page.getByLabel("Language").selectOption("pt");
        assertThat(page.locator("#wallet-title")).hasText("Carteira");
        assertThat(page.locator("#send-title")).hasText("Enviar dinheiro");
        assertThat(vesting).containsText("pagos pelo tesouro, em vesting");
        page.getByLabel("Montante", new Page.GetByLabelOptions().setExact(true)).fill("1.2.3");
        button(page, "Assinar e enviar").click();
        assertThat(page.locator("#send-amount-error")).containsText("Escreva o montante com algarismos");
        assertNoHorizontalScroll(page);
        assertThat(seriousAxeViolations(page)).as("axe, phone, dark, Portuguese").isEmpty();
        screenshot(page, "wallet-phone-dark-pt");
    }

    @Test
    void withoutJavaScriptAnyAccountCanBeRead() {
        // a citizen who was paid: their movements have receipts
        String name = keys.keySet().stream().filter(n -> !n.equals(DemoSociety.FOUNDER_NAME)).filter(n -> {
            JsonNode items = get("accounts/" + keys.get(n).did() + "/history?limit=20").get("items");
            return items.size() > 0 && items.findValues("tx").stream().anyMatch(t -> !t.isNull());
        }).findFirst().orElseThrow();
        JsonNode a = account(keys.get(name));
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 900)
                .setLocale("en-GB").setJavaScriptEnabled(false));
        context.setDefaultTimeout(15_000);
        Page page = newPage(context);
        page.navigate(url("/wallet"));
        assertThat(page.locator("h1:visible")).hasText("Wallet");
        page.getByLabel("The account’s key (did:key:…)").fill(keys.get(name).did());
        button(page, "Show the account").click();
        assertThat(page).hasURL(Pattern.compile("wallet\\?did=did(%3A|:)key"));
        assertThat(page.locator("#wallet-ssr")).containsText(name);
        assertThat(page.locator("#ssr-account")).containsText(hrt(minor(a.get("spendable"))).replace('\u00a0', ' '));
        assertThat(page.locator("#send-form")).isHidden();
        assertThat(page.locator("#ssr-movements li")).hasCount(Math.min(20, get("accounts/" + keys.get(name).did()
                + "/history?limit=20").get("items").size()));
        assertThat(page.locator("#ssr-movements a[href^='ledger?tx=']").first()).isVisible();
        assertNoHorizontalScroll(page);
        screenshot(page, "noscript-wallet");
        page.navigate(url("/wallet?did=nonsense"));
        assertThat(page.locator("#wallet-ssr .problem")).containsText("That is not a key");

        // with scripts, the same address shows that account, read-only
        Page scripted = newPage(newProfile());
        scripted.navigate(url("/wallet?did=" + keys.get(name).did()));
        assertThat(scripted.locator("#wallet-who")).containsText(name);
        assertThat(scripted.locator("#wallet-spendable dd")).hasText(hrt(minor(account(keys.get(name))
                .get("spendable"))));
        assertThat(scripted.locator("#wallet-send")).isHidden();
        // a patron of a land campaign sees the campaigns they pledged to
        String patron = keys.keySet().stream().filter(n -> account(keys.get(n)).get("patronOf").size() > 0).findFirst()
                .orElseThrow();
        JsonNode pledged = account(keys.get(patron)).get("patronOf").get(0);
        scripted.navigate(url("/wallet?did=" + keys.get(patron).did()));
        assertThat(scripted.locator("#wallet-who")).containsText(patron);
        assertThat(scripted.locator("#wallet-patron li").first()).containsText(pledged.get("title").asText());
        assertThat(scripted.locator("#wallet-patron li").first()).containsText("pledged "
                + hrt(minor(pledged.get("pledged"))));
        assertThat(scripted.locator("#lock-new")).isHidden();
    }

    @Test
    void olderMovementsComeOnDemand() {
        // the demo's treasurer paid some sixty stipends: more movements than one page
        String busy = keys.keySet().stream().filter(n -> !get("accounts/" + keys.get(n).did() + "/history?limit=50")
                .get("next").isNull()).findFirst().orElseThrow();
        String did = keys.get(busy).did();
        int all = 0;
        String cursor = null;
        do {
            JsonNode page = get("accounts/" + did + "/history?limit=200" + (cursor == null ? "" : "&before=" + cursor));
            all += page.get("items").size();
            cursor = page.get("next").isNull() ? null : page.get("next").asText();
        } while (cursor != null);
        Page page = newPage(newProfile());
        page.navigate(url("/wallet?did=" + did));
        assertThat(page.locator("#history-list li.movement")).hasCount(50);
        button(page, "Older movements").click();
        assertThat(page.locator("#history-list li.movement")).hasCount(Math.min(all, 100));
        if (all <= 100) {
            assertThat(page.locator("#history-more")).isHidden();
        }
        assertThat(page.locator("#history-list li.movement[data-kind=transfer][data-direction=out]").first())
                .containsText("“stipend”");
    }

    @Test
    void amountsAreReadAndWrittenExactly() {
        Page page = newPage(newProfile());
        page.navigate(url("/wallet"));
        Object out = page.evaluate("async () => {\n"
                + "  const { parseAmount, formatMoney } = await import('./static/js/currency.js');\n"
                + "  const read = (s) => { try { return String(parseAmount(s)); } catch (e) { return e.code; } };\n"
                + "  return [read('0.000001'), read('12,5'), read(' 1 234.56 '), read('0.1'), read('0.2'),\n"
                + "    read('9007199254.740991'), read('9007199254.740992'), read('1e3'), read('.5'), read('5.'),\n"
                + "    read('1.'), read('0x10'), read('١٢'), read('−1'),\n"
                + "    formatMoney(1), formatMoney(9007199254740991, 'HRT'), formatMoney({ minor: 1234500000 }),\n"
                + "    formatMoney(300000)];\n"
                + "}");
        assertThat(list(out)).containsExactly("1", "12500000", "1234560000", "100000", "200000",
                "9007199254740991", "tooLarge", "notANumber", "500000", "5000000", "1000000", "notANumber",
                "notANumber", "negative", "0.000001", "9,007,199,254.740991\u00a0HRT", "1,234.50", "0.30");
    }
}

package org.phyle.node.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ColorScheme;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The economy page on the demo society: the Horta and its supply, the treasury's two budgets and how money leaves it,
 * the statement of account as charts and as a table (for 30-day periods and for weeks), the dividends paid with
 * their chart; on a 390 px phone in the dark scheme and in Portuguese with no axe-core violations; and without
 * JavaScript, the same figures as HTML tables.
 */
class EconomyPageTest extends WebTest {

    /** An amount of minor units as the English page writes it: "1,234.50 HRT" (decimals down to two). */
    static String hrt(long minor) {
        String whole = String.format("%,d", minor / 1_000_000);
        String fraction = String.format("%06d", Math.abs(minor % 1_000_000)).replaceFirst("0+$", "");
        while (fraction.length() < 2) {
            fraction += "0";
        }
        return whole + "." + fraction + "\u00a0HRT";
    }

    static long minor(JsonNode amount) {
        return amount.get("minor").asLong();
    }

    @Test
    void theCurrencyTheTreasuryItsStatementAndTheDividends() {
        JsonNode economy = get("economy");
        JsonNode treasury = get("economy/treasury?period=30");
        JsonNode dividends = get("dividends");
        Page page = newPage(newProfile());
        page.navigate(url("/economy"));
        assertThat(page).hasTitle(Pattern.compile("^Economy · "));
        assertThat(page.locator("nav a[data-nav=economy]")).hasAttribute("aria-current", "page");
        assertThat(page.locator("#economy-currency-name")).containsText("Horta");
        assertThat(page.locator("#economy-currency-name")).containsText("HRT");
        assertThat(page.locator("#economy-supply dd")).hasText(hrt(minor(economy.get("supply"))));
        assertThat(page.locator("#economy-decimals")).containsText("6");
        assertThat(page.locator("#economy-cap")).containsText(hrt(minor(economy.get("issuance").get("room"))));

        // the treasury, its budgets, and the only way money leaves it
        assertThat(page.locator("#treasury-general dd")).hasText(hrt(minor(economy.get("treasury").get("general"))));
        assertThat(page.locator("#treasury-land dd")).hasText(hrt(minor(economy.get("treasury").get("land"))));
        assertThat(page.locator("#treasury-total dd")).hasText(hrt(minor(economy.get("treasury").get("total"))));
        assertThat(page.locator("#treasury-how")).containsText("Only by a treasury-spend proposal that the citizens "
                + "passed");
        assertThat(page.locator("#treasury-how a")).hasAttribute("href", "proposals");
        assertThat(page.locator("#economy-to-wallet")).hasAttribute("href", "wallet");
        assertThat(page.locator("#economy-to-rounds")).hasAttribute("href", "rounds");
        assertThat(page.locator("#economy-to-campaigns")).hasAttribute("href", "campaigns");

        // the statement: the balance over time, income and spending per period, and the same as a table
        int periods = treasury.get("periods").size();
        assertThat(page.locator("#statement-balance-chart svg")).isVisible();
        assertThat(page.locator("#statement-balance-chart svg > title")).hasText("The treasury’s balance over time");
        assertThat(page.locator("#statement-flow-svg rect.flow-income")).hasCount(periods);
        assertThat(page.locator("#statement-flow-svg rect.flow-spending")).hasCount(periods);
        JsonNode last = treasury.get("periods").get(periods - 1);
        assertThat(page.locator("#statement-caption")).containsText(hrt(minor(last.get("closing"))));
        page.locator("#statement-numbers summary").click();
        assertThat(page.locator("#statement-body tr")).hasCount(periods);
        assertThat(page.locator("#statement-body tr").last().locator("td").last())
                .hasText(hrt(minor(last.get("closing"))));
        JsonNode third = treasury.get("periods").get(2);
        assertThat(page.locator("#statement-body tr").nth(2).locator("td.spending li[data-category=stipends]"))
                .hasText("stipends: " + hrt(minor(third.get("spending").get("stipends"))));
        assertThat(page.locator("#statement-body tr").first().locator("td.income li[data-category=genesis]"))
                .containsText("founding allocation");
        screenshot(page, "economy");

        // weekly periods
        page.getByLabel("Periods of").selectOption("7");
        assertThat(page.locator("#statement-body tr")).hasCount(get("economy/treasury?period=7").get("periods").size());

        // the dividends: each period's revenue, pot, citizens, share and remainder, and a chart of the share
        int paid = dividends.get("dividends").size();
        assertThat(paid).isPositive();
        JsonNode d = dividends.get("dividends").get(0);
        assertThat(page.locator("#dividends-body tr")).hasCount(paid);
        assertThat(page.locator("#dividends-body tr").first().locator("td")).hasText(new String[] {
            hrt(minor(d.get("revenue"))), hrt(minor(d.get("pot"))), String.format("%,d", d.get("citizens").asInt()),
            hrt(minor(d.get("each"))), hrt(minor(d.get("remainder")))});
        assertThat(page.locator("#dividends-svg rect.bar")).hasCount(paid);
        assertThat(page.locator("#dividends-intro")).containsText("50% of the revenue");
        page.locator("#dividends").screenshot(new com.microsoft.playwright.Locator.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve("economy-dividends.png")));
    }

    @Test
    void onAPhoneInTheDarkInPortugueseWithoutAxeViolations() {
        BrowserContext context = newProfile(390, 844, true, ColorScheme.DARK);
        Page page = newPage(context);
        page.navigate(url("/economy"));
        assertThat(page.locator("#statement-flow-svg")).isVisible();
        assertNoHorizontalScroll(page);
        assertThat(seriousAxeViolations(page)).as("axe, phone, dark, English").isEmpty();
        screenshot(page, "economy-phone-dark");

        page.getByLabel("Language").selectOption("pt");
        assertThat(page.locator("#economy-title")).hasText("Economia");
        assertThat(page.locator("nav a[data-nav=economy]")).hasText("Economia");
        assertThat(page.locator("#treasury-title")).hasText("O tesouro");
        assertThat(page.locator("#treasury-how")).containsText("Só por uma proposta de despesa do tesouro");
        assertThat(page.locator("#dividends-title")).hasText("Dividendos pagos aos cidadãos");
        JsonNode economy = get("economy");
        long general = minor(economy.get("treasury").get("general"));
        // Portuguese writes a decimal comma
        assertThat(page.locator("#treasury-general dd")).containsText(","
                + String.format("%06d", general % 1_000_000).replaceFirst("0+$", "").substring(0, 2));
        page.locator("#statement-numbers summary").click();
        assertNoHorizontalScroll(page);
        assertThat(seriousAxeViolations(page)).as("axe, phone, dark, Portuguese").isEmpty();
        screenshot(page, "economy-phone-dark-pt");

        Page laptop = newPage(newProfile(1280, 900, true));
        laptop.navigate(url("/economy"));
        assertThat(laptop.locator("#dividends-svg")).isVisible();
        laptop.locator("#statement-numbers summary").click();
        assertThat(seriousAxeViolations(laptop)).as("axe, laptop, light").isEmpty();
    }

    @Test
    void withoutJavaScriptTheFiguresAreTables() {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 900)
                .setLocale("en-GB").setJavaScriptEnabled(false));
        context.setDefaultTimeout(15_000);
        Page page = newPage(context);
        page.navigate(url("/economy"));
        assertThat(page.locator("h1:visible")).hasText("Economy");
        JsonNode economy = get("economy");
        assertThat(page.locator("#ssr-treasury")).containsText(hrt(minor(economy.get("treasury").get("general")))
                .replace('\u00a0', ' '));
        assertThat(page.locator("#ssr-statement tbody tr")).hasCount(get("economy/treasury?period=30").get("periods")
                .size());
        assertThat(page.locator("#ssr-dividends tbody tr")).hasCount(get("dividends").get("dividends").size());
        assertThat(page.locator("#treasury-ssr a[href=proposals]")).isVisible();
        assertThat(page.locator("#economy-title")).isHidden();
        assertNoHorizontalScroll(page);
        screenshot(page, "noscript-economy");

        BrowserContext pt = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900)
                .setLocale("pt-PT").setJavaScriptEnabled(false));
        Page portuguese = newPage(pt);
        portuguese.navigate(url("/economy"));
        assertThat(portuguese.locator("h1:visible")).hasText("Economia");
        assertThat(portuguese.locator("#treasury-ssr h2")).hasText("O tesouro");
        assertThat(portuguese.locator("nav a[data-nav=economy]")).hasText("Economia");
    }
}

package org.phyle.node.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The language switch: every text comes from the message catalogue, Portuguese replaces English on every page, and
 * the choice is remembered across pages (and only in the profile that made it).
 */
class LanguageTest extends WebTest {

    @Test
    void switchingToPortugueseChangesTheTextAndPersistsAcrossPages() {
        BrowserContext profile = newProfile();
        Page page = newPage(profile);
        page.navigate(url("/"));
        assertThat(page.locator("#numbers-title")).hasText("In numbers");
        assertThat(page.locator("html")).hasAttribute("lang", "en");

        page.getByLabel("Language").selectOption("pt");
        assertThat(page.locator("#numbers-title")).hasText("Em números");
        assertThat(page.locator("html")).hasAttribute("lang", "pt-PT");
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Aderir").setExact(true)).first())
                .isVisible();
        assertThat(page.locator("#stat-citizens dt")).hasText("Cidadãos");
        assertThat(page.locator("#identity-chip")).hasText("Sem chave neste dispositivo");
        assertThat(page.locator("#checkpoint-signature")).hasText(Pattern.compile("Assinatura válida"));
        assertThat(page.locator("#society-parameter-list li[data-name='citizenship.vouchesRequired'] .parameter-value"))
                .hasText("3 abonações");
        assertThat(page.getByLabel("Língua")).hasValue("pt");
        screenshot(page, "home-pt");

        // the choice follows to the other pages
        page.navigate(url("/citizens"));
        assertThat(page.locator("#citizens-title")).hasText("Cidadãos e residentes");
        assertThat(page.locator("#citizens-list li.person-row").first().locator(".pill")).hasText("Cidadão");
        assertThat(button(page, "Procurar")).isVisible();
        assertThat(page).hasTitle(Pattern.compile("^Cidadãos · Lisbon Commons$"));
        screenshot(page, "citizens-pt");
        page.navigate(url("/join"));
        assertThat(page.locator("#join-title")).hasText("Tornar-se membro");
        assertThat(page.locator("#charter-verdict")).hasText(Pattern.compile("Verificada no seu navegador"));
        assertThat(button(page, "Criar a minha chave")).isVisible();
        screenshot(page, "join-pt");
        page.navigate(url("/me"));
        assertThat(page.locator("#me-title")).hasText("A minha identidade");
        page.navigate(url("/ledger"));
        assertThat(page.locator("#checkpoint-title")).hasText("Checkpoint em direto");
        assertThat(page.locator("#checkpoint-signature")).hasText(Pattern.compile("Assinatura válida"));
        screenshot(page, "ledger-pt");

        // a new tab of the same profile remembers it; another profile does not
        Page second = newPage(profile);
        second.navigate(url("/citizens"));
        assertThat(second.locator("#citizens-title")).hasText("Cidadãos e residentes");
        Page other = newPage(newProfile());
        other.navigate(url("/citizens"));
        assertThat(other.locator("#citizens-title")).hasText("Citizens and residents");

        // and back
        second.getByLabel("Língua").selectOption("en");
        assertThat(second.locator("#citizens-title")).hasText("Citizens and residents");
        page.navigate(url("/"));
        assertThat(page.locator("#numbers-title")).hasText("In numbers");
    }

    @Test
    void everyEnglishMessageHasAPortugueseOneWithTheSamePlaceholders() {
        Page page = newPage(newProfile());
        page.navigate(url("/"));
        Object problems = page.evaluate("async () => {\n"
                + "  const { messages } = await import('./static/js/messages.js');\n"
                + "  const holes = (s) => [...s.matchAll(/\\{(\\w+)\\}/g)].map((m) => m[1]).sort().join(',');\n"
                + "  const out = [];\n"
                + "  for (const [key, text] of Object.entries(messages.en)) {\n"
                + "    const pt = messages.pt[key];\n"
                + "    if (pt === undefined) { out.push('missing in pt: ' + key); continue; }\n"
                + "    if (holes(pt) !== holes(text)) out.push('placeholders differ: ' + key);\n"
                + "  }\n"
                + "  return out;\n"
                + "}");
        assertThat(list(problems)).isEmpty();
    }
}

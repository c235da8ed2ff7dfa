package org.phyle.node.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Collator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The glossary for a browser without scripts: the same file the page's script reads ({@code static/glossary.json}),
 * in the reader's language and its alphabetical order, each term with its own address ({@code #term-<slug>}).
 */
final class GlossaryPage {
    private static final JsonNode GLOSSARY = load();

    private GlossaryPage() {
    }

    private record Term(String slug, String term, String text) {
    }

    static String render(Context ctx) {
        boolean pt = ServerWords.portuguese(ctx);
        JsonNode words = GLOSSARY.get(pt ? "pt" : "en");
        List<Term> terms = new ArrayList<>();
        for (JsonNode slug : GLOSSARY.get("terms")) {
            JsonNode w = words.has(slug.asText()) ? words.get(slug.asText()) : GLOSSARY.get("en").get(slug.asText());
            terms.add(new Term(slug.asText(), w.get("term").asText(), w.get("text").asText()));
        }
        Collator order = Collator.getInstance(pt ? Locale.forLanguageTag("pt-PT") : Locale.ENGLISH);
        terms.sort((a, b) -> order.compare(a.term(), b.term()));
        StringBuilder h = new StringBuilder(8192);
        h.append("<section class=\"card\" id=\"glossary-ssr\"><h1>").append(pt ? "Glossário" : "Glossary")
                .append("</h1><p class=\"intro\">").append(pt
                        ? "As palavras que esta sociedade usa, em linguagem simples. Cada uma tem o seu endereço, para ligar."
                        : "The words this society uses, in plain language. Each has its own address, to link to.")
                .append("</p><dl class=\"glossary\">");
        for (Term t : terms) {
            h.append("<div class=\"glossary-entry\" id=\"term-").append(ServerPages.esc(t.slug()))
                    .append("\"><dt><a class=\"term-link\" href=\"#term-").append(ServerPages.esc(t.slug())).append("\">")
                    .append(ServerPages.esc(t.term())).append("</a></dt><dd>").append(ServerPages.esc(t.text()))
                    .append("</dd></div>");
        }
        return h.append("</dl></section>").toString();
    }

    private static JsonNode load() {
        try {
            return new ObjectMapper().readTree(WebPages.resource("/web/static/glossary.json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

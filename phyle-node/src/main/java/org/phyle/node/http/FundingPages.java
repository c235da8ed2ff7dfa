package org.phyle.node.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The funding pages' content as HTML, for a browser without JavaScript: the quadratic funding rounds and a round
 * ({@code rounds?round=1}: windows, pool, mode, every project with its contributions and its estimated or paid match,
 * and the command that recomputes it), and the territory campaigns and a campaign ({@code campaigns?campaign=0}:
 * the property, progress as a {@code <progress>} with its figures in words, the outcome, every pledge). Rendered from
 * the node's own API answers like {@link ServerPages}, which calls it, in the reader's language (English, or Portuguese
 * when the browser prefers it): the words are chosen here rather than translated afterwards. Acting (contributing,
 * pledging) signs with a key only the browser holds, so it needs the page's script.
 */
final class FundingPages {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final String api;
    private final Context ctx;
    private final boolean pt;
    private final StringBuilder h = new StringBuilder(8192);
    private final Map<String, String> names = new HashMap<>();
    private String code = "";

    private FundingPages(Context ctx, String api) {
        this.ctx = ctx;
        this.api = api;
        this.pt = ServerWords.portuguese(ctx);
    }

    /** The page's content ({@code rounds} or {@code campaigns}) as HTML; {@code api} is the node's own API address. */
    static String render(String page, Context ctx, String api) {
        FundingPages p = new FundingPages(ctx, api);
        p.code = p.get("economy").path("currency").path("code").asText("");
        if (page.equals("rounds")) {
            p.rounds();
        } else {
            p.campaigns();
        }
        return p.h.toString();
    }

    /** English or Portuguese. */
    private String w(String en, String pt) {
        return this.pt ? pt : en;
    }

    // ---- rounds ---------------------------------------------------------------------------------------------------

    private void rounds() {
        String n = ctx.queryParam("round");
        if (n != null && n.matches("[0-9]{1,9}")) {
            round(n);
            return;
        }
        card("rounds-ssr");
        h.append("<p class=\"eyebrow\">").append(w("Quadratic funding of public goods",
                "Financiamento quadrático de bens públicos")).append("</p><h1>")
                .append(w("Funding rounds", "Rondas de financiamento")).append("</h1><p class=\"intro\">")
                .append(w("A round has a pool of the society's money that matches what people give to projects: the "
                                + "match grows with the number of people who give, not the size of their gifts.",
                        "Uma ronda tem um fundo do dinheiro da sociedade que complementa o que as pessoas dão a "
                                + "projetos: o complemento cresce com o número de pessoas que dão, não com o tamanho "
                                + "das dádivas."))
                .append("</p><ol class=\"plain ssr-list funding-list\" id=\"ssr-rounds\">");
        JsonNode list = get("rounds").path("rounds");
        for (int i = list.size() - 1; i >= 0; i--) {
            JsonNode r = list.get(i);
            h.append("<li class=\"funding-row\"><a href=\"rounds?round=").append(r.path("number").asInt()).append("\">")
                    .append(w("Round #", "Ronda n.º ")).append(r.path("number").asInt()).append(": ")
                    .append(esc(r.path("title").asText())).append("</a> · <strong>").append(phase(r.path("phase")
                            .asText())).append("</strong><p>").append(w("Pool ", "Fundo ")).append(money(r.path("pool")))
                    .append(" · ").append(r.path("projects").asInt()).append(w(" projects", " projetos")).append(" · ")
                    .append(windows(r)).append("</p></li>");
        }
        h.append("</ol>");
        if (list.isEmpty()) {
            h.append("<p>").append(w("No funding round yet.", "Ainda não há rondas.")).append("</p>");
        }
        h.append("<p><a href=\"campaigns\">").append(w("Crowdfunded territory: the campaigns",
                "Território por financiamento coletivo: as campanhas")).append("</a></p>");
        end();
    }

    private void round(String number) {
        JsonNode r = get("rounds/" + number);
        boolean paid = r.path("phase").asText().equals("paid");
        card("round-ssr");
        h.append("<p><a href=\"rounds\">").append(w("All rounds", "Todas as rondas")).append("</a></p>")
                .append("<p class=\"eyebrow\">").append(w("Funding round #", "Ronda de financiamento n.º "))
                .append(r.path("number").asInt()).append("</p><h1>").append(esc(r.path("title").asText()))
                .append("</h1><p><strong>").append(phase(r.path("phase").asText())).append("</strong> · ")
                .append(windows(r)).append("</p><dl class=\"facts\">");
        fact(w("Matching pool", "Fundo de complemento"), money(r.path("pool")));
        fact(w("How it matches", "Como complementa"), r.path("mode").asText().equals("pairwise")
                ? w("Pairwise, resistant to collusion (k = ", "Por pares, resistente a conluio (k = ")
                        + money(r.path("pairwiseK").asLong()) + ")"
                : w("Standard quadratic matching", "Complemento quadrático normal"));
        long capBp = r.path("capBp").asLong();
        fact(w("Most one project may get", "O máximo que um projeto pode receber"), capBp > 0 && capBp < 10_000
                ? percent(capBp) + w(" of the pool", " do fundo") : w("No cap", "Sem limite"));
        fact(w("Projects approved by", "Projetos aprovados por"), r.path("approval").asText().equals("vote")
                ? w("a vote of the citizens", "uma votação dos cidadãos")
                : w("the society's stewards", "os administradores da sociedade"));
        fact(w("Applications", "Candidaturas"), w("until ", "até ") + time(r.path("applicationsUntil").asLong()));
        fact(w("Contributions", "Contribuições"), w("from ", "de ") + time(r.path("applicationsUntil").asLong())
                + w(" until ", " até ") + time(r.path("contributionsUntil").asLong()));
        h.append("</dl>");

        String caption = paid ? w("Match paid per project", "Complemento pago por projeto")
                : w("Estimated match per project", "Complemento estimado por projeto");
        h.append("<h2>").append(caption).append("</h2><p class=\"hint\">").append(paid
                ? w("The figures paid out on ", "Os valores pagos a ") + time(r.path("paidAt").asLong()) + "."
                : w("As if the round paid out now, at block ", "Como se a ronda pagasse agora, no bloco ")
                        + r.path("height").asLong() + ".").append("</p>");
        h.append("<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"").append(caption)
                .append("\"><table id=\"ssr-round-table\"><caption class=\"visually-hidden\">").append(caption)
                .append("</caption><thead><tr><th scope=\"col\">").append(w("Project", "Projeto"))
                .append("</th><th scope=\"col\" class=\"num\">").append(w("Given", "Dado")).append(inCode())
                .append("</th><th scope=\"col\" class=\"num\">").append(w("Citizens", "Cidadãos"))
                .append("</th><th scope=\"col\" class=\"num\">").append(paid ? w("Match", "Complemento")
                        : w("Estimated match", "Complemento estimado")).append(inCode()).append("</th>");
        if (paid) {
            h.append("<th scope=\"col\" class=\"num\">").append(w("Paid to the project", "Pago ao projeto"))
                    .append(inCode()).append("</th>");
        }
        h.append("</tr></thead><tbody>");
        for (JsonNode p : r.path("projectList")) {
            h.append("<tr data-project=\"").append(p.path("index").asInt()).append("\"><th scope=\"row\">")
                    .append(esc(p.path("title").asText())).append("</th><td class=\"num\">")
                    .append(figure(p.path("total").path("minor").asLong()))
                    .append("</td><td class=\"num\">").append(p.path("contributors").asInt()).append("</td><td class=\"num\">")
                    .append(figure(p.path("match").path("minor").asLong())).append("</td>");
            if (paid) {
                h.append("<td class=\"num\">").append(figure(Math.addExact(p.path("total").path("minor").asLong(),
                        p.path("match").path("minor").asLong()))).append("</td>");
            }
            h.append("</tr>");
        }
        JsonNode m = r.path("matching");
        h.append("</tbody></table></div><p id=\"ssr-distribution\">").append(paid
                ? w("The pool paid ", "O fundo pagou ") + money(m.path("distributed")) + w(" in matches; ",
                        " em complementos; ") + money(m.path("remainder")) + w(" went back to the treasury.",
                        " voltou ao tesouro.")
                : w("The pool would pay ", "O fundo pagaria ") + money(m.path("distributed")) + w(" in matches; ",
                        " em complementos; ") + money(m.path("remainder")) + w(" would go back to the treasury.",
                        " voltaria ao tesouro.")).append("</p>");

        h.append("<h2>").append(w("Projects", "Projetos")).append("</h2><ul class=\"plain projects\" id=\"ssr-projects\">");
        for (JsonNode p : r.path("projectList")) {
            h.append("<li class=\"project\"><h3>").append(esc(p.path("title").asText())).append("</h3>");
            if (!p.path("description").asText().isEmpty()) {
                h.append("<p>").append(esc(p.path("description").asText())).append("</p>");
            }
            h.append("<dl class=\"facts\">");
            fact(w("Receives the money", "Recebe o dinheiro"), who(p.path("recipient").asText()));
            fact(w("Approved", "Aprovado"), p.path("approved").asBoolean() ? w("yes", "sim") : w("not yet", "ainda não"));
            fact(w("Given so far", "Dado até agora"), p.path("contributors").asInt() + w(" citizens gave ",
                    " cidadãos deram ") + money(p.path("counted")) + (p.path("uncounted").path("minor").asLong() > 0
                    ? "; " + money(p.path("uncounted")) + w(" more from others, not matched",
                            " mais de outras pessoas, sem complemento") : ""));
            h.append("</dl>");
            if (p.path("contributions").size() > 0) {
                h.append("<details><summary>").append(w("Who gave", "Quem deu")).append("</summary><ul class=\"plain\">");
                for (JsonNode c : p.path("contributions")) {
                    h.append("<li><a href=\"citizens?person=").append(c.path("number").asInt()).append("\">")
                            .append(esc(c.path("name").asText())).append("</a> · ").append(money(c.path("amount")))
                            .append("</li>");
                }
                h.append("</ul></details>");
            }
            h.append("</li>");
        }
        h.append("</ul><h2>").append(w("Check it yourself", "Verifique por si")).append("</h2><p>")
                .append(w("Every figure is a pure function of the ledger; this command fetches and verifies the whole "
                                + "ledger and recomputes it:", "Cada valor é uma função pura do registo; este comando "
                                + "descarrega e verifica o registo inteiro e recalcula-o:"))
                .append("</p><pre class=\"note command\"><code>phyle qf verify ").append(r.path("number").asInt())
                .append(" --node ").append(esc(nodeAddress())).append("</code></pre><p>")
                .append(w("Contributing signs with your key, which only your browser holds: it needs JavaScript.",
                        "Contribuir assina com a sua chave, que só o seu navegador guarda: precisa de JavaScript."))
                .append("</p>");
        end();
    }

    private String phase(String phase) {
        return switch (phase) {
            case "applications" -> w("Taking applications", "A receber candidaturas");
            case "contributions" -> w("Open for contributions", "Aberta a contribuições");
            case "awaiting-payout" -> w("Waiting for payout", "À espera do pagamento");
            case "paid" -> w("Paid out", "Paga");
            default -> esc(phase);
        };
    }

    private String windows(JsonNode r) {
        return switch (r.path("phase").asText()) {
            case "applications" -> w("projects may apply until ", "os projetos podem candidatar-se até ")
                    + time(r.path("applicationsUntil").asLong());
            case "contributions" -> w("contributions until ", "contribuições até ")
                    + time(r.path("contributionsUntil").asLong());
            case "awaiting-payout" -> w("contributions closed on ", "as contribuições fecharam a ")
                    + time(r.path("contributionsUntil").asLong());
            default -> w("paid out on ", "paga a ") + time(r.path("paidAt").asLong());
        };
    }

    // ---- campaigns ----------------------------------------------------------------------------------------------

    private void campaigns() {
        String n = ctx.queryParam("campaign");
        if (n != null && n.matches("[0-9]{1,9}")) {
            campaign(n);
            return;
        }
        card("campaigns-ssr");
        h.append("<p class=\"eyebrow\">").append(w("Crowdfunded territory", "Território por financiamento coletivo"))
                .append("</p><h1>").append(w("Campaigns for land", "Campanhas por terra")).append("</h1><p class=\"intro\">")
                .append(w("Pledges wait in escrow: if a campaign reaches its target by its deadline, the money goes to "
                                + "the treasury's land budget; if not, every pledge is refunded, by itself.",
                        "As promessas esperam em caução: se uma campanha atinge o objetivo até ao prazo, o dinheiro vai "
                                + "para o orçamento de terras do tesouro; se não, cada promessa é devolvida, sozinha."))
                .append("</p><ol class=\"plain ssr-list funding-list\" id=\"ssr-campaigns\">");
        JsonNode list = get("campaigns").path("campaigns");
        for (int i = list.size() - 1; i >= 0; i--) {
            JsonNode c = list.get(i);
            h.append("<li class=\"funding-row\"><a href=\"campaigns?campaign=").append(c.path("number").asInt())
                    .append("\">").append(w("Campaign #", "Campanha n.º ")).append(c.path("number").asInt()).append(": ")
                    .append(esc(c.path("title").asText())).append("</a> · <strong>").append(state(c.path("state").asText()))
                    .append("</strong><p>").append(esc(c.path("property").asText())).append(" · ")
                    .append(esc(c.path("country").asText())).append("</p>");
            progress(c, "ssr-campaign-" + c.path("number").asInt() + "-progress");
            h.append("</li>");
        }
        h.append("</ol>");
        if (list.isEmpty()) {
            h.append("<p>").append(w("No campaign yet.", "Ainda não há campanhas.")).append("</p>");
        }
        h.append("<p><a href=\"rounds\">").append(w("Quadratic funding: the rounds", "Financiamento quadrático: as rondas"))
                .append("</a></p>");
        end();
    }

    private void campaign(String number) {
        JsonNode c = get("campaigns/" + number);
        String state = c.path("state").asText();
        card("campaign-ssr");
        h.append("<p><a href=\"campaigns\">").append(w("All campaigns", "Todas as campanhas")).append("</a></p>")
                .append("<p class=\"eyebrow\">").append(w("Campaign #", "Campanha n.º ")).append(c.path("number").asInt())
                .append("</p><h1>").append(esc(c.path("title").asText())).append("</h1><p><strong>").append(state(state))
                .append("</strong></p>");
        progress(c, "ssr-campaign-progress");
        if (state.equals("funded")) {
            h.append("<div class=\"notice outcome\" id=\"ssr-outcome\" data-state=\"funded\"><p><strong>")
                    .append(w("Funded on ", "Financiada a ")).append(time(c.path("settledAt").asLong())).append(": ")
                    .append(money(c.path("pledged"))).append(w(" went to the treasury's land budget.",
                            " foram para o orçamento de terras do tesouro.")).append("</strong></p>");
            JsonNode t = c.path("territory");
            if (t.isObject()) {
                h.append("<p>").append(w("Territory record: ", "Registo de território: ")).append(esc(t.path("property")
                        .asText())).append(" (").append(esc(t.path("country").asText())).append("), ")
                        .append(t.path("status").asText().equals("pending") ? w("pending: the land registry completes it",
                                "pendente: o registo de terras completa-o") : esc(t.path("status").asText()))
                        .append(".</p>");
            }
            h.append("</div>");
        } else if (state.equals("refunded")) {
            h.append("<div class=\"notice outcome\" id=\"ssr-outcome\" data-state=\"refunded\"><p><strong>")
                    .append(w("The target was not reached by the deadline: every pledge was refunded on ",
                            "O objetivo não foi atingido até ao prazo: cada promessa foi devolvida a "))
                    .append(time(c.path("settledAt").asLong())).append(".</strong></p><p>")
                    .append(c.path("pledgeList").size()).append(w(" pledges, ", " promessas, "))
                    .append(money(c.path("pledged"))).append(w(" in all, went back to the people who made them.",
                            " ao todo, voltaram a quem as fez.")).append("</p></div>");
        }
        h.append("<dl class=\"facts\">");
        fact(w("Property", "Propriedade"), esc(c.path("property").asText()));
        fact(w("Host country", "País anfitrião"), esc(c.path("country").asText()));
        fact(w("Steward", "Responsável"), who(c.path("steward").asText()));
        fact(w("Target", "Objetivo"), money(c.path("target")));
        fact(w("Pledged", "Prometido"), money(c.path("pledged")));
        fact(w("Deadline", "Prazo"), time(c.path("deadline").asLong()));
        h.append("</dl><h2>").append(w("Patrons", "Patronos")).append("</h2><p class=\"hint\">")
                .append(w("Each pledge is its pledger's patron attestation, on the ledger for good.",
                        "Cada promessa é o atestado de patrono de quem a fez, no registo para sempre.")).append("</p>");
        String now = switch (state) {
            case "funded" -> w("To the land budget", "Para o orçamento de terras");
            case "refunded" -> w("Refunded", "Devolvida");
            default -> w("In escrow", "Em caução");
        };
        h.append("<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"").append(w("Pledges", "Promessas"))
                .append("\"><table id=\"ssr-pledges\"><thead><tr><th scope=\"col\">").append(w("Patron", "Patrono"))
                .append("</th><th scope=\"col\" class=\"num\">").append(w("Pledged", "Prometido"))
                .append("</th><th scope=\"col\">").append(w("When", "Quando")).append("</th><th scope=\"col\">")
                .append(w("The money now", "O dinheiro agora")).append("</th></tr></thead><tbody>");
        for (JsonNode p : c.path("pledgeList")) {
            h.append("<tr><th scope=\"row\">").append(who(p.path("pledger").asText())).append("</th><td class=\"num\">")
                    .append(money(p.path("amount"))).append("</td><td>").append(time(p.path("time").asLong()))
                    .append("</td><td>").append(now).append("</td></tr>");
        }
        h.append("</tbody></table></div>");
        if (state.equals("open")) {
            h.append("<p>").append(w("Pledging signs with your key, which only your browser holds: it needs JavaScript.",
                    "Prometer assina com a sua chave, que só o seu navegador guarda: precisa de JavaScript."))
                    .append("</p>");
        }
        end();
    }

    private String state(String state) {
        return switch (state) {
            case "open" -> w("Open", "Aberta");
            case "funded" -> w("Funded", "Financiada");
            case "refunded" -> w("Refunded", "Devolvida");
            default -> esc(state);
        };
    }

    /** A native progress bar (read without scripts or styles) and its figures in words. */
    private void progress(JsonNode c, String id) {
        long bp = Math.min(10_000, c.path("progressBp").asLong());
        h.append("<div class=\"campaign-progress\"><progress id=\"").append(id).append("\" max=\"10000\" value=\"")
                .append(bp).append("\" aria-describedby=\"").append(id).append("-text\" aria-label=\"")
                .append(w("Pledged toward the target", "Prometido para o objetivo")).append("\">").append(percent(bp))
                .append("</progress><p class=\"progress-text\" id=\"").append(id).append("-text\">")
                .append(money(c.path("pledged"))).append(w(" pledged of ", " prometidos de ")).append(money(c.path("target")))
                .append(" (").append(percent(bp)).append(")</p></div>");
    }

    // ---- pieces -----------------------------------------------------------------------------------------------------

    private void card(String id) {
        h.append("<section class=\"card\" id=\"").append(id).append("\">");
    }

    private void end() {
        h.append("</section>");
    }

    private void fact(String label, String valueHtml) {
        h.append("<div class=\"fact\"><dt>").append(esc(label)).append("</dt><dd>").append(valueHtml).append("</dd></div>");
    }

    private String money(JsonNode amount) {
        return money(amount.path("minor").asLong());
    }

    /** " (HRT)": the currency's code for a column's heading, whose cells are {@link #figure}s. */
    private String inCode() {
        return code.isEmpty() ? "" : " (" + esc(code) + ")";
    }

    /** Minor units in the reader's notation, exactly (no floating point), trailing zeros cut, with the code. */
    String money(long minor) {
        return code.isEmpty() ? figure(minor) : figure(minor) + " " + esc(code);
    }

    /** Minor units in the reader's notation, exactly, without the currency's code (for a table's cells). */
    String figure(long minor) {
        return esc(ServerWords.figure(minor, pt));
    }

    /** Basis points as a percentage, exactly ("25%", "2.5%"). */
    private String percent(long bp) {
        String whole = String.valueOf(bp / 100);
        String fraction = String.format(Locale.ROOT, "%02d", bp % 100).replaceFirst("0+$", "");
        return whole + (fraction.isEmpty() ? "" : (pt ? "," : ".") + fraction) + "%";
    }

    private static String time(long ms) {
        return "<time datetime=\"" + Instant.ofEpochMilli(ms) + "\">" + WHEN.format(Instant.ofEpochMilli(ms)) + "</time>";
    }

    /** A did:key as its person's name (a link) if it is someone's, else the did:key itself. */
    private String who(String did) {
        return names.computeIfAbsent(did, d -> {
            JsonNode p = getOrNull("citizens/" + d);
            return p == null ? "<code class=\"id\">" + esc(d) + "</code>" : "<a href=\"citizens?person="
                    + p.path("number").asInt() + "\">" + esc(p.path("name").asText()) + "</a>";
        });
    }

    private String nodeAddress() {
        String host = ctx.header("Host");
        return ctx.scheme() + "://" + (host == null || host.isBlank() ? "localhost" : host);
    }

    private static String esc(String text) {
        return ServerPages.esc(text);
    }

    // ---- the node's own API -----------------------------------------------------------------------------------------

    private JsonNode getOrNull(String path) {
        return OwnApi.getOrNull(api, path);
    }

    private JsonNode get(String path) {
        JsonNode answer = getOrNull(path);
        if (answer == null) {
            throw new IllegalArgumentException(w("not found: ", "não encontrado: ") + path);
        }
        return answer;
    }
}

package org.phyle.node.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Function;
import org.phyle.core.economy.Money;

/**
 * The economy page and the wallet as HTML, for a browser without scripts (see {@link ServerPages}): the currency, the
 * treasury and how money leaves it, the statement of account by period and the dividends paid, as tables; and an
 * account named in the address ({@code wallet?did=did:key:...}) with its balance, locks and their release and its
 * latest movements, or a form that asks for one. Rendered from the node's own API answers, in English or Portuguese
 * as the browser prefers. Amounts are written exactly from their integer minor units.
 */
final class EconomyPages {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final String DID = "did:key:z6Mk[1-9A-HJ-NP-Za-km-z]{40,50}";

    private final Function<String, JsonNode> api;
    private final boolean pt;
    private final StringBuilder h = new StringBuilder(8192);
    private String code = "";

    private EconomyPages(Function<String, JsonNode> api, boolean pt) {
        this.api = api;
        this.pt = pt;
    }

    /** The page's HTML ("economy" or "wallet"); {@code api} GETs a path of the node's API as JSON. */
    static String render(String page, Context ctx, Function<String, JsonNode> api) {
        EconomyPages p = new EconomyPages(api, ServerWords.portuguese(ctx));
        if (page.equals("economy")) {
            p.economy();
        } else {
            p.wallet(ctx.queryParam("did"));
        }
        return p.h.toString();
    }

    /** English or Portuguese. */
    private String w(String en, String pt) {
        return this.pt ? pt : en;
    }

    // ---- the economy ----------------------------------------------------------------------------------------------

    private void economy() {
        JsonNode e = api.apply("economy");
        code = e.path("currency").path("code").asText();
        h.append("<section class=\"card\" id=\"economy-ssr\"><p class=\"eyebrow\">")
                .append(w("The society’s money", "O dinheiro da sociedade")).append("</p><h1>")
                .append(w("Economy", "Economia")).append("</h1><dl class=\"facts\">");
        fact(w("Currency", "Moeda"), esc(e.path("currency").path("name").asText()) + " (" + esc(code) + "), "
                + e.path("currency").path("decimals").asInt() + w(" decimals", " casas decimais"));
        fact(w("Money in existence", "Dinheiro em circulação"), money(e.path("supply")));
        fact(w("Put in the treasury at the founding", "Posto no tesouro na fundação"), money(e.path("genesisAllocation")));
        fact(w("Created since by votes", "Criado depois por votação"), money(e.path("issued")));
        JsonNode i = e.path("issuance");
        fact(w("New money that may still be created this year", "Moeda nova que ainda se pode criar este ano"),
                money(i.path("room")) + w(" (at most ", " (no máximo ") + percent(i.path("capBp").asLong())
                        + w(" of the supply a year, only by a passed vote)", " da massa monetária por ano, só por "
                                + "votação aprovada)"));
        h.append("</dl><p><a href=\"wallet\">").append(w("A wallet", "Uma carteira")).append("</a> · <a href=\"rounds\">")
                .append(w("Funding rounds", "Rondas de financiamento")).append("</a> · <a href=\"campaigns\">")
                .append(w("Land campaigns", "Campanhas de terreno")).append("</a></p></section>");

        JsonNode t = e.path("treasury");
        h.append("<section class=\"card\" id=\"treasury-ssr\"><h2>").append(w("The treasury", "O tesouro"))
                .append("</h2><dl class=\"facts\" id=\"ssr-treasury\">");
        fact(w("General budget", "Orçamento geral"), money(t.path("general")));
        fact(w("Land budget", "Orçamento de terrenos"), money(t.path("land")));
        fact(w("Together", "No total"), money(t.path("total")));
        h.append("</dl><p>").append(w("Money leaves the treasury only by a treasury-spend proposal that the citizens "
                        + "passed, carried out after its waiting time: ", "O dinheiro só sai do tesouro por uma "
                        + "proposta de despesa do tesouro aprovada pelos cidadãos, executada depois do seu tempo de "
                        + "espera: "))
                .append("<a href=\"proposals\">").append(w("see the proposals", "ver as propostas"))
                .append("</a>.</p></section>");

        statement();
        dividends();
    }

    private void statement() {
        JsonNode s = api.apply("economy/treasury?period=30");
        h.append("<section class=\"card\" id=\"statement-ssr\"><h2>")
                .append(w("The treasury’s statement", "O extrato do tesouro"))
                .append("</h2><div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"")
                .append(w("Statement of account by period", "Extrato de conta por período"))
                .append("\"><table id=\"ssr-statement\"><caption>")
                .append(w("Statement of account, in periods of 30 days", "Extrato de conta, em períodos de 30 dias"))
                .append("</caption><thead><tr><th scope=\"col\">").append(w("Period", "Período"))
                .append("</th><th scope=\"col\" class=\"num\">").append(w("At the start", "No início"))
                .append("</th><th scope=\"col\">").append(w("Came in", "Entrou"))
                .append("</th><th scope=\"col\">").append(w("Went out", "Saiu"))
                .append("</th><th scope=\"col\" class=\"num\">").append(w("At the end", "No fim"))
                .append("</th></tr></thead><tbody>");
        for (JsonNode p : s.path("periods")) {
            h.append("<tr><th scope=\"row\">").append(day(p.path("from").asLong())).append(" – ")
                    .append(day(p.path("until").asLong())).append("</th><td class=\"num\">")
                    .append(money(p.path("opening"))).append("</td><td>").append(categories(p.path("income")))
                    .append("</td><td>").append(categories(p.path("spending"))).append("</td><td class=\"num\">")
                    .append(money(p.path("closing"))).append("</td></tr>");
        }
        h.append("</tbody></table></div></section>");
    }

    private String categories(JsonNode byCategory) {
        if (byCategory.size() == 0) {
            return "–";
        }
        StringBuilder b = new StringBuilder("<ul class=\"plain categories\">");
        for (Iterator<Map.Entry<String, JsonNode>> it = byCategory.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> c = it.next();
            b.append("<li>").append(esc(category(c.getKey()))).append(": ").append(money(c.getValue())).append("</li>");
        }
        return b.append("</ul>").toString();
    }

    private String category(String c) {
        return switch (c) {
            case "genesis" -> w("founding allocation", "dotação da fundação");
            case "issuance" -> w("new money by a vote", "moeda nova por votação");
            case "revenue" -> w("revenue (taxes, fees)", "receita (impostos, taxas)");
            case "payment" -> w("payments", "pagamentos");
            case "land" -> w("land campaigns", "campanhas de terreno");
            case "round-return" -> w("left over from funding rounds", "sobras de rondas de financiamento");
            case "qf-round" -> w("funding rounds’ pools", "fundos das rondas de financiamento");
            case "dividend" -> w("citizen dividend", "dividendo dos cidadãos");
            default -> c;
        };
    }

    private void dividends() {
        JsonNode d = api.apply("dividends");
        JsonNode s = d.path("settings");
        h.append("<section class=\"card\" id=\"dividends-ssr\"><h2>")
                .append(w("Dividends paid to citizens", "Dividendos pagos aos cidadãos")).append("</h2><p>")
                .append(percent(s.path("shareBp").asLong()))
                .append(w(" of the revenue paid into the treasury goes back in equal parts to every citizen in good "
                        + "standing every ", " da receita paga ao tesouro volta em partes iguais a cada cidadão em "
                        + "situação regular a cada "))
                .append(s.path("periodDays").asInt()).append(w(" days.", " dias.")).append("</p>");
        if (d.path("dividends").size() == 0) {
            h.append("<p>").append(w("No dividend has been paid yet.", "Ainda não foi pago nenhum dividendo."))
                    .append("</p></section>");
            return;
        }
        h.append("<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"")
                .append(w("Dividends paid", "Dividendos pagos")).append("\"><table id=\"ssr-dividends\"><caption>")
                .append(w("Dividends paid", "Dividendos pagos")).append("</caption><thead><tr><th scope=\"col\">")
                .append(w("Paid", "Pago")).append("</th><th scope=\"col\" class=\"num\">").append(w("Revenue", "Receita"))
                .append("</th><th scope=\"col\" class=\"num\">").append(w("Paid out", "Distribuído"))
                .append("</th><th scope=\"col\" class=\"num\">").append(w("Citizens", "Cidadãos"))
                .append("</th><th scope=\"col\" class=\"num\">").append(w("Each", "Cada um"))
                .append("</th><th scope=\"col\" class=\"num\">").append(w("Left over", "Sobra"))
                .append("</th></tr></thead><tbody>");
        for (JsonNode x : d.path("dividends")) {
            h.append("<tr><th scope=\"row\">").append(time(x.path("time").asLong())).append("</th><td class=\"num\">")
                    .append(money(x.path("revenue"))).append("</td><td class=\"num\">").append(money(x.path("pot")))
                    .append("</td><td class=\"num\">").append(x.path("citizens").asInt()).append("</td><td class=\"num\">")
                    .append(money(x.path("each"))).append("</td><td class=\"num\">").append(money(x.path("remainder")))
                    .append("</td></tr>");
        }
        h.append("</tbody></table></div></section>");
    }

    // ---- a wallet -------------------------------------------------------------------------------------------------

    private void wallet(String did) {
        code = api.apply("economy").path("currency").path("code").asText();
        h.append("<section class=\"card\" id=\"wallet-ssr\"><p class=\"eyebrow\"><a href=\"economy\">")
                .append(w("Economy", "Economia")).append("</a></p><h1>").append(w("Wallet", "Carteira")).append("</h1>");
        if (did == null || !did.matches(DID)) {
            if (did != null && !did.isBlank()) {
                h.append("<p class=\"problem\">").append(w("That is not a key: a key reads did:key:z6Mk followed by "
                        + "some 44 letters and digits.", "Isso não é uma chave: uma chave escreve-se did:key:z6Mk "
                        + "seguido de uns 44 letras e algarismos.")).append("</p>");
            }
            h.append("<p>").append(w("Your wallet is the account of the key in your browser; sending money signs with "
                            + "it, which needs JavaScript. Without it, you can read any account:",
                    "A sua carteira é a conta da chave no seu navegador; enviar dinheiro assina com ela, o que precisa "
                            + "de JavaScript. Sem ele, pode ler qualquer conta:"))
                    .append("</p><form class=\"form\" action=\"wallet\" method=\"get\" id=\"ssr-account-form\">"
                            + "<div class=\"field\"><label for=\"ssr-did\">")
                    .append(w("The account’s key (did:key:…)", "A chave da conta (did:key:…)"))
                    .append("</label><input id=\"ssr-did\" name=\"did\" type=\"text\" autocomplete=\"off\" "
                            + "spellcheck=\"false\"></div><div class=\"actions\"><button type=\"submit\" "
                            + "class=\"button primary\">").append(w("Show the account", "Mostrar a conta"))
                    .append("</button></div></form></section>");
            return;
        }
        JsonNode a = api.apply("accounts/" + did);
        JsonNode person = a.path("person");
        h.append("<p>").append(w("The account of ", "A conta de "));
        if (person.isObject()) {
            h.append("<a href=\"citizens?person=").append(person.path("number").asInt()).append("\">")
                    .append(esc(person.path("name").asText())).append("</a>");
        } else {
            h.append("<code class=\"id\">").append(esc(did)).append("</code>");
        }
        long spendable = a.path("spendable").path("minor").asLong();
        long locked = a.path("locked").path("minor").asLong();
        h.append("</p><dl class=\"facts\" id=\"ssr-account\">");
        fact(w("Balance", "Saldo"), money(Math.addExact(spendable, locked)));
        fact(w("Spendable now", "Disponível agora"), money(spendable));
        fact(w("Locked", "Bloqueado"), money(locked));
        h.append("</dl><h2>").append(w("Locked money", "Dinheiro bloqueado")).append("</h2>");
        if (a.path("locks").size() == 0) {
            h.append("<p>").append(w("Nothing is locked.", "Nada está bloqueado.")).append("</p>");
        } else {
            h.append("<ul class=\"plain locks-list\" id=\"ssr-locks\">");
            for (JsonNode l : a.path("locks")) {
                long amount = l.path("amount").path("minor").asLong();
                long released = l.path("released").path("minor").asLong();
                long bp = amount == 0 ? 10_000 : Money.mulDiv(released, 10_000, amount);
                h.append("<li class=\"lock\"><p><strong>").append(money(l.path("amount"))).append("</strong> · ")
                        .append(l.path("source").asText().equals("holder") ? w("locked by its holder",
                                "bloqueado pelo titular") : w("paid by the treasury, vesting",
                                "pago pelo tesouro, em vesting"))
                        .append("</p><p>").append(schedule(l)).append("</p><p id=\"ssr-lock-").append(l.path("id").asInt())
                        .append("\">").append(w("Released: ", "Libertado: ")).append(money(l.path("released")))
                        .append(w(" of ", " de ")).append(money(l.path("amount"))).append("</p><progress class=\""
                                + "lock-progress\" max=\"10000\" value=\"").append(bp)
                        .append("\" aria-labelledby=\"ssr-lock-").append(l.path("id").asInt())
                        .append("\"></progress></li>");
            }
            h.append("</ul>");
        }
        movements(did);
        h.append("</section>");
    }

    /** The account's latest movements, newest first, each with its receipt. */
    private void movements(String did) {
        h.append("<h2>").append(w("Movements", "Movimentos")).append("</h2>");
        JsonNode items = api.apply("accounts/" + did + "/history?limit=20").path("items");
        if (items.size() == 0) {
            h.append("<p>").append(w("No movements yet.", "Ainda não há movimentos.")).append("</p>");
            return;
        }
        h.append("<ol class=\"plain history-list\" id=\"ssr-movements\">");
        for (JsonNode m : items) {
            String direction = m.path("direction").asText();
            String other = m.path("counterparty").asText("");
            h.append("<li class=\"movement\"><div class=\"movement-head\"><span>").append(esc(kind(m.path("kind")
                    .asText())));
            if (!other.isEmpty()) {
                h.append(" · ").append(direction.equals("out") ? w("to ", "para ") : w("from ", "de "))
                        .append(other.equals("treasury") ? w("the treasury", "o tesouro")
                                : "<code class=\"id\">" + esc(other) + "</code>");
            }
            h.append("</span><strong>").append(direction.equals("in") ? "+" : direction.equals("out") ? "−" : "")
                    .append(money(m.path("amount"))).append("</strong></div><p class=\"movement-foot\">")
                    .append(time(m.path("time").asLong()));
            if (m.hasNonNull("memo")) {
                h.append(" · “").append(esc(m.get("memo").asText())).append("”");
            }
            if (m.hasNonNull("tx")) {
                h.append(" · <a href=\"ledger?tx=").append(esc(m.get("tx").asText())).append("\">")
                        .append(w("receipt", "recibo")).append("</a>");
            }
            h.append("</p></li>");
        }
        h.append("</ol>");
    }

    private String kind(String k) {
        return switch (k) {
            case "transfer" -> w("Payment", "Pagamento");
            case "revenue" -> w("Revenue", "Receita");
            case "lock" -> w("Locked", "Bloqueado");
            case "lock-release", "vesting-release" -> w("Released from a lock", "Libertado de um bloqueio");
            case "vesting" -> w("Vesting payment", "Pagamento em vesting");
            case "treasury-spend" -> w("Paid by the treasury", "Pago pelo tesouro");
            case "qf-contribution" -> w("Contribution to a project", "Contribuição para um projeto");
            case "qf-payout" -> w("Contributions received", "Contribuições recebidas");
            case "qf-match" -> w("Match received", "Correspondência recebida");
            case "pledge" -> w("Pledge to a campaign", "Promessa a uma campanha");
            case "refund" -> w("Pledge refunded", "Promessa devolvida");
            case "dividend" -> w("Citizen dividend", "Dividendo dos cidadãos");
            default -> k;
        };
    }

    private String schedule(JsonNode l) {
        long start = l.path("start").asLong();
        long cliff = l.path("cliff").asLong();
        long end = l.path("end").asLong();
        if (cliff >= end) {
            return w("All of it is released on ", "Tudo é libertado a ") + day(end) + ".";
        }
        if (cliff <= start) {
            return w("Released evenly from ", "Libertado por igual de ") + day(start) + w(" to ", " a ") + day(end)
                    + ".";
        }
        return w("Nothing is released before ", "Nada é libertado antes de ") + day(cliff)
                + w("; all of it by ", "; tudo até ") + day(end) + ".";
    }

    // ---- pieces ---------------------------------------------------------------------------------------------------

    /** An API amount ({"minor": ..}) written exactly, digits grouped, with the currency's code. */
    private String money(JsonNode amount) {
        return money(amount.path("minor").asLong());
    }

    private String money(long minor) {
        return "<span class=\"amount\">" + esc(formatMoney(minor, pt) + " " + code) + "</span>";
    }

    /**
     * Minor units (six decimals) as a person reads them: "1,234.50" in English, "1 234,50" in Portuguese; trailing
     * zeros dropped down to two decimals. Integer arithmetic only.
     */
    static String formatMoney(long minor, boolean pt) {
        String sign = minor < 0 ? "−" : "";
        long abs = Math.abs(minor);
        String whole = Long.toString(abs / 1_000_000);
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < whole.length(); i++) {
            if (i > 0 && (whole.length() - i) % 3 == 0) {
                grouped.append(pt ? "\u00a0" : ",");
            }
            grouped.append(whole.charAt(i));
        }
        String fraction = String.format("%06d", abs % 1_000_000).replaceFirst("0+$", "");
        while (fraction.length() < 2) {
            fraction += "0";
        }
        return sign + grouped + (pt ? "," : ".") + fraction;
    }

    private String percent(long bp) {
        String s = bp % 100 == 0 ? Long.toString(bp / 100) : (bp / 100) + (pt ? "," : ".")
                + String.format("%02d", bp % 100).replaceFirst("0$", "");
        return s + "%";
    }

    private void fact(String label, String valueHtml) {
        h.append("<div class=\"fact\"><dt>").append(esc(label)).append("</dt><dd>").append(valueHtml)
                .append("</dd></div>");
    }

    private static String day(long ms) {
        return "<time datetime=\"" + Instant.ofEpochMilli(ms) + "\">" + DAY.format(Instant.ofEpochMilli(ms)) + "</time>";
    }

    private static String time(long ms) {
        return "<time datetime=\"" + Instant.ofEpochMilli(ms) + "\">" + WHEN.format(Instant.ofEpochMilli(ms))
                + "</time>";
    }

    private static String esc(String s) {
        return ServerPages.esc(s);
    }
}

package org.phyle.node.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The land pages' content as HTML, for a browser without JavaScript: the territories with their tenure, rate and
 * every parcel in a table ({@code land}), and a parcel ({@code parcel?n=3}: territory, tenure, holder, price or
 * assessed value, deposit, tax, an open bid or the auction's price now, buildings, residents, assessments and
 * history). Rendered from the node's own API answers like {@link ServerPages}, which calls it, in the reader's
 * language (English, or Portuguese when the browser prefers it). The map and every act (claiming, buying, bidding,
 * answering a bid) need the page's script: the lists say everything the map shows.
 */
final class LandPages {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final Function<String, JsonNode> api;
    private final Context ctx;
    private final boolean pt;
    private final StringBuilder h = new StringBuilder(8192);
    private final Map<String, String> names = new HashMap<>();
    private String code = "";

    private LandPages(Context ctx, Function<String, JsonNode> api) {
        this.ctx = ctx;
        this.api = api;
        this.pt = ServerWords.portuguese(ctx);
    }

    /** The page's content ({@code land} or {@code parcel}) as HTML. */
    static String render(String page, Context ctx, Function<String, JsonNode> api) {
        LandPages p = new LandPages(ctx, api);
        p.code = api.apply("economy").path("currency").path("code").asText("");
        if (page.equals("land")) {
            p.land();
        } else {
            p.parcel();
        }
        return p.h.toString();
    }

    private String w(String en, String pt) {
        return this.pt ? pt : en;
    }

    // ---- the land -------------------------------------------------------------------------------------------------

    private void land() {
        JsonNode all = api.apply("land/territories");
        h.append("<section class=\"card\" id=\"land-ssr\"><p class=\"eyebrow\">")
                .append(w("The society’s territory", "O território da sociedade")).append("</p><h1>")
                .append(w("Land", "Terra")).append("</h1><p class=\"intro\">")
                .append(w("An archipelago of parcels in several countries. Each territory chooses how its land is held: "
                                + "under a Harberger tax the holder names a price, pays a yearly share of it and sells to "
                                + "anyone who pays it; under a land value tax the holder pays a yearly share of what the "
                                + "land is assessed to be worth.",
                        "Um arquipélago de parcelas em vários países. Cada território escolhe como a sua terra é detida: "
                                + "com um imposto de Harberger, o detentor declara um preço, paga uma parte dele por ano e "
                                + "vende a quem o pagar; com um imposto sobre o valor da terra, o detentor paga por ano uma "
                                + "parte do valor avaliado da terra."))
                .append("</p><p>").append(w("Territories: ", "Territórios: ")).append(all.path("count").asInt())
                .append(w(" · parcels: ", " · parcelas: ")).append(all.path("parcels").asInt()).append("</p><p>")
                .append(w("The map needs JavaScript; these lists say everything it shows.",
                        "O mapa precisa de JavaScript; estas listas dizem tudo o que ele mostra."))
                .append("</p></section>");
        for (JsonNode t : all.path("territories")) {
            int number = t.path("number").asInt();
            JsonNode detail = api.apply("land/territories/" + number);
            boolean harberger = t.path("tenure").asText().equals("harberger");
            h.append("<section class=\"card\" id=\"ssr-territory-").append(number).append("\"><h2>")
                    .append(esc(t.path("name").asText())).append(" (").append(esc(t.path("country").asText()))
                    .append(")</h2><p>").append(tenure(t)).append("</p><p class=\"hint\">")
                    .append(w("Parcels: ", "Parcelas: ")).append(t.path("parcels").asInt()).append(", ")
                    .append(number(t.path("areaM2").asLong())).append(w(" m² in all · ", " m² ao todo · "))
                    .append(t.path("origin").asText().equals("governance") ? w("established by a vote",
                            "estabelecido por uma votação") : w("bought by a crowdfunding campaign",
                            "comprado por uma campanha de financiamento coletivo")).append("</p>")
                    .append("<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"")
                    .append(w("The parcels of ", "As parcelas de ")).append(esc(t.path("name").asText()))
                    .append("\"><table class=\"ssr-parcels\"><thead><tr><th scope=\"col\">")
                    .append(w("Parcel", "Parcela")).append("</th><th scope=\"col\">").append(w("State", "Estado"))
                    .append("</th><th scope=\"col\">").append(w("Holder", "Detentor"))
                    .append("</th><th scope=\"col\" class=\"num\">").append(harberger ? w("Price", "Preço")
                            : w("Assessed value", "Valor avaliado")).append("</th><th scope=\"col\" class=\"num\">")
                    .append(w("Area (m²)", "Área (m²)")).append("</th></tr></thead><tbody>");
            for (JsonNode p : detail.path("parcelList")) {
                h.append("<tr><th scope=\"row\"><a href=\"parcel?n=").append(p.path("number").asInt()).append("\">")
                        .append(w("Parcel #", "Parcela n.º ")).append(p.path("number").asInt()).append("</a></th><td>")
                        .append(state(p)).append("</td><td>").append(who(p.path("holder").asText(""))).append("</td><td class=\"num\">")
                        .append(priceOf(p)).append("</td><td class=\"num\">").append(number(p.path("areaM2").asLong()))
                        .append("</td></tr>");
            }
            h.append("</tbody></table></div></section>");
        }
        h.append("<section class=\"card\"><h2>").append(w("My holdings and deposits", "As minhas parcelas e depósitos"))
                .append("</h2><p>").append(w("Your holdings are found by the key in your browser: that needs JavaScript.",
                        "As suas parcelas encontram-se pela chave no seu navegador: isso precisa de JavaScript."))
                .append("</p></section>");
    }

    // ---- a parcel -------------------------------------------------------------------------------------------------

    private void parcel() {
        String n = ctx.queryParam("n");
        h.append("<section class=\"card\" id=\"parcel-ssr\"><p><a href=\"land\">").append(w("All the land", "Toda a terra"))
                .append("</a></p>");
        if (n == null || !n.matches("[0-9]{1,9}")) {
            h.append("<h1>").append(w("Parcel", "Parcela")).append("</h1><p>")
                    .append(w("Which parcel? The address names it by its number (parcel?n=3).",
                            "Que parcela? O endereço indica-a pelo seu número (parcel?n=3)."))
                    .append("</p></section>");
            return;
        }
        JsonNode p = api.apply("land/parcels/" + n);
        boolean harberger = p.path("tenure").asText().equals("harberger");
        h.append("<p class=\"eyebrow\">").append(esc(p.path("territoryName").asText())).append("</p><h1>")
                .append(w("Parcel #", "Parcela n.º ")).append(p.path("number").asInt()).append("</h1><p><strong>")
                .append(state(p)).append("</strong></p>");
        JsonNode bid = p.path("bid");
        if (bid.isObject()) {
            h.append("<div class=\"notice\" id=\"ssr-bid\"><p><strong>").append(w("Someone bid ", "Alguém ofereceu "))
                    .append(money(bid.path("price"))).append(w(", the stated price.", ", o preço declarado."))
                    .append("</strong></p><p>").append(w("Bidder: ", "Quem ofereceu: ")).append(who(bid.path("bidder")
                            .asText())).append(w(" · the holder answers by ", " · o detentor responde até "))
                    .append(time(bid.path("until").asLong())).append(w(", or the sale completes then.",
                            ", ou a venda conclui-se nessa altura.")).append("</p></div>");
        }
        JsonNode auction = p.path("auction");
        if (auction.isObject()) {
            h.append("<div class=\"notice\" id=\"ssr-auction\"><p><strong>").append(w("Foreclosed: for sale now at ",
                    "Executada: à venda agora por ")).append(money(auction.path("priceNow"))).append(".</strong></p><p>")
                    .append(w("The price falls evenly from ", "O preço desce por igual de "))
                    .append(money(auction.path("startPrice"))).append(w(" to zero at ", " até zero em "))
                    .append(time(auction.path("end").asLong())).append(w("; the proceeds go to the former holder, ",
                            "; o produto vai para o antigo detentor, ")).append(who(auction.path("formerHolder").asText()))
                    .append(".</p></div>");
        }
        h.append("<dl class=\"facts\">");
        fact(w("Territory", "Território"), "<a href=\"land\">" + esc(p.path("territoryName").asText()) + "</a> ("
                + esc(p.path("country").asText()) + ")");
        fact(w("Tenure", "Regime"), tenure(p));
        fact(w("Area", "Área"), number(p.path("areaM2").asLong()) + " m²");
        fact(w("Holder", "Detentor"), who(p.path("holder").asText("")));
        if (p.hasNonNull("reservedFor")) {
            fact(w("Reserved for", "Reservada para"), who(p.path("reservedFor").asText()));
        }
        if (harberger && p.hasNonNull("price")) {
            fact(w("Stated price", "Preço declarado"), money(p.path("price")));
        }
        if (!harberger) {
            fact(w("Assessed land value", "Valor avaliado da terra"), money(p.path("assessed")));
        }
        if (p.hasNonNull("deposit")) {
            fact(w("Deposit left", "Depósito restante"), money(p.path("deposit")));
            fact(w("Tax accrued, not yet settled", "Imposto acumulado, ainda não liquidado"), money(p.path("taxAccrued")));
            fact(w("Deposit runs out", "O depósito esgota-se"), p.hasNonNull("depositRunsOutAt")
                    ? time(p.path("depositRunsOutAt").asLong()) : w("Not while nothing changes", "Não enquanto nada mudar"));
        }
        fact(w("Tax paid so far", "Imposto pago até agora"), money(p.path("taxPaid")));
        fact(w("Residents", "Residentes"), String.valueOf(p.path("residents").size()));
        h.append("</dl>");
        if (p.path("tenure").asText().equals("land-value")) {
            h.append("<h2>").append(w("Assessments", "Avaliações")).append("</h2><ol class=\"plain\" id=\"ssr-assessments\">");
            for (JsonNode a : p.path("assessments")) {
                h.append("<li><strong>").append(money(a.path("value"))).append("</strong> · ").append(time(a.path("time")
                        .asLong())).append(" · <a href=\"proposals?proposal=").append(esc(a.path("by").asText()))
                        .append("\">").append(w("the vote that set it", "a votação que a fixou")).append("</a></li>");
            }
            h.append("</ol>");
        }
        h.append("<h2>").append(w("Buildings", "Edifícios")).append("</h2>");
        if (p.path("buildings").isEmpty()) {
            h.append("<p>").append(w("No building recorded.", "Nenhum edifício registado.")).append("</p>");
        } else {
            h.append("<ul class=\"plain\" id=\"ssr-buildings\">");
            for (JsonNode b : p.path("buildings")) {
                h.append("<li><a href=\"building?n=").append(b.path("number").asInt()).append("\">")
                        .append(w("Building #", "Edifício n.º ")).append(b.path("number").asInt()).append(": ")
                        .append(esc(b.path("description").asText())).append("</a> · ")
                        .append(w("assessed at ", "avaliado em ")).append(money(b.path("value"))).append("</li>");
            }
            h.append("</ul>");
        }
        h.append("<h2>").append(w("History", "Histórico")).append("</h2><div class=\"table-wrap\" tabindex=\"0\" "
                + "role=\"region\" aria-label=\"").append(w("History", "Histórico")).append("\"><table id=\"ssr-history\">"
                + "<thead><tr><th scope=\"col\">").append(w("When", "Quando")).append("</th><th scope=\"col\">")
                .append(w("What", "O quê")).append("</th><th scope=\"col\" class=\"num\">").append(w("Amount", "Montante"))
                .append("</th></tr></thead><tbody>");
        JsonNode events = p.path("history");
        for (int i = events.size() - 1; i >= 0; i--) {
            JsonNode e = events.get(i);
            h.append("<tr><td>").append(time(e.path("time").asLong())).append("</td><td>").append(event(e.path("event")
                    .asText()));
            if (e.hasNonNull("text")) {
                h.append(": ").append(esc(e.path("text").asText()));
            }
            if (e.hasNonNull("who")) {
                h.append(" · ").append(who(e.path("who").asText()));
            }
            h.append("</td><td class=\"num\">").append(e.has("amount") ? money(e.path("amount")) : "").append("</td></tr>");
        }
        h.append("</tbody></table></div><p>").append(w("Claiming, buying, bidding and answering a bid sign with your key, "
                        + "which only your browser holds: they need JavaScript, and so does the map.",
                "Tomar, comprar, oferecer e responder a uma oferta assinam com a sua chave, que só o seu navegador "
                        + "guarda: precisam de JavaScript, tal como o mapa.")).append("</p></section>");
    }

    // ---- words ----------------------------------------------------------------------------------------------------

    private String event(String e) {
        return switch (e) {
            case "drawn" -> w("Parcel drawn", "Parcela desenhada");
            case "assessed" -> w("Assessed", "Avaliada");
            case "built" -> w("Building recorded", "Edifício registado");
            case "bid" -> w("Bid", "Oferta");
            case "foreclosed" -> w("Foreclosed, auction from", "Executada, leilão a partir de");
            default -> esc(e);
        };
    }

    private String state(JsonNode p) {
        String s = p.path("state").asText();
        if (s.equals("held") && p.path("bid").isObject()) {
            return w("Bid open", "Oferta aberta");
        }
        if (s.equals("vacant") && p.hasNonNull("reservedFor")) {
            return w("Reserved", "Reservada");
        }
        return switch (s) {
            case "held" -> w("Held", "Detida");
            case "vacant" -> w("Vacant", "Livre");
            case "auction" -> w("In auction", "Em leilão");
            default -> esc(s);
        };
    }

    private String tenure(JsonNode t) {
        String rate = percent(t.path("rateBp").asLong());
        return t.path("tenure").asText().equals("harberger")
                ? w("Harberger tax: " + rate + " a year of the price its holder states",
                        "Imposto de Harberger: " + rate + " por ano do preço que o detentor declara")
                : w("Land value tax: " + rate + " a year of the assessed land value, buildings exempt",
                        "Imposto sobre o valor da terra: " + rate + " por ano do valor avaliado da terra, edifícios isentos");
    }

    private String priceOf(JsonNode p) {
        if (p.path("auction").isObject()) {
            return money(p.path("auction").path("priceNow"));
        }
        if (p.hasNonNull("price")) {
            return money(p.path("price"));
        }
        return p.path("tenure").asText().equals("land-value") ? money(p.path("assessed")) : "—";
    }

    private void fact(String label, String valueHtml) {
        h.append("<div class=\"fact\"><dt>").append(esc(label)).append("</dt><dd>").append(valueHtml).append("</dd></div>");
    }

    private String money(JsonNode amount) {
        long minor = amount.path("minor").asLong();
        String figure = esc(ServerWords.figure(minor, pt));
        return code.isEmpty() ? figure : figure + " " + esc(code);
    }

    private String number(long n) {
        return esc(NumberFormat.getIntegerInstance(pt ? Locale.forLanguageTag("pt-PT") : Locale.UK).format(n));
    }

    /** Basis points as a percentage, exactly ("7%", "2.5%"). */
    private String percent(long bp) {
        String fraction = String.format(Locale.ROOT, "%02d", bp % 100).replaceFirst("0+$", "");
        return bp / 100 + (fraction.isEmpty() ? "" : (pt ? "," : ".") + fraction) + "%";
    }

    private static String time(long ms) {
        return "<time datetime=\"" + Instant.ofEpochMilli(ms) + "\">" + WHEN.format(Instant.ofEpochMilli(ms)) + "</time>";
    }

    /** A did:key as its person's name (a link) if it is someone's, else the did:key itself; nobody for none. */
    private String who(String did) {
        if (did == null || did.isEmpty()) {
            return w("Nobody", "Ninguém");
        }
        return names.computeIfAbsent(did, d -> {
            try {
                JsonNode p = api.apply("citizens/" + d);
                return "<a href=\"citizens?person=" + p.path("number").asInt() + "\">" + esc(p.path("name").asText())
                        + "</a>";
            } catch (RuntimeException notAPerson) {
                return "<code class=\"id\">" + esc(d) + "</code>";
            }
        });
    }

    private static String esc(String text) {
        return ServerPages.esc(text);
    }
}

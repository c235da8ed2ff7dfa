package org.phyle.node.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The building page's content as HTML, for a browser without JavaScript: the buildings with their rates, and a
 * building ({@code building?n=1}: description, territory and parcel, the rate now with its counts N, A and D, the ring
 * of this epoch, and the rate's history as a table). Rendered from the node's own API answers like {@link ServerPages},
 * which calls it, in the reader's language (English, or Portuguese when the browser prefers it). Saying an opinion
 * signs with an opinion key only the browser holds, so it needs the page's script.
 */
final class BuildingPages {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final String api;
    private final boolean pt;
    private final StringBuilder h = new StringBuilder(8192);
    private String code = "";

    private BuildingPages(Context ctx, String api) {
        this.api = api;
        this.pt = ServerWords.portuguese(ctx);
    }

    /** The page's content as HTML; {@code api} is the node's own API address. */
    static String render(Context ctx, String api) {
        BuildingPages p = new BuildingPages(ctx, api);
        JsonNode economy = p.getOrNull("economy");
        p.code = economy == null ? "" : economy.path("currency").path("code").asText("");
        String n = ctx.queryParam("n");
        if (n != null && n.matches("[0-9]{1,9}")) {
            p.building(n);
        } else {
            p.buildings();
        }
        return p.h.toString();
    }

    private String w(String en, String pt) {
        return this.pt ? pt : en;
    }

    private void buildings() {
        h.append("<section class=\"card\" id=\"buildings-ssr\"><p class=\"eyebrow\">").append(w("Land", "Terra"))
                .append("</p><h1>").append(w("Buildings and their floating tax", "Edifícios e o seu imposto flutuante"))
                .append("</h1><ol class=\"plain ssr-list\" id=\"ssr-buildings\">");
        JsonNode list = get("land/buildings").path("buildings");
        for (JsonNode b : list) {
            h.append("<li><a href=\"building?n=").append(b.path("number").asInt()).append("\">")
                    .append(w("Building #", "Edifício n.º ")).append(b.path("number").asInt()).append(": ")
                    .append(esc(b.path("description").asText())).append("</a> · ").append(percent(b.path("rate")))
                    .append("</li>");
        }
        h.append("</ol>");
        if (list.isEmpty()) {
            h.append("<p>").append(w("No building yet.", "Ainda não há edifícios.")).append("</p>");
        }
        h.append("</section>");
    }

    private void building(String number) {
        JsonNode b = getOrNull("land/buildings/" + number);
        h.append("<section class=\"card\" id=\"building-ssr\"><p><a href=\"building\">")
                .append(w("All buildings", "Todos os edifícios")).append("</a></p><p class=\"eyebrow\">")
                .append(w("Building #", "Edifício n.º ")).append(esc(number)).append("</p>");
        if (b == null) {
            h.append("<h1>").append(w("There is no building #", "Não há nenhum edifício n.º ")).append(esc(number))
                    .append("</h1></section>");
            return;
        }
        h.append("<h1>").append(esc(b.path("description").asText())).append("</h1><dl class=\"facts\">");
        fact(w("Territory", "Território"), "<a href=\"land#territory=" + b.path("territory").asInt() + "\">"
                + esc(b.path("territoryName").asText("#" + b.path("territory").asInt())) + "</a>");
        fact(w("Parcel", "Parcela"), "<a href=\"parcel?n=" + b.path("parcel").asInt() + "\">"
                + w("Parcel #", "Parcela n.º ") + b.path("parcel").asInt() + "</a>");
        fact(w("Value", "Valor"), money(b.path("value")));
        fact(w("Built", "Construído"), time(b.path("built").asLong()));
        fact(w("Building tax paid", "Imposto do edifício pago"), money(b.path("taxPaid")));
        fact(w("Accrued, not yet paid", "Acumulado, ainda por pagar"), money(b.path("owed")));
        h.append("</dl><h2>").append(w("The tax rate now", "A taxa atual")).append("</h2><dl class=\"stats\">");
        int n = b.path("neighbours").asInt();
        int a = b.path("approvals").asInt();
        int d = b.path("disapprovals").asInt();
        fact(w("Annual rate", "Taxa anual"), "<strong id=\"ssr-rate\">" + percent(b.path("rate")) + "</strong>");
        fact(w("Neighbours (N)", "Vizinhos (N)"), String.valueOf(n));
        fact(w("Approve (A)", "Aprovam (A)"), String.valueOf(a));
        fact(w("Disapprove (D)", "Desaprovam (D)"), String.valueOf(d));
        fact(w("Say nothing", "Não dizem nada"), String.valueOf(Math.max(0, n - a - d)));
        h.append("</dl><p>");
        JsonNode ring = b.path("ring");
        long epoch = b.path("epoch").asLong();
        if (ring.isObject() && ring.path("epoch").asLong() == epoch) {
            h.append(w("The ring of epoch ", "O anel da época ")).append(epoch).append(": ")
                    .append(ring.path("members").size()).append(w(" neighbours' opinion keys, until ",
                            " chaves de opinião de vizinhos, até ")).append(time(ring.path("until").asLong()));
        } else {
            h.append(w("No ring of neighbours is recorded for this epoch (", "Não há anel de vizinhos registado para "
                    + "esta época (")).append(epoch).append(w(", until ", ", até ")).append(time(b.path("epochEnds")
                    .asLong())).append(w("): the rate is 2.5% until someone records one.",
                    "): a taxa é 2,5% até alguém o registar."));
        }
        h.append("</p><p>").append(w("The rate is 5% × (N + D − A) / (2N): if all approve it is 0%, if all disapprove "
                + "5%, if nobody speaks 2.5%. Saying your opinion, anonymously, needs this page's script: it signs "
                + "with an opinion key kept in your browser.", "A taxa é 5% × (N + D − A) / (2N): se todos aprovam é "
                + "0%, se todos desaprovam 5%, se ninguém se pronuncia 2,5%. Dar a sua opinião, anonimamente, precisa "
                + "do script desta página: assina com uma chave de opinião guardada no seu navegador."))
                .append("</p><h2>").append(w("The rate over time", "A taxa ao longo do tempo"))
                .append("</h2><div class=\"table-wrap\"><table id=\"ssr-history\"><thead><tr><th scope=\"col\">")
                .append(w("When", "Quando")).append("</th><th scope=\"col\" class=\"num\">")
                .append(w("Epoch", "Época")).append("</th><th scope=\"col\" class=\"num\">N · A · D</th>"
                        + "<th scope=\"col\" class=\"num\">").append(w("Rate", "Taxa")).append("</th></tr></thead><tbody>");
        JsonNode history = b.path("history");
        for (int i = history.size() - 1; i >= 0; i--) {
            JsonNode p = history.get(i);
            h.append("<tr><th scope=\"row\">").append(time(p.path("time").asLong())).append("</th><td class=\"num\">")
                    .append(p.path("epoch").asLong()).append("</td><td class=\"num\">")
                    .append(p.path("neighbours").asInt()).append(" · ").append(p.path("approvals").asInt())
                    .append(" · ").append(p.path("disapprovals").asInt()).append("</td><td class=\"num\">")
                    .append(percent(p.path("rate"))).append("</td></tr>");
        }
        h.append("</tbody></table></div></section>");
    }

    private void fact(String label, String valueHtml) {
        h.append("<div class=\"fact\"><dt>").append(esc(label)).append("</dt><dd>").append(valueHtml).append("</dd></div>");
    }

    /** A RATE's percent (a decimal string) in the reader's notation, exactly. */
    private String percent(JsonNode rate) {
        String p = rate.path("percent").asText("");
        if (!p.matches("[0-9]{1,3}(\\.[0-9]{1,3})?")) {
            return esc(p);
        }
        String text = new BigDecimal(p).stripTrailingZeros().toPlainString();
        return (pt ? text.replace('.', ',') : text) + "%";
    }

    /** An amount as the API writes it: {minor, formatted}, or a plain number of minor units. */
    private String money(JsonNode amount) {
        return money(amount.isObject() ? amount.path("minor").asLong() : amount.asLong());
    }

    private String money(long minor) {
        String figure = esc(ServerWords.figure(minor, pt));
        return code.isEmpty() ? figure : figure + " " + esc(code);
    }

    private static String time(long ms) {
        return "<time datetime=\"" + Instant.ofEpochMilli(ms) + "\">" + WHEN.format(Instant.ofEpochMilli(ms)) + "</time>";
    }

    private static String esc(String text) {
        return ServerPages.esc(text);
    }

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

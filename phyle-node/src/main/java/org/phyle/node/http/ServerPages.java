package org.phyle.node.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.Map;

/**
 * The read pages' content as HTML, for a browser without JavaScript (and for anything that reads HTML): the society,
 * the citizens and a person, the proposals and a proposal with its results, the charter, the draws and a draw, the
 * ledger. It is rendered from the node's own API answers (the same JSON the scripts read), in English, into the
 * page's {@code #ssr} block; the page's script removes that block and draws the interactive page in its place.
 * Links here use query parameters ({@code citizens?person=7}), which a server sees; the scripts accept them too.
 */
final class ServerPages {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final String api;
    private final Context ctx;
    private final StringBuilder h = new StringBuilder(8192);

    private ServerPages(Context ctx) {
        this.ctx = ctx;
        // the address and port this request came in on, on this machine (not the Host header's, which a proxy sets)
        String local = ctx.req().getLocalAddr();
        String host = local == null || local.isEmpty() || local.startsWith("0.") ? "127.0.0.1"
                : local.contains(":") ? "[" + local + "]" : local;
        this.api = "http://" + host + ":" + ctx.req().getLocalPort() + ApiServer.PREFIX + "/";
    }

    /** The HTML of a page's content without scripts; empty for a page that only works with its script. */
    static String render(String page, Context ctx) {
        ServerPages p = new ServerPages(ctx);
        try {
            switch (page) {
                case "home" -> p.home();
                case "citizens" -> p.citizens();
                case "proposals" -> p.proposals();
                case "charter" -> p.charter();
                case "draws" -> p.draws();
                case "ledger" -> p.ledger();
                case "glossary" -> p.h.append(GlossaryPage.render(ctx));
                case "economy", "wallet" -> p.h.append(EconomyPages.render(page, ctx, p::get));
                case "rounds", "campaigns" -> p.h.append(FundingPages.render(page, ctx, p.api));
                case "land", "parcel" -> p.h.append(LandPages.render(page, ctx, p::get));
                case "building" -> p.h.append(BuildingPages.render(ctx, p.api));
                case "join", "me", "inbox" -> p.needsScripts();
                default -> {
                    return "";
                }
            }
        } catch (RuntimeException e) {
            p.h.setLength(0);
            p.h.append("<p class=\"problem\">This page could not be put together without scripts: ")
                    .append(esc(e.getMessage() == null ? e.toString() : e.getMessage())).append("</p>");
        }
        return p.h.toString();
    }

    // ---- pages ----------------------------------------------------------------------------------------------------

    private void home() {
        JsonNode s = get("society");
        card("society-ssr");
        h.append("<p class=\"eyebrow\">A network state on Phyle</p><h1>").append(esc(s.path("name").asText()))
                .append("</h1><p class=\"purpose\">").append(esc(s.path("purpose").asText())).append("</p>");
        h.append("<h2>In numbers</h2><dl class=\"stats\">");
        JsonNode c = s.path("citizens");
        stat("Citizens", c.path("citizen").asText("0"));
        stat("Applicants", c.path("applicant").asText("0"));
        stat("E-residents", c.path("e-resident").asText("0"));
        stat("Host residents", c.path("host-resident").asText("0"));
        h.append("</dl>");
        h.append("<p><a href=\"citizens\">Meet the citizens</a> · <a href=\"proposals\">Proposals</a> · "
                + "<a href=\"charter\">The charter</a> · <a href=\"ledger\">The ledger</a></p>");
        parameters(s.path("parameters"));
        end();
    }

    private void citizens() {
        String person = ctx.queryParam("person");
        if (person != null && person.matches("[0-9]{1,10}")) {
            person(person);
            return;
        }
        String after = ctx.queryParam("after");
        JsonNode list = get("citizens?limit=50" + (after != null && after.matches("[0-9]{1,10}") ? "&after=" + after
                : ""));
        card("citizens-ssr");
        h.append("<h1>Citizens and residents</h1><ol class=\"plain ssr-list\">");
        for (JsonNode p : list.path("people")) {
            h.append("<li><a href=\"citizens?person=").append(p.path("number").asInt()).append("\">")
                    .append(esc(p.path("name").asText())).append("</a> · #").append(p.path("number").asInt())
                    .append(" · ").append(word(p.path("status").asText())).append("</li>");
        }
        h.append("</ol>");
        if (list.hasNonNull("next")) {
            h.append("<p><a href=\"citizens?after=").append(list.get("next").asLong()).append("\">More</a></p>");
        }
        end();
    }

    private void person(String number) {
        JsonNode p = get("citizens/" + number);
        card("person-ssr");
        h.append("<p><a href=\"citizens\">All citizens</a></p><h1>").append(esc(p.path("name").asText()))
                .append("</h1><dl class=\"facts\">");
        fact("Standing", word(p.path("status").asText()));
        fact("Number", "#" + p.path("number").asInt());
        fact("Registered", time(p.path("registeredAt").asLong(p.path("since").asLong())));
        if (p.hasNonNull("expiresAt")) {
            fact("Citizenship runs until", time(p.get("expiresAt").asLong()));
        }
        fact("Vouched for by", people(p.path("vouchedBy")));
        fact("Guardians", p.path("guardians").size() == 0 ? "nobody"
                : p.path("guardians").size() + " (" + p.path("guardianThreshold").asInt() + " must agree)");
        h.append("</dl><details><summary>Details</summary><dl class=\"facts\">");
        fact("Person id", "<code class=\"id\">" + esc(p.path("id").asText()) + "</code>");
        fact("Key (did:key)", "<code class=\"id\">" + esc(p.path("did").asText()) + "</code>");
        h.append("</dl></details><h2>History</h2><ol class=\"plain ssr-list\">");
        for (JsonNode e : get("citizens/" + number + "/history?limit=20").path("entries")) {
            h.append("<li>").append(time(e.path("time").asLong())).append(" · ").append(esc(e.path("type").asText()))
                    .append(" · <a href=\"ledger?tx=").append(esc(e.path("txId").asText())).append("\">receipt</a></li>");
        }
        h.append("</ol>");
        end();
    }

    private void proposals() {
        String id = ctx.queryParam("proposal");
        if (id != null && id.matches("[0-9a-f]{64}")) {
            proposal(id);
            return;
        }
        card("proposals-ssr");
        h.append("<h1>Proposals</h1><ol class=\"plain ssr-list\">");
        for (JsonNode p : get("proposals?state=all&limit=100").path("proposals")) {
            h.append("<li><a href=\"proposals?proposal=").append(esc(p.path("id").asText())).append("\">")
                    .append(esc(p.path("title").asText())).append("</a> · #").append(p.path("number").asInt())
                    .append(" · ").append(word(p.path("method").asText())).append(" · <strong>")
                    .append(word(p.path("state").asText())).append("</strong></li>");
        }
        h.append("</ol>");
        end();
    }

    private void proposal(String id) {
        JsonNode p = get("proposals/" + id);
        card("proposal-ssr");
        h.append("<p><a href=\"proposals\">All proposals</a></p><p class=\"eyebrow\">#").append(p.path("number").asInt())
                .append(" · ").append(esc(p.path("kind").asText())).append(" · ").append(word(p.path("method").asText()))
                .append("</p><h1>").append(esc(p.path("title").asText())).append("</h1><p><strong>")
                .append(word(p.path("state").asText())).append("</strong></p>");
        String text = p.path("terms").path("text").asText("");
        for (String para : text.split("\n{2,}")) {
            if (!para.isBlank()) {
                h.append("<p>").append(esc(para)).append("</p>");
            }
        }
        h.append("<dl class=\"facts\">");
        fact("Author", people(p.path("author")));
        fact("Sponsors", p.path("sponsors").asInt() + " of " + p.path("sponsorsRequired").asInt() + " needed");
        if (p.path("options").size() > 0) {
            StringBuilder o = new StringBuilder("<ol>");
            p.path("options").forEach(x -> o.append("<li>").append(esc(x.asText())).append("</li>"));
            fact("Options", o.append("</ol>").toString());
        }
        if (p.has("closesAt")) {
            fact("Voting closes", time(p.get("closesAt").asLong()));
        }
        fact("Ballots", String.valueOf(p.path("ballots").asInt()));
        h.append("</dl>");
        JsonNode t = p.path("tally");
        if (t.isObject()) {
            results(t, p.path("tallyFinal").asBoolean(), p.path("options"));
        }
        h.append(DiscussionPages.thread(get("discussions/proposal/" + id), ServerWords.portuguese(ctx)));
        end();
    }

    private void results(JsonNode t, boolean last, JsonNode options) {
        h.append("<h2>").append(last ? "Results" : "Results so far").append("</h2><dl class=\"facts\">");
        for (String f : new String[] {"participants", "electorate", "quorumRequired", "yes", "no", "abstain",
                "creditsSpent"}) {
            if (t.has(f) && t.get(f).isNumber()) {
                fact(words(f), t.get(f).asText());
            }
        }
        if (t.has("quorumMet")) {
            fact("Quorum met", t.get("quorumMet").asBoolean() ? "yes" : "no");
        }
        if (t.has("passed")) {
            fact("Passed", t.get("passed").asBoolean() ? "yes" : "no");
        }
        h.append("</dl>");
        if (t.path("scores").size() > 0) {
            h.append("<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"Scores\"><table "
                    + "id=\"ssr-scores\"><caption>Scores</caption><thead><tr><th scope=\"col\">Option</th>"
                    + "<th scope=\"col\" class=\"num\">Score</th></tr></thead><tbody>");
            for (JsonNode s : t.get("scores")) {
                h.append("<tr><th scope=\"row\">").append(esc(s.path("label").asText())).append("</th><td class=\"num\">")
                        .append(esc(s.path("score").asText())).append("</td></tr>");
            }
            h.append("</tbody></table></div>");
        }
        if (t.path("rounds").size() > 0) {
            h.append("<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"Instant-runoff rounds\">"
                    + "<table id=\"ssr-rounds\"><caption>Instant-runoff rounds</caption><tbody>");
            int r = 1;
            for (JsonNode round : t.get("rounds")) {
                h.append("<tr><th scope=\"row\">Round ").append(r++).append("</th><td>");
                StringBuilder cells = new StringBuilder();
                int i = 0;
                for (JsonNode c : round.path("counts")) {
                    cells.append(cells.length() > 0 ? " · " : "").append(esc(options.path(i++).asText("#" + i)))
                            .append(": ").append(c.asLong());
                }
                h.append(cells).append("</td></tr>");
            }
            h.append("</tbody></table></div>");
        }
        if (t.path("winners").size() > 0) {
            StringBuilder w = new StringBuilder();
            t.get("winners").forEach(x -> w.append(w.length() > 0 ? ", " : "").append(esc(options.path(x.asInt())
                    .asText("#" + x.asInt()))));
            h.append("<p>Winning options: <strong id=\"ssr-winners\">").append(w).append("</strong></p>");
        }
    }

    private void charter() {
        String text = ctx.queryParam("text");
        if (text != null && text.matches("[0-9a-f]{64}")) {
            card("canon-text-ssr");
            h.append(DiscussionPages.canonText(get("canon/" + text), get("discussions/canon/" + text),
                    ServerWords.portuguese(ctx)));
            end();
            return;
        }
        JsonNode c = get("charter");
        JsonNode doc = c.path("document");
        card("charter-ssr");
        h.append("<p class=\"eyebrow\">The social contract</p><h1>The charter</h1><h2>")
                .append(esc(doc.path("name").asText())).append("</h2><p class=\"purpose\">")
                .append(esc(doc.path("purpose").asText())).append("</p><h2>Articles</h2>");
        for (Iterator<Map.Entry<String, JsonNode>> it = doc.path("articles").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> a = it.next();
            h.append("<section class=\"article\"><h3>").append(esc(a.getKey())).append("</h3><p class=\"article-text\">")
                    .append(esc(a.getValue().asText())).append("</p></section>");
        }
        parameters(c.path("parameters"));
        h.append("<details><summary>Details</summary><p>SHA-256 of its RFC 8785 form: <code class=\"id\">")
                .append(esc(c.path("hash").asText())).append("</code></p></details>");
        h.append(DiscussionPages.canonList(get("canon?limit=50"), ServerWords.portuguese(ctx)));
        end();
    }

    private void draws() {
        String n = ctx.queryParam("draw");
        if (n != null && n.matches("[0-9]{1,10}")) {
            JsonNode d = get("draws/" + n);
            card("draw-ssr");
            h.append("<p><a href=\"draws\">All draws</a></p><h1>Draw #").append(d.path("number").asInt()).append(": ")
                    .append(word(d.path("purpose").asText())).append("</h1><dl class=\"facts\">");
            fact("Phase", word(d.path("phase").asText()));
            fact("Drawn from", d.path("poolSize").asInt() + " people (" + esc(d.path("pool").asText()) + ")");
            fact("Seats", String.valueOf(d.path("size").asInt()));
            fact("Requested", time(d.path("requestedAt").asLong()));
            h.append("</dl><h2>Chosen</h2><ol class=\"ssr-list\" id=\"ssr-chosen\">");
            for (JsonNode m : d.path("members")) {
                h.append("<li>").append(m.has("number") ? "<a href=\"citizens?person=" + m.get("number").asInt() + "\">"
                        + esc(m.path("name").asText()) + "</a>" : esc(m.asText())).append("</li>");
            }
            h.append("</ol>");
            end();
            return;
        }
        card("draws-ssr");
        h.append("<h1>Draws by lot</h1><ol class=\"plain ssr-list\">");
        for (JsonNode d : get("draws?limit=100").path("draws")) {
            h.append("<li><a href=\"draws?draw=").append(d.path("number").asInt()).append("\">Draw #")
                    .append(d.path("number").asInt()).append("</a> · ").append(word(d.path("purpose").asText()))
                    .append(" · ").append(word(d.path("phase").asText())).append("</li>");
        }
        h.append("</ol>");
        end();
    }

    private void ledger() {
        card("ledger-ssr");
        h.append("<p class=\"eyebrow\">").append(esc(get("society").path("name").asText()))
                .append("</p><h1>The ledger of record</h1><h2>The signed checkpoint</h2><pre class=\"note\">")
                .append(esc(text("checkpoint"))).append("</pre><h2>Latest blocks</h2>"
                + "<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"Latest blocks\">"
                + "<table id=\"ssr-blocks\"><caption>Latest blocks</caption><thead><tr><th scope=\"col\">Block</th>"
                + "<th scope=\"col\">Time</th><th scope=\"col\" class=\"num\">Entries</th></tr></thead><tbody>");
        for (JsonNode b : get("blocks?limit=10").path("blocks")) {
            h.append("<tr><th scope=\"row\">#").append(b.path("height").asLong()).append("</th><td>")
                    .append(time(b.path("time").asLong())).append("</td><td class=\"num\">")
                    .append(b.path("txCount").asLong()).append("</td></tr>");
        }
        h.append("</tbody></table></div><p>Receipts and their proofs are checked by this page's script, in your "
                + "browser.</p>");
        end();
    }

    private void needsScripts() {
        card("needs-scripts");
        h.append("<h1>This page needs JavaScript</h1><p>It signs with your key, which only your browser holds, and "
                + "checks what the node says before you consent to anything: turn JavaScript on for this site to use "
                + "it. Everything the society has decided can be read without it: <a href=\"./\">the society</a>, "
                + "<a href=\"citizens\">its citizens</a>, <a href=\"proposals\">its proposals</a>, "
                + "<a href=\"charter\">its charter</a>, <a href=\"ledger\">its ledger</a>.</p>");
        end();
    }

    // ---- pieces -----------------------------------------------------------------------------------------------------

    private void card(String id) {
        h.append("<section class=\"card\" id=\"").append(id).append("\">");
    }

    private void end() {
        h.append("</section>");
    }

    private void stat(String label, String value) {
        h.append("<div class=\"stat\"><dt>").append(esc(label)).append("</dt><dd>").append(esc(value)).append("</dd></div>");
    }

    /** A fact row; the value is HTML already escaped by the caller. */
    private void fact(String label, String valueHtml) {
        h.append("<div class=\"fact\"><dt>").append(esc(label)).append("</dt><dd>").append(valueHtml).append("</dd></div>");
    }

    private void parameters(JsonNode params) {
        if (params.size() == 0) {
            return;
        }
        h.append("<h2>The rules in numbers</h2><ul class=\"parameters\" id=\"ssr-parameters\">");
        for (JsonNode p : params) {
            String value = p.path("value").isArray() ? p.get("value").size() + " keys"
                    : (p.path("value").asText() + " " + p.path("unit").asText("")).trim();
            h.append("<li class=\"parameter\"><div class=\"parameter-head\"><span class=\"parameter-label\">")
                    .append(esc(p.path("meaning").asText(p.path("name").asText())))
                    .append("</span><span class=\"parameter-value\">").append(esc(value))
                    .append("</span></div><p class=\"parameter-id\">technical name: <code>")
                    .append(esc(p.path("name").asText())).append("</code></p></li>");
        }
        h.append("</ul>");
    }

    private static String people(JsonNode list) {
        if (list.isObject()) {
            return "<a href=\"citizens?person=" + list.path("number").asInt() + "\">" + esc(list.path("name").asText())
                    + "</a>";
        }
        if (list.size() == 0) {
            return "nobody";
        }
        StringBuilder b = new StringBuilder("<ul class=\"people-inline\">");
        list.forEach(p -> b.append("<li>").append(people(p)).append("</li>"));
        return b.append("</ul>").toString();
    }

    private static String time(long ms) {
        return "<time datetime=\"" + Instant.ofEpochMilli(ms) + "\">" + WHEN.format(Instant.ofEpochMilli(ms))
                + "</time>";
    }

    /** Words the API gives as values (a standing, a state, a method, a phase), for people; marked for translation. */
    private static final java.util.Map<String, String> WORDS = java.util.Map.ofEntries(
            java.util.Map.entry("applicant", "Applicant"), java.util.Map.entry("citizen", "Citizen"),
            java.util.Map.entry("lapsed", "Lapsed"), java.util.Map.entry("e-resident", "E-resident"),
            java.util.Map.entry("host-resident", "Host resident"), java.util.Map.entry("revoked", "Revoked"),
            java.util.Map.entry("renounced", "Renounced"), java.util.Map.entry("ended", "Ended"),
            java.util.Map.entry("draft", "Draft"), java.util.Map.entry("sponsored", "Sponsored"),
            java.util.Map.entry("voting", "Voting"), java.util.Map.entry("passed", "Passed"),
            java.util.Map.entry("failed", "Failed"), java.util.Map.entry("executed", "Executed"),
            java.util.Map.entry("not executed", "Not executed"), java.util.Map.entry("cancelled", "Cancelled"),
            java.util.Map.entry("yes-no", "Yes / no"), java.util.Map.entry("quadratic", "Quadratic"),
            java.util.Map.entry("approval", "Approval"), java.util.Map.entry("ranked", "Ranked choice"),
            java.util.Map.entry("drawn", "Drawn"), java.util.Map.entry("committing", "Stewards committing"),
            java.util.Map.entry("revealing", "Stewards revealing"), java.util.Map.entry("awaiting proof",
                    "Awaiting the node's proof"), java.util.Map.entry("jury", "A jury"),
            java.util.Map.entry("panel", "An outside panel"), java.util.Map.entry("request", "A request"));

    static String word(String value) {
        String shown = WORDS.getOrDefault(value, value);
        return "<span data-word=\"" + esc(value) + "\">" + esc(shown) + "</span>";
    }

    private static String words(String field) {
        return switch (field) {
            case "participants" -> "Took part";
            case "electorate" -> "Could vote";
            case "quorumRequired" -> "Needed to take part";
            case "yes" -> "Yes";
            case "no" -> "No";
            case "abstain" -> "Abstained";
            case "creditsSpent" -> "Voice credits spent";
            default -> field;
        };
    }

    static String esc(String text) {
        return WebPages.escape(text == null ? "" : text);
    }

    // ---- the node's own API -------------------------------------------------------------------------------------------

    private JsonNode get(String path) {
        return Views.parse(fetch(path));
    }

    private String text(String path) {
        return new String(fetch(path), StandardCharsets.UTF_8);
    }

    private byte[] fetch(String path) {
        return OwnApi.fetch(api, path);
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}

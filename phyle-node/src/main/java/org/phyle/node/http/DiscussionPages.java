package org.phyle.node.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A discussion as HTML, for a browser without scripts: the reply tree of a proposal or a text of the canon, from the
 * node's own answer to {@code GET discussions/{on}/{place}}, each comment with its writer (linked to their citizenship),
 * their standing when they wrote it, its time and its text, or who erased it and why. In the reader's language
 * (English or Portuguese), since these words are not in {@link ServerWords}' table. The page's script replaces it with
 * the interactive thread, which also checks each text against its digest in the browser.
 */
final class DiscussionPages {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final boolean pt;
    private final StringBuilder h = new StringBuilder(4096);
    private final Map<Integer, List<JsonNode>> replies = new LinkedHashMap<>();
    private final Map<Integer, JsonNode> byNumber = new LinkedHashMap<>();

    private DiscussionPages(boolean pt) {
        this.pt = pt;
    }

    /** The thread's HTML: a heading, a count, and the comments with their replies nested under them. */
    static String thread(JsonNode thread, boolean portuguese) {
        DiscussionPages p = new DiscussionPages(portuguese);
        p.render(thread.path("comments"));
        return p.h.toString();
    }

    /** A text of the canon (GET canon/{id}) with its writer and standing, and its discussion under it. */
    static String canonText(JsonNode text, JsonNode thread, boolean portuguese) {
        DiscussionPages p = new DiscussionPages(portuguese);
        p.h.append("<p><a href=\"charter\">").append(p.w("The charter and the canon", "A carta e o cânone"))
                .append("</a></p><p class=\"eyebrow\">").append(p.kind(text.path("kind").asText()))
                .append("</p><h1>").append(ServerPages.esc(text.path("title").asText())).append("</h1><p class=\"hint\">")
                .append(p.w("By ", "Por ")).append(p.writer(text)).append(" <span class=\"pill standing\" data-status=\"")
                .append(ServerPages.esc(text.path("standing").asText())).append("\">")
                .append(p.standing(text.path("standing").asText())).append("</span> · ")
                .append(time(text.path("publishedAt").asLong())).append("</p><div class=\"canon-text\">");
        for (String para : text.path("text").asText().split("\n\\s*\n")) {
            if (!para.isBlank()) {
                p.h.append("<p>").append(ServerPages.esc(para)).append("</p>");
            }
        }
        p.h.append("</div>");
        p.render(thread.path("comments"));
        return p.h.toString();
    }

    /** The canon's texts as a list of links to each (charter?text=<id>), with their writers' standing. */
    static String canonList(JsonNode canon, boolean portuguese) {
        DiscussionPages p = new DiscussionPages(portuguese);
        p.h.append("<h2>").append(p.w("The canon", "O cânone")).append("</h2><p class=\"hint\">")
                .append(p.w("Essays and proposed charter text, open to everyone with a key; each with its discussion.",
                        "Ensaios e propostas de texto para a carta, abertos a todos com uma chave; cada um com a sua "
                        + "discussão.")).append("</p><ol class=\"plain ssr-list\" id=\"ssr-canon\">");
        for (JsonNode x : canon.path("texts")) {
            p.h.append("<li><a href=\"charter?text=").append(ServerPages.esc(x.path("id").asText())).append("\">")
                    .append(ServerPages.esc(x.path("title").asText())).append("</a> · ").append(p.writer(x))
                    .append(" (").append(p.standing(x.path("standing").asText())).append(")</li>");
        }
        p.h.append("</ol>");
        return p.h.toString();
    }

    private String writer(JsonNode x) {
        JsonNode author = x.path("author");
        if (author.isObject()) {
            return "<a href=\"citizens?person=" + author.path("number").asInt() + "\">"
                    + ServerPages.esc(author.path("name").asText()) + "</a>";
        }
        return w("someone from outside", "alguém de fora") + " <code class=\"id comment-key\">"
                + ServerPages.esc(shortDid(x.path("authorKey").asText())) + "</code>";
    }

    private String w(String en, String pt) {
        return this.pt ? pt : en;
    }

    private void render(JsonNode comments) {
        for (JsonNode c : comments) {
            byNumber.put(c.path("number").asInt(), c);
            replies.computeIfAbsent(c.path("replyTo").asInt(-1), k -> new ArrayList<>()).add(c);
        }
        int n = comments.size();
        h.append("<section class=\"discussion\" id=\"ssr-discussion\" aria-labelledby=\"ssr-discussion-title\">")
                .append("<h2 id=\"ssr-discussion-title\">").append(w("Discussion", "Discussão")).append("</h2>")
                .append("<p class=\"hint\">").append(n == 0 ? w("No comments yet.", "Ainda não há comentários.")
                        : n == 1 ? w("1 comment", "1 comentário") : n + w(" comments", " comentários"))
                .append(w(". Each text is kept beside the ledger, which records its SHA-256; with JavaScript on, your "
                        + "browser checks each one against that record, and you can reply.",
                        ". Cada texto fica ao lado do registo, que guarda o seu SHA-256; com JavaScript ligado, o seu "
                        + "navegador verifica cada um contra esse registo, e pode responder.")).append("</p>");
        if (n > 0) {
            list(-1, "thread plain", null);
        }
        h.append("</section>");
    }

    private void list(int parent, String cls, String label) {
        h.append("<ol class=\"").append(cls).append("\"");
        if (label != null) {
            h.append(" aria-label=\"").append(ServerPages.esc(label)).append("\"");
        }
        h.append(">");
        for (JsonNode c : replies.getOrDefault(parent, List.of())) {
            comment(c);
        }
        h.append("</ol>");
    }

    private void comment(JsonNode c) {
        int number = c.path("number").asInt();
        String standing = c.path("standing").asText("outsider");
        JsonNode author = c.path("author");
        h.append("<li class=\"comment\" id=\"ssr-comment-").append(number).append("\" data-standing=\"")
                .append(ServerPages.esc(standing)).append("\"><article class=\"comment-body\" aria-labelledby=\"ssr-comment-")
                .append(number).append("-head\"><p class=\"comment-head\" id=\"ssr-comment-").append(number)
                .append("-head\">");
        if (author.isObject()) {
            h.append("<a class=\"comment-author\" href=\"citizens?person=").append(author.path("number").asInt())
                    .append("\">").append(ServerPages.esc(author.path("name").asText())).append("</a>");
        } else {
            h.append("<span class=\"comment-author outsider\">").append(w("someone from outside", "alguém de fora"))
                    .append(" <code class=\"id comment-key\">").append(ServerPages.esc(shortDid(c.path("authorKey")
                            .asText()))).append("</code></span>");
        }
        h.append(" <span class=\"pill standing\" data-status=\"").append(ServerPages.esc(standing)).append("\">")
                .append(standing(standing)).append("</span> <span class=\"comment-when\">")
                .append(time(c.path("time").asLong())).append("</span></p>");
        JsonNode erased = c.path("erased");
        if (erased.isObject()) {
            boolean byAuthor = erased.path("byAuthor").asBoolean();
            h.append("<div class=\"comment-erased\"><p><strong>").append(byAuthor ? w("Erased by its author",
                    "Apagado pelo autor") : w("Erased by the society's decision", "Apagado por decisão da sociedade"))
                    .append("</strong> · ").append(time(erased.path("time").asLong())).append("</p>");
            if (!byAuthor) {
                h.append("<p class=\"comment-reason\">").append(w("Reason: ", "Motivo: "))
                        .append(ServerPages.esc(erased.path("reason").asText())).append(" · <a href=\"proposals?proposal=")
                        .append(ServerPages.esc(erased.path("enactedBy").asText())).append("\">")
                        .append(w("the decision", "a decisão")).append("</a></p>");
            }
            h.append("<p class=\"hint\">").append(w("The record that this comment existed stays on the ledger.",
                    "O registo de que este comentário existiu fica no registo público.")).append("</p></div>");
        } else if (c.path("text").isTextual()) {
            h.append("<div class=\"comment-text\">");
            for (String para : c.get("text").asText().split("\n{2,}")) {
                if (!para.isBlank()) {
                    h.append("<p>").append(ServerPages.esc(para)).append("</p>");
                }
            }
            h.append("</div>");
        } else {
            h.append("<p class=\"notice comment-missing\">").append(w("This node does not hold the text of this "
                    + "comment.", "Este nó não tem o texto deste comentário.")).append("</p>");
        }
        h.append("</article>");
        if (replies.containsKey(number)) {
            String name = author.isObject() ? author.path("name").asText() : w("someone from outside", "alguém de fora");
            list(number, "replies plain", w("Replies to ", "Respostas a ") + name);
        }
        h.append("</li>");
    }

    private String kind(String k) {
        return switch (k) {
            case "essay" -> w("Essay", "Ensaio");
            case "article" -> w("Proposed charter text", "Proposta de texto para a carta");
            default -> ServerPages.esc(k);
        };
    }

    private String standing(String s) {
        return switch (s) {
            case "citizen" -> w("Citizen", "Cidadão");
            case "e-resident" -> w("E-resident", "E-residente");
            case "host-resident" -> w("Host resident", "Residente anfitrião");
            case "applicant" -> w("Applicant", "Candidato");
            default -> w("Outsider", "De fora");
        };
    }

    private static String shortDid(String did) {
        String prefix = "did:key:";
        String rest = did.startsWith(prefix) ? did.substring(prefix.length()) : did;
        return rest.length() <= 14 ? did : prefix + rest.substring(0, 8) + "…" + rest.substring(rest.length() - 4);
    }

    private static String time(long ms) {
        return "<time datetime=\"" + Instant.ofEpochMilli(ms) + "\">" + WHEN.format(Instant.ofEpochMilli(ms))
                + "</time>";
    }
}

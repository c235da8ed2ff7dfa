package org.phyle.node.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * The thread rendered for browsers without scripts, from a thread as {@code GET discussions/...} answers it: replies
 * nested under what they answer, writers linked or named as from outside, standing in words, erasures by the author
 * and by the society (with the reason and the decision), a text the node does not hold, ledger text escaped, and the
 * same in Portuguese. (The browser tests read it from the real node; this covers what the demo has no case of, such as
 * an erasure by the society's decision.)
 */
class DiscussionPagesTest {
    private static final String DID = "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK";
    private static final String SOCIETY_DECISION = "ab".repeat(32);

    static JsonNode thread() {
        return Views.parse(("""
                {"on": "proposal", "place": "%s", "comments": [
                  {"id": "%s", "number": 3, "author": {"number": 7, "id": "x", "name": "Ana <b>Lopes</b>"},
                   "authorKey": "%s", "standing": "citizen", "time": 1764720000000, "height": 10,
                   "digest": "%s", "length": 20, "text": "First line.\\n\\n<script>alert(1)</script>"},
                  {"id": "%s", "number": 4, "replyTo": 3, "author": null, "authorKey": "%s", "standing": "outsider",
                   "time": 1764720060000, "height": 11, "digest": "%s", "length": 5, "text": "Hello"},
                  {"id": "%s", "number": 5, "replyTo": 4, "author": {"number": 8, "id": "y", "name": "Bea"},
                   "authorKey": "%s", "standing": "e-resident", "time": 1764720120000, "height": 12, "digest": "%s",
                   "length": 9, "erased": {"byAuthor": false, "enactedBy": "%s", "reason": "Named a <child>",
                   "time": 1764730000000}},
                  {"id": "%s", "number": 6, "author": {"number": 9, "id": "z", "name": "Caio"}, "authorKey": "%s",
                   "standing": "host-resident", "time": 1764720180000, "height": 13, "digest": "%s", "length": 4,
                   "erased": {"byAuthor": true, "enactedBy": "%s", "reason": "erased by its author",
                   "time": 1764720200000}},
                  {"id": "%s", "number": 8, "author": null, "authorKey": "%s", "standing": "applicant",
                   "time": 1764720240000, "height": 14, "digest": "%s", "length": 4, "text": null}
                ]}
                """).formatted("11".repeat(32), "01".repeat(32), DID, "a1".repeat(32), "02".repeat(32), DID,
                "a2".repeat(32), "03".repeat(32), DID, "a3".repeat(32), SOCIETY_DECISION, "04".repeat(32), DID,
                "a4".repeat(32), "05".repeat(32), "06".repeat(32), DID, "a6".repeat(32)).getBytes());
    }

    @Test
    void repliesAreNestedUnderWhatTheyAnswer() {
        String html = DiscussionPages.thread(thread(), false);
        assertThat(html).contains("<h2 id=\"ssr-discussion-title\">Discussion</h2>").contains("5 comments.");
        int first = html.indexOf("id=\"ssr-comment-3\"");
        int reply = html.indexOf("id=\"ssr-comment-4\"");
        int replyToReply = html.indexOf("id=\"ssr-comment-5\"");
        int second = html.indexOf("id=\"ssr-comment-6\"");
        assertThat(first).isLessThan(reply);
        assertThat(reply).isLessThan(replyToReply);
        assertThat(replyToReply).isLessThan(second);
        // comment 4's list of replies is inside comment 3's item, and comment 5's inside comment 4's
        String three = html.substring(first, second);
        assertThat(three).contains("<ol class=\"replies plain\" aria-label=\"Replies to Ana &lt;b&gt;Lopes&lt;/b&gt;\">")
                .contains("<ol class=\"replies plain\" aria-label=\"Replies to someone from outside\">");
        assertThat(html.split("<ol class=\"thread plain\">", -1)).hasSize(2);
    }

    @Test
    void writersStandingsAndErasuresInWords() {
        String html = DiscussionPages.thread(thread(), false);
        assertThat(html).contains("<a class=\"comment-author\" href=\"citizens?person=7\">Ana &lt;b&gt;Lopes&lt;/b&gt;</a>")
                .contains("someone from outside <code class=\"id comment-key\">did:key:z6MkhaXg…2doK</code>")
                .contains(">Citizen</span>").contains(">Outsider</span>").contains(">E-resident</span>")
                .contains(">Host resident</span>").contains(">Applicant</span>");
        // by the society's decision: the reason, escaped, and the decision linked
        assertThat(html).contains("<strong>Erased by the society's decision</strong>")
                .contains("Reason: Named a &lt;child&gt; · <a href=\"proposals?proposal=" + SOCIETY_DECISION + "\">"
                        + "the decision</a>");
        assertThat(html).contains("<strong>Erased by its author</strong>")
                .doesNotContain("Reason: erased by its author");
        assertThat(html).contains("This node does not hold the text of this comment.");
        assertThat(html).contains("<time datetime=\"2025-12-03T00:00:00Z\">2025-12-03 00:00 UTC</time>");
    }

    @Test
    void ledgerTextNeverBecomesMarkup() {
        String html = DiscussionPages.thread(thread(), false);
        assertThat(html).doesNotContain("<script>").doesNotContain("<b>").doesNotContain("<child>")
                .contains("<p>First line.</p><p>&lt;script&gt;alert(1)&lt;/script&gt;</p>");
    }

    @Test
    void inPortuguese() {
        String html = DiscussionPages.thread(thread(), true);
        assertThat(html).contains(">Discussão</h2>").contains("5 comentários.").contains(">Cidadão</span>")
                .contains(">De fora</span>").contains("alguém de fora").contains("Apagado por decisão da sociedade")
                .contains("Motivo: Named a &lt;child&gt;").contains("Respostas a Ana").doesNotContain("Discussion");
    }

    @Test
    void anEmptyThreadSaysSo() {
        String html = DiscussionPages.thread(Views.parse("{\"comments\": []}".getBytes()), false);
        assertThat(html).contains("No comments yet.").doesNotContain("<ol");
    }
}

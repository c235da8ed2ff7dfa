package org.phyle.node.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.phyle.core.SocietyView;
import org.phyle.core.canon.CanonTx;
import org.phyle.core.discussion.DiscussionTx;
import org.phyle.core.tx.TxBody;
import org.phyle.core.tx.TxSigner;
import org.phyle.crypto.Hash;
import org.phyle.crypto.Jcs;
import org.phyle.crypto.SigningKey;
import org.phyle.node.TestNodes;
import org.phyle.node.client.Nonces;

/**
 * Discussion through the node: an outsider comments on an essay of the canon, gives the node the text, reads the
 * thread, and erases the text; the record stays and the node deletes the text. Texts the ledger does not account for
 * are refused.
 */
class DiscussionApiTest {
    static TestNodes.Running node;
    static String api;
    static Hash society;
    final SigningKey outsider = SigningKey.generate();

    @BeforeAll
    static void start() {
        node = TestNodes.small();
        api = node.url() + "/api/v1";
        society = node.node.read(SocietyView::id);
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    Hash submit(SigningKey key, TxBody body) {
        byte[] envelope = Jcs.canonicalize(TxSigner.sign(society, key, body, Nonces.random(),
                System.currentTimeMillis() + 600_000));
        Http.Response r = Http.post(api + "/txs", envelope);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return Hash.fromHex(r.json().get("txId").asText());
    }

    static DiscussionTx.Comment comment(Hash essay, String text, Hash reply) {
        return new DiscussionTx.Comment(DiscussionTx.On.CANON, essay, Optional.ofNullable(reply),
                Hash.sha256(text.getBytes(StandardCharsets.UTF_8)), text.length());
    }

    @Test
    void aCommentsTextIsKeptBesideTheLedgerAndErasedWithoutErasingTheRecord() throws Exception {
        Hash essay = submit(outsider, new CanonTx.Publish(CanonTx.Kind.ESSAY, "On bridges", "Build them.",
                Optional.empty()));
        String words = "Bridges are for crossing — not for guarding.";
        Hash digest = Hash.sha256(words.getBytes(StandardCharsets.UTF_8));
        // the text before its comment is on the ledger: refused, nothing kept
        Http.Response early = Http.postText(api + "/texts/" + digest.hex(), words);
        assertThat(early.status()).isEqualTo(404);
        assertThat(early.json().get("code").asText()).isEqualTo("NOT_FOUND");

        Hash first = submit(outsider, comment(essay, words, null));
        Http.Response wrong = Http.postText(api + "/texts/" + digest.hex(), words + " (edited)");
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.json().get("detail").asText()).contains("SHA-256");
        assertThat(Http.postText(api + "/texts/" + digest.hex(), words).status()).isEqualTo(200);
        Hash reply = submit(SigningKey.generate(), comment(essay, "Agreed.", first));

        JsonNode thread = Http.get(api + "/discussions/canon/" + essay.hex()).json();
        JsonNode c0 = thread.get("comments").get(0);
        assertThat(c0.get("id").asText()).isEqualTo(first.hex());
        assertThat(c0.get("text").asText()).isEqualTo(words);
        assertThat(c0.get("standing").asText()).isEqualTo("outsider");
        assertThat(c0.get("authorKey").asText()).isEqualTo(outsider.did());
        JsonNode c1 = thread.get("comments").get(1);
        assertThat(c1.get("replyTo").asInt()).isEqualTo(c0.get("number").asInt());
        assertThat(c1.get("text").isNull()).as("its author has not sent the text").isTrue();
        assertThat(Http.get(api + "/texts/" + digest.hex()).text()).isEqualTo(words);

        submit(outsider, new DiscussionTx.Erase(first));
        JsonNode after = Http.get(api + "/discussions/canon/" + essay.hex()).json().get("comments").get(0);
        assertThat(after.has("text")).isFalse();
        assertThat(after.get("erased").get("byAuthor").asBoolean()).isTrue();
        assertThat(after.get("digest").asText()).as("the record stays").isEqualTo(digest.hex());
        assertThat(Http.get(api + "/texts/" + digest.hex()).status()).isEqualTo(404);
        assertThat(Http.postText(api + "/texts/" + digest.hex(), words).status()).as("not taken back").isEqualTo(404);
        long deadline = System.currentTimeMillis() + 10_000;
        while (Files.exists(node.dir.resolve("texts").resolve(digest.hex())) && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        assertThat(node.dir.resolve("texts").resolve(digest.hex())).as("the node deleted the text").doesNotExist();
        assertThat(Http.get(api + "/discussions/proposal/" + Hash.sha256(new byte[] {1}).hex()).json()
                .get("comments")).isEmpty();
        assertThat(Http.get(api + "/discussions/elsewhere/" + essay.hex()).status()).isEqualTo(400);
    }
}

package org.phyle.node.http;

import static org.phyle.node.http.Requests.hashParam;
import static org.phyle.node.http.Requests.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.phyle.core.Rejection;
import org.phyle.core.SocietyView;
import org.phyle.core.discussion.Discussion;
import org.phyle.core.discussion.DiscussionTx;
import org.phyle.crypto.Hash;
import org.phyle.node.Node;
import org.phyle.node.NodeCode;
import org.phyle.node.store.CommentTexts;

/**
 * Discussions: a thread's records with the texts the node holds, and the texts themselves. A comment's text is
 * accepted only once its comment is on the ledger and only under the digest the comment names, so the node keeps
 * nothing the ledger does not account for; when a comment is erased, the node deletes its text.
 */
final class DiscussionRoutes {
    private final Node node;
    private final CommentTexts texts;
    private final AtomicLong swept = new AtomicLong();
    private final ExecutorService sweeper = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "erased-texts");
        t.setDaemon(true);
        return t;
    });

    DiscussionRoutes(Node node) {
        this.node = node;
        this.texts = new CommentTexts(node.config().dataDir());
    }

    void register(Router router) {
        router.get("/discussions/{on}/{place}", this::thread);
        router.get("/texts/{digest}", this::text);
        router.post("/texts/{digest}", this::store);
        sweeper.execute(() -> sweep(-1));
        node.onHead(h -> sweeper.execute(() -> sweep(swept.get())));
    }

    /** Deletes the texts of comments erased in blocks after this height (and of any erased before, at start). */
    private void sweep(long after) {
        long height = node.head().height();
        List<Discussion.Comment> erased = node.read(s -> s.view(Discussion.class).erasedAfter(after));
        for (Discussion.Comment c : erased) {
            if (!node.read(s -> s.view(Discussion.class).liveWithDigest(c.digest()))) {
                texts.delete(c.digest()); // unless another comment, not erased, says the same words
            }
        }
        swept.set(height);
    }

    private void thread(Context ctx) {
        DiscussionTx.On on = DiscussionTx.On.fromJson(ctx.pathParam("on"));
        Hash place = hashParam(ctx, "place");
        ObjectNode o = Views.object().put("on", on.json()).put("place", place.hex());
        ArrayNode comments = o.putArray("comments");
        node.read(s -> {
            for (Discussion.Comment c : s.view(Discussion.class).thread(on, place)) {
                comments.add(comment(s, c));
            }
            return null;
        });
        json(ctx, o);
    }

    private ObjectNode comment(SocietyView s, Discussion.Comment c) {
        ObjectNode o = Views.object().put("id", c.id().hex()).put("number", c.number());
        if (c.replyTo() >= 0) {
            o.put("replyTo", c.replyTo());
        }
        if (c.author() >= 0) {
            o.set("author", GovernanceRoutes.person(s.registry(), c.author()));
        } else {
            o.putNull("author");
        }
        o.put("authorKey", c.authorKey().did()).put("standing", c.standing().json()).put("time", c.time())
                .put("height", c.height()).put("digest", c.digest().hex()).put("length", c.length());
        if (c.erasure().isPresent()) {
            Discussion.Erasure e = c.erasure().get();
            o.putObject("erased").put("byAuthor", e.byAuthor()).put("enactedBy", e.enactedBy().hex())
                    .put("reason", e.reason()).put("time", e.time());
        } else {
            texts.get(c.digest()).ifPresentOrElse(t -> o.put("text", t), () -> o.putNull("text"));
        }
        return o;
    }

    private void text(Context ctx) {
        Hash digest = hashParam(ctx, "digest");
        if (!live(digest)) {
            throw new Rejection(NodeCode.NOT_FOUND, "no comment on the ledger holds text " + digest.hex()
                    + ", or its text was erased");
        }
        String t = texts.get(digest).orElseThrow(() -> new Rejection(NodeCode.NOT_FOUND, "this node does not hold "
                + "text " + digest.hex() + " (its author has not sent it here)"));
        ctx.contentType("text/plain; charset=utf-8").result(t);
    }

    /** Stores a comment's text: it must hash to the digest of a comment on the ledger that is not erased. */
    private void store(Context ctx) {
        Hash digest = hashParam(ctx, "digest");
        byte[] body = ctx.bodyAsBytes();
        if (body.length > DiscussionTx.MAX_LENGTH * 4) {
            throw new Rejection(NodeCode.BAD_REQUEST, "a comment has at most " + DiscussionTx.MAX_LENGTH
                    + " characters");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw new Rejection(NodeCode.BAD_REQUEST, "a comment's text is UTF-8");
        }
        if (!Hash.sha256(body).equals(digest)) {
            throw new Rejection(NodeCode.BAD_REQUEST, "the text's SHA-256 is " + Hash.sha256(body).hex()
                    + ", not " + digest.hex());
        }
        if (!live(digest)) {
            throw new Rejection(NodeCode.NOT_FOUND, "no comment on the ledger names text " + digest.hex()
                    + " (submit the comment first), or its text was erased");
        }
        texts.put(digest, text);
        json(ctx, Views.object().put("digest", digest.hex()).put("stored", true));
    }

    /** True if some comment on the ledger names this digest and is not erased. */
    private boolean live(Hash digest) {
        return node.read(s -> s.view(Discussion.class).liveWithDigest(digest));
    }
}

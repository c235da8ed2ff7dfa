package org.phyle.core.discussion;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.phyle.core.Rejection;
import org.phyle.core.TxContext;
import org.phyle.core.canon.Canon;
import org.phyle.core.canon.Standing;
import org.phyle.core.citizenship.Person;
import org.phyle.core.citizenship.Registry;
import org.phyle.core.governance.Governance;
import org.phyle.core.state.StateReader;
import org.phyle.core.state.StateWriter;
import org.phyle.crypto.Hash;
import org.phyle.crypto.VerifyingKey;

/**
 * The discussions of proposals and of the canon's texts: every comment's record (place, reply, author, standing,
 * digest of the text, when) and its erasure if any. This is the read view; the texts themselves are the node's.
 */
public final class Discussion {
    static final long DAY_MS = 86_400_000L;

    /** Who erased a comment's text, and why: its author, or the society by a passed proposal. */
    public record Erasure(boolean byAuthor, Hash enactedBy, String reason, long time, long height) {
    }

    /** One comment: its record on the ledger. */
    public static final class Comment {
        private final int number;
        private final Hash id;
        private final DiscussionTx.On on;
        private final Hash place;
        private final int replyTo;
        private final VerifyingKey authorKey;
        private final int author;
        private final Standing standing;
        private final Hash digest;
        private final int length;
        private final long time;
        private final long height;
        private Erasure erasure;

        Comment(int number, Hash id, DiscussionTx.On on, Hash place, int replyTo, VerifyingKey authorKey, int author,
                Standing standing, Hash digest, int length, long time, long height) {
            this.number = number;
            this.id = id;
            this.on = on;
            this.place = place;
            this.replyTo = replyTo;
            this.authorKey = authorKey;
            this.author = author;
            this.standing = standing;
            this.digest = digest;
            this.length = length;
            this.time = time;
            this.height = height;
        }

        public int number() {
            return number;
        }

        public Hash id() {
            return id;
        }

        public DiscussionTx.On on() {
            return on;
        }

        public Hash place() {
            return place;
        }

        /** The number of the comment this one answers, or -1. */
        public int replyTo() {
            return replyTo;
        }

        public VerifyingKey authorKey() {
            return authorKey;
        }

        /** The author's person number, or -1 for a key nobody registered. */
        public int author() {
            return author;
        }

        public Standing standing() {
            return standing;
        }

        /** The SHA-256 of the comment's text (UTF-8): anyone holding a text can check it against the record. */
        public Hash digest() {
            return digest;
        }

        /** The text's length in characters. */
        public int length() {
            return length;
        }

        public long time() {
            return time;
        }

        public long height() {
            return height;
        }

        public Optional<Erasure> erasure() {
            return Optional.ofNullable(erasure);
        }
    }

    private final List<Comment> comments = new ArrayList<>();
    private final Map<Hash, Comment> byId = new HashMap<>();
    /** digest → the comments that name it. */
    private final Map<Hash, List<Integer>> byDigest = new HashMap<>();
    /** "on:place" → the numbers of its comments, in order. */
    private final Map<String, List<Integer>> threads = new HashMap<>();
    /** Comments written today (counted from the genesis), by the hash of the signing key. */
    private long day;
    private final TreeMap<Hash, Long> writtenToday = new TreeMap<>();

    /** A discussion's comments, in the order written (replies name the comment they answer). */
    public List<Comment> thread(DiscussionTx.On on, Hash place) {
        List<Integer> numbers = threads.get(on.json() + ":" + place.hex());
        return numbers == null ? List.of() : numbers.stream().map(comments::get).toList();
    }

    public Optional<Comment> byId(Hash id) {
        return Optional.ofNullable(byId.get(id));
    }

    public int size() {
        return comments.size();
    }

    /** True if a comment that is not erased names this digest (a node keeps only such texts). */
    public boolean liveWithDigest(Hash digest) {
        List<Integer> numbers = byDigest.get(digest);
        return numbers != null && numbers.stream().anyMatch(n -> comments.get(n).erasure == null);
    }

    /** The comments whose text was erased in blocks after this height: the node deletes their texts. */
    public List<Comment> erasedAfter(long height) {
        return comments.stream().filter(c -> c.erasure != null && c.erasure.height() > height).toList();
    }

    // ---- changes ----------------------------------------------------------------------------------------------

    void comment(DiscussionTx.Comment c, TxContext ctx) {
        boolean exists = switch (c.on()) {
            case PROPOSAL -> ctx.view(Governance.class).byId(c.place()).isPresent();
            case CANON -> ctx.view(Canon.class).byId(c.place()).isPresent();
        };
        if (!exists) {
            throw new Rejection(DiscussionCode.UNKNOWN_PLACE, "no " + (c.on() == DiscussionTx.On.PROPOSAL ? "proposal"
                    : "text of the canon") + " " + c.place().hex());
        }
        int replyTo = -1;
        if (c.reply().isPresent()) {
            Comment parent = comment(c.reply().get());
            if (parent.on != c.on() || !parent.place.equals(c.place())) {
                throw new Rejection(DiscussionCode.REPLY_ELSEWHERE, "comment #" + parent.number + " is in another "
                        + "discussion");
            }
            replyTo = parent.number;
        }
        Person author = ctx.view(Registry.class).byCurrentKey(ctx.signer()).orElse(null);
        Standing standing = Standing.of(author, ctx.time());
        long quota = ctx.parameters().get(standing == Standing.CITIZEN ? DiscussionParams.COMMENTS_PER_DAY
                : DiscussionParams.OTHERS_COMMENTS_PER_DAY);
        long today = (ctx.time() - ctx.facts().genesisTime()) / DAY_MS;
        Hash key = Hash.sha256(ctx.signer().bytes());
        long used = today == day ? writtenToday.getOrDefault(key, 0L) : 0;
        if (used >= quota) {
            throw new Rejection(DiscussionCode.COMMENT_QUOTA, "you have written " + used + " comments today; "
                    + (standing == Standing.CITIZEN ? "citizens" : "writers who are not citizens") + " may write "
                    + quota + " a day");
        }
        if (today != day) {
            day = today;
            writtenToday.clear();
        }
        writtenToday.put(key, used + 1);
        add(new Comment(comments.size(), ctx.txId(), c.on(), c.place(), replyTo, ctx.signer(),
                author == null ? -1 : author.number(), standing, c.digest(), c.length(), ctx.time(), ctx.height()));
    }

    void erase(DiscussionTx.Erase e, TxContext ctx) {
        Comment c = comment(e.comment());
        boolean sameKey = c.authorKey.equals(ctx.signer());
        boolean samePerson = c.author >= 0 && ctx.view(Registry.class).byCurrentKey(ctx.signer())
                .map(p -> p.number() == c.author).orElse(false);
        if (!sameKey && !samePerson) {
            throw new Rejection(DiscussionCode.NOT_THE_AUTHOR, "comment #" + c.number + " is not yours");
        }
        checkNotErased(c);
        c.erasure = new Erasure(true, ctx.txId(), "erased by its author", ctx.time(), ctx.height());
    }

    /** Throws unless the comment exists and is not erased yet (for the society's erasures, checked when proposed). */
    public Comment checkErasable(Hash id) {
        Comment c = comment(id);
        checkNotErased(c);
        return c;
    }

    void eraseBySociety(Hash id, Hash proposal, String reason, long time, long height) {
        comment(id).erasure = new Erasure(false, proposal, reason, time, height);
    }

    private static void checkNotErased(Comment c) {
        if (c.erasure != null) {
            throw new Rejection(DiscussionCode.ALREADY_ERASED, "comment #" + c.number + "'s text was erased at "
                    + java.time.Instant.ofEpochMilli(c.erasure.time()));
        }
    }

    private Comment comment(Hash id) {
        Comment c = byId.get(id);
        if (c == null) {
            throw new Rejection(DiscussionCode.UNKNOWN_COMMENT, "no comment " + id.hex());
        }
        return c;
    }

    private void add(Comment c) {
        comments.add(c);
        byId.put(c.id, c);
        threads.computeIfAbsent(c.on.json() + ":" + c.place.hex(), k -> new ArrayList<>()).add(c.number);
        byDigest.computeIfAbsent(c.digest, k -> new ArrayList<>()).add(c.number);
    }

    // ---- snapshot ---------------------------------------------------------------------------------------------

    void write(StateWriter w) {
        w.writeInt(comments.size());
        for (Comment c : comments) {
            w.writeHash(c.id);
            w.writeInt(c.on.ordinal());
            w.writeHash(c.place);
            w.writeInt(c.replyTo);
            w.writeBytes(c.authorKey.bytes());
            w.writeInt(c.author);
            w.writeInt(c.standing.ordinal());
            w.writeHash(c.digest);
            w.writeInt(c.length);
            w.writeLong(c.time);
            w.writeLong(c.height);
            w.writeBoolean(c.erasure != null);
            if (c.erasure != null) {
                w.writeBoolean(c.erasure.byAuthor());
                w.writeHash(c.erasure.enactedBy());
                w.writeString(c.erasure.reason());
                w.writeLong(c.erasure.time());
                w.writeLong(c.erasure.height());
            }
        }
        w.writeLong(day);
        w.writeInt(writtenToday.size());
        writtenToday.forEach((k, n) -> {
            w.writeHash(k);
            w.writeLong(n);
        });
    }

    void read(StateReader r) {
        int n = r.readCount();
        for (int i = 0; i < n; i++) {
            Hash id = r.readHash();
            DiscussionTx.On on = DiscussionTx.On.values()[r.readInt()];
            Hash place = r.readHash();
            int replyTo = r.readInt();
            VerifyingKey key;
            try {
                key = VerifyingKey.fromBytes(r.readBytes());
            } catch (RuntimeException e) {
                throw new StateReader.CorruptStateException("a comment's author key: " + e.getMessage());
            }
            Comment c = new Comment(i, id, on, place, replyTo, key, r.readInt(), Standing.values()[r.readInt()],
                    r.readHash(), r.readInt(), r.readLong(), r.readLong());
            if (r.readBoolean()) {
                c.erasure = new Erasure(r.readBoolean(), r.readHash(), r.readString(), r.readLong(), r.readLong());
            }
            add(c);
        }
        day = r.readLong();
        int q = r.readCount();
        for (int i = 0; i < q; i++) {
            writtenToday.put(r.readHash(), r.readLong());
        }
    }
}

package org.phyle.core.canon;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.phyle.core.BlockContext;
import org.phyle.core.Reads;
import org.phyle.core.Rejection;
import org.phyle.core.TxContext;
import org.phyle.core.charter.Amendments;
import org.phyle.core.charter.CharterEffect;
import org.phyle.core.charter.CharterParams;
import org.phyle.core.citizenship.Person;
import org.phyle.core.citizenship.Registry;
import org.phyle.core.governance.GovernanceEffect;
import org.phyle.core.state.StateReader;
import org.phyle.core.state.StateWriter;
import org.phyle.crypto.Hash;
import org.phyle.crypto.VerifyingKey;

/**
 * The society's canon, open from the genesis: essays by anyone with a key (within a quota, their standing shown) and
 * proposed texts for the charter by citizens, with their
 * endorsements. A proposed text that reaches {@code charter.canonEndorsements} endorsements goes to a vote as a text
 * amendment, its endorsers standing as its sponsors; if the amendment is adopted, its author receives a recognition
 * attestation, kept here with the block that carried the amendment out.
 */
public final class Canon {
    static final long WEEK_MS = 7 * 86_400_000L;

    /** A text of the canon. */
    public static final class Text {
        private final int number;
        private final Hash id;
        private final int author;
        private final VerifyingKey authorKey;
        private final Standing standing;
        private final CanonTx.Publish terms;
        private final long publishedAt;
        private final TreeSet<Integer> endorsers = new TreeSet<>();
        private Hash proposal;

        Text(int number, Hash id, int author, VerifyingKey authorKey, Standing standing, CanonTx.Publish terms,
             long publishedAt) {
            this.authorKey = authorKey;
            this.standing = standing;
            this.number = number;
            this.id = id;
            this.author = author;
            this.terms = terms;
            this.publishedAt = publishedAt;
        }

        public int number() {
            return number;
        }

        public Hash id() {
            return id;
        }

        /** The author's person number, or -1 for a key nobody registered. */
        public int author() {
            return author;
        }

        /** The key that signed the text. */
        public VerifyingKey authorKey() {
            return authorKey;
        }

        /** The author's standing when they published it. */
        public Standing standing() {
            return standing;
        }

        public CanonTx.Publish terms() {
            return terms;
        }

        public long publishedAt() {
            return publishedAt;
        }

        public List<Integer> endorsers() {
            return List.copyOf(endorsers);
        }

        /** The amendment proposal it became, if it did. */
        public Optional<Hash> proposal() {
            return Optional.ofNullable(proposal);
        }
    }

    /** A recognition: the author's text became part of the charter, by this proposal, in this block. */
    public record Attestation(int author, Hash text, Hash proposal, String target, int charterVersion, long time,
                              long height) {
    }

    private final List<Text> texts = new ArrayList<>();
    private final Map<Hash, Text> byId = new HashMap<>();
    private final Map<Hash, Text> byProposal = new HashMap<>();
    private final List<Attestation> attestations = new ArrayList<>();
    /** Texts published this week (counted from the genesis), by the hash of the signing key. */
    private long week;
    private final TreeMap<Hash, Long> publishedThisWeek = new TreeMap<>();

    void apply(CanonTx tx, TxContext ctx) {
        Registry registry = ctx.view(Registry.class);
        switch (tx) {
            case CanonTx.Publish p -> {
                // essays are open to anyone with a key, within a quota; proposed articles to citizens
                Person author = p.kind() == CanonTx.Kind.ARTICLE ? registry.citizenInGoodStanding(ctx)
                        : registry.byCurrentKey(ctx.signer()).orElse(null);
                Standing standing = Standing.of(author, ctx.time());
                long quota = ctx.parameters().get(standing == Standing.CITIZEN ? CanonParams.TEXTS_PER_WEEK
                        : CanonParams.OTHERS_TEXTS_PER_WEEK);
                long thisWeek = (ctx.time() - ctx.facts().genesisTime()) / WEEK_MS;
                Hash key = Hash.sha256(ctx.signer().bytes());
                long used = thisWeek == week ? publishedThisWeek.getOrDefault(key, 0L) : 0;
                if (used >= quota) {
                    throw new Rejection(CanonCode.TEXT_QUOTA, "you have published " + used + " texts this week; "
                            + (standing == Standing.CITIZEN ? "citizens" : "writers who are not citizens")
                            + " may publish " + quota + " a week");
                }
                if (thisWeek != week) {
                    week = thisWeek;
                    publishedThisWeek.clear();
                }
                publishedThisWeek.put(key, used + 1);
                Text t = new Text(texts.size(), ctx.txId(), author == null ? -1 : author.number(), ctx.signer(),
                        standing, p, ctx.time());
                texts.add(t);
                byId.put(t.id, t);
            }
            case CanonTx.Endorse e -> {
                Person citizen = registry.citizenInGoodStanding(ctx);
                Text t = text(e.text());
                if (t.author == citizen.number()) {
                    throw new Rejection(CanonCode.OWN_TEXT, "you wrote text #" + t.number);
                }
                if (t.endorsers.contains(citizen.number())) {
                    throw new Rejection(CanonCode.ALREADY_ENDORSED, "you already endorse text #" + t.number);
                }
                long needed = ctx.parameters().get(CharterParams.CANON_ENDORSEMENTS);
                if (t.terms.kind() == CanonTx.Kind.ARTICLE && t.proposal == null && t.endorsers.size() + 1 >= needed) {
                    propose(t, citizen.number(), ctx);
                }
                t.endorsers.add(citizen.number());
            }
        }
    }

    /** The endorsement that completes the count puts the text to a vote; the proposal's id is that endorsement's. */
    private void propose(Text t, int lastEndorser, TxContext ctx) {
        Reads reads = ctx.block().reads();
        Amendments.TextAmendment action = new Amendments.TextAmendment(t.terms.target().orElseThrow(), t.terms.text());
        action.check(reads);
        List<Integer> sponsors = new ArrayList<>(t.endorsers);
        sponsors.add(lastEndorser);
        ctx.send(new GovernanceEffect.ProposeFromCanon(ctx.txId(), t.author, t.terms.title(), "From the canon: text "
                + t.id.hex() + ".", action, Amendments.minimumThreshold(action, reads),
                sponsors.stream().mapToInt(Integer::intValue).toArray()));
        t.proposal = ctx.txId();
        byProposal.put(t.proposal, t);
    }

    /** A text of the charter was amended: if by a proposal that came from the canon, its author is recognised. */
    void amended(CharterEffect.TextAmended a, BlockContext ctx) {
        Text t = byProposal.get(a.enactedBy());
        if (t != null) {
            attestations.add(new Attestation(t.author, t.id, a.enactedBy(), t.terms.target().orElseThrow(),
                    a.version(), ctx.time(), ctx.height()));
        }
    }

    public List<Text> texts() {
        return List.copyOf(texts);
    }

    public Optional<Text> byId(Hash id) {
        return Optional.ofNullable(byId.get(id));
    }

    public List<Attestation> attestations() {
        return List.copyOf(attestations);
    }

    private Text text(Hash id) {
        Text t = byId.get(id);
        if (t == null) {
            throw new Rejection(CanonCode.UNKNOWN_TEXT, "no text " + id.hex() + " in the canon");
        }
        return t;
    }

    // ---- snapshot ---------------------------------------------------------------------------------------------

    void write(StateWriter w) {
        w.writeInt(texts.size());
        for (Text t : texts) {
            w.writeHash(t.id);
            w.writeInt(t.author);
            w.writeBytes(t.authorKey.bytes());
            w.writeInt(t.standing.ordinal());
            w.writeInt(t.terms.kind().ordinal());
            w.writeString(t.terms.title());
            w.writeString(t.terms.text());
            w.writeString(t.terms.target().orElse(""));
            w.writeLong(t.publishedAt);
            w.writeInt(t.endorsers.size());
            t.endorsers.forEach(w::writeInt);
            w.writeHash(t.proposal == null ? Hash.ZERO : t.proposal);
        }
        w.writeLong(week);
        w.writeInt(publishedThisWeek.size());
        publishedThisWeek.forEach((k, n) -> {
            w.writeHash(k);
            w.writeLong(n);
        });
        w.writeInt(attestations.size());
        for (Attestation a : attestations) {
            w.writeInt(a.author());
            w.writeHash(a.text());
            w.writeHash(a.proposal());
            w.writeString(a.target());
            w.writeInt(a.charterVersion());
            w.writeLong(a.time());
            w.writeLong(a.height());
        }
    }

    void read(StateReader r) {
        Canon c = this;
        int n = r.readCount();
        for (int i = 0; i < n; i++) {
            Hash id = r.readHash();
            int author = r.readInt();
            VerifyingKey authorKey;
            try {
                authorKey = VerifyingKey.fromBytes(r.readBytes());
            } catch (RuntimeException ex) {
                throw new StateReader.CorruptStateException("a canon text's author key: " + ex.getMessage());
            }
            int standing = r.readInt();
            if (standing < 0 || standing >= Standing.values().length) {
                throw new StateReader.CorruptStateException("no standing " + standing);
            }
            CanonTx.Kind kind = CanonTx.Kind.values()[r.readInt()];
            String title = r.readString();
            String text = r.readString();
            String target = r.readString();
            CanonTx.Publish terms = new CanonTx.Publish(kind, title, text,
                    target.isEmpty() ? Optional.empty() : Optional.of(target));
            Text t = new Text(i, id, author, authorKey, Standing.values()[standing], terms, r.readLong());
            int e = r.readCount();
            for (int j = 0; j < e; j++) {
                t.endorsers.add(r.readInt());
            }
            Hash proposal = r.readHash();
            t.proposal = proposal.equals(Hash.ZERO) ? null : proposal;
            c.texts.add(t);
            c.byId.put(id, t);
            if (t.proposal != null) {
                c.byProposal.put(t.proposal, t);
            }
        }
        c.week = r.readLong();
        int q = r.readCount();
        for (int i = 0; i < q; i++) {
            c.publishedThisWeek.put(r.readHash(), r.readLong());
        }
        int a = r.readCount();
        for (int i = 0; i < a; i++) {
            c.attestations.add(new Attestation(r.readInt(), r.readHash(), r.readHash(), r.readString(), r.readInt(),
                    r.readLong(), r.readLong()));
        }
    }
}

package org.phyle.core.canon;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.phyle.core.Rejection;
import org.phyle.core.Society;
import org.phyle.core.TxContext;
import org.phyle.core.charter.Amendments;
import org.phyle.core.charter.CharterParams;
import org.phyle.core.citizenship.Person;
import org.phyle.core.governance.Actions;
import org.phyle.core.state.StateReader;
import org.phyle.core.state.StateWriter;
import org.phyle.core.tx.TxType;
import org.phyle.crypto.Hash;

/**
 * The society's canon, open to every citizen from the genesis: essays and proposed texts for the charter, with their
 * endorsements. A proposed text that reaches {@code charter.canonEndorsements} endorsements goes to a vote as a text
 * amendment, its endorsers standing as its sponsors; if the amendment is adopted, its author receives a recognition
 * attestation, kept here with the block that carried the amendment out.
 */
public final class Canon {
    public static final List<TxType> TX_TYPES = CanonTx.TYPES;

    /** A text of the canon. */
    public static final class Text {
        private final int number;
        private final Hash id;
        private final int author;
        private final CanonTx.Publish terms;
        private final long publishedAt;
        private final TreeSet<Integer> endorsers = new TreeSet<>();
        private Hash proposal;

        Text(int number, Hash id, int author, CanonTx.Publish terms, long publishedAt) {
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

        public int author() {
            return author;
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

    public void apply(CanonTx tx, TxContext ctx) {
        Society s = ctx.society();
        Person citizen = s.registry().citizenInGoodStanding(ctx);
        switch (tx) {
            case CanonTx.Publish p -> {
                Text t = new Text(texts.size(), ctx.txId(), citizen.number(), p, ctx.time());
                texts.add(t);
                byId.put(t.id, t);
            }
            case CanonTx.Endorse e -> {
                Text t = text(e.text());
                if (t.author == citizen.number()) {
                    throw new Rejection(CanonCode.OWN_TEXT, "you wrote text #" + t.number);
                }
                if (t.endorsers.contains(citizen.number())) {
                    throw new Rejection(CanonCode.ALREADY_ENDORSED, "you already endorse text #" + t.number);
                }
                long needed = s.parameters().get(CharterParams.CANON_ENDORSEMENTS);
                if (t.terms.kind() == CanonTx.Kind.ARTICLE && t.proposal == null && t.endorsers.size() + 1 >= needed) {
                    propose(t, citizen.number(), ctx);
                }
                t.endorsers.add(citizen.number());
            }
        }
    }

    /** The endorsement that completes the count puts the text to a vote; the proposal's id is that endorsement's. */
    private void propose(Text t, int lastEndorser, TxContext ctx) {
        Society s = ctx.society();
        Actions.TextAmendment action = new Actions.TextAmendment(t.terms.target().orElseThrow(), t.terms.text());
        List<Integer> sponsors = new ArrayList<>(t.endorsers);
        sponsors.add(lastEndorser);
        s.governance().proposeFromCanon(ctx.txId(), t.author, t.terms.title(), "From the canon: text "
                + t.id.hex() + ".", action, Amendments.minimumThreshold(action, s),
                sponsors.stream().mapToInt(Integer::intValue).toArray(), ctx);
        t.proposal = ctx.txId();
        byProposal.put(t.proposal, t);
    }

    /** Called when a text amendment is carried out: if it came from the canon, its author is recognised. */
    public void adopted(Hash proposal, Society society, long time, long height) {
        Text t = byProposal.get(proposal);
        if (t != null) {
            attestations.add(new Attestation(t.author, t.id, proposal, t.terms.target().orElseThrow(),
                    society.charter().version(), time, height));
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

    public void write(StateWriter w) {
        w.writeInt(texts.size());
        for (Text t : texts) {
            w.writeHash(t.id);
            w.writeInt(t.author);
            w.writeInt(t.terms.kind().ordinal());
            w.writeString(t.terms.title());
            w.writeString(t.terms.text());
            w.writeString(t.terms.target().orElse(""));
            w.writeLong(t.publishedAt);
            w.writeInt(t.endorsers.size());
            t.endorsers.forEach(w::writeInt);
            w.writeHash(t.proposal == null ? Hash.ZERO : t.proposal);
        }
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

    public static Canon read(StateReader r) {
        Canon c = new Canon();
        int n = r.readCount();
        for (int i = 0; i < n; i++) {
            Hash id = r.readHash();
            int author = r.readInt();
            CanonTx.Kind kind = CanonTx.Kind.values()[r.readInt()];
            String title = r.readString();
            String text = r.readString();
            String target = r.readString();
            CanonTx.Publish terms = new CanonTx.Publish(kind, title, text,
                    target.isEmpty() ? Optional.empty() : Optional.of(target));
            Text t = new Text(i, id, author, terms, r.readLong());
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
        int a = r.readCount();
        for (int i = 0; i < a; i++) {
            c.attestations.add(new Attestation(r.readInt(), r.readHash(), r.readHash(), r.readString(), r.readInt(),
                    r.readLong(), r.readLong()));
        }
        return c;
    }
}

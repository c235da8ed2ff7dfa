package org.phyle.core.canon;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

/**
 * The society's canon, open to every citizen from the genesis: essays and proposed texts for the charter, with their
 * endorsements. A proposed text that reaches {@code charter.canonEndorsements} endorsements goes to a vote as a text
 * amendment, its endorsers standing as its sponsors; if the amendment is adopted, its author receives a recognition
 * attestation, kept here with the block that carried the amendment out.
 */
public final class Canon {

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

    void apply(CanonTx tx, TxContext ctx) {
        Person citizen = ctx.view(Registry.class).citizenInGoodStanding(ctx);
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

    void read(StateReader r) {
        Canon c = this;
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
    }
}

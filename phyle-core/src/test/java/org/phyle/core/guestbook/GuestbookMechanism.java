package org.phyle.core.guestbook;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.phyle.core.BlockContext;
import org.phyle.core.Effect;
import org.phyle.core.Founding;
import org.phyle.core.Mechanism;
import org.phyle.core.ParameterSpec;
import org.phyle.core.Reads;
import org.phyle.core.Rejection;
import org.phyle.core.RejectionCode;
import org.phyle.core.TxContext;
import org.phyle.core.View;
import org.phyle.core.citizenship.Registry;
import org.phyle.core.proposals.Carry;
import org.phyle.core.proposals.ProposalAction;
import org.phyle.core.proposals.ProposalKind;
import org.phyle.core.state.StateReader;
import org.phyle.core.state.StateWriter;
import org.phyle.core.tx.Fields;
import org.phyle.core.tx.TxBody;
import org.phyle.core.tx.TxType;

/**
 * A mechanism that is not part of Phyle, to show that one plugs in without an edit to {@code Society}: citizens sign
 * a guestbook of at most {@code guestbook.maxLines} lines, and the society may clear it by a vote. It declares a
 * transaction type, a parameter, a rejection code, a proposal kind it carries out, and a read view; it reads
 * citizenship through its view.
 */
public final class GuestbookMechanism implements Mechanism {
    static final ParameterSpec MAX_LINES = new ParameterSpec("guestbook.maxLines", 3, 1, 100, "lines",
            "How many lines the guestbook holds.");

    enum Code implements RejectionCode {
        GUESTBOOK_FULL("The guestbook is full."),
        GUESTBOOK_EMPTY("There is nothing to clear.");

        private final String meaning;

        Code(String meaning) {
            this.meaning = meaning;
        }

        public Kind kind() {
            return Kind.RULE;
        }

        public String meaning() {
            return meaning;
        }
    }

    /** {@code guestbook.sign}: a citizen in good standing adds a line. */
    record Sign(String line) implements TxBody {
        public String type() {
            return "guestbook.sign";
        }

        public ObjectNode toJson() {
            return JsonNodeFactory.instance.objectNode().put("line", line);
        }

        static Sign read(Fields f) {
            Sign s = new Sign(f.line("line", 1, 200));
            f.end();
            return s;
        }
    }

    /** The action of a {@code clear-guestbook} proposal. */
    record Clear() implements ProposalAction {
        public String kind() {
            return KIND.name();
        }

        public ObjectNode toJson() {
            return JsonNodeFactory.instance.objectNode();
        }

        public void check(Reads reads) {
            if (reads.view(Guestbook.class).lines().isEmpty()) {
                throw new Rejection(Code.GUESTBOOK_EMPTY, "the guestbook has no lines to clear");
            }
        }
    }

    static final ProposalKind KIND = new ProposalKind("clear-guestbook", "Clears the guestbook.", f -> {
        f.end();
        return new Clear();
    });

    private final Guestbook book = new Guestbook();

    @Override
    public Declarations declarations() {
        List<Class<? extends Effect>> receives = List.of(Carry.class);
        return Declarations.of("guestbook")
                .withTxTypes(List.of(new TxType("guestbook.sign", "A citizen signs the guestbook.", Sign::read)))
                .withParameters(List.of(MAX_LINES))
                .withCodes(List.of(Code.values()))
                .withProposalKinds(List.of(KIND))
                .withReceives(receives)
                .withViews(List.of(new View<>(Guestbook.class, book)));
    }

    @Override
    public void genesis(Founding founding) {
        book.lines.add("Founded by " + founding.founderName());
    }

    @Override
    public void apply(TxBody body, TxContext ctx) {
        Sign s = (Sign) body;
        ctx.view(Registry.class).citizenInGoodStanding(ctx);
        if (book.lines.size() >= ctx.parameters().get(MAX_LINES)) {
            throw new Rejection(Code.GUESTBOOK_FULL, "the guestbook holds " + book.lines.size() + " lines");
        }
        book.lines.add(s.line());
    }

    @Override
    public void receive(Effect effect, BlockContext ctx) {
        if (effect instanceof Carry c && c.action() instanceof Clear) {
            book.lines.clear();
            book.cleared++;
        } else {
            Mechanism.super.receive(effect, ctx);
        }
    }

    @Override
    public void write(StateWriter w) {
        w.writeInt(book.cleared);
        w.writeInt(book.lines.size());
        book.lines.forEach(w::writeString);
    }

    @Override
    public void read(StateReader r, Reads reads) {
        book.cleared = r.readInt();
        int n = r.readCount();
        for (int i = 0; i < n; i++) {
            book.lines.add(r.readString());
        }
    }
}

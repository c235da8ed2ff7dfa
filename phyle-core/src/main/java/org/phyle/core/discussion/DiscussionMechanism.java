package org.phyle.core.discussion;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.phyle.core.BlockContext;
import org.phyle.core.Effect;
import org.phyle.core.Mechanism;
import org.phyle.core.Reads;
import org.phyle.core.TxContext;
import org.phyle.core.View;
import org.phyle.core.proposals.Carry;
import org.phyle.core.proposals.ProposalAction;
import org.phyle.core.proposals.ProposalKind;
import org.phyle.core.state.StateReader;
import org.phyle.core.state.StateWriter;
import org.phyle.core.tx.TxBody;
import org.phyle.crypto.Hash;

/**
 * Discussion as a mechanism: comments and replies on proposals and on the canon's texts, their erasure by their
 * authors, and the proposal kind by which the society erases a comment's text, giving its reason. Its view is
 * {@link Discussion}.
 */
public final class DiscussionMechanism implements Mechanism {
    /** {@code {"comment": "<id>", "reason": "..."}}: the society erases a comment's text; the record stays. */
    public record EraseComment(Hash comment, String reason) implements ProposalAction {
        public String kind() {
            return KIND.name();
        }

        public ObjectNode toJson() {
            return JsonNodeFactory.instance.objectNode().put("comment", comment.hex()).put("reason", reason);
        }

        public void check(Reads reads) {
            reads.view(Discussion.class).checkErasable(comment);
        }
    }

    public static final ProposalKind KIND = new ProposalKind("erase-comment",
            "Erases the text of a comment, giving the reason; the record that it existed stays.", f -> {
                EraseComment e = new EraseComment(f.hash("comment"), f.text("reason", 1, 2_000));
                f.end();
                return e;
            });

    private final Discussion discussion = new Discussion();

    @Override
    public Declarations declarations() {
        List<Class<? extends Effect>> receives = List.of(Carry.class);
        return Declarations.of("discussion")
                .withTxTypes(DiscussionTx.TYPES)
                .withParameters(DiscussionParams.ALL)
                .withCodes(List.of(DiscussionCode.values()))
                .withProposalKinds(List.of(KIND))
                .withReceives(receives)
                .withViews(List.of(new View<>(Discussion.class, discussion)));
    }

    @Override
    public void apply(TxBody body, TxContext ctx) {
        switch ((DiscussionTx) body) {
            case DiscussionTx.Comment c -> discussion.comment(c, ctx);
            case DiscussionTx.Erase e -> discussion.erase(e, ctx);
        }
    }

    @Override
    public void receive(Effect effect, BlockContext ctx) {
        if (effect instanceof Carry c && c.action() instanceof EraseComment e) {
            discussion.eraseBySociety(e.comment(), c.execution().proposal(), e.reason(), ctx.time(), ctx.height());
        } else {
            Mechanism.super.receive(effect, ctx);
        }
    }

    @Override
    public void write(StateWriter w) {
        discussion.write(w);
    }

    @Override
    public void read(StateReader r, Reads reads) {
        discussion.read(r);
    }
}

package org.phyle.core.governance;

import java.util.List;
import org.phyle.core.BlockContext;
import org.phyle.core.Effect;
import org.phyle.core.Mechanism;
import org.phyle.core.Reads;
import org.phyle.core.TxContext;
import org.phyle.core.View;
import org.phyle.core.sortition.Draw;
import org.phyle.core.sortition.SortitionEffect;
import org.phyle.core.state.StateReader;
import org.phyle.core.state.StateWriter;
import org.phyle.core.tx.TxBody;
import org.phyle.core.tx.Vocabulary;

/**
 * Governance as a mechanism: its transactions (proposals, sponsorship, votes, delegation, execution), the effects it
 * receives (a veto, a text of the canon put to a vote, an outside panel drawn) and what it does at the end of every
 * block (open, close and execute what is due). Its state and read view is {@link Governance}.
 */
public final class GovernanceMechanism implements Mechanism {
    private final Governance governance = new Governance();

    @Override
    public Declarations declarations() {
        List<Class<? extends Effect>> receives = List.of(GovernanceEffect.Veto.class,
                GovernanceEffect.ProposeFromCanon.class, SortitionEffect.DrawMade.class);
        return Declarations.of("governance")
                .withTxTypes(GovernanceTx.TYPES)
                .withParameters(GovernanceParams.ALL)
                .withCodes(List.of(GovernanceCode.values()))
                .withProposalKinds(Actions.KINDS)
                .withReceives(receives)
                .withViews(List.of(new View<>(Governance.class, governance)));
    }

    @Override
    public void apply(TxBody body, TxContext ctx) {
        governance.apply((GovernanceTx) body, ctx);
    }

    @Override
    public void receive(Effect effect, BlockContext ctx) {
        switch (effect) {
            case GovernanceEffect.Veto v -> governance.veto(v.proposal(), ctx.time());
            case GovernanceEffect.ProposeFromCanon p -> governance.proposeFromCanon(p, ctx);
            case SortitionEffect.DrawMade d -> {
                if (d.purpose() == Draw.Purpose.PANEL) {
                    governance.seatPanel(d.subject(), d.selected());
                }
            }
            default -> Mechanism.super.receive(effect, ctx);
        }
    }

    @Override
    public void endBlock(BlockContext ctx) {
        governance.endBlock(ctx);
    }

    @Override
    public long nextDue(long lastBlockTime) {
        return governance.nextDue();
    }

    @Override
    public void write(StateWriter w) {
        governance.write(w);
    }

    @Override
    public void read(StateReader r, Reads reads) {
        governance.read(r, reads.view(Vocabulary.class));
    }
}

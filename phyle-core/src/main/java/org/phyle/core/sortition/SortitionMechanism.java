package org.phyle.core.sortition;

import java.util.List;
import org.phyle.core.BlockContext;
import org.phyle.core.Effect;
import org.phyle.core.Mechanism;
import org.phyle.core.Reads;
import org.phyle.core.TxContext;
import org.phyle.core.View;
import org.phyle.core.citizenship.CitizenshipEffect;
import org.phyle.core.state.StateReader;
import org.phyle.core.state.StateWriter;
import org.phyle.core.tx.TxBody;

/**
 * Draws by lot as a mechanism: the stewards' and the node's transactions, the draws other mechanisms ask for (a
 * challenge's jury, a proposal's outside panel), and when the next draw can be proved. Its state and read view is
 * {@link Sortition}.
 */
public final class SortitionMechanism implements Mechanism {
    private final Sortition sortition = new Sortition();

    @Override
    public Declarations declarations() {
        List<Class<? extends Effect>> receives = List.of(SortitionEffect.RequestDraw.class,
                CitizenshipEffect.JuryRequested.class);
        return Declarations.of("sortition")
                .withTxTypes(SortitionTx.TYPES)
                .withParameters(SortitionParams.ALL)
                .withCodes(List.of(SortitionCode.values()))
                .withReceives(receives)
                .withViews(List.of(new View<>(Sortition.class, sortition)))
                .withRules(List.of(SortitionParams::checkPanelKinds));
    }

    @Override
    public void apply(TxBody body, TxContext ctx) {
        sortition.apply((SortitionTx) body, ctx);
    }

    @Override
    public void receive(Effect effect, BlockContext ctx) {
        switch (effect) {
            case SortitionEffect.RequestDraw r -> sortition.request(r, ctx);
            case CitizenshipEffect.JuryRequested j -> sortition.juryRequested(j, ctx);
            default -> Mechanism.super.receive(effect, ctx);
        }
    }

    @Override
    public long nextDue(long lastBlockTime) {
        return sortition.nextDue(lastBlockTime);
    }

    @Override
    public void write(StateWriter w) {
        sortition.write(w);
    }

    @Override
    public void read(StateReader r, Reads reads) {
        sortition.read(r);
    }
}

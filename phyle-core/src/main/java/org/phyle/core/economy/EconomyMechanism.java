package org.phyle.core.economy;

import java.util.List;
import org.phyle.core.BlockContext;
import org.phyle.core.Effect;
import org.phyle.core.Founding;
import org.phyle.core.Mechanism;
import org.phyle.core.Reads;
import org.phyle.core.Rejection;
import org.phyle.core.TxContext;
import org.phyle.core.View;
import org.phyle.core.proposals.Carry;
import org.phyle.core.state.StateReader;
import org.phyle.core.state.StateWriter;
import org.phyle.core.tx.TxBody;

/**
 * The economy as a mechanism: the currency and its accounts, the treasury and its statement, locks and vesting,
 * quadratic funding rounds, territory campaigns and the citizen dividend. It reads citizenship (who is a citizen in
 * good standing) and the charter's offices (the stewards); governance carries out its proposal kinds by sending it a
 * {@link Carry}, and never reads it. Its state and read view is {@link Economy}; the movements of money of the block
 * just applied, which are not state, are the view {@link Movements}.
 */
public final class EconomyMechanism implements Mechanism {
    private final Economy economy = new Economy();

    @Override
    public Declarations declarations() {
        List<Class<? extends Effect>> receives = new java.util.ArrayList<>(List.of(Carry.class));
        receives.addAll(LandEscrow.EFFECTS);
        return Declarations.of("economy")
                .withTxTypes(EconomyTx.TYPES)
                .withParameters(EconomyParams.ALL)
                .withCodes(List.of(EconomyCode.values()))
                .withProposalKinds(EconomyActions.KINDS)
                .withReceives(receives)
                .withViews(List.of(new View<>(Economy.class, economy),
                        new View<>(Movements.class, economy.movements)));
    }

    @Override
    public void genesis(Founding founding) {
        economy.found(founding.parameters(), founding.time());
    }

    @Override
    public void apply(TxBody body, TxContext ctx) {
        int mark = economy.movements.mark(ctx.height());
        try {
            economy.apply((EconomyTx) body, ctx);
        } catch (Rejection r) {
            // a refused transaction changed nothing, so it moved nothing either
            economy.movements.rollBack(mark, ctx.height());
            throw r;
        }
    }

    @Override
    public void receive(Effect effect, BlockContext ctx) {
        if (effect instanceof Carry c) {
            economy.carry(c, ctx);
        } else if (LandEscrow.EFFECTS.contains(effect.getClass())) {
            economy.receiveLand(effect, ctx);
        } else {
            Mechanism.super.receive(effect, ctx);
        }
    }

    @Override
    public void endBlock(BlockContext ctx) {
        economy.endBlock(ctx);
    }

    @Override
    public long nextDue(long lastBlockTime) {
        return economy.nextDue();
    }

    @Override
    public void write(StateWriter w) {
        economy.write(w);
    }

    @Override
    public void read(StateReader r, Reads reads) {
        economy.read(r);
    }
}

package org.phyle.core.land;

import java.util.List;
import org.phyle.core.BlockContext;
import org.phyle.core.Effect;
import org.phyle.core.Mechanism;
import org.phyle.core.Reads;
import org.phyle.core.TxContext;
import org.phyle.core.View;
import org.phyle.core.proposals.Carry;
import org.phyle.core.state.StateReader;
import org.phyle.core.state.StateWriter;
import org.phyle.core.tx.TxBody;

/**
 * The land as a mechanism: territories, parcels, residences, Harberger tenure, the land value tax and the floating
 * building tax approved anonymously by neighbours (ring signatures from {@code org.phyle.crypto.ring}). It reads the
 * economy (a campaign's state, spendable money) and citizenship (who may reside); it holds money only through the
 * economy's land escrow ({@link org.phyle.core.economy.LandEscrow}), and every tax and penalty goes to the treasury
 * as revenue. Governance carries out its proposal kinds by sending it a {@link Carry}. Its state and view is
 * {@link Land}; see docs/land.md.
 */
public final class LandMechanism implements Mechanism {
    private final Land land = new Land();

    @Override
    public Declarations declarations() {
        List<Class<? extends Effect>> receives = List.of(Carry.class);
        return Declarations.of("land")
                .withTxTypes(LandTx.TYPES)
                .withParameters(LandParams.ALL)
                .withCodes(List.of(LandCode.values()))
                .withProposalKinds(LandActions.KINDS)
                .withReceives(receives)
                .withViews(List.of(new View<>(Land.class, land)));
    }

    @Override
    public void apply(TxBody body, TxContext ctx) {
        land.apply((LandTx) body, ctx);
    }

    @Override
    public void receive(Effect effect, BlockContext ctx) {
        if (effect instanceof Carry c) {
            String by = c.execution().authority();
            switch (c.action()) {
                case LandActions.NewTerritory t -> land.addTerritory(t.name(), t.country(), t.tenure(), t.rateBp(),
                        t.minPricePerM2(), t.steward(), Territory.BY_GOVERNANCE, ctx.time(), ctx.height());
                case LandActions.NewParcel p -> {
                    Ring ring = land.checkParcel(p.territory(), p.geometry(), p.areaM2(), ctx.parameters());
                    land.addParcel(land.requireTerritory(p.territory()), ring, p.areaM2(),
                            p.reservedFor().orElse(""), ctx.time());
                }
                case LandActions.Assess a -> land.assess(a.parcel(), a.value(), by, ctx);
                default -> Mechanism.super.receive(effect, ctx);
            }
        } else {
            Mechanism.super.receive(effect, ctx);
        }
    }

    @Override
    public void endBlock(BlockContext ctx) {
        land.endBlock(ctx);
    }

    @Override
    public long nextDue(long lastBlockTime) {
        return land.nextDue();
    }

    @Override
    public void write(StateWriter w) {
        land.write(w);
    }

    @Override
    public void read(StateReader r, Reads reads) {
        land.read(r, reads);
    }
}

package org.phyle.core.citizenship;

import java.util.List;
import org.phyle.core.BlockContext;
import org.phyle.core.Effect;
import org.phyle.core.Founding;
import org.phyle.core.Mechanism;
import org.phyle.core.Reads;
import org.phyle.core.TxContext;
import org.phyle.core.View;
import org.phyle.core.charter.Electorate;
import org.phyle.core.state.StateReader;
import org.phyle.core.state.StateWriter;
import org.phyle.core.tx.TxBody;

/**
 * Soulbound citizenship as a mechanism: the registry's transactions and the juries seated for its challenges. Its
 * state and read view is {@link Registry}, which also tells the charter how many citizens are in good standing
 * ({@link Electorate}).
 */
public final class CitizenshipMechanism implements Mechanism {
    private final Registry registry = new Registry();

    @Override
    public Declarations declarations() {
        List<Class<? extends Effect>> receives = List.of(CitizenshipEffect.SeatJury.class);
        return Declarations.of("citizenship")
                .withTxTypes(CitizenshipTx.TYPES)
                .withParameters(CitizenshipParams.ALL)
                .withCodes(List.of(CitizenshipCode.values()))
                .withReceives(receives)
                .withViews(List.of(new View<>(Registry.class, registry), new View<>(Electorate.class, registry)));
    }

    @Override
    public void genesis(Founding founding) {
        registry.found(founding);
    }

    @Override
    public void apply(TxBody body, TxContext ctx) {
        registry.apply((CitizenshipTx) body, ctx);
    }

    @Override
    public void receive(Effect effect, BlockContext ctx) {
        if (effect instanceof CitizenshipEffect.SeatJury s) {
            registry.seatJury(s, ctx);
        } else {
            Mechanism.super.receive(effect, ctx);
        }
    }

    @Override
    public void write(StateWriter w) {
        registry.write(w);
    }

    @Override
    public void read(StateReader r, Reads reads) {
        registry.read(r);
    }
}

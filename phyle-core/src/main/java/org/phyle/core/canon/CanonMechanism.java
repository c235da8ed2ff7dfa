package org.phyle.core.canon;

import java.util.List;
import org.phyle.core.BlockContext;
import org.phyle.core.Effect;
import org.phyle.core.Mechanism;
import org.phyle.core.Reads;
import org.phyle.core.TxContext;
import org.phyle.core.View;
import org.phyle.core.charter.CharterEffect;
import org.phyle.core.state.StateReader;
import org.phyle.core.state.StateWriter;
import org.phyle.core.tx.TxBody;

/**
 * The canon as a mechanism: publishing and endorsing texts, putting a proposed article to a vote when it reaches its
 * endorsements, and recognising its author when the charter is amended by it. Its state and view is {@link Canon}.
 */
public final class CanonMechanism implements Mechanism {
    private final Canon canon = new Canon();

    @Override
    public Declarations declarations() {
        List<Class<? extends Effect>> receives = List.of(CharterEffect.TextAmended.class);
        return Declarations.of("canon")
                .withTxTypes(CanonTx.TYPES)
                .withParameters(CanonParams.ALL)
                .withCodes(List.of(CanonCode.values()))
                .withReceives(receives)
                .withViews(List.of(new View<>(Canon.class, canon)));
    }

    @Override
    public void apply(TxBody body, TxContext ctx) {
        canon.apply((CanonTx) body, ctx);
    }

    @Override
    public void receive(Effect effect, BlockContext ctx) {
        if (effect instanceof CharterEffect.TextAmended a) {
            canon.amended(a, ctx);
        } else {
            Mechanism.super.receive(effect, ctx);
        }
    }

    @Override
    public void write(StateWriter w) {
        canon.write(w);
    }

    @Override
    public void read(StateReader r, Reads reads) {
        canon.read(r);
    }
}

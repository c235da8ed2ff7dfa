package org.phyle.core.notary;

import java.util.List;
import org.phyle.core.Mechanism;
import org.phyle.core.Reads;
import org.phyle.core.TxContext;
import org.phyle.core.View;
import org.phyle.core.state.StateReader;
import org.phyle.core.state.StateWriter;
import org.phyle.core.tx.TxBody;

/** The notary as a mechanism: any key holder timestamps a digest. Its state and view is {@link Notary}. */
public final class NotaryMechanism implements Mechanism {
    private final Notary notary = new Notary();

    @Override
    public Declarations declarations() {
        return Declarations.of("notary")
                .withTxTypes(Notary.TX_TYPES)
                .withViews(List.of(new View<>(Notary.class, notary)));
    }

    @Override
    public void apply(TxBody body, TxContext ctx) {
        notary.apply((NotaryTx) body, ctx);
    }

    @Override
    public void write(StateWriter w) {
        notary.write(w);
    }

    @Override
    public void read(StateReader r, Reads reads) {
        notary.read(r);
    }
}

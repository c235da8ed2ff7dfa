package org.phyle.core.charter;

import java.util.List;
import org.phyle.core.BlockContext;
import org.phyle.core.Effect;
import org.phyle.core.Founding;
import org.phyle.core.Mechanism;
import org.phyle.core.ParameterSpecs;
import org.phyle.core.Reads;
import org.phyle.core.TxContext;
import org.phyle.core.View;
import org.phyle.core.proposals.Carry;
import org.phyle.core.state.StateReader;
import org.phyle.core.state.StateWriter;
import org.phyle.core.tx.TxBody;

/**
 * The charter as a mechanism: its document and parameters ({@link Charter}), the stage of the exit to community
 * ({@link Handover}) and the offices ({@link Offices}). It has no transactions of its own: its texts and parameters
 * change when an amendment is carried out, its offices by the effects the founder's, the council's and the citizens'
 * decisions send, and its stage at the end of every block, from the count of citizens in good standing.
 */
public final class CharterMechanism implements Mechanism {
    private final Charter charter = new Charter();
    private final Handover handover = new Handover();
    private final Offices offices = new Offices();

    @Override
    public Declarations declarations() {
        List<Class<? extends Effect>> receives = List.of(Carry.class, CharterEffect.Appoint.class,
                CharterEffect.Dismiss.class, CharterEffect.SeatCouncil.class, CharterEffect.SignAct.class,
                CharterEffect.Retire.class);
        Reads.ParametersInForce inForce = charter::parameters;
        return Declarations.of("charter")
                .withParameters(CharterParams.ALL)
                .withCodes(List.of(CharterCode.values()))
                .withProposalKinds(Amendments.KINDS)
                .withReceives(receives)
                .withViews(List.of(new View<>(Charter.class, charter), new View<>(Handover.class, handover),
                        new View<>(Offices.class, offices), new View<>(Reads.ParametersInForce.class, inForce)))
                .withRules(List.of((p, kinds) -> Charter.checkScheduleOrder(p)));
    }

    @Override
    public void genesis(Founding founding) {
        charter.found(founding);
        handover.found(founding.time());
    }

    @Override
    public void apply(TxBody body, TxContext ctx) {
        throw new IllegalStateException("the charter has no transactions of its own: " + body.type());
    }

    @Override
    public void receive(Effect effect, BlockContext ctx) {
        switch (effect) {
            case Carry c -> carry(c, ctx);
            case CharterEffect.Appoint a -> offices.appoint(a.person(), ctx.time(), ctx.height(), a.authority());
            case CharterEffect.Dismiss d -> offices.dismiss(d.person(), ctx.time(), ctx.height(), d.authority());
            case CharterEffect.SeatCouncil s -> offices.seatCouncil(s.members(), s.election(), ctx.time(),
                    ctx.height(), s.termMs());
            case CharterEffect.SignAct s -> offices.signAct(s.member(), s.act(), s.person(), ctx.time(), ctx.height());
            case CharterEffect.Retire r -> handover.retire(ctx.time(), ctx.height());
            default -> Mechanism.super.receive(effect, ctx);
        }
    }

    private void carry(Carry c, BlockContext ctx) {
        switch (c.action()) {
            case Amendments.ParameterChange pc -> charter.amendParameters(pc.changes(), handover.stage(),
                    c.execution().time(), c.execution().proposal(), ctx.reads());
            case Amendments.TextAmendment t -> {
                charter.amendText(t.target(), t.text(), t.entrench(), c.execution().time(), c.execution().proposal());
                ctx.send(new CharterEffect.TextAmended(c.execution().proposal(), t.target(), charter.version()));
            }
            default -> throw new IllegalStateException("the charter does not carry out " + c.action().kind());
        }
    }

    @Override
    public void endBlock(BlockContext ctx) {
        handover.endBlock(ctx.view(Electorate.class).activeCitizens(ctx.time()), ctx.parameters(), ctx.time(),
                ctx.height());
    }

    @Override
    public long nextDue(long lastBlockTime) {
        return handover.backstopDue(charter.parameters());
    }

    @Override
    public void write(StateWriter w) {
        charter.write(w);
        handover.write(w);
        offices.write(w);
    }

    @Override
    public void read(StateReader r, Reads reads) {
        charter.read(r, reads.view(ParameterSpecs.class).all());
        handover.read(r);
        offices.read(r);
    }

}

package org.phyle.core.authority;

import java.util.List;
import org.phyle.core.BlockContext;
import org.phyle.core.Effect;
import org.phyle.core.Mechanism;
import org.phyle.core.Reads;
import org.phyle.core.Rejection;
import org.phyle.core.TxContext;
import org.phyle.core.charter.CharterCode;
import org.phyle.core.charter.CharterEffect;
import org.phyle.core.charter.Handover;
import org.phyle.core.charter.Offices;
import org.phyle.core.charter.Stage;
import org.phyle.core.charter.Charter;
import org.phyle.core.charter.Amendments;
import org.phyle.core.citizenship.Person;
import org.phyle.core.citizenship.Registry;
import org.phyle.core.governance.Governance;
import org.phyle.core.governance.GovernanceEffect;
import org.phyle.core.proposals.Carry;
import org.phyle.core.proposals.Execution;
import org.phyle.core.proposals.ProposalAction;
import org.phyle.core.state.StateReader;
import org.phyle.core.state.StateWriter;
import org.phyle.core.tx.TxBody;

/**
 * Who may act under the charter, and how: the founder's direct amendments (Founding stage), veto (until the Republic
 * stage ends) and retirement, the council's acts, and the charter's proposal kinds that fill offices (stewards, the
 * council). Every founder act first checks the power against the stage and the retirement, so that no act survives
 * the power it needs. It keeps no state: what it decides, the charter and governance carry out as effects.
 */
public final class AuthorityMechanism implements Mechanism {
    @Override
    public Declarations declarations() {
        List<Class<? extends Effect>> receives = List.of(Carry.class);
        return Declarations.of("authority")
                .withTxTypes(CharterTx.TYPES)
                .withProposalKinds(CharterActions.KINDS)
                .withReceives(receives);
    }

    @Override
    public void apply(TxBody body, TxContext ctx) {
        Reads reads = ctx.block().reads();
        Handover handover = ctx.view(Handover.class);
        switch ((CharterTx) body) {
            case CharterTx.Amend a -> {
                founder(ctx);
                handover.requireFounderPower(Stage.FounderPower.AMEND, ctx.parameters());
                ProposalAction action = a.action();
                boolean hastensHandover = action instanceof Amendments.ParameterChange pc
                        && Charter.onlySchedule(pc.changes());
                if (action.entrenched(reads) && !hastensHandover) {
                    throw new Rejection(CharterCode.ENTRENCHED, "the founder cannot change entrenched articles or "
                            + "thresholds alone: that needs the citizens' vote with the entrenched threshold");
                }
                action.check(reads);
                Execution e = new Execution(ctx.txId(), ctx.time(), ctx.height(), true, List.of());
                action.checkExecution(e, reads);
                ctx.send(new Carry(action, e));
            }
            case CharterTx.Veto v -> {
                founder(ctx);
                handover.requireFounderPower(Stage.FounderPower.VETO, ctx.parameters());
                ctx.view(Governance.class).checkVetoable(v.proposal(), ctx.time());
                ctx.send(new GovernanceEffect.Veto(v.proposal()));
            }
            case CharterTx.Retire r -> {
                founder(ctx);
                handover.checkNotRetired();
                ctx.send(new CharterEffect.Retire());
            }
            case CharterTx.CouncilAct c -> {
                Offices offices = ctx.view(Offices.class);
                Person member = ctx.view(Registry.class).citizenInGoodStanding(ctx);
                Person target = CharterActions.person(reads, c.person());
                offices.checkOnCouncil(member.number(), ctx.time());
                if (c.act() == Offices.Act.APPOINT_STEWARD) {
                    CharterActions.citizen(reads, c.person());
                    if (offices.isSteward(target.number())) {
                        throw new Rejection(CharterCode.ALREADY_IN_OFFICE, "person #" + target.number()
                                + " is already a steward");
                    }
                } else if (!offices.isSteward(target.number())) {
                    throw new Rejection(CharterCode.NOT_IN_OFFICE, "person #" + target.number()
                            + " is not a steward");
                }
                offices.checkNotSigned(member.number(), c.act(), target.number());
                ctx.send(new CharterEffect.SignAct(member.number(), c.act(), target.number()));
            }
        }
    }

    @Override
    public void receive(Effect effect, BlockContext ctx) {
        if (!(effect instanceof Carry c)) {
            Mechanism.super.receive(effect, ctx);
            return;
        }
        switch (c.action()) {
            case CharterActions.Stewards s -> s.carryOut(c.execution(), ctx);
            case CharterActions.CouncilElection e -> e.carryOut(c.execution(), ctx);
            default -> throw new IllegalStateException("authority does not carry out " + c.action().kind());
        }
    }

    /** The signer, if they are the founder (person #0) and a citizen in good standing. */
    private static Person founder(TxContext ctx) {
        Person p = ctx.view(Registry.class).citizenInGoodStanding(ctx);
        if (p.number() != 0) {
            throw new Rejection(CharterCode.NOT_FOUNDER, "only the founder may do this");
        }
        return p;
    }

    @Override
    public void write(StateWriter w) {
    }

    @Override
    public void read(StateReader r, Reads reads) {
    }
}

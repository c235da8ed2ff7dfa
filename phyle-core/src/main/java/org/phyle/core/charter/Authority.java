package org.phyle.core.charter;

import org.phyle.core.Rejection;
import org.phyle.core.Society;
import org.phyle.core.TxContext;
import org.phyle.core.citizenship.Person;
import org.phyle.core.governance.Actions;
import org.phyle.core.governance.ProposalAction;

/**
 * Who may act under the charter, and how: the founder's direct amendments (Founding stage), veto (until the
 * Republic stage ends) and retirement, and the council's acts. Every founder act first checks the power against the
 * stage and the retirement, so that no act survives the power it needs.
 */
public final class Authority {
    private Authority() {
    }

    public static void apply(CharterTx tx, TxContext ctx) {
        Society s = ctx.society();
        switch (tx) {
            case CharterTx.Amend a -> {
                founder(ctx);
                s.handover().requireFounderPower(Stage.FounderPower.AMEND, s.parameters());
                ProposalAction action = a.action();
                boolean hastensHandover = action instanceof Actions.ParameterChange pc
                        && Charter.onlySchedule(pc.changes());
                if (action.entrenched(s) && !hastensHandover) {
                    throw new Rejection(CharterCode.ENTRENCHED, "the founder cannot change entrenched articles or "
                            + "thresholds alone: that needs the citizens' vote with the entrenched threshold");
                }
                action.check(s);
                action.execute(s, new ProposalAction.Execution(ctx.txId(), ctx.time(), ctx.height(), null));
            }
            case CharterTx.Veto v -> {
                founder(ctx);
                s.handover().requireFounderPower(Stage.FounderPower.VETO, s.parameters());
                s.governance().veto(v.proposal(), ctx.time());
            }
            case CharterTx.Retire r -> {
                founder(ctx);
                s.handover().retire(ctx.time(), ctx.height());
            }
            case CharterTx.CouncilAct c -> {
                Person member = s.registry().citizenInGoodStanding(ctx);
                Person target = CharterActions.person(s, c.person());
                s.offices().signAct(member.number(), c.act(), target.number(), ctx.time(), ctx.height(), () -> {
                    if (c.act() == Offices.Act.APPOINT_STEWARD) {
                        CharterActions.citizen(s, c.person());
                        if (s.offices().isSteward(target.number())) {
                            throw new Rejection(CharterCode.ALREADY_IN_OFFICE, "person #" + target.number()
                                    + " is already a steward");
                        }
                    } else if (!s.offices().isSteward(target.number())) {
                        throw new Rejection(CharterCode.NOT_IN_OFFICE, "person #" + target.number()
                                + " is not a steward");
                    }
                });
            }
        }
    }

    /** The signer, if they are the founder (person #0) and a citizen in good standing. */
    private static Person founder(TxContext ctx) {
        Person p = ctx.society().registry().citizenInGoodStanding(ctx);
        if (p.number() != 0) {
            throw new Rejection(CharterCode.NOT_FOUNDER, "only the founder may do this");
        }
        return p;
    }
}

package org.phyle.core.economy;

import org.phyle.core.Rejection;
import org.phyle.core.TxContext;

/**
 * {@code economy.transfer}: money from the signer to another did:key, or into the treasury (where a payment marked
 * as revenue counts towards the dividend). Everything that could refuse it is checked before anything changes.
 */
final class Transfers {
    private final Accounts accounts;
    private final Treasury treasury;
    private final Dividends dividends;
    private final Movements movements;

    Transfers(Accounts accounts, Treasury treasury, Dividends dividends, Movements movements) {
        this.accounts = accounts;
        this.treasury = treasury;
        this.dividends = dividends;
        this.movements = movements;
    }

    void apply(EconomyTx.Transfer t, TxContext ctx) {
        String signer = ctx.signer().did();
        Money.positive(t.amount());
        if (t.revenue() && !t.toTreasury()) {
            throw new Rejection(EconomyCode.REVENUE_NOT_TO_TREASURY, "only a payment into the treasury is revenue");
        }
        if (t.to().equals(signer)) {
            throw new Rejection(EconomyCode.SELF_TRANSFER, "you cannot send money to yourself");
        }
        if (t.toTreasury()) {
            Money.add(treasury.total(), t.amount());
            Money.add(dividends.revenueInPeriod, t.amount());
        } else {
            Money.add(accounts.balance(t.to()), t.amount());
        }
        accounts.debit(signer, t.amount(), ctx);
        Movement.Kind kind = t.revenue() ? Movement.Kind.REVENUE : Movement.Kind.TRANSFER;
        movements.add(Movement.byTx(ctx, signer, kind, Movement.Direction.OUT, t.amount()).withCounterparty(t.to())
                .withMemo(t.memo()));
        movements.add(Movement.byTx(ctx, t.to(), kind, Movement.Direction.IN, t.amount()).withCounterparty(signer)
                .withMemo(t.memo()));
        if (t.toTreasury()) {
            treasury.general += t.amount();
            if (t.revenue()) {
                dividends.revenueInPeriod += t.amount();
            }
            treasury.entries.add(new Economy.Entry(ctx.time(), ctx.height(), true, t.revenue() ? "revenue" : "payment",
                    t.amount(), signer, t.memo()));
        } else {
            accounts.credit(t.to(), t.amount());
        }
    }
}

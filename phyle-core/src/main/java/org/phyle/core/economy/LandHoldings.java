package org.phyle.core.economy;

import org.phyle.core.BlockContext;
import org.phyle.core.Effect;

/**
 * What the economy holds for the land (tax deposits, the collateral of bids) and how it carries out the land's three
 * commands ({@link LandEscrow}): take from an account's spendable money, pay to an account, pay into the treasury as
 * revenue (counted for the dividend). The land checked each before it sent it; each is a movement of the accounts'
 * history, of the transaction that sent it (none at the end of a block).
 */
final class LandHoldings {
    long escrow;
    private final Accounts accounts;
    private final Treasury treasury;
    private final Dividends dividends;
    private final Movements movements;

    LandHoldings(Accounts accounts, Treasury treasury, Dividends dividends, Movements movements) {
        this.accounts = accounts;
        this.treasury = treasury;
        this.dividends = dividends;
        this.movements = movements;
    }

    void receive(Effect e, BlockContext ctx) {
        switch (e) {
            case LandEscrow.Hold h -> {
                accounts.debit(h.from(), h.amount(), ctx.height(), ctx.time(), h.tx());
                escrow += h.amount();
                movements.add(Movement.of(ctx.height(), ctx.time(), h.from(), Movement.Kind.LAND,
                        Movement.Direction.OUT, h.amount()).withTx(h.tx()).withMemo(h.memo()));
            }
            case LandEscrow.Pay p -> {
                escrow -= p.amount();
                accounts.credit(p.to(), p.amount());
                movements.add(Movement.of(ctx.height(), ctx.time(), p.to(), Movement.Kind.LAND,
                        Movement.Direction.IN, p.amount()).withTx(p.tx()).withMemo(p.memo()));
            }
            case LandEscrow.Revenue r -> {
                escrow -= r.amount();
                treasury.general += r.amount();
                dividends.revenueInPeriod += r.amount();
                treasury.entries.add(new Economy.Entry(ctx.time(), ctx.height(), true, "revenue", r.amount(), "land",
                        r.memo()));
                movements.add(Movement.of(ctx.height(), ctx.time(), EconomyTx.TREASURY, Movement.Kind.REVENUE,
                        Movement.Direction.IN, r.amount()).withTx(r.tx()).withCounterparty("land")
                        .withMemo(r.memo()));
            }
            default -> throw new IllegalStateException("not a land escrow effect: " + e);
        }
    }
}

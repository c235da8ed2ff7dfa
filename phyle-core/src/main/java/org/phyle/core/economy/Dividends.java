package org.phyle.core.economy;

import java.util.ArrayList;
import java.util.List;
import org.phyle.core.BlockContext;
import org.phyle.core.Parameters;
import org.phyle.core.citizenship.Person;
import org.phyle.core.citizenship.Registry;

/**
 * The citizen dividend: the revenue the treasury received in the current period, and at the end of each period the
 * charter's share of it paid equally to every citizen in good standing (the remainder of the division stays).
 */
final class Dividends {
    long revenueInPeriod;
    long nextDividendAt;
    final List<Economy.Dividend> paid = new ArrayList<>();
    private final Accounts accounts;
    private final Treasury treasury;
    private final Movements movements;

    Dividends(Accounts accounts, Treasury treasury, Movements movements) {
        this.accounts = accounts;
        this.treasury = treasury;
        this.movements = movements;
    }

    void found(Parameters p, long time) {
        nextDividendAt = time + p.get(EconomyParams.DIVIDEND_PERIOD_DAYS) * Economy.DAY;
    }

    /** When the period's dividend is due, if there is revenue to share. */
    long nextDue() {
        return revenueInPeriod > 0 ? nextDividendAt : Long.MAX_VALUE;
    }

    /** At the end of a block past the period's end: pays the dividend and starts the next period. */
    void endBlock(BlockContext ctx) {
        long now = ctx.time();
        if (now >= nextDividendAt) {
            pay(ctx);
            long period = ctx.parameters().get(EconomyParams.DIVIDEND_PERIOD_DAYS) * Economy.DAY;
            while (nextDividendAt <= now) {
                nextDividendAt += period;
            }
        }
    }

    private void pay(BlockContext ctx) {
        long now = ctx.time();
        long pot = Money.mulDiv(revenueInPeriod, ctx.parameters().get(EconomyParams.DIVIDEND_SHARE_BP), 10_000);
        pot = Math.min(pot, treasury.general);
        List<Person> citizens = ctx.view(Registry.class).all().stream().filter(p -> p.activeCitizen(now)).toList();
        long each = citizens.isEmpty() ? 0 : pot / citizens.size();
        long total = each * citizens.size();
        if (revenueInPeriod > 0) {
            paid.add(new Economy.Dividend(now, ctx.height(), revenueInPeriod, pot, citizens.size(), each,
                    pot - total));
        }
        revenueInPeriod = 0;
        if (total == 0) {
            return;
        }
        treasury.general -= total;
        treasury.entries.add(new Economy.Entry(now, ctx.height(), false, "dividend", total,
                citizens.size() + " citizens", Money.format(each) + " each"));
        movements.add(Movement.atEnd(ctx, EconomyTx.TREASURY, Movement.Kind.DIVIDEND, Movement.Direction.OUT, total)
                .withMemo(citizens.size() + " citizens, " + Money.format(each) + " each"));
        for (Person p : citizens) {
            accounts.credit(p.key().did(), each);
            movements.add(Movement.atEnd(ctx, p.key().did(), Movement.Kind.DIVIDEND, Movement.Direction.IN, each)
                    .withCounterparty(EconomyTx.TREASURY));
        }
    }
}

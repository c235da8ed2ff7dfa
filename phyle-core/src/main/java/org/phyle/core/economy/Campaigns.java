package org.phyle.core.economy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.phyle.core.BlockContext;
import org.phyle.core.Rejection;
import org.phyle.core.TxContext;
import org.phyle.core.citizenship.Registry;

/**
 * Crowdfunded territory: campaigns collect pledges in escrow; at the deadline a campaign that reached its target
 * pays its escrow into the treasury's land budget and leaves a pending territory, and one that did not refunds
 * every pledge.
 */
final class Campaigns {
    final List<Economy.Campaign> campaigns = new ArrayList<>();
    /** Open campaigns by deadline (derived: not in the snapshot). */
    final TreeMap<Long, TreeSet<Integer>> open = new TreeMap<>();
    final List<Economy.Territory> territories = new ArrayList<>();
    private final Accounts accounts;
    private final Treasury treasury;
    private final Movements movements;

    Campaigns(Accounts accounts, Treasury treasury, Movements movements) {
        this.accounts = accounts;
        this.treasury = treasury;
        this.movements = movements;
    }

    Optional<Economy.Campaign> campaign(int number) {
        return number >= 0 && number < campaigns.size() ? Optional.of(campaigns.get(number)) : Optional.empty();
    }

    List<Integer> patronOf(String did) {
        List<Integer> out = new ArrayList<>();
        for (Economy.Campaign c : campaigns) {
            if (c.pledges.stream().anyMatch(p -> p.pledger().equals(did))) {
                out.add(c.number);
            }
        }
        return out;
    }

    /** What is in the campaigns' escrows, added up. */
    long escrows() {
        long sum = 0;
        for (Economy.Campaign c : campaigns) {
            sum = Math.addExact(sum, c.escrow);
        }
        return sum;
    }

    /** The earliest deadline of an open campaign. */
    long nextDue() {
        return open.isEmpty() ? Long.MAX_VALUE : open.firstKey();
    }

    /** A campaign read from a snapshot, in order. */
    void restore(Economy.Campaign c) {
        campaigns.add(c);
        if (c.state == Economy.Campaign.State.OPEN) {
            open.computeIfAbsent(c.deadline, x -> new TreeSet<>()).add(c.number);
        }
    }

    /** {@code economy.campaign}: a citizen in good standing starts one. */
    void start(EconomyTx.Campaign c, TxContext ctx) {
        long now = ctx.time();
        ctx.view(Registry.class).citizenInGoodStanding(ctx);
        Money.positive(c.target());
        if (c.deadline() <= now || c.deadline() > now + 366 * Economy.DAY || !c.country().matches("[A-Z]{2}")) {
            throw new Rejection(EconomyCode.BAD_CAMPAIGN, "a campaign's deadline is within a year from now "
                    + "and its country a code of two capital letters");
        }
        Economy.Campaign k = new Economy.Campaign(campaigns.size(), c.title(), c.property(), c.country(), c.target(),
                c.deadline(), c.steward().did(), ctx.signer().did(), now);
        campaigns.add(k);
        open.computeIfAbsent(k.deadline, x -> new TreeSet<>()).add(k.number);
    }

    /** {@code economy.pledge}: into the escrow, before the deadline. */
    void pledge(EconomyTx.Pledge pl, TxContext ctx) {
        String signer = ctx.signer().did();
        long now = ctx.time();
        Money.positive(pl.amount());
        Economy.Campaign k = campaign(pl.campaign()).orElseThrow(() -> new Rejection(EconomyCode.UNKNOWN_CAMPAIGN,
                "no campaign #" + pl.campaign()));
        if (now >= k.deadline || k.state != Economy.Campaign.State.OPEN) {
            throw new Rejection(EconomyCode.CAMPAIGN_CLOSED, "campaign #" + k.number + " closed at "
                    + Instant.ofEpochMilli(k.deadline));
        }
        Money.add(k.escrow, pl.amount());
        accounts.debit(signer, pl.amount(), ctx);
        movements.add(Movement.byTx(ctx, signer, Movement.Kind.PLEDGE, Movement.Direction.OUT, pl.amount())
                .withMemo(k.title).withCampaign(k.number));
        k.escrow += pl.amount();
        k.pledges.add(new Economy.Pledge(signer, pl.amount(), now, ctx.height()));
    }

    /** At the end of a block: every campaign whose deadline has come settles, in order of deadline and number. */
    void endBlock(BlockContext ctx) {
        long now = ctx.time();
        while (!open.isEmpty() && open.firstKey() <= now) {
            for (int n : open.pollFirstEntry().getValue()) {
                settle(campaigns.get(n), ctx);
            }
        }
    }

    private void settle(Economy.Campaign k, BlockContext ctx) {
        long now = ctx.time();
        k.settledAt = now;
        if (k.escrow >= k.target) {
            k.state = Economy.Campaign.State.FUNDED;
            treasury.land += k.escrow;
            treasury.entries.add(new Economy.Entry(now, ctx.height(), true, "land", k.escrow,
                    "campaign #" + k.number, k.title));
            territories.add(new Economy.Territory(k.number, k.property, k.country, k.escrow, now, "pending"));
            movements.add(Movement.atEnd(ctx, EconomyTx.TREASURY, Movement.Kind.LAND, Movement.Direction.IN, k.escrow)
                    .withMemo(k.title).withCampaign(k.number));
        } else {
            k.state = Economy.Campaign.State.REFUNDED;
            for (Economy.Pledge p : k.pledges) {
                accounts.credit(p.pledger(), p.amount());
                movements.add(Movement.atEnd(ctx, p.pledger(), Movement.Kind.REFUND, Movement.Direction.IN,
                        p.amount()).withMemo(k.title).withCampaign(k.number));
            }
        }
        k.escrow = 0;
    }
}

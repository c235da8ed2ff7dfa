package org.phyle.core.economy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.phyle.core.BlockContext;
import org.phyle.core.Parameters;
import org.phyle.core.Rejection;
import org.phyle.core.proposals.Execution;

/**
 * The society's account and the supply: the genesis allocation and what passed issue proposals created (within the
 * charter's yearly cap), the general and the land budgets, and every movement of the treasury, from which the
 * statement of account is computed. Money leaves it only through {@link #spend}, which passed proposals call.
 */
final class Treasury {
    long genesisTime;
    long genesisAllocation;
    long issued;
    final TreeMap<Long, Long> issuedByYear = new TreeMap<>();
    long general;
    long land;
    final List<Economy.Entry> entries = new ArrayList<>();
    private final Accounts accounts;
    private final Movements movements;

    Treasury(Accounts accounts, Movements movements) {
        this.accounts = accounts;
        this.movements = movements;
    }

    // ---- reads ------------------------------------------------------------------------------------------------

    long supply() {
        return genesisAllocation + issued;
    }

    long total() {
        return general + land;
    }

    long issuedInYear(long year) {
        return issuedByYear.getOrDefault(year, 0L);
    }

    long yearOf(long time) {
        return Math.max(0, (time - genesisTime) / Economy.YEAR);
    }

    long issuanceRoom(long time, Parameters p) {
        long year = yearOf(time);
        long startSupply = genesisAllocation;
        for (Map.Entry<Long, Long> e : issuedByYear.headMap(year).entrySet()) {
            startSupply += e.getValue();
        }
        long cap = Money.mulDiv(startSupply, p.get(EconomyParams.ISSUANCE_CAP_BP), 10_000);
        return Math.max(0, cap - issuedInYear(year));
    }

    Economy.Statement statement(long from, long until) {
        long opening = 0;
        TreeMap<String, Long> income = new TreeMap<>();
        TreeMap<String, Long> spending = new TreeMap<>();
        for (Economy.Entry e : entries) {
            if (e.time() < from) {
                opening += e.income() ? e.amount() : -e.amount();
            } else if (e.time() < until) {
                (e.income() ? income : spending).merge(e.category(), e.amount(), Long::sum);
            }
        }
        long in = income.values().stream().mapToLong(Long::longValue).sum();
        long out = spending.values().stream().mapToLong(Long::longValue).sum();
        return new Economy.Statement(from, until, opening, income, spending, opening + in - out);
    }

    List<Economy.Statement> statements(long periodMs, long until) {
        if (periodMs <= 0) {
            throw new IllegalArgumentException("period must be positive");
        }
        List<Economy.Statement> out = new ArrayList<>();
        for (long from = genesisTime; from <= until; from += periodMs) {
            out.add(statement(from, from + periodMs));
        }
        return out;
    }

    void checkIssuance(long amount, long time, Parameters p) {
        Money.add(supply(), amount);
        long room = issuanceRoom(time, p);
        if (amount > room) {
            throw new Rejection(EconomyCode.ISSUANCE_CAP, "the cap leaves " + Money.format(room) + " to issue in year "
                    + yearOf(time) + " since the genesis; not " + Money.format(amount));
        }
    }

    void checkSpend(String category, long amount) {
        long available = category.equals("land") ? general + land : general;
        if (amount > available) {
            throw new Rejection(EconomyCode.TREASURY_INSUFFICIENT, "the treasury has " + Money.format(available)
                    + " for " + category + "; not " + Money.format(amount));
        }
    }

    // ---- changes ----------------------------------------------------------------------------------------------

    void found(Parameters p, long time) {
        genesisTime = time;
        // a society founded before the economy existed never chose an allocation: it has no money until it issues some
        genesisAllocation = p.asMap().containsKey(EconomyParams.GENESIS_ALLOCATION.name())
                ? p.get(EconomyParams.GENESIS_ALLOCATION) : 0;
        general = genesisAllocation;
        entries.add(new Economy.Entry(time, 0, true, "genesis", genesisAllocation, "", "genesis allocation"));
        if (genesisAllocation > 0) {
            movements.add(Movement.of(0, time, EconomyTx.TREASURY, Movement.Kind.GENESIS, Movement.Direction.IN,
                    genesisAllocation).withMemo("genesis allocation"));
        }
    }

    /** A passed {@code issue}: new money into the general budget. */
    void issue(EconomyActions.Issue i, Execution e, BlockContext ctx) {
        issued += i.amount();
        issuedByYear.merge(yearOf(e.time()), i.amount(), Long::sum);
        general += i.amount();
        entries.add(new Economy.Entry(e.time(), e.height(), true, "issuance", i.amount(), e.authority(), i.purpose()));
        movements.add(Movement.byProposal(ctx, e, EconomyTx.TREASURY, Movement.Kind.ISSUANCE, Movement.Direction.IN,
                i.amount()).withMemo(i.purpose()));
    }

    /** A passed {@code treasury-spend}: paid to the recipient at once, or as a vesting schedule of theirs. */
    void pay(EconomyActions.TreasurySpend s, Execution e, BlockContext ctx) {
        String by = e.authority();
        spend(s.category(), s.amount());
        entries.add(new Economy.Entry(e.time(), e.height(), false, s.category(), s.amount(), s.recipient(),
                s.purpose() + " (" + by + ")"));
        movements.add(Movement.byProposal(ctx, e, EconomyTx.TREASURY, Movement.Kind.TREASURY_SPEND,
                Movement.Direction.OUT, s.amount()).withCounterparty(s.recipient()).withMemo(s.purpose()));
        if (s.vestingDays() > 0) {
            movements.add(Movement.byProposal(ctx, e, s.recipient(), Movement.Kind.VESTING, Movement.Direction.LOCKED,
                    s.amount()).withCounterparty(EconomyTx.TREASURY).withMemo(s.purpose())
                    .withLock(accounts.locks.size()));
            accounts.addLock(s.recipient(), s.amount(), e.time(), e.time() + s.cliffDays() * Economy.DAY,
                    e.time() + s.vestingDays() * Economy.DAY, by);
        } else {
            accounts.credit(s.recipient(), s.amount());
            movements.add(Movement.byProposal(ctx, e, s.recipient(), Movement.Kind.TREASURY_SPEND,
                    Movement.Direction.IN, s.amount()).withCounterparty(EconomyTx.TREASURY)
                    .withMemo(s.purpose()));
        }
    }

    /** Takes an amount out of the budget a category draws on (land: the land budget first), checked first. */
    void spend(String category, long amount) {
        checkSpend(category, amount);
        if (category.equals("land")) {
            long fromLand = Math.min(amount, land);
            land -= fromLand;
            general -= amount - fromLand;
        } else {
            general -= amount;
        }
    }
}

package org.phyle.core.economy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.phyle.core.BlockContext;
import org.phyle.core.Parameters;
import org.phyle.core.Rejection;
import org.phyle.core.TxContext;
import org.phyle.core.charter.Offices;
import org.phyle.core.citizenship.Person;
import org.phyle.core.citizenship.Registry;
import org.phyle.core.proposals.Carry;
import org.phyle.core.proposals.Execution;
import org.phyle.core.state.StateReader;
import org.phyle.core.state.StateWriter;

/**
 * The society's money, and its read view: every account's balance (any did:key holds one), the treasury (a general
 * budget and the land budget), locks and vesting schedules, quadratic funding rounds and territory campaigns with
 * their escrows, and the treasury's statement of account. Everything here is a pure function of the ledger.
 *
 * <p>Money is conserved: the balances, the treasury, the escrows and what is still locked always add up to the
 * genesis allocation plus what passed issue proposals created ({@link #supply()} equals {@link #accounted(long)}).
 * Nothing here is read by governance: no balance ever weighs a ballot.
 */
public final class Economy {
    static final long DAY = 86_400_000L;
    static final long HOUR = 3_600_000L;
    static final long YEAR = 365 * DAY;

    private long genesisTime;
    private long genesisAllocation;
    private long issued;
    private final TreeMap<Long, Long> issuedByYear = new TreeMap<>();
    private long treasuryGeneral;
    private long treasuryLand;
    private final TreeMap<String, Long> balances = new TreeMap<>();
    private final List<Lock> locks = new ArrayList<>();
    private final TreeMap<String, List<Lock>> locksByOwner = new TreeMap<>();
    private final List<Entry> treasuryEntries = new ArrayList<>();
    private final List<Round> rounds = new ArrayList<>();
    private final List<Campaign> campaigns = new ArrayList<>();
    private final TreeMap<Long, TreeSet<Integer>> openCampaigns = new TreeMap<>();
    private final List<Territory> territories = new ArrayList<>();
    private long revenueInPeriod;
    private long nextDividendAt;
    private final List<Dividend> dividends = new ArrayList<>();
    /** The movements of the last block that moved money: the accounts' history, not part of the state. */
    final Movements movements = new Movements();

    // ---- the view ---------------------------------------------------------------------------------------------

    /** Money created: the genesis allocation plus every issuance. */
    public long supply() {
        return genesisAllocation + issued;
    }

    public long genesisAllocation() {
        return genesisAllocation;
    }

    public long issued() {
        return issued;
    }

    /** What was issued in the year since the genesis that contains this time (year 0 is the first). */
    public long issuedInYear(long year) {
        return issuedByYear.getOrDefault(year, 0L);
    }

    /** The year since the genesis a time falls in. */
    public long yearOf(long time) {
        return Math.max(0, (time - genesisTime) / YEAR);
    }

    /** The most a passed issue proposal may still create in the year of this time. */
    public long issuanceRoom(long time, Parameters p) {
        long year = yearOf(time);
        long startSupply = genesisAllocation;
        for (Map.Entry<Long, Long> e : issuedByYear.headMap(year).entrySet()) {
            startSupply += e.getValue();
        }
        long cap = Money.mulDiv(startSupply, p.get(EconomyParams.ISSUANCE_CAP_BP), 10_000);
        return Math.max(0, cap - issuedInYear(year));
    }

    /** All the money there is, counted where it is: balances, the treasury, escrows and what is still locked. */
    public long accounted(long time) {
        long sum = treasuryGeneral + treasuryLand;
        for (long b : balances.values()) {
            sum = Math.addExact(sum, b);
        }
        for (Lock l : locks) {
            sum = Math.addExact(sum, l.amount - l.claimed);
        }
        for (Round r : rounds) {
            sum = Math.addExact(sum, r.escrow);
        }
        for (Campaign c : campaigns) {
            sum = Math.addExact(sum, c.escrow);
        }
        return sum;
    }

    /** The treasury's whole balance (general and land budgets). */
    public long treasury() {
        return treasuryGeneral + treasuryLand;
    }

    public long treasuryGeneral() {
        return treasuryGeneral;
    }

    /** The treasury's land budget: what funded territory campaigns brought in, for land spends. */
    public long treasuryLand() {
        return treasuryLand;
    }

    /** What this did:key may spend at this time: its balance and what its locks have released. */
    public long spendable(String did, long time) {
        long s = balances.getOrDefault(did, 0L);
        for (Lock l : locksByOwner.getOrDefault(did, List.of())) {
            s += l.released(time) - l.claimed;
        }
        return s;
    }

    /** What this did:key holds locked (not released yet) at this time. */
    public long locked(String did, long time) {
        long s = 0;
        for (Lock l : locksByOwner.getOrDefault(did, List.of())) {
            s += l.amount - l.released(time);
        }
        return s;
    }

    /** Every account with money in it (did:key to balance, not counting locks), in did order. */
    public SortedMap<String, Long> balances() {
        return java.util.Collections.unmodifiableSortedMap(balances);
    }

    public List<LockView> locksOf(String did, long time) {
        return locksByOwner.getOrDefault(did, List.of()).stream().map(l -> l.view(time)).toList();
    }

    public List<LockView> locks(long time) {
        return locks.stream().map(l -> l.view(time)).toList();
    }

    /** Every movement of the treasury, in order. */
    public List<Entry> treasuryEntries() {
        return List.copyOf(treasuryEntries);
    }

    /** The treasury's income and spending by category over [from, until). */
    public Statement statement(long from, long until) {
        long opening = 0;
        TreeMap<String, Long> income = new TreeMap<>();
        TreeMap<String, Long> spending = new TreeMap<>();
        for (Entry e : treasuryEntries) {
            if (e.time() < from) {
                opening += e.income() ? e.amount() : -e.amount();
            } else if (e.time() < until) {
                (e.income() ? income : spending).merge(e.category(), e.amount(), Long::sum);
            }
        }
        long in = income.values().stream().mapToLong(Long::longValue).sum();
        long out = spending.values().stream().mapToLong(Long::longValue).sum();
        return new Statement(from, until, opening, income, spending, opening + in - out);
    }

    /** The statement in periods of {@code periodMs} from the genesis up to this time (the last one partial). */
    public List<Statement> statements(long periodMs, long until) {
        if (periodMs <= 0) {
            throw new IllegalArgumentException("period must be positive");
        }
        List<Statement> out = new ArrayList<>();
        for (long from = genesisTime; from <= until; from += periodMs) {
            out.add(statement(from, from + periodMs));
        }
        return out;
    }

    public List<Round> rounds() {
        return List.copyOf(rounds);
    }

    public Optional<Round> round(int number) {
        return number >= 0 && number < rounds.size() ? Optional.of(rounds.get(number)) : Optional.empty();
    }

    /**
     * A round's matching: once paid, the figures paid; before, an estimate from the contributions so far, as if the
     * round paid out now.
     */
    public Matching.Result matching(int number) {
        Round r = round(number).orElseThrow(() -> new Rejection(EconomyCode.UNKNOWN_ROUND, "no round #" + number));
        return r.result != null ? r.result : r.compute();
    }

    public List<Campaign> campaigns() {
        return List.copyOf(campaigns);
    }

    public Optional<Campaign> campaign(int number) {
        return number >= 0 && number < campaigns.size() ? Optional.of(campaigns.get(number)) : Optional.empty();
    }

    /** The campaigns this did:key pledged to: its patron attestations. */
    public List<Integer> patronOf(String did) {
        List<Integer> out = new ArrayList<>();
        for (Campaign c : campaigns) {
            if (c.pledges.stream().anyMatch(p -> p.pledger().equals(did))) {
                out.add(c.number);
            }
        }
        return out;
    }

    /** Territories a funded campaign bought the money for, pending until the land is recorded. */
    public List<Territory> territories() {
        return List.copyOf(territories);
    }

    public List<Dividend> dividends() {
        return List.copyOf(dividends);
    }

    /** Revenue received in the current dividend period. */
    public long revenueInPeriod() {
        return revenueInPeriod;
    }

    public long nextDividendAt() {
        return nextDividendAt;
    }

    /** When something is next due at the end of a block: a campaign's deadline, or a period's dividend. */
    public long nextDue() {
        long due = openCampaigns.isEmpty() ? Long.MAX_VALUE : openCampaigns.firstKey();
        return revenueInPeriod > 0 ? Math.min(due, nextDividendAt) : due;
    }

    // ---- checks other mechanisms' proposals rely on -----------------------------------------------------------

    /** Throws unless an issuance of this amount fits the year's cap (and the ledger's range). */
    public void checkIssuance(long amount, long time, Parameters p) {
        Money.add(supply(), amount);
        long room = issuanceRoom(time, p);
        if (amount > room) {
            throw new Rejection(EconomyCode.ISSUANCE_CAP, "the cap leaves " + Money.format(room) + " to issue in year "
                    + yearOf(time) + " since the genesis; not " + Money.format(amount));
        }
    }

    /** Throws unless the treasury can pay this amount in this category (land draws on the land budget first). */
    public void checkSpend(String category, long amount) {
        long available = category.equals("land") ? treasuryGeneral + treasuryLand : treasuryGeneral;
        if (amount > available) {
            throw new Rejection(EconomyCode.TREASURY_INSUFFICIENT, "the treasury has " + Money.format(available)
                    + " for " + category + "; not " + Money.format(amount));
        }
    }

    /** Throws unless the project can be approved now in the way given. */
    public void checkApproval(int round, int project, EconomyActions.Approval how, long time) {
        Round r = requireRound(round);
        Project p = r.project(project);
        if (r.approval != how) {
            throw how == EconomyActions.Approval.VOTE
                    ? new Rejection(EconomyCode.NOT_A_STEWARD, "round #" + round + "'s projects are approved by its "
                    + "stewards")
                    : new Rejection(EconomyCode.APPROVAL_BY_VOTE, "round #" + round + "'s projects are approved by "
                    + "a vote");
        }
        if (p.approved) {
            throw new Rejection(EconomyCode.ALREADY_APPROVED, "project #" + project + " is approved");
        }
        if (r.paid || time >= r.contributionsUntil) {
            throw new Rejection(EconomyCode.APPLICATIONS_CLOSED, "round #" + round + " is over");
        }
    }

    // ---- changes ----------------------------------------------------------------------------------------------

    void found(Parameters p, long time) {
        genesisTime = time;
        // a society founded before the economy existed never chose an allocation: it has no money until it issues some
        genesisAllocation = p.asMap().containsKey(EconomyParams.GENESIS_ALLOCATION.name())
                ? p.get(EconomyParams.GENESIS_ALLOCATION) : 0;
        treasuryGeneral = genesisAllocation;
        treasuryEntries.add(new Entry(time, 0, true, "genesis", genesisAllocation, "", "genesis allocation"));
        if (genesisAllocation > 0) {
            movements.add(Movement.of(0, time, EconomyTx.TREASURY, Movement.Kind.GENESIS, Movement.Direction.IN,
                    genesisAllocation).withMemo("genesis allocation"));
        }
        nextDividendAt = time + p.get(EconomyParams.DIVIDEND_PERIOD_DAYS) * DAY;
    }

    void apply(EconomyTx tx, TxContext ctx) {
        String signer = ctx.signer().did();
        long now = ctx.time();
        switch (tx) {
            case EconomyTx.Transfer t -> {
                Money.positive(t.amount());
                if (t.revenue() && !t.toTreasury()) {
                    throw new Rejection(EconomyCode.REVENUE_NOT_TO_TREASURY, "only a payment into the treasury is "
                            + "revenue");
                }
                if (t.to().equals(signer)) {
                    throw new Rejection(EconomyCode.SELF_TRANSFER, "you cannot send money to yourself");
                }
                if (t.toTreasury()) {
                    Money.add(treasuryGeneral + treasuryLand, t.amount());
                    Money.add(revenueInPeriod, t.amount());
                } else {
                    Money.add(balances.getOrDefault(t.to(), 0L), t.amount());
                }
                debit(signer, t.amount(), ctx);
                Movement.Kind kind = t.revenue() ? Movement.Kind.REVENUE : Movement.Kind.TRANSFER;
                moved(ctx, signer, kind, Movement.Direction.OUT, t.amount(), t.to(), t.memo());
                moved(ctx, t.to(), kind, Movement.Direction.IN, t.amount(), signer, t.memo());
                if (t.toTreasury()) {
                    treasuryGeneral += t.amount();
                    if (t.revenue()) {
                        revenueInPeriod += t.amount();
                    }
                    treasuryEntries.add(new Entry(now, ctx.height(), true, t.revenue() ? "revenue" : "payment",
                            t.amount(), signer, t.memo()));
                } else {
                    credit(t.to(), t.amount());
                }
            }
            case EconomyTx.Lock l -> {
                Money.positive(l.amount());
                long cliff = l.cliff().orElse(now);
                if (l.end() <= now || cliff < now || cliff > l.end()) {
                    throw new Rejection(EconomyCode.BAD_SCHEDULE, "a lock runs from now (" + Instant.ofEpochMilli(now)
                            + ") to an end in the future, with its cliff between");
                }
                debit(signer, l.amount(), ctx);
                movements.add(movement(ctx, signer, Movement.Kind.LOCK, Movement.Direction.OUT, l.amount())
                        .withLock(locks.size()));
                addLock(signer, l.amount(), now, cliff, l.end(), "holder");
            }
            case EconomyTx.Apply a -> {
                Round r = requireRound(a.round());
                if (now >= r.applicationsUntil) {
                    throw new Rejection(EconomyCode.APPLICATIONS_CLOSED, "applications to round #" + r.number
                            + " closed at " + Instant.ofEpochMilli(r.applicationsUntil));
                }
                r.projects.add(new Project(r.projects.size(), a.title(), a.recipient().did(), a.description(),
                        signer, now));
            }
            case EconomyTx.Approve a -> {
                Person steward = ctx.view(Registry.class).citizenInGoodStanding(ctx);
                checkApproval(a.round(), a.project(), EconomyActions.Approval.STEWARDS, now);
                if (!ctx.view(Offices.class).isSteward(steward.number())) {
                    throw new Rejection(EconomyCode.NOT_A_STEWARD, "only the society's stewards approve projects");
                }
                Project p = rounds.get(a.round()).projects.get(a.project());
                p.approved = true;
                p.approvedBy = "steward #" + steward.number();
            }
            case EconomyTx.Contribute c -> {
                Money.positive(c.amount());
                Round r = requireRound(c.round());
                Project p = r.project(c.project());
                if (!p.approved) {
                    throw new Rejection(EconomyCode.NOT_APPROVED, "project #" + p.index + " is not approved");
                }
                if (now < r.applicationsUntil || now >= r.contributionsUntil || r.paid) {
                    throw new Rejection(EconomyCode.CONTRIBUTIONS_NOT_OPEN, "round #" + r.number + " takes "
                            + "contributions from " + Instant.ofEpochMilli(r.applicationsUntil) + " to "
                            + Instant.ofEpochMilli(r.contributionsUntil));
                }
                Money.add(r.escrow, c.amount());
                Money.add(p.total, c.amount());
                Optional<Person> person = ctx.view(Registry.class).byCurrentKey(ctx.signer())
                        .filter(x -> x.activeCitizen(now));
                boolean newPerson = person.isPresent() && !p.counted.containsKey(person.get().number());
                if (newPerson && r.mode == Matching.Mode.PAIRWISE && r.pairs + p.counted.size() > ctx.parameters().get(EconomyParams.MAX_PAIRS)) {
                    throw new Rejection(EconomyCode.PAIRWISE_LIMIT, "round #" + r.number + " has "
                            + r.pairs + " pairs of contributors; a new contributor to project #" + p.index
                            + " would add " + p.counted.size());
                }
                debit(signer, c.amount(), ctx);
                movements.add(movement(ctx, signer, Movement.Kind.QF_CONTRIBUTION, Movement.Direction.OUT,
                        c.amount()).withCounterparty(p.recipient).withMemo(p.title).withRound(r.number, p.index));
                r.escrow += c.amount();
                p.total += c.amount();
                if (person.isPresent()) {
                    if (newPerson) {
                        r.pairs += p.counted.size();
                    }
                    p.counted.merge(person.get().number(), c.amount(), Long::sum);
                } else {
                    p.uncounted += c.amount();
                }
            }
            case EconomyTx.Payout po -> {
                Round r = requireRound(po.round());
                if (r.paid) {
                    throw new Rejection(EconomyCode.ALREADY_PAID, "round #" + r.number + " was paid out at "
                            + Instant.ofEpochMilli(r.paidAt));
                }
                if (now < r.contributionsUntil) {
                    throw new Rejection(EconomyCode.ROUND_NOT_ENDED, "round #" + r.number + " pays out from "
                            + Instant.ofEpochMilli(r.contributionsUntil));
                }
                Matching.Result result = r.compute();
                for (Project p : r.projects) {
                    Money.add(balances.getOrDefault(p.recipient, 0L), p.total + result.matches()[p.index]);
                }
                for (Project p : r.projects) {
                    long pay = p.total + result.matches()[p.index];
                    if (pay > 0) {
                        credit(p.recipient, pay);
                    }
                    if (p.total > 0) {
                        movements.add(movement(ctx, p.recipient, Movement.Kind.QF_PAYOUT, Movement.Direction.IN,
                                p.total).withMemo(p.title).withRound(r.number, p.index));
                    }
                    if (result.matches()[p.index] > 0) {
                        movements.add(movement(ctx, p.recipient, Movement.Kind.QF_MATCH, Movement.Direction.IN,
                                result.matches()[p.index]).withMemo(p.title).withRound(r.number, p.index));
                    }
                    r.escrow -= pay;
                }
                if (r.escrow != result.remainder()) {
                    throw new IllegalStateException("round #" + r.number + " escrow disagrees with its remainder");
                }
                if (r.escrow > 0) {
                    treasuryGeneral += r.escrow;
                    treasuryEntries.add(new Entry(now, ctx.height(), true, "round-return", r.escrow, "",
                            "what round #" + r.number + "'s matching left in its pool"));
                    movements.add(movement(ctx, EconomyTx.TREASURY, Movement.Kind.QF_RETURN, Movement.Direction.IN,
                            r.escrow).withMemo(r.title).withRound(r.number, -1));
                }
                r.escrow = 0;
                r.result = result;
                r.paid = true;
                r.paidAt = now;
            }
            case EconomyTx.Campaign c -> {
                ctx.view(Registry.class).citizenInGoodStanding(ctx);
                Money.positive(c.target());
                if (c.deadline() <= now || c.deadline() > now + 366 * DAY || !c.country().matches("[A-Z]{2}")) {
                    throw new Rejection(EconomyCode.BAD_CAMPAIGN, "a campaign's deadline is within a year from now "
                            + "and its country a code of two capital letters");
                }
                Campaign k = new Campaign(campaigns.size(), c.title(), c.property(), c.country(), c.target(),
                        c.deadline(), c.steward().did(), signer, now);
                campaigns.add(k);
                openCampaigns.computeIfAbsent(k.deadline, x -> new TreeSet<>()).add(k.number);
            }
            case EconomyTx.Pledge pl -> {
                Money.positive(pl.amount());
                Campaign k = campaign(pl.campaign()).orElseThrow(() -> new Rejection(EconomyCode.UNKNOWN_CAMPAIGN,
                        "no campaign #" + pl.campaign()));
                if (now >= k.deadline || k.state != Campaign.State.OPEN) {
                    throw new Rejection(EconomyCode.CAMPAIGN_CLOSED, "campaign #" + k.number + " closed at "
                            + Instant.ofEpochMilli(k.deadline));
                }
                Money.add(k.escrow, pl.amount());
                debit(signer, pl.amount(), ctx);
                movements.add(movement(ctx, signer, Movement.Kind.PLEDGE, Movement.Direction.OUT, pl.amount())
                        .withMemo(k.title).withCampaign(k.number));
                k.escrow += pl.amount();
                k.pledges.add(new Pledge(signer, pl.amount(), now, ctx.height()));
            }
        }
    }

    /** Carries out a passed proposal of the economy's kinds (checked just before by governance). */
    void carry(Carry c, BlockContext ctx) {
        Execution e = c.execution();
        String by = e.authority();
        switch (c.action()) {
            case EconomyActions.Issue i -> {
                issued += i.amount();
                issuedByYear.merge(yearOf(e.time()), i.amount(), Long::sum);
                treasuryGeneral += i.amount();
                treasuryEntries.add(new Entry(e.time(), e.height(), true, "issuance", i.amount(), by, i.purpose()));
                movements.add(carried(ctx, e, EconomyTx.TREASURY, Movement.Kind.ISSUANCE, Movement.Direction.IN,
                        i.amount()).withMemo(i.purpose()));
            }
            case EconomyActions.TreasurySpend s -> {
                spendTreasury(s.category(), s.amount());
                treasuryEntries.add(new Entry(e.time(), e.height(), false, s.category(), s.amount(), s.recipient(),
                        s.purpose() + " (" + by + ")"));
                movements.add(carried(ctx, e, EconomyTx.TREASURY, Movement.Kind.TREASURY_SPEND,
                        Movement.Direction.OUT, s.amount()).withCounterparty(s.recipient()).withMemo(s.purpose()));
                if (s.vestingDays() > 0) {
                    movements.add(carried(ctx, e, s.recipient(), Movement.Kind.VESTING, Movement.Direction.LOCKED,
                            s.amount()).withCounterparty(EconomyTx.TREASURY).withMemo(s.purpose())
                            .withLock(locks.size()));
                    addLock(s.recipient(), s.amount(), e.time(), e.time() + s.cliffDays() * DAY,
                            e.time() + s.vestingDays() * DAY, by);
                } else {
                    credit(s.recipient(), s.amount());
                    movements.add(carried(ctx, e, s.recipient(), Movement.Kind.TREASURY_SPEND,
                            Movement.Direction.IN, s.amount()).withCounterparty(EconomyTx.TREASURY)
                            .withMemo(s.purpose()));
                }
            }
            case EconomyActions.FundingRound f -> {
                spendTreasury("qf-round", f.pool());
                Round r = new Round(rounds.size(), f, e.time(), e.proposal());
                rounds.add(r);
                treasuryEntries.add(new Entry(e.time(), e.height(), false, "qf-round", f.pool(), "round #" + r.number,
                        f.title() + " (" + by + ")"));
                movements.add(carried(ctx, e, EconomyTx.TREASURY, Movement.Kind.QF_POOL, Movement.Direction.OUT,
                        f.pool()).withMemo(f.title()).withRound(r.number, -1));
            }
            case EconomyActions.ApproveProject a -> {
                Project p = rounds.get(a.round()).projects.get(a.project());
                p.approved = true;
                p.approvedBy = by;
            }
            default -> throw new IllegalStateException("the economy does not carry out " + c.action().kind());
        }
    }

    /** What is due by this block's time: campaigns past their deadline settle; a period's dividend is paid. */
    void endBlock(BlockContext ctx) {
        long now = ctx.time();
        while (!openCampaigns.isEmpty() && openCampaigns.firstKey() <= now) {
            for (int n : openCampaigns.pollFirstEntry().getValue()) {
                settle(campaigns.get(n), ctx);
            }
        }
        if (now >= nextDividendAt) {
            payDividend(ctx);
            long period = ctx.parameters().get(EconomyParams.DIVIDEND_PERIOD_DAYS) * DAY;
            while (nextDividendAt <= now) {
                nextDividendAt += period;
            }
        }
    }

    private void settle(Campaign k, BlockContext ctx) {
        long now = ctx.time();
        k.settledAt = now;
        if (k.escrow >= k.target) {
            k.state = Campaign.State.FUNDED;
            treasuryLand += k.escrow;
            treasuryEntries.add(new Entry(now, ctx.height(), true, "land", k.escrow, "campaign #" + k.number,
                    k.title));
            territories.add(new Territory(k.number, k.property, k.country, k.escrow, now, "pending"));
            movements.add(Movement.of(ctx.height(), now, EconomyTx.TREASURY, Movement.Kind.LAND,
                    Movement.Direction.IN, k.escrow).withMemo(k.title).withCampaign(k.number));
        } else {
            k.state = Campaign.State.REFUNDED;
            for (Pledge p : k.pledges) {
                credit(p.pledger(), p.amount());
                movements.add(Movement.of(ctx.height(), now, p.pledger(), Movement.Kind.REFUND, Movement.Direction.IN,
                        p.amount()).withMemo(k.title).withCampaign(k.number));
            }
        }
        k.escrow = 0;
    }

    private void payDividend(BlockContext ctx) {
        long now = ctx.time();
        long pot = Money.mulDiv(revenueInPeriod, ctx.parameters().get(EconomyParams.DIVIDEND_SHARE_BP), 10_000);
        pot = Math.min(pot, treasuryGeneral);
        List<Person> citizens = ctx.view(Registry.class).all().stream().filter(p -> p.activeCitizen(now)).toList();
        long each = citizens.isEmpty() ? 0 : pot / citizens.size();
        long paid = each * citizens.size();
        if (revenueInPeriod > 0) {
            dividends.add(new Dividend(now, ctx.height(), revenueInPeriod, pot, citizens.size(), each, pot - paid));
        }
        revenueInPeriod = 0;
        if (paid == 0) {
            return;
        }
        treasuryGeneral -= paid;
        treasuryEntries.add(new Entry(now, ctx.height(), false, "dividend", paid, citizens.size() + " citizens",
                Money.format(each) + " each"));
        movements.add(Movement.of(ctx.height(), now, EconomyTx.TREASURY, Movement.Kind.DIVIDEND,
                Movement.Direction.OUT, paid).withMemo(citizens.size() + " citizens, " + Money.format(each) + " each"));
        for (Person p : citizens) {
            credit(p.key().did(), each);
            movements.add(Movement.of(ctx.height(), now, p.key().did(), Movement.Kind.DIVIDEND, Movement.Direction.IN,
                    each).withCounterparty(EconomyTx.TREASURY));
        }
    }

    private void spendTreasury(String category, long amount) {
        checkSpend(category, amount);
        if (category.equals("land")) {
            long fromLand = Math.min(amount, treasuryLand);
            treasuryLand -= fromLand;
            treasuryGeneral -= amount - fromLand;
        } else {
            treasuryGeneral -= amount;
        }
    }

    /**
     * Takes money from an account, first from its balance, then from what its locks have released (claimed then);
     * refuses, having changed nothing, if it does not hold that much unlocked.
     */
    private void debit(String did, long amount, TxContext ctx) {
        long time = ctx.time();
        long balance = balances.getOrDefault(did, 0L);
        if (balance >= amount) {
            setBalance(did, balance - amount);
            return;
        }
        long spendable = spendable(did, time);
        if (spendable < amount) {
            long locked = locked(did, time);
            if (spendable + locked >= amount) {
                throw new Rejection(EconomyCode.FUNDS_LOCKED, "you may spend " + Money.format(spendable) + " now; "
                        + Money.format(locked) + " more is locked");
            }
            throw new Rejection(EconomyCode.INSUFFICIENT_FUNDS, "the account holds " + Money.format(spendable)
                    + ", not " + Money.format(amount));
        }
        for (Lock l : locksByOwner.getOrDefault(did, List.of())) {
            long released = l.released(time);
            if (released > l.claimed) {
                movements.add(movement(ctx, did, l.source.equals("holder") ? Movement.Kind.LOCK_RELEASE
                        : Movement.Kind.VESTING_RELEASE, Movement.Direction.IN, released - l.claimed).withLock(l.id));
            }
            balance += released - l.claimed;
            l.claimed = released;
        }
        setBalance(did, balance - amount);
    }

    private static Movement movement(TxContext ctx, String account, Movement.Kind kind, Movement.Direction direction,
                                     long amount) {
        return Movement.of(ctx.height(), ctx.time(), account, kind, direction, amount).withTx(ctx.txId());
    }

    private void moved(TxContext ctx, String account, Movement.Kind kind, Movement.Direction direction, long amount,
                       String counterparty, String memo) {
        movements.add(movement(ctx, account, kind, direction, amount).withCounterparty(counterparty).withMemo(memo));
    }

    private static Movement carried(BlockContext ctx, Execution e, String account, Movement.Kind kind,
                                    Movement.Direction direction, long amount) {
        return Movement.of(ctx.height(), ctx.time(), account, kind, direction, amount).withProposal(e.proposal());
    }

    private void credit(String did, long amount) {
        setBalance(did, Money.add(balances.getOrDefault(did, 0L), amount));
    }

    private void setBalance(String did, long amount) {
        if (amount == 0) {
            balances.remove(did);
        } else {
            balances.put(did, amount);
        }
    }

    private void addLock(String owner, long amount, long start, long cliff, long end, String source) {
        Lock l = new Lock(locks.size(), owner, amount, start, cliff, end, source);
        locks.add(l);
        locksByOwner.computeIfAbsent(owner, x -> new ArrayList<>()).add(l);
    }

    private Round requireRound(int number) {
        return round(number).orElseThrow(() -> new Rejection(EconomyCode.UNKNOWN_ROUND, "no round #" + number));
    }

    // ---- records of the view ----------------------------------------------------------------------------------

    /** A movement of the treasury: income or spending, its category, amount, counterparty and note. */
    public record Entry(long time, long height, boolean income, String category, long amount, String counterparty,
                        String note) {
    }

    /** The treasury's statement of account over [from, until). */
    public record Statement(long from, long until, long opening, SortedMap<String, Long> income,
                            SortedMap<String, Long> spending, long closing) {
        /** The same figures over a period with another end (for comparisons). */
        public Statement withUntil(long end) {
            return new Statement(from, end, opening, income, spending, closing);
        }
    }

    /** A lock as seen at a time: how much is released, claimed and still locked. */
    public record LockView(int id, String owner, long amount, long start, long cliff, long end, long released,
                           long claimed, long locked, String source) {
    }

    /** A pledge to a campaign: the pledger's patron attestation. */
    public record Pledge(String pledger, long amount, long time, long height) {
    }

    /** A territory a funded campaign paid for; the land's record completes it. */
    public record Territory(int campaign, String property, String country, long amount, long time, String status) {
    }

    /** A period's citizen dividend. */
    public record Dividend(long time, long height, long revenue, long pot, int citizens, long each, long remainder) {
    }

    /** A time lock or vesting schedule: released linearly from start to end, nothing before the cliff. */
    static final class Lock {
        final int id;
        final String owner;
        final long amount;
        final long start;
        final long cliff;
        final long end;
        final String source;
        long claimed;

        Lock(int id, String owner, long amount, long start, long cliff, long end, String source) {
            this.id = id;
            this.owner = owner;
            this.amount = amount;
            this.start = start;
            this.cliff = cliff;
            this.end = end;
            this.source = source;
        }

        /** floor(amount * (t - start) / (end - start)) between the cliff and the end; all of it from the end. */
        long released(long t) {
            if (t >= end) {
                return amount;
            }
            if (t < cliff || t <= start) {
                return 0;
            }
            return Money.mulDiv(amount, t - start, end - start);
        }

        LockView view(long t) {
            long r = released(t);
            return new LockView(id, owner, amount, start, cliff, end, r, claimed, amount - r, source);
        }
    }

    /** A quadratic funding round. */
    public static final class Round {
        final int number;
        final String title;
        final long pool;
        final long created;
        final long applicationsUntil;
        final long contributionsUntil;
        final EconomyActions.Approval approval;
        final Matching.Mode mode;
        final int capBp;
        final long pairwiseK;
        final org.phyle.crypto.Hash proposal;
        final List<Project> projects = new ArrayList<>();
        long escrow;
        boolean paid;
        long paidAt;
        Matching.Result result;
        /** Pairs of counted contributors to the same project (derived: not in the snapshot). */
        long pairs;

        Round(int number, EconomyActions.FundingRound f, long time, org.phyle.crypto.Hash proposal) {
            this(number, f.title(), f.pool(), time, time + f.applicationHours() * HOUR,
                    time + (f.applicationHours() + (long) f.contributionHours()) * HOUR, f.approval(), f.mode(),
                    f.capBp(), f.pairwiseK(), proposal);
            this.escrow = f.pool();
        }

        Round(int number, String title, long pool, long created, long applicationsUntil, long contributionsUntil,
              EconomyActions.Approval approval, Matching.Mode mode, int capBp, long pairwiseK,
              org.phyle.crypto.Hash proposal) {
            this.number = number;
            this.title = title;
            this.pool = pool;
            this.created = created;
            this.applicationsUntil = applicationsUntil;
            this.contributionsUntil = contributionsUntil;
            this.approval = approval;
            this.mode = mode;
            this.capBp = capBp;
            this.pairwiseK = pairwiseK;
            this.proposal = proposal;
        }

        Project project(int index) {
            if (index < 0 || index >= projects.size()) {
                throw new Rejection(EconomyCode.UNKNOWN_PROJECT, "round #" + number + " has no project #" + index);
            }
            return projects.get(index);
        }

        Matching.Result compute() {
            List<Matching.Contributions> in = new ArrayList<>();
            for (Project p : projects) {
                int[] persons = p.counted.keySet().stream().mapToInt(Integer::intValue).toArray();
                long[] amounts = p.counted.values().stream().mapToLong(Long::longValue).toArray();
                in.add(new Matching.Contributions(persons, amounts));
            }
            return Matching.match(in, mode, pairwiseK, pool, capBp);
        }

        public int number() {
            return number;
        }

        public String title() {
            return title;
        }

        public long pool() {
            return pool;
        }

        public long created() {
            return created;
        }

        public long applicationsUntil() {
            return applicationsUntil;
        }

        public long contributionsUntil() {
            return contributionsUntil;
        }

        public EconomyActions.Approval approval() {
            return approval;
        }

        public Matching.Mode mode() {
            return mode;
        }

        public int capBp() {
            return capBp;
        }

        public long pairwiseK() {
            return pairwiseK;
        }

        public org.phyle.crypto.Hash proposal() {
            return proposal;
        }

        public List<Project> projects() {
            return List.copyOf(projects);
        }

        public long escrow() {
            return escrow;
        }

        public boolean paid() {
            return paid;
        }

        /** Pairs of counted contributors who gave to the same project: what the pairwise mode's work grows with. */
        public long pairs() {
            return pairs;
        }

        public long paidAt() {
            return paidAt;
        }
    }

    /** A project of a round: its recipient, approval, and the contributions it drew (counted per person). */
    public static final class Project {
        final int index;
        final String title;
        final String recipient;
        final String description;
        final String applicant;
        final long appliedAt;
        boolean approved;
        String approvedBy = "";
        final TreeMap<Integer, Long> counted = new TreeMap<>();
        long uncounted;
        long total;

        Project(int index, String title, String recipient, String description, String applicant, long appliedAt) {
            this.index = index;
            this.title = title;
            this.recipient = recipient;
            this.description = description;
            this.applicant = applicant;
            this.appliedAt = appliedAt;
        }

        public int index() {
            return index;
        }

        public String title() {
            return title;
        }

        public String recipient() {
            return recipient;
        }

        public String description() {
            return description;
        }

        public String applicant() {
            return applicant;
        }

        public long appliedAt() {
            return appliedAt;
        }

        public boolean approved() {
            return approved;
        }

        public String approvedBy() {
            return approvedBy;
        }

        /** Person number to the sum they contributed, for citizens in good standing when they contributed. */
        public SortedMap<Integer, Long> counted() {
            return java.util.Collections.unmodifiableSortedMap(counted);
        }

        /** What others (not citizens in good standing) contributed: paid through, unmatched. */
        public long uncounted() {
            return uncounted;
        }

        public long total() {
            return total;
        }
    }

    /** A crowdfunding campaign for a territory. */
    public static final class Campaign {
        public enum State { OPEN, FUNDED, REFUNDED }

        final int number;
        final String title;
        final String property;
        final String country;
        final long target;
        final long deadline;
        final String steward;
        final String creator;
        final long created;
        final List<Pledge> pledges = new ArrayList<>();
        long escrow;
        State state = State.OPEN;
        long settledAt;

        Campaign(int number, String title, String property, String country, long target, long deadline,
                 String steward, String creator, long created) {
            this.number = number;
            this.title = title;
            this.property = property;
            this.country = country;
            this.target = target;
            this.deadline = deadline;
            this.steward = steward;
            this.creator = creator;
            this.created = created;
        }

        public int number() {
            return number;
        }

        public String title() {
            return title;
        }

        public String property() {
            return property;
        }

        public String country() {
            return country;
        }

        public long target() {
            return target;
        }

        public long deadline() {
            return deadline;
        }

        public String steward() {
            return steward;
        }

        public String creator() {
            return creator;
        }

        public long created() {
            return created;
        }

        public List<Pledge> pledges() {
            return List.copyOf(pledges);
        }

        /** What is pledged so far (while open) or what it held when it settled. */
        public long pledged() {
            return pledges.stream().mapToLong(Pledge::amount).sum();
        }

        public long escrow() {
            return escrow;
        }

        public State state() {
            return state;
        }

        public long settledAt() {
            return settledAt;
        }
    }

    // ---- snapshot ---------------------------------------------------------------------------------------------

    void write(StateWriter w) {
        w.writeLong(genesisTime);
        w.writeLong(genesisAllocation);
        w.writeLong(issued);
        w.writeInt(issuedByYear.size());
        issuedByYear.forEach((y, a) -> {
            w.writeLong(y);
            w.writeLong(a);
        });
        w.writeLong(treasuryGeneral);
        w.writeLong(treasuryLand);
        w.writeInt(balances.size());
        balances.forEach((k, v) -> {
            w.writeString(k);
            w.writeLong(v);
        });
        w.writeInt(locks.size());
        for (Lock l : locks) {
            w.writeString(l.owner);
            w.writeLong(l.amount);
            w.writeLong(l.start);
            w.writeLong(l.cliff);
            w.writeLong(l.end);
            w.writeString(l.source);
            w.writeLong(l.claimed);
        }
        w.writeInt(treasuryEntries.size());
        for (Entry e : treasuryEntries) {
            w.writeLong(e.time());
            w.writeLong(e.height());
            w.writeBoolean(e.income());
            w.writeString(e.category());
            w.writeLong(e.amount());
            w.writeString(e.counterparty());
            w.writeString(e.note());
        }
        w.writeInt(rounds.size());
        for (Round r : rounds) {
            w.writeString(r.title);
            w.writeLong(r.pool);
            w.writeLong(r.created);
            w.writeLong(r.applicationsUntil);
            w.writeLong(r.contributionsUntil);
            w.writeInt(r.approval.ordinal());
            w.writeInt(r.mode.ordinal());
            w.writeInt(r.capBp);
            w.writeLong(r.pairwiseK);
            w.writeHash(r.proposal);
            w.writeLong(r.escrow);
            w.writeBoolean(r.paid);
            w.writeLong(r.paidAt);
            w.writeInt(r.projects.size());
            for (Project p : r.projects) {
                w.writeString(p.title);
                w.writeString(p.recipient);
                w.writeString(p.description);
                w.writeString(p.applicant);
                w.writeLong(p.appliedAt);
                w.writeBoolean(p.approved);
                w.writeString(p.approvedBy);
                w.writeInt(p.counted.size());
                p.counted.forEach((k, v) -> {
                    w.writeInt(k);
                    w.writeLong(v);
                });
                w.writeLong(p.uncounted);
                w.writeLong(p.total);
            }
        }
        w.writeInt(campaigns.size());
        for (Campaign c : campaigns) {
            w.writeString(c.title);
            w.writeString(c.property);
            w.writeString(c.country);
            w.writeLong(c.target);
            w.writeLong(c.deadline);
            w.writeString(c.steward);
            w.writeString(c.creator);
            w.writeLong(c.created);
            w.writeInt(c.pledges.size());
            for (Pledge p : c.pledges) {
                w.writeString(p.pledger());
                w.writeLong(p.amount());
                w.writeLong(p.time());
                w.writeLong(p.height());
            }
            w.writeLong(c.escrow);
            w.writeInt(c.state.ordinal());
            w.writeLong(c.settledAt);
        }
        w.writeInt(territories.size());
        for (Territory t : territories) {
            w.writeInt(t.campaign());
            w.writeString(t.property());
            w.writeString(t.country());
            w.writeLong(t.amount());
            w.writeLong(t.time());
            w.writeString(t.status());
        }
        w.writeLong(revenueInPeriod);
        w.writeLong(nextDividendAt);
        w.writeInt(dividends.size());
        for (Dividend d : dividends) {
            w.writeLong(d.time());
            w.writeLong(d.height());
            w.writeLong(d.revenue());
            w.writeLong(d.pot());
            w.writeInt(d.citizens());
            w.writeLong(d.each());
            w.writeLong(d.remainder());
        }
    }

    void read(StateReader r) {
        genesisTime = r.readLong();
        genesisAllocation = r.readLong();
        issued = r.readLong();
        int n = r.readCount();
        for (int i = 0; i < n; i++) {
            issuedByYear.put(r.readLong(), r.readLong());
        }
        treasuryGeneral = r.readLong();
        treasuryLand = r.readLong();
        n = r.readCount();
        for (int i = 0; i < n; i++) {
            balances.put(r.readString(), r.readLong());
        }
        n = r.readCount();
        for (int i = 0; i < n; i++) {
            Lock l = new Lock(i, r.readString(), r.readLong(), r.readLong(), r.readLong(), r.readLong(),
                    r.readString());
            l.claimed = r.readLong();
            locks.add(l);
            locksByOwner.computeIfAbsent(l.owner, x -> new ArrayList<>()).add(l);
        }
        n = r.readCount();
        for (int i = 0; i < n; i++) {
            treasuryEntries.add(new Entry(r.readLong(), r.readLong(), r.readBoolean(), r.readString(), r.readLong(),
                    r.readString(), r.readString()));
        }
        n = r.readCount();
        for (int i = 0; i < n; i++) {
            Round rd = new Round(i, r.readString(), r.readLong(), r.readLong(), r.readLong(), r.readLong(),
                    EconomyActions.Approval.values()[r.readInt()], Matching.Mode.values()[r.readInt()], r.readInt(),
                    r.readLong(), r.readHash());
            rd.escrow = r.readLong();
            rd.paid = r.readBoolean();
            rd.paidAt = r.readLong();
            int projects = r.readCount();
            for (int j = 0; j < projects; j++) {
                Project p = new Project(j, r.readString(), r.readString(), r.readString(), r.readString(),
                        r.readLong());
                p.approved = r.readBoolean();
                p.approvedBy = r.readString();
                int c = r.readCount();
                for (int k = 0; k < c; k++) {
                    p.counted.put(r.readInt(), r.readLong());
                }
                p.uncounted = r.readLong();
                p.total = r.readLong();
                rd.projects.add(p);
                rd.pairs += (long) c * (c - 1) / 2;
            }
            if (rd.paid) {
                rd.result = rd.compute();
            }
            rounds.add(rd);
        }
        n = r.readCount();
        for (int i = 0; i < n; i++) {
            Campaign c = new Campaign(i, r.readString(), r.readString(), r.readString(), r.readLong(), r.readLong(),
                    r.readString(), r.readString(), r.readLong());
            int pledges = r.readCount();
            for (int j = 0; j < pledges; j++) {
                c.pledges.add(new Pledge(r.readString(), r.readLong(), r.readLong(), r.readLong()));
            }
            c.escrow = r.readLong();
            c.state = Campaign.State.values()[r.readInt()];
            c.settledAt = r.readLong();
            campaigns.add(c);
            if (c.state == Campaign.State.OPEN) {
                openCampaigns.computeIfAbsent(c.deadline, x -> new TreeSet<>()).add(c.number);
            }
        }
        n = r.readCount();
        for (int i = 0; i < n; i++) {
            territories.add(new Territory(r.readInt(), r.readString(), r.readString(), r.readLong(), r.readLong(),
                    r.readString()));
        }
        revenueInPeriod = r.readLong();
        nextDividendAt = r.readLong();
        n = r.readCount();
        for (int i = 0; i < n; i++) {
            dividends.add(new Dividend(r.readLong(), r.readLong(), r.readLong(), r.readLong(), r.readInt(),
                    r.readLong(), r.readLong()));
        }
    }
}

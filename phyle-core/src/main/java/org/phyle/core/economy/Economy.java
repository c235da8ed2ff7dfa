package org.phyle.core.economy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.phyle.core.BlockContext;
import org.phyle.core.Parameters;
import org.phyle.core.Rejection;
import org.phyle.core.TxContext;
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
 *
 * <p>Its parts, each with its state and its rules: {@link Accounts} (balances, locks and vesting), {@link Treasury}
 * (supply, budgets, the statement), {@link Transfers}, {@link FundingRounds}, {@link Campaigns} and
 * {@link Dividends}; {@link EconomySnapshot} writes and reads them in one fixed order. The movements of money of the
 * block just applied are listed in {@link Movements} (not state).
 */
public final class Economy {
    static final long DAY = 86_400_000L;
    static final long HOUR = 3_600_000L;
    static final long YEAR = 365 * DAY;

    /** The movements of money of the last block that moved any: the accounts' history, not part of the state. */
    final Movements movements = new Movements();
    private final Accounts accounts = new Accounts(movements);
    private final Treasury treasury = new Treasury(accounts, movements);
    private final Dividends dividends = new Dividends(accounts, treasury, movements);
    private final Transfers transfers = new Transfers(accounts, treasury, dividends, movements);
    private final FundingRounds rounds = new FundingRounds(accounts, treasury, movements);
    private final Campaigns campaigns = new Campaigns(accounts, treasury, movements);
    private final LandHoldings land = new LandHoldings(accounts, treasury, dividends, movements);

    // ---- the view ---------------------------------------------------------------------------------------------

    /** Money created: the genesis allocation plus every issuance. */
    public long supply() {
        return treasury.supply();
    }

    public long genesisAllocation() {
        return treasury.genesisAllocation;
    }

    public long issued() {
        return treasury.issued;
    }

    /** What was issued in the year since the genesis that contains this time (year 0 is the first). */
    public long issuedInYear(long year) {
        return treasury.issuedInYear(year);
    }

    /** The year since the genesis a time falls in. */
    public long yearOf(long time) {
        return treasury.yearOf(time);
    }

    /** The most a passed issue proposal may still create in the year of this time. */
    public long issuanceRoom(long time, Parameters p) {
        return treasury.issuanceRoom(time, p);
    }

    /** All the money there is, counted where it is: balances, the treasury, escrows and what is still locked. */
    public long accounted(long time) {
        long sum = Math.addExact(treasury.total(), accounts.total());
        return Math.addExact(Math.addExact(Math.addExact(sum, rounds.escrows()), campaigns.escrows()), land.escrow);
    }

    /** What the economy holds for the land: tax deposits and the collateral of bids ({@link LandEscrow}). */
    public long landEscrow() {
        return land.escrow;
    }

    /** The treasury's whole balance (general and land budgets). */
    public long treasury() {
        return treasury.total();
    }

    public long treasuryGeneral() {
        return treasury.general;
    }

    /** The treasury's land budget: what funded territory campaigns brought in, for land spends. */
    public long treasuryLand() {
        return treasury.land;
    }

    /** What this did:key may spend at this time: its balance and what its locks have released. */
    public long spendable(String did, long time) {
        return accounts.spendable(did, time);
    }

    /** What this did:key holds locked (not released yet) at this time. */
    public long locked(String did, long time) {
        return accounts.locked(did, time);
    }

    /** Every account with money in it (did:key to balance, not counting locks), in did order. */
    public SortedMap<String, Long> balances() {
        return java.util.Collections.unmodifiableSortedMap(accounts.balances);
    }

    public List<LockView> locksOf(String did, long time) {
        return accounts.locksOf(did, time);
    }

    public List<LockView> locks(long time) {
        return accounts.locks(time);
    }

    /** Every movement of the treasury, in order. */
    public List<Entry> treasuryEntries() {
        return List.copyOf(treasury.entries);
    }

    /** The treasury's income and spending by category over [from, until). */
    public Statement statement(long from, long until) {
        return treasury.statement(from, until);
    }

    /** The statement in periods of {@code periodMs} from the genesis up to this time (the last one partial). */
    public List<Statement> statements(long periodMs, long until) {
        return treasury.statements(periodMs, until);
    }

    public List<Round> rounds() {
        return List.copyOf(rounds.rounds);
    }

    public Optional<Round> round(int number) {
        return rounds.round(number);
    }

    /**
     * A round's matching: once paid, the figures paid; before, an estimate from the contributions so far, as if the
     * round paid out now.
     */
    public Matching.Result matching(int number) {
        Round r = rounds.require(number);
        return r.result != null ? r.result : r.compute();
    }

    public List<Campaign> campaigns() {
        return List.copyOf(campaigns.campaigns);
    }

    public Optional<Campaign> campaign(int number) {
        return campaigns.campaign(number);
    }

    /** The campaigns this did:key pledged to: its patron attestations. */
    public List<Integer> patronOf(String did) {
        return campaigns.patronOf(did);
    }

    /** Territories a funded campaign bought the money for, pending until the land is recorded. */
    public List<Territory> territories() {
        return List.copyOf(campaigns.territories);
    }

    public List<Dividend> dividends() {
        return List.copyOf(dividends.paid);
    }

    /** Revenue received in the current dividend period. */
    public long revenueInPeriod() {
        return dividends.revenueInPeriod;
    }

    public long nextDividendAt() {
        return dividends.nextDividendAt;
    }

    /** When something is next due at the end of a block: a campaign's deadline, or a period's dividend. */
    public long nextDue() {
        return Math.min(campaigns.nextDue(), dividends.nextDue());
    }

    // ---- checks other mechanisms' proposals rely on -----------------------------------------------------------

    /** Throws unless an issuance of this amount fits the year's cap (and the ledger's range). */
    public void checkIssuance(long amount, long time, Parameters p) {
        treasury.checkIssuance(amount, time, p);
    }

    /** Throws unless the treasury can pay this amount in this category (land draws on the land budget first). */
    public void checkSpend(String category, long amount) {
        treasury.checkSpend(category, amount);
    }

    /** Throws unless the project can be approved now in the way given. */
    public void checkApproval(int round, int project, EconomyActions.Approval how, long time) {
        rounds.checkApproval(round, project, how, time);
    }

    // ---- changes: each part applies its own ---------------------------------------------------------------------

    void found(Parameters p, long time) {
        treasury.found(p, time);
        dividends.found(p, time);
    }

    void apply(EconomyTx tx, TxContext ctx) {
        switch (tx) {
            case EconomyTx.Transfer t -> transfers.apply(t, ctx);
            case EconomyTx.Lock l -> accounts.lock(l, ctx);
            case EconomyTx.Apply a -> rounds.apply(a, ctx);
            case EconomyTx.Approve a -> rounds.approve(a, ctx);
            case EconomyTx.Contribute c -> rounds.contribute(c, ctx);
            case EconomyTx.Payout p -> rounds.payout(p, ctx);
            case EconomyTx.Campaign c -> campaigns.start(c, ctx);
            case EconomyTx.Pledge p -> campaigns.pledge(p, ctx);
        }
    }

    /** Carries out a passed proposal of the economy's kinds (checked just before by governance). */
    void carry(Carry c, BlockContext ctx) {
        Execution e = c.execution();
        switch (c.action()) {
            case EconomyActions.Issue i -> treasury.issue(i, e, ctx);
            case EconomyActions.TreasurySpend s -> treasury.pay(s, e, ctx);
            case EconomyActions.FundingRound f -> rounds.open(f, e, ctx);
            case EconomyActions.ApproveProject a -> rounds.approveByVote(a, e);
            default -> throw new IllegalStateException("the economy does not carry out " + c.action().kind());
        }
    }

    /** What is due by this block's time: campaigns past their deadline settle; a period's dividend is paid. */
    /** Carries out the land's money commands (checked by the land before it sent them). */
    void receiveLand(org.phyle.core.Effect e, BlockContext ctx) {
        land.receive(e, ctx);
    }

    void endBlock(BlockContext ctx) {
        campaigns.endBlock(ctx);
        dividends.endBlock(ctx);
    }

    void write(StateWriter w) {
        EconomySnapshot.write(w, treasury, accounts, rounds, campaigns, dividends);
        w.writeLong(land.escrow);
    }

    void read(StateReader r) {
        EconomySnapshot.read(r, treasury, accounts, rounds, campaigns, dividends);
        land.escrow = r.readLong();
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

}

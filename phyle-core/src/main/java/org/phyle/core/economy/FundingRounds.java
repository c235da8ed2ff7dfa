package org.phyle.core.economy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.phyle.core.BlockContext;
import org.phyle.core.Rejection;
import org.phyle.core.TxContext;
import org.phyle.core.charter.Offices;
import org.phyle.core.citizenship.Person;
import org.phyle.core.citizenship.Registry;
import org.phyle.core.proposals.Execution;

/**
 * Quadratic funding rounds: opened by a passed proposal (the pool moves from the treasury into the round's escrow),
 * projects apply and are approved (by the stewards or by a vote), contributions go into the escrow, and the payout
 * pays each project what it was given plus its match, returning the rest of the pool to the treasury.
 */
final class FundingRounds {
    final List<Economy.Round> rounds = new ArrayList<>();
    private final Accounts accounts;
    private final Treasury treasury;
    private final Movements movements;

    FundingRounds(Accounts accounts, Treasury treasury, Movements movements) {
        this.accounts = accounts;
        this.treasury = treasury;
        this.movements = movements;
    }

    Optional<Economy.Round> round(int number) {
        return number >= 0 && number < rounds.size() ? Optional.of(rounds.get(number)) : Optional.empty();
    }

    Economy.Round require(int number) {
        return round(number).orElseThrow(() -> new Rejection(EconomyCode.UNKNOWN_ROUND, "no round #" + number));
    }

    /** What is in the rounds' escrows, added up. */
    long escrows() {
        long sum = 0;
        for (Economy.Round r : rounds) {
            sum = Math.addExact(sum, r.escrow);
        }
        return sum;
    }

    void checkApproval(int round, int project, EconomyActions.Approval how, long time) {
        Economy.Round r = require(round);
        Economy.Project p = r.project(project);
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

    /** A passed {@code qf-round}: the pool moves from the treasury into the new round's escrow. */
    void open(EconomyActions.FundingRound f, Execution e, BlockContext ctx) {
        treasury.spend("qf-round", f.pool());
        Economy.Round r = new Economy.Round(rounds.size(), f, e.time(), e.proposal());
        rounds.add(r);
        treasury.entries.add(new Economy.Entry(e.time(), e.height(), false, "qf-round", f.pool(),
                "round #" + r.number, f.title() + " (" + e.authority() + ")"));
        movements.add(Movement.byProposal(ctx, e, EconomyTx.TREASURY, Movement.Kind.QF_POOL, Movement.Direction.OUT,
                f.pool()).withMemo(f.title()).withRound(r.number, -1));
    }

    /** A passed {@code qf-approve} (checked by governance just before). */
    void approveByVote(EconomyActions.ApproveProject a, Execution e) {
        Economy.Project p = rounds.get(a.round()).projects.get(a.project());
        p.approved = true;
        p.approvedBy = e.authority();
    }

    /** {@code economy.apply}: a project, while the round takes applications. */
    void apply(EconomyTx.Apply a, TxContext ctx) {
        long now = ctx.time();
        Economy.Round r = require(a.round());
        if (now >= r.applicationsUntil) {
            throw new Rejection(EconomyCode.APPLICATIONS_CLOSED, "applications to round #" + r.number
                    + " closed at " + Instant.ofEpochMilli(r.applicationsUntil));
        }
        r.projects.add(new Economy.Project(r.projects.size(), a.title(), a.recipient().did(), a.description(),
                ctx.signer().did(), now));
    }

    /** {@code economy.approve}: a steward approves a project of a round approved by its stewards. */
    void approve(EconomyTx.Approve a, TxContext ctx) {
        Person steward = ctx.view(Registry.class).citizenInGoodStanding(ctx);
        checkApproval(a.round(), a.project(), EconomyActions.Approval.STEWARDS, ctx.time());
        if (!ctx.view(Offices.class).isSteward(steward.number())) {
            throw new Rejection(EconomyCode.NOT_A_STEWARD, "only the society's stewards approve projects");
        }
        Economy.Project p = rounds.get(a.round()).projects.get(a.project());
        p.approved = true;
        p.approvedBy = "steward #" + steward.number();
    }

    /** {@code economy.contribute}: into the escrow; a citizen in good standing counts once per project. */
    void contribute(EconomyTx.Contribute c, TxContext ctx) {
        String signer = ctx.signer().did();
        long now = ctx.time();
        Money.positive(c.amount());
        Economy.Round r = require(c.round());
        Economy.Project p = r.project(c.project());
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
        if (newPerson && r.mode == Matching.Mode.PAIRWISE
                && r.pairs + p.counted.size() > ctx.parameters().get(EconomyParams.MAX_PAIRS)) {
            throw new Rejection(EconomyCode.PAIRWISE_LIMIT, "round #" + r.number + " has "
                    + r.pairs + " pairs of contributors; a new contributor to project #" + p.index
                    + " would add " + p.counted.size());
        }
        accounts.debit(signer, c.amount(), ctx);
        movements.add(Movement.byTx(ctx, signer, Movement.Kind.QF_CONTRIBUTION, Movement.Direction.OUT, c.amount())
                .withCounterparty(p.recipient).withMemo(p.title).withRound(r.number, p.index));
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

    /** {@code economy.payout}: once, after the contributions closed; what the pool did not pay returns. */
    void payout(EconomyTx.Payout po, TxContext ctx) {
        long now = ctx.time();
        Economy.Round r = require(po.round());
        if (r.paid) {
            throw new Rejection(EconomyCode.ALREADY_PAID, "round #" + r.number + " was paid out at "
                    + Instant.ofEpochMilli(r.paidAt));
        }
        if (now < r.contributionsUntil) {
            throw new Rejection(EconomyCode.ROUND_NOT_ENDED, "round #" + r.number + " pays out from "
                    + Instant.ofEpochMilli(r.contributionsUntil));
        }
        Matching.Result result = r.compute();
        for (Economy.Project p : r.projects) {
            Money.add(accounts.balance(p.recipient), p.total + result.matches()[p.index]);
        }
        for (Economy.Project p : r.projects) {
            long match = result.matches()[p.index];
            long pay = p.total + match;
            if (pay > 0) {
                accounts.credit(p.recipient, pay);
            }
            if (p.total > 0) {
                movements.add(Movement.byTx(ctx, p.recipient, Movement.Kind.QF_PAYOUT, Movement.Direction.IN,
                        p.total).withMemo(p.title).withRound(r.number, p.index));
            }
            if (match > 0) {
                movements.add(Movement.byTx(ctx, p.recipient, Movement.Kind.QF_MATCH, Movement.Direction.IN, match)
                        .withMemo(p.title).withRound(r.number, p.index));
            }
            r.escrow -= pay;
        }
        if (r.escrow != result.remainder()) {
            throw new IllegalStateException("round #" + r.number + " escrow disagrees with its remainder");
        }
        if (r.escrow > 0) {
            treasury.general += r.escrow;
            treasury.entries.add(new Economy.Entry(now, ctx.height(), true, "round-return", r.escrow, "",
                    "what round #" + r.number + "'s matching left in its pool"));
            movements.add(Movement.byTx(ctx, EconomyTx.TREASURY, Movement.Kind.QF_RETURN, Movement.Direction.IN,
                    r.escrow).withMemo(r.title).withRound(r.number, -1));
        }
        r.escrow = 0;
        r.result = result;
        r.paid = true;
        r.paidAt = now;
    }
}

package org.phyle.core.economy;

import org.phyle.core.BlockContext;
import org.phyle.core.TxContext;
import org.phyle.core.proposals.Execution;
import org.phyle.crypto.Hash;

/**
 * One movement of money touching one account (a did:key, or {@value EconomyTx#TREASURY}): what an account's history
 * is made of. A transfer between two accounts is two movements, one for each. Movements are not part of the state:
 * the economy lists those of the block just applied ({@link Movements}), and a node stores them beside the block.
 *
 * @param height       the block
 * @param time         the block's time
 * @param account      whose history it belongs to
 * @param kind         what happened
 * @param direction    into the account's balance, out of it, or into a lock of the account
 * @param amount       positive, in minor units
 * @param counterparty the other account (a did:key or {@code treasury}), or "" if none
 * @param memo         the sender's memo, a spend's purpose or a note; "" if none
 * @param tx           the transaction that made it, or null (a proposal carried out, the end of a block)
 * @param proposal     the proposal carried out (or the founder's transaction that enacted it), or null
 * @param round        the funding round, or -1
 * @param project      the round's project, or -1
 * @param campaign     the territory campaign, or -1
 * @param lock         the lock or vesting schedule, or -1
 */
public record Movement(long height, long time, String account, Kind kind, Direction direction, long amount,
                       String counterparty, String memo, Hash tx, Hash proposal, int round, int project, int campaign,
                       int lock) {
    /** What moved the money; {@link #json()} is the stable word the API and the ledger store use. */
    public enum Kind {
        /** The treasury's genesis allocation. */
        GENESIS("genesis"),
        /** New money from a passed issue proposal, into the treasury. */
        ISSUANCE("issuance"),
        /** A transfer between accounts (or a payment into the treasury not marked as revenue). */
        TRANSFER("transfer"),
        /** A payment into the treasury marked as revenue (tax, fee, penalty): it feeds the dividend. */
        REVENUE("revenue"),
        /** The holder locked their own money. */
        LOCK("lock"),
        /** Money a holder's lock released, claimed into the balance (when the holder next spends). */
        LOCK_RELEASE("lock-release"),
        /** A treasury spend paid as a vesting schedule. */
        VESTING("vesting"),
        /** Money a vesting schedule released, claimed into the balance (when the holder next spends). */
        VESTING_RELEASE("vesting-release"),
        /** A treasury spend paid at once (or, for the treasury, paid out). */
        TREASURY_SPEND("treasury-spend"),
        /** A funding round's matching pool, out of the treasury. */
        QF_POOL("qf-pool"),
        /** A contribution to a project of a funding round, into the round's escrow. */
        QF_CONTRIBUTION("qf-contribution"),
        /** What contributors gave to a project, paid to its recipient at the round's payout. */
        QF_PAYOUT("qf-payout"),
        /** A project's match from the pool, paid to its recipient at the round's payout. */
        QF_MATCH("qf-match"),
        /** What a round's matching left in its pool, back to the treasury. */
        QF_RETURN("qf-return"),
        /** A pledge to a territory campaign, into its escrow. */
        PLEDGE("pledge"),
        /** A pledge returned because its campaign missed its target. */
        REFUND("refund"),
        /** A funded campaign's escrow, into the treasury's land budget. */
        LAND("land"),
        /** A period's citizen dividend. */
        DIVIDEND("dividend");

        private final String json;

        Kind(String json) {
            this.json = json;
        }

        public String json() {
            return json;
        }
    }

    /** How the movement changed the account. */
    public enum Direction {
        /** Into the account's balance. */
        IN("in"),
        /** Out of the account's balance (for a lock: into the lock). */
        OUT("out"),
        /** Into a lock of the account's, not spendable until released (a vesting schedule). */
        LOCKED("locked");

        private final String json;

        Direction(String json) {
            this.json = json;
        }

        public String json() {
            return json;
        }
    }

    static Movement of(long height, long time, String account, Kind kind, Direction direction, long amount) {
        return new Movement(height, time, account, kind, direction, amount, "", "", null, null, -1, -1, -1, -1);
    }

    /** A movement made by the transaction being applied. */
    static Movement byTx(TxContext ctx, String account, Kind kind, Direction direction, long amount) {
        return of(ctx.height(), ctx.time(), account, kind, direction, amount).withTx(ctx.txId());
    }

    /** A movement made by a passed proposal being carried out. */
    static Movement byProposal(BlockContext ctx, Execution e, String account, Kind kind, Direction direction,
                               long amount) {
        return of(ctx.height(), ctx.time(), account, kind, direction, amount).withProposal(e.proposal());
    }

    /** A movement made at the end of the block (a campaign settled, a dividend paid). */
    static Movement atEnd(BlockContext ctx, String account, Kind kind, Direction direction, long amount) {
        return of(ctx.height(), ctx.time(), account, kind, direction, amount);
    }

    Movement withCounterparty(String c) {
        return new Movement(height, time, account, kind, direction, amount, c, memo, tx, proposal, round, project,
                campaign, lock);
    }

    Movement withMemo(String m) {
        return new Movement(height, time, account, kind, direction, amount, counterparty, m, tx, proposal, round,
                project, campaign, lock);
    }

    Movement withTx(Hash t) {
        return new Movement(height, time, account, kind, direction, amount, counterparty, memo, t, proposal, round,
                project, campaign, lock);
    }

    Movement withProposal(Hash p) {
        return new Movement(height, time, account, kind, direction, amount, counterparty, memo, tx, p, round, project,
                campaign, lock);
    }

    Movement withRound(int r, int p) {
        return new Movement(height, time, account, kind, direction, amount, counterparty, memo, tx, proposal, r, p,
                campaign, lock);
    }

    Movement withCampaign(int c) {
        return new Movement(height, time, account, kind, direction, amount, counterparty, memo, tx, proposal, round,
                project, c, lock);
    }

    Movement withLock(int l) {
        return new Movement(height, time, account, kind, direction, amount, counterparty, memo, tx, proposal, round,
                project, campaign, l);
    }
}

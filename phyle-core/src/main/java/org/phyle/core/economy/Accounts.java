package org.phyle.core.economy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.phyle.core.Rejection;
import org.phyle.core.TxContext;

/**
 * Every account's money: its balance (any did:key holds one) and its locks and vesting schedules. Money leaves an
 * account only through {@link #debit}, which claims what the locks have released first; it arrives through
 * {@link #credit} or into a new lock.
 */
final class Accounts {
    final TreeMap<String, Long> balances = new TreeMap<>();
    final List<TimeLock> locks = new ArrayList<>();
    final TreeMap<String, List<TimeLock>> locksByOwner = new TreeMap<>();
    private final Movements movements;

    Accounts(Movements movements) {
        this.movements = movements;
    }

    long balance(String did) {
        return balances.getOrDefault(did, 0L);
    }

    /** What this did:key may spend at this time: its balance and what its locks have released. */
    long spendable(String did, long time) {
        long s = balances.getOrDefault(did, 0L);
        for (TimeLock l : locksByOwner.getOrDefault(did, List.of())) {
            s += l.released(time) - l.claimed;
        }
        return s;
    }

    /** What this did:key holds locked (not released yet) at this time. */
    long locked(String did, long time) {
        long s = 0;
        for (TimeLock l : locksByOwner.getOrDefault(did, List.of())) {
            s += l.amount - l.released(time);
        }
        return s;
    }

    List<Economy.LockView> locksOf(String did, long time) {
        return locksByOwner.getOrDefault(did, List.of()).stream().map(l -> l.view(time)).toList();
    }

    List<Economy.LockView> locks(long time) {
        return locks.stream().map(l -> l.view(time)).toList();
    }

    /** The balances and what is still locked (claimed or not), added up. */
    long total() {
        long sum = 0;
        for (long b : balances.values()) {
            sum = Math.addExact(sum, b);
        }
        for (TimeLock l : locks) {
            sum = Math.addExact(sum, l.amount - l.claimed);
        }
        return sum;
    }

    /** {@code economy.lock}: the signer locks their own money from now. */
    void lock(EconomyTx.Lock l, TxContext ctx) {
        String signer = ctx.signer().did();
        long now = ctx.time();
        Money.positive(l.amount());
        long cliff = l.cliff().orElse(now);
        if (l.end() <= now || cliff < now || cliff > l.end()) {
            throw new Rejection(EconomyCode.BAD_SCHEDULE, "a lock runs from now (" + Instant.ofEpochMilli(now)
                    + ") to an end in the future, with its cliff between");
        }
        debit(signer, l.amount(), ctx);
        movements.add(Movement.byTx(ctx, signer, Movement.Kind.LOCK, Movement.Direction.OUT, l.amount())
                .withLock(locks.size()));
        addLock(signer, l.amount(), now, cliff, l.end(), "holder");
    }

    /**
     * Takes money from an account, first from its balance, then from what its locks have released (claimed then);
     * refuses, having changed nothing, if it does not hold that much unlocked.
     */
    void debit(String did, long amount, TxContext ctx) {
        debit(did, amount, ctx.height(), ctx.time(), ctx.txId());
    }

    /** {@link #debit(String, long, TxContext)} for an effect sent by a transaction (its id in the movements). */
    void debit(String did, long amount, long height, long time, org.phyle.crypto.Hash tx) {
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
        for (TimeLock l : locksByOwner.getOrDefault(did, List.of())) {
            long released = l.released(time);
            if (released > l.claimed) {
                movements.add(Movement.of(height, time, did, l.source.equals("holder") ? Movement.Kind.LOCK_RELEASE
                        : Movement.Kind.VESTING_RELEASE, Movement.Direction.IN, released - l.claimed).withTx(tx)
                        .withLock(l.id));
            }
            balance += released - l.claimed;
            l.claimed = released;
        }
        setBalance(did, balance - amount);
    }

    void credit(String did, long amount) {
        setBalance(did, Money.add(balances.getOrDefault(did, 0L), amount));
    }

    private void setBalance(String did, long amount) {
        if (amount == 0) {
            balances.remove(did);
        } else {
            balances.put(did, amount);
        }
    }

    /** A new lock of the owner's; returns its id. */
    int addLock(String owner, long amount, long start, long cliff, long end, String source) {
        TimeLock l = new TimeLock(locks.size(), owner, amount, start, cliff, end, source);
        locks.add(l);
        locksByOwner.computeIfAbsent(owner, x -> new ArrayList<>()).add(l);
        return l.id;
    }

    /** A lock read from a snapshot, in order. */
    void restore(TimeLock l) {
        locks.add(l);
        locksByOwner.computeIfAbsent(l.owner, x -> new ArrayList<>()).add(l);
    }
}

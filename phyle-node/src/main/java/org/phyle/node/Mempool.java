package org.phyle.node;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.phyle.core.Rejection;
import org.phyle.core.tx.TxCode;
import org.phyle.core.tx.VerifiedTx;
import org.phyle.crypto.Hash;

/**
 * Verified transactions waiting for the sequencer, in arrival order, each with the future its submitter waits on.
 * Bounded: beyond its capacity it refuses, so that clients back off instead of the node running out of memory.
 */
final class Mempool {
    /** A waiting transaction and the promise made to its submitter. */
    record Pending(VerifiedTx tx, CompletableFuture<Committed> result) {
    }

    private final int capacity;
    private final LinkedHashMap<Hash, Pending> waiting = new LinkedHashMap<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private boolean closed;

    Mempool(int capacity) {
        this.capacity = capacity;
    }

    Pending add(VerifiedTx tx) {
        lock.lock();
        try {
            if (closed) {
                throw new Rejection(NodeCode.NODE_STOPPING, "the node is stopping");
            }
            if (waiting.containsKey(tx.id())) {
                throw new Rejection(TxCode.TX_PENDING, "transaction " + tx.id().hex() + " is already waiting");
            }
            if (waiting.size() >= capacity) {
                throw new Rejection(NodeCode.MEMPOOL_FULL, waiting.size() + " transactions are waiting; retry shortly");
            }
            Pending p = new Pending(tx, new CompletableFuture<>());
            waiting.put(tx.id(), p);
            changed.signalAll();
            return p;
        } finally {
            lock.unlock();
        }
    }

    /** Adds many under one lock; each answer is the pending entry's future or the rejection that kept it out. */
    List<Object> addAll(List<VerifiedTx> txs) {
        List<Object> out = new ArrayList<>(txs.size());
        lock.lock();
        try {
            for (VerifiedTx tx : txs) {
                if (closed) {
                    out.add(new Rejection(NodeCode.NODE_STOPPING, "the node is stopping"));
                } else if (waiting.containsKey(tx.id())) {
                    out.add(new Rejection(TxCode.TX_PENDING, "transaction " + tx.id().hex() + " is already waiting"));
                } else if (waiting.size() >= capacity) {
                    out.add(new Rejection(NodeCode.MEMPOOL_FULL, waiting.size() + " transactions are waiting; retry shortly"));
                } else {
                    Pending p = new Pending(tx, new CompletableFuture<>());
                    waiting.put(tx.id(), p);
                    out.add(p.result());
                }
            }
            changed.signalAll();
            return out;
        } finally {
            lock.unlock();
        }
    }

    boolean contains(Hash txId) {
        lock.lock();
        try {
            return waiting.containsKey(txId);
        } finally {
            lock.unlock();
        }
    }

    int size() {
        lock.lock();
        try {
            return waiting.size();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until a block should be cut, and takes its transactions: as soon as {@code maxTxs} wait, or once
     * {@code notBefore} (ms, on the given clock) has passed with at least one waiting. Returns an empty list when
     * woken with nothing to do (closed and drained, or a spurious wake).
     */
    List<Pending> takeBlock(int maxTxs, long notBefore, java.util.function.LongSupplier clock) throws InterruptedException {
        lock.lock();
        try {
            while (true) {
                if (waiting.size() >= maxTxs || (!waiting.isEmpty() && (closed || clock.getAsLong() >= notBefore))) {
                    return drain(maxTxs);
                }
                if (closed) {
                    return List.of();
                }
                if (waiting.isEmpty()) {
                    changed.await(100, TimeUnit.MILLISECONDS);
                    if (waiting.isEmpty()) {
                        return List.of();
                    }
                } else {
                    long wait = Math.max(1, notBefore - clock.getAsLong());
                    changed.await(wait, TimeUnit.MILLISECONDS);
                }
            }
        } finally {
            lock.unlock();
        }
    }

    private List<Pending> drain(int maxTxs) {
        List<Pending> out = new ArrayList<>(Math.min(maxTxs, waiting.size()));
        Iterator<Pending> it = waiting.values().iterator();
        while (it.hasNext() && out.size() < maxTxs) {
            out.add(it.next());
            it.remove();
        }
        return out;
    }

    /** Stops taking transactions; those waiting are still handed out by takeBlock. */
    void close() {
        lock.lock();
        try {
            closed = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Fails every waiting transaction (after a storage failure). */
    void failAll(Rejection reason) {
        lock.lock();
        try {
            closed = true;
            for (Pending p : waiting.values()) {
                p.result().completeExceptionally(reason);
            }
            waiting.clear();
        } finally {
            lock.unlock();
        }
    }
}

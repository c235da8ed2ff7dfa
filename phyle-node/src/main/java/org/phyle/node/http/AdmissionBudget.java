package org.phyle.node.http;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How many refused writes the node takes from one connection and from one address before it stops reading their
 * writes for a while. Every write that is refused (malformed, unverifiable, over its quota, against the rules) spends
 * a token of its connection's bucket and of its address's; tokens come back at a steady rate. A connection or address
 * whose bucket is empty is answered 429 before its body is read or decoded, so a flood of invalid transactions costs
 * the node almost nothing once its budget is spent, and the senders of valid transactions, on other connections and
 * addresses, are not crowded out. Valid writes spend nothing.
 */
final class AdmissionBudget {
    /** Defaults: a connection may have 200 writes refused at once and 20 a second after that; an address ten times as many. */
    static final AdmissionBudget DEFAULT = new AdmissionBudget(200, 20, 2000, 200);
    private static final int TIDY_ABOVE = 10_000;

    private static final class Bucket {
        private final double capacity;
        private final double perSecond;
        private double tokens;
        private long lastNanos;

        Bucket(double capacity, double perSecond, long now) {
            this.capacity = capacity;
            this.perSecond = perSecond;
            this.tokens = capacity;
            this.lastNanos = now;
        }

        synchronized double refill(long now) {
            tokens = Math.min(capacity, tokens + (now - lastNanos) / 1e9 * perSecond);
            lastNanos = now;
            return tokens;
        }

        synchronized void spend(long now, int n) {
            refill(now);
            tokens -= n;
        }

        synchronized boolean full(long now) {
            return refill(now) >= capacity;
        }

        /** Seconds until a token is available, 0 if one is. */
        synchronized long secondsToWait(long now) {
            double t = refill(now);
            return t >= 1 ? 0 : (long) Math.ceil((1 - t) / perSecond);
        }
    }

    private final double connectionCapacity;
    private final double connectionPerSecond;
    private final double addressCapacity;
    private final double addressPerSecond;
    private final Map<String, Bucket> connections = new ConcurrentHashMap<>();
    private final Map<String, Bucket> addresses = new ConcurrentHashMap<>();

    AdmissionBudget(double connectionCapacity, double connectionPerSecond, double addressCapacity,
                    double addressPerSecond) {
        this.connectionCapacity = connectionCapacity;
        this.connectionPerSecond = connectionPerSecond;
        this.addressCapacity = addressCapacity;
        this.addressPerSecond = addressPerSecond;
    }

    AdmissionBudget copy() {
        return new AdmissionBudget(connectionCapacity, connectionPerSecond, addressCapacity, addressPerSecond);
    }

    /** Seconds to wait before this connection and address may write again; 0 when they may now. */
    long retryAfter(String address, String connection) {
        long now = System.nanoTime();
        Bucket a = addresses.get(address);
        Bucket c = connections.get(connection);
        return Math.max(a == null ? 0 : a.secondsToWait(now), c == null ? 0 : c.secondsToWait(now));
    }

    /** Spends a token per refused write. */
    void refused(String address, String connection, int count) {
        if (count <= 0) {
            return;
        }
        long now = System.nanoTime();
        addresses.computeIfAbsent(address, k -> new Bucket(addressCapacity, addressPerSecond, now)).spend(now, count);
        connections.computeIfAbsent(connection, k -> new Bucket(connectionCapacity, connectionPerSecond, now))
                .spend(now, count);
        if (connections.size() > TIDY_ABOVE || addresses.size() > TIDY_ABOVE) {
            connections.values().removeIf(b -> b.full(now));
            addresses.values().removeIf(b -> b.full(now));
        }
    }
}

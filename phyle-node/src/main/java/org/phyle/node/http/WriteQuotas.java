package org.phyle.node.http;

import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.phyle.core.Parameters;
import org.phyle.core.Rejection;
import org.phyle.core.Society;
import org.phyle.core.SocietyView;
import org.phyle.core.citizenship.Person;
import org.phyle.core.tx.WriteQuota;
import org.phyle.crypto.VerifyingKey;
import org.phyle.node.Node;

/**
 * The write quotas of {@link WriteQuota}, enforced where a node admits transactions. This is admission policy, not a
 * rule of the ledger: the figures are the charter's and the standing of a key is read from the state, but whether a
 * transaction was admitted never makes a block invalid, so nodes may differ in what they admitted without differing in
 * what the ledger means.
 *
 * <p>Counts are kept per key in fixed periods ({@code quota.periodSeconds}, aligned to the epoch) and forgotten when a
 * period ends; a key may therefore write up to twice its quota across the boundary of two periods. A transaction counts
 * when it is admitted, whether or not a block later includes it.
 */
final class WriteQuotas {
    /** What a key is to the society, for its quota. */
    enum Standing {
        /** The founder, a steward, a councillor or the node: never limited. */
        DUTY,
        /** A citizen in good standing. */
        CITIZEN,
        /** Any other key: an applicant, a resident, a lapsed citizen, a key nobody registered. */
        GUEST
    }

    /** A transaction refused for its signer's quota: the sentence, the quota and when the next write is accepted. */
    record Refusal(Rejection rejection, Standing standing, String scope, long limit, long periodSeconds,
                   long retryAfterSeconds) {
    }

    private record Window(long index, long periodMs, Map<VerifyingKey, AtomicLong> counts, AtomicLong guests) {
    }

    /** The charter's figures, as last read. */
    private record Figures(long period, long citizen, long guest, long allGuests, long height, long readAt) {
    }

    private record Known(Standing standing, long height, long readAt) {
    }

    /** The figures and the standing of each signer of one request. */
    private record Policy(Figures figures, Map<VerifyingKey, Standing> standings) {
        Standing standing(VerifyingKey k) {
            return standings.get(k);
        }

        long period() {
            return figures.period();
        }

        long citizen() {
            return figures.citizen();
        }

        long guest() {
            return figures.guest();
        }

        long allGuests() {
            return figures.allGuests();
        }
    }

    /**
     * A standing and the figures read from the state are used again while no block has been added (and for at most
     * this long): reading takes the state's lock, which the sequencer holds while a block becomes durable, and
     * admission should not wait for that on every request.
     */
    private static final long REMEMBER_MS = 10_000;
    private static final int REMEMBER_KEYS = 100_000;

    private final Node node;
    private final InstantSource clock;
    private final Map<VerifyingKey, Known> known = new ConcurrentHashMap<>();
    private volatile Figures figures = new Figures(3600, 0, 0, 0, -1, Long.MIN_VALUE);
    private volatile Window window = new Window(-1, 1, new ConcurrentHashMap<>(), new AtomicLong());

    WriteQuotas(Node node) {
        this.node = node;
        this.clock = node.config().clock();
    }

    /** Admits or refuses each signer's next transaction, in order: null for admitted, else why not. */
    List<Refusal> admit(List<VerifyingKey> signers) {
        Policy policy = policy(signers);
        long now = clock.millis();
        Window w = window(now, policy.period() * 1000);
        long retryAfter = Math.max(1, ((w.index() + 1) * w.periodMs() - now + 999) / 1000);
        List<Refusal> out = new ArrayList<>(signers.size());
        for (VerifyingKey k : signers) {
            Standing standing = policy.standing(k);
            out.add(switch (standing) {
                case DUTY -> null;
                case CITIZEN -> take(w.counts().computeIfAbsent(k, x -> new AtomicLong()), policy.citizen()) ? null
                        : refusal(standing, "this key", policy.citizen(), policy.period(), retryAfter);
                case GUEST -> {
                    AtomicLong mine = w.counts().computeIfAbsent(k, x -> new AtomicLong());
                    if (!take(mine, policy.guest())) {
                        yield refusal(standing, "this key", policy.guest(), policy.period(), retryAfter);
                    }
                    if (!take(w.guests(), policy.allGuests())) {
                        mine.decrementAndGet();
                        yield refusal(standing, "all keys that are not citizens in good standing, together",
                                policy.allGuests(), policy.period(), retryAfter);
                    }
                    yield null;
                }
            });
        }
        return out;
    }

    private Policy policy(List<VerifyingKey> signers) {
        long now = System.nanoTime() / 1_000_000;
        long height = node.head().height();
        Map<VerifyingKey, Standing> standings = new HashMap<>();
        List<VerifyingKey> unknown = new ArrayList<>();
        for (VerifyingKey k : signers) {
            Known kn = known.get(k);
            if (kn != null && kn.height() == height && now - kn.readAt() < REMEMBER_MS) {
                standings.put(k, kn.standing());
            } else if (!standings.containsKey(k)) {
                standings.put(k, null);
                unknown.add(k);
            }
        }
        Figures f = figures;
        if (!unknown.isEmpty() || f.height() != height || now - f.readAt() >= REMEMBER_MS) {
            f = node.read(s -> {
                for (VerifyingKey k : unknown) {
                    standings.put(k, standing(s, k));
                }
                Parameters p = s.parameters();
                return new Figures(p.get(WriteQuota.PERIOD), p.get(WriteQuota.CITIZEN), p.get(WriteQuota.GUEST),
                        p.get(WriteQuota.ALL_GUESTS), s.height(), now);
            });
            figures = f;
            if (known.size() + unknown.size() > REMEMBER_KEYS) {
                known.clear();
            }
            for (VerifyingKey k : unknown) {
                known.put(k, new Known(standings.get(k), f.height(), now));
            }
        }
        return new Policy(f, standings);
    }

    static Standing standing(SocietyView s, VerifyingKey key) {
        if (key.equals(s.founder()) || key.equals(s.sequencer())) {
            return Standing.DUTY;
        }
        var person = s.registry().byCurrentKey(key);
        if (person.isEmpty()) {
            return Standing.GUEST;
        }
        Person p = person.get();
        long time = s.time();
        if (s.offices().isSteward(p.number())) {
            return Standing.DUTY;
        }
        for (int member : s.offices().council(time)) {
            if (member == p.number()) {
                return Standing.DUTY;
            }
        }
        return p.activeCitizen(time) ? Standing.CITIZEN : Standing.GUEST;
    }

    private Window window(long now, long periodMs) {
        long index = now / periodMs;
        Window w = window;
        if (w.index() != index || w.periodMs() != periodMs) {
            synchronized (this) {
                w = window;
                if (w.index() != index || w.periodMs() != periodMs) {
                    w = new Window(index, periodMs, new ConcurrentHashMap<>(), new AtomicLong());
                    window = w;
                }
            }
        }
        return w;
    }

    private static boolean take(AtomicLong count, long limit) {
        if (count.incrementAndGet() <= limit) {
            return true;
        }
        count.decrementAndGet();
        return false;
    }

    private static Refusal refusal(Standing standing, String scope, long limit, long periodSeconds, long retryAfter) {
        String who = standing == Standing.CITIZEN ? "a citizen in good standing" : "a key that is not a citizen in good "
                + "standing";
        String sentence = scope.equals("this key")
                ? "this key has sent its quota of " + limit + " transactions in this period of " + periodSeconds
                + " s (the charter's quota for " + who + "); the next is accepted in " + retryAfter + " s"
                : "keys that are not citizens in good standing have together sent their quota of " + limit
                + " transactions in this period of " + periodSeconds + " s; the next is accepted in " + retryAfter + " s";
        return new Refusal(new Rejection(HttpCode.QUOTA_EXCEEDED, sentence), standing, scope, limit, periodSeconds,
                retryAfter);
    }
}

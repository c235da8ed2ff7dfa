package org.phyle.core.governance;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.phyle.core.proposals.Method;
import org.phyle.core.state.StateReader;
import org.phyle.core.state.StateWriter;

/**
 * Liquid delegation: each citizen may give their vote on a topic (or on every topic, {@code *}) to another citizen;
 * a non-voter's vote follows their delegations to the first voter, who carries at most a capped number of votes.
 * Delegations never carry voice credits: quadratic votes are not delegated.
 */
final class Delegations {
    /** A delegation: to whom, and the leaf of the transaction that made it. */
    record Delegation(int to, long since) {
    }

    /** Votes carried through delegation, per voter, and the delegations beyond the cap. */
    record Carried(Map<Integer, Long> votes, long fellBack) {
    }

    /** delegator → topic → delegation. */
    private final TreeMap<Integer, TreeMap<String, Delegation>> byDelegator = new TreeMap<>();

    /** Sets a delegation (checked by the caller: a citizen, not oneself, no cycle). */
    void set(int from, String topic, int to, long leaf) {
        byDelegator.computeIfAbsent(from, x -> new TreeMap<>()).put(topic, new Delegation(to, leaf));
    }

    /** Removes a delegation; false if there was none. */
    boolean remove(int from, String topic) {
        TreeMap<String, Delegation> mine = byDelegator.get(from);
        if (mine == null || mine.remove(topic) == null) {
            return false;
        }
        if (mine.isEmpty()) {
            byDelegator.remove(from);
        }
        return true;
    }

    /**
     * The votes each voter carries through delegation, as the delegations stand now (frozen into the proposal at
     * its close): for every method but quadratic, the votes of electors who did not vote follow their delegation (for
     * the proposal's topic, else for every topic), through other non-voters, to the first voter; a voter carries at
     * most max(1, maxDelegatedBp of the electorate) votes, and delegations beyond that fall back to their delegators,
     * who did not vote.
     */
    Carried carried(Proposal p) {
        Map<Integer, Long> votes = new HashMap<>();
        long fellBack = 0;
        if (p.method() == Method.QUADRATIC) {
            return new Carried(votes, 0);
        }
        long cap = Math.max(1, p.maxDelegatedBp * p.electorateSize / 10_000) - 1;
        Map<Integer, Long> reaching = new HashMap<>();
        for (int m = p.electorate.nextSetBit(0); m >= 0; m = p.electorate.nextSetBit(m + 1)) {
            if (!p.ballots.containsKey(m) && delegationOf(m, p.topic()) != null) {
                Integer end = follow(m, p.topic(), p.ballots.keySet());
                if (end != null) {
                    reaching.merge(end, 1L, Long::sum);
                }
            }
        }
        for (Map.Entry<Integer, Long> e : reaching.entrySet()) {
            long kept = Math.min(cap, e.getValue());
            if (kept > 0) {
                votes.put(e.getKey(), kept);
            }
            fellBack += e.getValue() - kept;
        }
        return new Carried(votes, fellBack);
    }

    /** The delegation a person has for a topic: the topic's own, else the one for every topic. */
    private Delegation delegationOf(int person, String topic) {
        TreeMap<String, Delegation> mine = byDelegator.get(person);
        if (mine == null) {
            return null;
        }
        Delegation d = mine.get(topic);
        return d != null ? d : mine.get(Governance.ALL_TOPICS);
    }

    /** Where a non-voter's vote ends up: the first voter along their delegations, or null. */
    private Integer follow(int from, String topic, Set<Integer> voters) {
        Set<Integer> seen = new HashSet<>();
        int cur = from;
        while (seen.add(cur)) {
            Delegation d = delegationOf(cur, topic);
            if (d == null) {
                return null;
            }
            cur = d.to();
            if (voters.contains(cur)) {
                return cur;
            }
        }
        return null;
    }

    /** Whether adding from → to on a topic would let some topic's delegations run in a circle through from. */
    boolean wouldCycle(int from, String topic, int to) {
        Set<String> topics = new TreeSet<>();
        if (topic.equals(Governance.ALL_TOPICS)) {
            topics.add(Governance.ALL_TOPICS);
            for (TreeMap<String, Delegation> m : byDelegator.values()) {
                topics.addAll(m.keySet());
            }
            TreeMap<String, Delegation> mine = byDelegator.get(from);
            if (mine != null) {
                topics.removeIf(t -> !t.equals(Governance.ALL_TOPICS) && mine.containsKey(t));
            }
        } else {
            topics.add(topic);
        }
        for (String t : topics) {
            Set<Integer> seen = new HashSet<>();
            int cur = to;
            while (cur != from && seen.add(cur)) {
                Delegation d = delegationOf(cur, t);
                if (d == null) {
                    break;
                }
                cur = d.to();
            }
            if (cur == from) {
                return true;
            }
        }
        return false;
    }

    /** A person's delegations: topic → delegate's number. */
    Map<String, Integer> of(int person) {
        TreeMap<String, Integer> out = new TreeMap<>();
        TreeMap<String, Delegation> mine = byDelegator.get(person);
        if (mine != null) {
            mine.forEach((t, d) -> out.put(t, d.to()));
        }
        return out;
    }

    /** How many delegate to a person, by topic. */
    Map<String, Integer> to(int person) {
        TreeMap<String, Integer> out = new TreeMap<>();
        byDelegator.forEach((from, m) -> m.forEach((t, d) -> {
            if (d.to() == person) {
                out.merge(t, 1, Integer::sum);
            }
        }));
        return out;
    }

    void write(StateWriter w) {
        w.writeInt(byDelegator.size());
        byDelegator.forEach((from, m) -> {
            w.writeInt(from);
            w.writeInt(m.size());
            m.forEach((topic, d) -> {
                w.writeString(topic);
                w.writeInt(d.to());
                w.writeLong(d.since());
            });
        });
    }

    void read(StateReader r) {
        int d = r.readCount();
        for (int i = 0; i < d; i++) {
            int from = r.readInt();
            int topics = r.readCount();
            TreeMap<String, Delegation> m = new TreeMap<>();
            for (int j = 0; j < topics; j++) {
                m.put(r.readString(), new Delegation(r.readInt(), r.readLong()));
            }
            byDelegator.put(from, m);
        }
    }
}

package org.phyle.core.charter;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.phyle.core.Rejection;
import org.phyle.core.state.StateReader;
import org.phyle.core.state.StateWriter;
import org.phyle.crypto.Hash;

/**
 * The society's offices: its stewards (citizens entrusted with duties other mechanisms give them) and, from the
 * Commonwealth stage, its elected council, which sits for a fixed term and acts by the majority of its members. Who
 * appoints stewards follows the stage: the founder alone in the Founding stage, the citizens by a vote from the
 * Community stage, and the council too once one is elected.
 */
public final class Offices {
    private final TreeSet<Integer> stewards = new TreeSet<>();
    private int[] council = new int[0];
    private long councilSince;
    private long councilUntil;
    private Hash councilElection = Hash.ZERO;
    /** Council acts awaiting a majority: act key ("appoint-steward:17") to the members who signed it. */
    private final TreeMap<String, TreeSet<Integer>> pendingActs = new TreeMap<>();
    private final List<Event> events = new ArrayList<>();

    /** Something that happened to the offices: when, in which block, what, and by whose authority. */
    public record Event(long time, long height, String what, String authority) {
    }

    /** The steward acts a council may take. */
    public enum Act {
        APPOINT_STEWARD("appoint-steward"),
        DISMISS_STEWARD("dismiss-steward");

        private final String json;

        Act(String json) {
            this.json = json;
        }

        public String json() {
            return json;
        }

        public static Act fromJson(String s) {
            for (Act a : values()) {
                if (a.json.equals(s)) {
                    return a;
                }
            }
            throw new Rejection(org.phyle.core.tx.TxCode.MALFORMED, "body.act is appoint-steward or dismiss-steward, "
                    + "not \"" + s + "\"");
        }
    }

    public List<Integer> stewards() {
        return List.copyOf(stewards);
    }

    public boolean isSteward(int person) {
        return stewards.contains(person);
    }

    /** The council sitting at this time (empty if none, or its term ended). */
    public int[] council(long time) {
        return time < councilUntil ? council.clone() : new int[0];
    }

    public long councilSince() {
        return councilSince;
    }

    public long councilUntil() {
        return councilUntil;
    }

    public Hash councilElection() {
        return councilElection;
    }

    public List<Event> events() {
        return List.copyOf(events);
    }

    public Map<String, List<Integer>> pendingActs(long time) {
        Map<String, List<Integer>> out = new TreeMap<>();
        if (time < councilUntil) {
            pendingActs.forEach((k, v) -> out.put(k, List.copyOf(v)));
        }
        return out;
    }

    void appoint(int person, long time, long height, String authority) {
        if (!stewards.add(person)) {
            throw new Rejection(CharterCode.ALREADY_IN_OFFICE, "person #" + person + " is already a steward");
        }
        events.add(new Event(time, height, "appointed #" + person + " steward", authority));
    }

    void dismiss(int person, long time, long height, String authority) {
        if (!stewards.remove(person)) {
            throw new Rejection(CharterCode.NOT_IN_OFFICE, "person #" + person + " is not a steward");
        }
        events.add(new Event(time, height, "dismissed steward #" + person, authority));
    }

    /** A new council, elected by the proposal, for the term; acts pending before the election lapse. */
    void seatCouncil(int[] members, Hash election, long time, long height, long termMs) {
        council = members.clone();
        councilSince = time;
        councilUntil = time + termMs;
        councilElection = election;
        pendingActs.clear();
        events.add(new Event(time, height, "seated a council of " + members.length + ": #"
                + String.join(", #", Arrays.stream(members).mapToObj(Integer::toString).toList()), "election "
                + election.hex()));
    }

    /** Throws unless the member sits on the council now. */
    public void checkOnCouncil(int member, long time) {
        int[] sitting = council(time);
        if (Arrays.stream(sitting).noneMatch(m -> m == member)) {
            throw new Rejection(CharterCode.NOT_ON_COUNCIL, sitting.length == 0 ? "no council sits now"
                    : "only the sitting council's members may sign its acts");
        }
    }

    /** Throws if the member already signed this act. */
    public void checkNotSigned(int member, Act act, int person) {
        TreeSet<Integer> signers = pendingActs.get(act.json() + ":" + person);
        if (signers != null && signers.contains(member)) {
            throw new Rejection(CharterCode.ALREADY_SIGNED, "you already signed this act");
        }
    }

    /**
     * A council member signs an act (checked by the sender); once more than half of the sitting members have signed
     * it, it is carried out.
     */
    void signAct(int member, Act act, int person, long time, long height) {
        int[] sitting = council(time);
        String key = act.json() + ":" + person;
        TreeSet<Integer> signers = pendingActs.computeIfAbsent(key, k -> new TreeSet<>());
        if ((signers.size() + 1) * 2 <= sitting.length) {
            signers.add(member);
            return;
        }
        pendingActs.remove(key);
        String authority = "the council (" + (signers.size() + 1) + " of " + sitting.length + " members)";
        if (act == Act.APPOINT_STEWARD) {
            appoint(person, time, height, authority);
        } else {
            dismiss(person, time, height, authority);
        }
    }

    // ---- snapshot ---------------------------------------------------------------------------------------------

    void write(StateWriter w) {
        w.writeInt(stewards.size());
        stewards.forEach(w::writeInt);
        w.writeInt(council.length);
        for (int m : council) {
            w.writeInt(m);
        }
        w.writeLong(councilSince);
        w.writeLong(councilUntil);
        w.writeHash(councilElection);
        w.writeInt(pendingActs.size());
        pendingActs.forEach((k, v) -> {
            w.writeString(k);
            w.writeInt(v.size());
            v.forEach(w::writeInt);
        });
        w.writeInt(events.size());
        for (Event e : events) {
            w.writeLong(e.time());
            w.writeLong(e.height());
            w.writeString(e.what());
            w.writeString(e.authority());
        }
    }

    void read(StateReader r) {
        Offices o = this;
        int n = r.readCount();
        for (int i = 0; i < n; i++) {
            o.stewards.add(r.readInt());
        }
        o.council = new int[r.readCount()];
        for (int i = 0; i < o.council.length; i++) {
            o.council[i] = r.readInt();
        }
        o.councilSince = r.readLong();
        o.councilUntil = r.readLong();
        o.councilElection = r.readHash();
        int acts = r.readCount();
        for (int i = 0; i < acts; i++) {
            String key = r.readString();
            TreeSet<Integer> signers = new TreeSet<>();
            int k = r.readCount();
            for (int j = 0; j < k; j++) {
                signers.add(r.readInt());
            }
            o.pendingActs.put(key, signers);
        }
        int events = r.readCount();
        for (int i = 0; i < events; i++) {
            o.events.add(new Event(r.readLong(), r.readLong(), r.readString(), r.readString()));
        }
    }

}

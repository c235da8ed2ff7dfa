package org.phyle.core.citizenship;

import java.util.Arrays;
import org.phyle.core.state.StateReader;
import org.phyle.core.state.StateWriter;
import org.phyle.crypto.Hash;

/**
 * One person in the registry. Only {@link Registry} changes it; everyone else reads. Kept compact (people are
 * counted in millions): other people are referred to by number, keys as {@link KeyRef}s, the history as the leaf
 * indices of the log entries that concern this person.
 */
public final class Person {
    static final int[] NONE = new int[0];
    static final long[] NO_LEAVES = new long[0];

    final int number;
    final Hash id;
    KeyRef key;
    KeyRef[] formerKeys = new KeyRef[0];
    String name;
    Hash evidence;
    Status status;
    final long registeredAt;
    long since;
    Hash charter;
    long consentedAt;
    int[] vouchers = NONE;
    boolean admittedByFounder;
    long admittedAt;
    long expiresAt;
    int[] guardians = NONE;
    int guardianThreshold;
    Recovery recovery;
    long vouchPeriod = -1;
    int vouchesInPeriod;
    int vouchesGiven;
    long vouchBanUntil;
    String territory;
    String region;
    KeyRef registrar;
    int openChallenge = -1;
    long[] history = NO_LEAVES;

    Person(int number, Hash id, KeyRef key, String name, Status status, long registeredAt) {
        this.number = number;
        this.id = id;
        this.key = key;
        this.name = name;
        this.status = status;
        this.registeredAt = registeredAt;
        this.since = registeredAt;
    }

    /** A recovery under way: the new key and the guardians (by number) who approved it. */
    record Recovery(KeyRef newKey, int[] approvals, long startedAt) {
    }

    public int number() {
        return number;
    }

    public Hash id() {
        return id;
    }

    public KeyRef key() {
        return key;
    }

    public KeyRef[] formerKeys() {
        return formerKeys.clone();
    }

    public String name() {
        return name;
    }

    public Hash evidence() {
        return evidence;
    }

    public Status status() {
        return status;
    }

    public long registeredAt() {
        return registeredAt;
    }

    /** When the current status began. */
    public long since() {
        return since;
    }

    public Hash charter() {
        return charter;
    }

    public long consentedAt() {
        return consentedAt;
    }

    public int[] vouchers() {
        return vouchers.clone();
    }

    public boolean admittedByFounder() {
        return admittedByFounder;
    }

    /** When the person first became a citizen; 0 if they never did. */
    public long admittedAt() {
        return admittedAt;
    }

    /** For a citizen: when the citizenship lapses unless renewed. */
    public long expiresAt() {
        return expiresAt;
    }

    public int[] guardians() {
        return guardians.clone();
    }

    public int guardianThreshold() {
        return guardianThreshold;
    }

    public boolean recovering() {
        return recovery != null;
    }

    public KeyRef recoveryKey() {
        return recovery == null ? null : recovery.newKey();
    }

    public int[] recoveryApprovals() {
        return recovery == null ? NONE : recovery.approvals().clone();
    }

    public long recoveryStartedAt() {
        return recovery == null ? 0 : recovery.startedAt();
    }

    /** Vouches given in the vouching period with this index (counted from genesis). */
    public int vouchesUsedIn(long period) {
        return vouchPeriod == period ? vouchesInPeriod : 0;
    }

    public int vouchesGiven() {
        return vouchesGiven;
    }

    public long vouchBanUntil() {
        return vouchBanUntil;
    }

    public String territory() {
        return territory;
    }

    public String region() {
        return region;
    }

    public KeyRef registrar() {
        return registrar;
    }

    /** The leaf indices of the log entries concerning this person, in order. */
    public long[] history() {
        return history.clone();
    }

    /** A citizen whose renewal is not overdue at this time. */
    public boolean activeCitizen(long time) {
        return status == Status.CITIZEN && expiresAt >= time;
    }

    public boolean lapsed(long time) {
        return status == Status.CITIZEN && expiresAt < time;
    }

    void addHistory(long leaf) {
        if (history.length > 0 && history[history.length - 1] == leaf) {
            return;
        }
        history = Arrays.copyOf(history, history.length + 1);
        history[history.length - 1] = leaf;
    }

    static int[] plus(int[] a, int v) {
        int[] out = Arrays.copyOf(a, a.length + 1);
        out[a.length] = v;
        return out;
    }

    static boolean contains(int[] a, int v) {
        for (int x : a) {
            if (x == v) {
                return true;
            }
        }
        return false;
    }

    // ---- snapshot ---------------------------------------------------------------------------------------------

    void write(StateWriter w) {
        w.writeInt(number);
        w.writeHash(id);
        writeKey(w, key);
        w.writeInt(formerKeys.length);
        for (KeyRef k : formerKeys) {
            writeKey(w, k);
        }
        w.writeString(name);
        writeOptionalHash(w, evidence);
        w.writeInt(status.ordinal());
        w.writeLong(registeredAt);
        w.writeLong(since);
        writeOptionalHash(w, charter);
        w.writeLong(consentedAt);
        writeInts(w, vouchers);
        w.writeBoolean(admittedByFounder);
        w.writeLong(admittedAt);
        w.writeLong(expiresAt);
        writeInts(w, guardians);
        w.writeInt(guardianThreshold);
        w.writeBoolean(recovery != null);
        if (recovery != null) {
            writeKey(w, recovery.newKey());
            writeInts(w, recovery.approvals());
            w.writeLong(recovery.startedAt());
        }
        w.writeLong(vouchPeriod);
        w.writeInt(vouchesInPeriod);
        w.writeInt(vouchesGiven);
        w.writeLong(vouchBanUntil);
        writeOptionalString(w, territory);
        writeOptionalString(w, region);
        w.writeBoolean(registrar != null);
        if (registrar != null) {
            writeKey(w, registrar);
        }
        w.writeInt(openChallenge);
        w.writeInt(history.length);
        for (long leaf : history) {
            w.writeLong(leaf);
        }
    }

    static Person read(StateReader r) {
        int number = r.readInt();
        Hash id = r.readHash();
        KeyRef key = readKey(r);
        KeyRef[] former = new KeyRef[r.readCount()];
        for (int i = 0; i < former.length; i++) {
            former[i] = readKey(r);
        }
        String name = r.readString();
        Hash evidence = readOptionalHash(r);
        Status status = Status.values()[r.readInt()];
        long registeredAt = r.readLong();
        Person p = new Person(number, id, key, name, status, registeredAt);
        p.formerKeys = former;
        p.evidence = evidence;
        p.since = r.readLong();
        p.charter = readOptionalHash(r);
        p.consentedAt = r.readLong();
        p.vouchers = readInts(r);
        p.admittedByFounder = r.readBoolean();
        p.admittedAt = r.readLong();
        p.expiresAt = r.readLong();
        p.guardians = readInts(r);
        p.guardianThreshold = r.readInt();
        if (r.readBoolean()) {
            p.recovery = new Recovery(readKey(r), readInts(r), r.readLong());
        }
        p.vouchPeriod = r.readLong();
        p.vouchesInPeriod = r.readInt();
        p.vouchesGiven = r.readInt();
        p.vouchBanUntil = r.readLong();
        p.territory = readOptionalString(r);
        p.region = readOptionalString(r);
        if (r.readBoolean()) {
            p.registrar = readKey(r);
        }
        p.openChallenge = r.readInt();
        long[] history = new long[r.readCount()];
        for (int i = 0; i < history.length; i++) {
            history[i] = r.readLong();
        }
        p.history = history;
        return p;
    }

    static void writeKey(StateWriter w, KeyRef k) {
        w.writeLong(k.a()).writeLong(k.b()).writeLong(k.c()).writeLong(k.d());
    }

    static KeyRef readKey(StateReader r) {
        return new KeyRef(r.readLong(), r.readLong(), r.readLong(), r.readLong());
    }

    static void writeInts(StateWriter w, int[] a) {
        w.writeInt(a.length);
        for (int v : a) {
            w.writeInt(v);
        }
    }

    static int[] readInts(StateReader r) {
        int[] a = new int[r.readCount()];
        for (int i = 0; i < a.length; i++) {
            a[i] = r.readInt();
        }
        return a.length == 0 ? NONE : a;
    }

    static void writeOptionalHash(StateWriter w, Hash h) {
        w.writeBoolean(h != null);
        if (h != null) {
            w.writeHash(h);
        }
    }

    static Hash readOptionalHash(StateReader r) {
        return r.readBoolean() ? r.readHash() : null;
    }

    static void writeOptionalString(StateWriter w, String s) {
        w.writeBoolean(s != null);
        if (s != null) {
            w.writeString(s);
        }
    }

    static String readOptionalString(StateReader r) {
        return r.readBoolean() ? r.readString() : null;
    }
}

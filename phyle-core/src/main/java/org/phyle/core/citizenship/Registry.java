package org.phyle.core.citizenship;

import static org.phyle.core.citizenship.CitizenshipCode.*;
import static org.phyle.core.citizenship.CitizenshipParams.DAY_MS;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.phyle.core.BlockContext;
import org.phyle.core.Founding;
import org.phyle.core.Parameters;
import org.phyle.core.Rejection;
import org.phyle.core.charter.Charter;
import org.phyle.core.charter.CharterCode;
import org.phyle.core.charter.Electorate;
import org.phyle.core.charter.Handover;
import org.phyle.core.charter.Stage;
import org.phyle.core.TxContext;
import org.phyle.core.citizenship.CitizenshipTx.*;
import org.phyle.core.state.StateReader;
import org.phyle.core.state.StateWriter;
import org.phyle.core.tx.TxType;
import org.phyle.crypto.Hash;
import org.phyle.crypto.VerifyingKey;

/**
 * The registry of people: applicants, citizens, e-residents and host residents, with their keys, vouches, guardians
 * and challenges. One person, one key at a time, one registration per key ever; nothing here is transferable.
 *
 * <p>Everything that depends on time (a citizenship lapsing, a jury's deadline, a recovery's delay) is a function of
 * the stored state and the block time, so nothing has to happen "when time passes". The primary state (people and
 * challenges) is what snapshots hold; the indexes by id, by key and by status are rebuilt from it.
 */
public final class Registry implements Electorate {

    private final List<Person> persons = new ArrayList<>();
    private final Challenges challenges = new Challenges(this);
    private final Recoveries recoveries = new Recoveries(this);

    // indexes, rebuilt from the primary state
    private final Map<Hash, Person> byId = new HashMap<>();
    private final Map<KeyRef, Person> byKey = new HashMap<>();
    private final int[] statusCounts = new int[Status.values().length];
    /** Citizens by the time their citizenship lapses: to count those in good standing at any time. */
    private final TreeMap<Long, Integer> citizenExpiries = new TreeMap<>();

    Registry() {
    }

    /** The registry at genesis: the founder is the first citizen, having consented to the charter by founding. */
    void found(Founding g) {
        long time = g.time();
        Person f = new Person(0, g.society(), KeyRef.of(g.founder()), g.founderName(), Status.CITIZEN, time);
        f.charter = Charter.foundingHash(g);
        f.consentedAt = time;
        f.admittedAt = time;
        f.expiresAt = time + g.parameters().get(CitizenshipParams.RENEWAL_DAYS) * DAY_MS;
        f.addHistory(0);
        add(f);
    }

    // ---- applying transactions --------------------------------------------------------------------------------

    void apply(CitizenshipTx tx, TxContext ctx) {
        switch (tx) {
            case Apply a -> apply(a, ctx);
            case Admit a -> admit(a, ctx);
            case Vouch v -> vouch(v, ctx);
            case CitizenshipTx.Challenge c -> challenges.challenge(c, ctx);
            case JuryVote v -> challenges.vote(v, ctx);
            case RotateKey r -> rotateKey(r, ctx);
            case SetGuardians g -> recoveries.setGuardians(g, ctx);
            case Recover r -> recoveries.recover(r, ctx);
            case CancelRecovery c -> recoveries.cancel(ctx);
            case CompleteRecovery c -> recoveries.complete(c, ctx);
            case Renew r -> renew(r, ctx);
            case Renounce r -> renounce(ctx);
            case DeclareResidence d -> declareResidence(d, ctx);
            case RegisterHostResident h -> registerHostResident(h, ctx);
            case EndHostResidence e -> endHostResidence(e, ctx);
        }
    }

    private void apply(Apply a, TxContext ctx) {
        checkCharter(a.charter(), ctx);
        KeyRef key = KeyRef.of(ctx.signer());
        Person existing = byKey.get(key);
        if (existing != null) {
            if (!existing.key.equals(key) || !existing.status.live()) {
                throw new Rejection(KEY_RETIRED, "this key no longer acts for anyone: " + describe(existing));
            }
            if (existing.status != Status.E_RESIDENT || a.seeking() != Seeking.CITIZEN) {
                throw new Rejection(ALREADY_REGISTERED, "this key already belongs to " + describe(existing));
            }
            // an e-resident asks for citizenship: same person, now an applicant
            setStatus(existing, Status.APPLICANT, ctx.time());
            existing.name = a.name();
            existing.evidence = a.evidence().orElse(null);
            existing.charter = ctx.view(Charter.class).hash(); // equal to a.charter(); one shared instance
            existing.consentedAt = ctx.time();
            existing.vouchers = Person.NONE;
            existing.addHistory(ctx.leafIndex());
            return;
        }
        Person p = new Person(persons.size(), ctx.txId(), key, a.name(),
                a.seeking() == Seeking.CITIZEN ? Status.APPLICANT : Status.E_RESIDENT, ctx.time());
        p.evidence = a.evidence().orElse(null);
        p.charter = ctx.view(Charter.class).hash(); // equal to a.charter(); one shared instance
        p.consentedAt = ctx.time();
        p.addHistory(ctx.leafIndex());
        add(p);
    }

    private void admit(Admit a, TxContext ctx) {
        Person founder = signer(ctx);
        if (founder.number != 0) {
            throw new Rejection(CharterCode.NOT_FOUNDER, "only the founder may admit directly");
        }
        requireActiveCitizen(founder, ctx.time());
        ctx.view(Handover.class).requireFounderPower(Stage.FounderPower.ADMIT, ctx.parameters());
        Person p = person(a.person());
        if (p.status != Status.APPLICANT) {
            throw new Rejection(NOT_AN_APPLICANT, describe(p) + " is not an applicant");
        }
        challenges.requireNoneOpen(p, ctx.time());
        p.admittedByFounder = true;
        makeCitizen(p, ctx);
        founder.addHistory(ctx.leafIndex());
    }

    private void vouch(Vouch v, TxContext ctx) {
        Person voucher = signer(ctx);
        Person p = person(v.person());
        if (p == voucher) {
            throw new Rejection(SELF_VOUCH, "nobody may vouch for themselves");
        }
        requireActiveCitizen(voucher, ctx.time());
        if (voucher.vouchBanUntil > ctx.time()) {
            throw new Rejection(VOUCH_BANNED, "you vouched for someone removed as a duplicate or fake; you may vouch "
                    + "again after " + java.time.Instant.ofEpochMilli(voucher.vouchBanUntil));
        }
        if (p.status != Status.APPLICANT) {
            throw new Rejection(NOT_AN_APPLICANT, describe(p) + " is not an applicant");
        }
        if (Person.contains(p.vouchers, voucher.number)) {
            throw new Rejection(ALREADY_VOUCHED, "you already vouched for " + describe(p));
        }
        challenges.requireNoneOpen(p, ctx.time());
        Parameters params = ctx.parameters();
        long period = vouchPeriod(ctx.time(), ctx.facts().genesisTime(), params);
        long quota = params.get(CitizenshipParams.VOUCHES_PER_PERIOD);
        int used = voucher.vouchesUsedIn(period);
        if (used >= quota) {
            throw new Rejection(VOUCH_QUOTA, "you have given all " + quota + " vouches of this period of "
                    + params.get(CitizenshipParams.VOUCH_PERIOD_DAYS) + " days");
        }
        voucher.vouchPeriod = period;
        voucher.vouchesInPeriod = used + 1;
        voucher.vouchesGiven++;
        voucher.addHistory(ctx.leafIndex());
        p.vouchers = Person.plus(p.vouchers, voucher.number);
        p.addHistory(ctx.leafIndex());
        if (p.vouchers.length >= params.get(CitizenshipParams.VOUCHES_REQUIRED)) {
            makeCitizen(p, ctx);
        }
    }

    private void rotateKey(RotateKey r, TxContext ctx) {
        Person p = signer(ctx);
        KeyRef newKey = newKey(r.newKey());
        KeyProof.check(r.newKey(), KeyProof.message(ctx.facts().society(), p.id), r.proof());
        moveKey(p, newKey);
        p.recovery = null; // whoever holds the current key has it: nothing to recover
        p.addHistory(ctx.leafIndex());
    }

    private void renew(Renew r, TxContext ctx) {
        Person p = signer(ctx);
        if (p.status != Status.CITIZEN) {
            throw new Rejection(NOT_A_CITIZEN, describe(p) + " is not a citizen");
        }
        checkCharter(r.charter(), ctx);
        setExpiry(p, ctx.time() + ctx.parameters().get(CitizenshipParams.RENEWAL_DAYS) * DAY_MS);
        p.charter = ctx.view(Charter.class).hash();
        p.consentedAt = ctx.time();
        p.addHistory(ctx.leafIndex());
    }

    private void renounce(TxContext ctx) {
        Person p = signer(ctx);
        if (p.openChallenge >= 0) {
            challenges.moot(p, ctx.time());
        }
        setStatus(p, Status.RENOUNCED, ctx.time());
        p.recovery = null;
        p.addHistory(ctx.leafIndex());
    }

    private void declareResidence(DeclareResidence d, TxContext ctx) {
        Person p = signer(ctx);
        if (p.status == Status.HOST_RESIDENT) {
            throw new Rejection(NOT_ALLOWED, "host residents are registered by their registrar");
        }
        p.territory = d.territory().orElse(null);
        p.addHistory(ctx.leafIndex());
    }

    private void registerHostResident(RegisterHostResident h, TxContext ctx) {
        KeyRef registrar = requireRegistrar(ctx);
        KeyRef key = KeyRef.of(h.key());
        if (byKey.containsKey(key)) {
            throw new Rejection(ALREADY_REGISTERED, "this key already belongs to " + describe(byKey.get(key)));
        }
        KeyProof.check(h.key(), KeyProof.hostResidentMessage(ctx.facts().society()), h.proof());
        Person p = new Person(persons.size(), ctx.txId(), key, h.name(), Status.HOST_RESIDENT, ctx.time());
        p.region = h.region();
        p.registrar = registrar;
        p.addHistory(ctx.leafIndex());
        add(p);
    }

    private void endHostResidence(EndHostResidence e, TxContext ctx) {
        requireRegistrar(ctx);
        Person p = person(e.person());
        if (p.status != Status.HOST_RESIDENT) {
            throw new Rejection(NOT_HOST_RESIDENT, describe(p) + " is not a registered host resident");
        }
        setStatus(p, Status.ENDED, ctx.time());
        p.addHistory(ctx.leafIndex());
    }

    // ---- rules shared by the handlers -------------------------------------------------------------------------

    /** The signer, if they are a citizen in good standing; for other mechanisms' transactions. */
    public Person citizenInGoodStanding(TxContext ctx) {
        Person p = signer(ctx);
        requireActiveCitizen(p, ctx.time());
        return p;
    }

    /** The person the signing key acts for; retired keys and people who left or were removed act for nobody. */
    Person signer(TxContext ctx) {
        KeyRef key = KeyRef.of(ctx.signer());
        Person p = byKey.get(key);
        if (p == null) {
            throw new Rejection(NOT_REGISTERED, "the key " + ctx.signer().did() + " is not registered");
        }
        if (!p.key.equals(key) || !p.status.live()) {
            throw new Rejection(KEY_RETIRED, "this key no longer acts for anyone: " + describe(p));
        }
        return p;
    }

    Person person(Hash id) {
        Person p = byId.get(id);
        if (p == null) {
            throw new Rejection(UNKNOWN_PERSON, "no person " + id.hex());
        }
        return p;
    }

    static void requireActiveCitizen(Person p, long time) {
        if (p.status != Status.CITIZEN) {
            throw new Rejection(NOT_A_CITIZEN, "only citizens may do this; you are " + p.status.json());
        }
        if (p.expiresAt < time) {
            throw new Rejection(CITIZENSHIP_LAPSED, "your citizenship lapsed at "
                    + java.time.Instant.ofEpochMilli(p.expiresAt) + "; renew it first");
        }
    }

    private KeyRef requireRegistrar(TxContext ctx) {
        if (!ctx.parameters().keys(CitizenshipParams.HOST_REGISTRARS).contains(ctx.signer())) {
            throw new Rejection(NOT_REGISTRAR, ctx.signer().did() + " is not a host registrar of this society");
        }
        return KeyRef.of(ctx.signer());
    }

    KeyRef newKey(VerifyingKey key) {
        KeyRef ref = KeyRef.of(key);
        if (byKey.containsKey(ref)) {
            throw new Rejection(KEY_IN_USE, "the key " + key.did() + " is, or was, the key of " + describe(byKey.get(ref)));
        }
        return ref;
    }

    private static void checkCharter(Hash charter, TxContext ctx) {
        Hash inForce = ctx.view(Charter.class).hash();
        if (!charter.equals(inForce)) {
            throw new Rejection(CHARTER_MISMATCH, "your consent names charter " + charter.hex()
                    + "; the charter in force is " + inForce.hex());
        }
    }

    private void makeCitizen(Person p, TxContext ctx) {
        if (p.admittedAt == 0) {
            p.admittedAt = ctx.time();
        }
        setStatus(p, Status.CITIZEN, ctx.time());
        setExpiry(p, ctx.time() + ctx.parameters().get(CitizenshipParams.RENEWAL_DAYS) * DAY_MS);
        p.addHistory(ctx.leafIndex());
    }

    void moveKey(Person p, KeyRef newKey) {
        p.formerKeys = Arrays.copyOf(p.formerKeys, p.formerKeys.length + 1);
        p.formerKeys[p.formerKeys.length - 1] = p.key;
        p.key = newKey;
        byKey.put(newKey, p);
    }

    private void add(Person p) {
        persons.add(p);
        byId.put(p.id, p);
        byKey.put(p.key, p);
        statusCounts[p.status.ordinal()]++;
        if (p.status == Status.CITIZEN) {
            citizenExpiries.merge(p.expiresAt, 1, Integer::sum);
        }
    }

    void setStatus(Person p, Status status, long time) {
        if (p.status == Status.CITIZEN) {
            removeExpiry(p.expiresAt);
        }
        statusCounts[p.status.ordinal()]--;
        p.status = status;
        p.since = time;
        statusCounts[status.ordinal()]++;
        if (status == Status.CITIZEN) {
            citizenExpiries.merge(p.expiresAt, 1, Integer::sum);
        }
    }

    private void setExpiry(Person p, long expiresAt) {
        removeExpiry(p.expiresAt);
        p.expiresAt = expiresAt;
        citizenExpiries.merge(expiresAt, 1, Integer::sum);
    }

    private void removeExpiry(long expiresAt) {
        citizenExpiries.computeIfPresent(expiresAt, (k, n) -> n == 1 ? null : n - 1);
    }

    static String describe(Person p) {
        return "person #" + p.number + " (" + p.name + ", " + p.status.json() + ")";
    }

    // ---- reading ----------------------------------------------------------------------------------------------

    /** The index of the vouching period a time falls in, counted from the genesis. */
    /**
     * When the recovery under way for this person can complete, under these parameters (until then their current
     * key may cancel it); Long.MAX_VALUE if none is under way.
     */
    public long recoveryCompletableAt(Person p, Parameters params) {
        return Recoveries.completableAt(p, params);
    }

    /** Seats a challenge's jury, drawn by lot (when the sortition mechanism makes the draw). */
    void seatJury(CitizenshipEffect.SeatJury s, BlockContext ctx) {
        challenges.seat(s, ctx);
    }

    /** The person of this number (an index into the registry). */
    Person at(int number) {
        return persons.get(number);
    }

    /** True if the key is, or was, someone's. */
    boolean keyKnown(KeyRef key) {
        return byKey.containsKey(key);
    }

    public static long vouchPeriod(long time, long genesisTime, Parameters p) {
        return (time - genesisTime) / (p.get(CitizenshipParams.VOUCH_PERIOD_DAYS) * DAY_MS);
    }

    /** How many more vouches a person may give in the period of this time (0 unless an active, unbanned citizen). */
    public long vouchesLeft(Person p, long time, long genesisTime, Parameters params) {
        if (!p.activeCitizen(time) || p.vouchBanUntil > time) {
            return 0;
        }
        return Math.max(0, params.get(CitizenshipParams.VOUCHES_PER_PERIOD)
                - p.vouchesUsedIn(vouchPeriod(time, genesisTime, params)));
    }

    public int size() {
        return persons.size();
    }

    public Optional<Person> byNumber(int number) {
        return number >= 0 && number < persons.size() ? Optional.of(persons.get(number)) : Optional.empty();
    }

    public Optional<Person> byId(Hash id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The person a key belongs to now (not one it belonged to before a rotation or recovery). */
    public Optional<Person> byCurrentKey(VerifyingKey key) {
        KeyRef ref = KeyRef.of(key);
        Person p = byKey.get(ref);
        return p != null && p.key.equals(ref) ? Optional.of(p) : Optional.empty();
    }

    /** The person a key belongs or belonged to. */
    public Optional<Person> byAnyKey(VerifyingKey key) {
        return Optional.ofNullable(byKey.get(KeyRef.of(key)));
    }

    /** Citizens in good standing at this time. */
    public long activeCitizens(long time) {
        long lapsed = 0;
        for (int n : citizenExpiries.headMap(time).values()) {
            lapsed += n;
        }
        return statusCounts[Status.CITIZEN.ordinal()] - lapsed;
    }

    /** How many people are in each status; citizens are split into "citizen" (in good standing) and "lapsed". */
    public Map<String, Long> counts(long time) {
        Map<String, Long> counts = new java.util.LinkedHashMap<>();
        long active = activeCitizens(time);
        for (Status s : Status.values()) {
            counts.put(s.json(), s == Status.CITIZEN ? active : (long) statusCounts[s.ordinal()]);
            if (s == Status.CITIZEN) {
                counts.put("lapsed", statusCounts[s.ordinal()] - active);
            }
        }
        return counts;
    }

    /**
     * Citizens over time, at evenly spaced times from first to last: those admitted by then and not yet removed or
     * gone. Lapses in the past are not kept (a renewal replaces the date), so this counts members rather than members
     * in good standing; today's count of those in good standing is {@link #activeCitizens}.
     */
    public long[] membersAt(long[] times) {
        long[] counts = new long[times.length];
        for (Person p : persons) {
            if (p.admittedAt == 0) {
                continue;
            }
            long left = p.status == Status.REVOKED || p.status == Status.RENOUNCED ? p.since : Long.MAX_VALUE;
            for (int i = 0; i < times.length; i++) {
                if (p.admittedAt <= times[i] && times[i] < left) {
                    counts[i]++;
                }
            }
        }
        return counts;
    }

    /** People in number order, from a number on, that pass a filter; at most limit of them. */
    public List<Person> page(int from, int limit, Predicate<Person> filter) {
        List<Person> out = new ArrayList<>(Math.min(limit, 256));
        for (int i = Math.max(0, from); i < persons.size() && out.size() < limit; i++) {
            Person p = persons.get(i);
            if (filter.test(p)) {
                out.add(p);
            }
        }
        return out;
    }

    /** All people, in number order (read-only). */
    public List<Person> all() {
        return Collections.unmodifiableList(persons);
    }

    public List<ChallengeCase> challenges() {
        return challenges.all();
    }

    public Optional<ChallengeCase> challenge(Hash id) {
        return Optional.ofNullable(challenges.byId(id));
    }

    // ---- snapshot ---------------------------------------------------------------------------------------------

    void write(StateWriter w) {
        w.writeInt(persons.size());
        for (Person p : persons) {
            p.write(w);
        }
        challenges.write(w);
    }

    void read(StateReader r) {
        Registry reg = this;
        int n = r.readCount();
        Map<Hash, Hash> charters = new HashMap<>(); // few charters, millions of consents: share the instances
        for (int i = 0; i < n; i++) {
            Person p = Person.read(r);
            if (p.charter != null) {
                p.charter = charters.computeIfAbsent(p.charter, h -> h);
            }
            reg.add(p);
            for (KeyRef former : p.formerKeys) {
                reg.byKey.put(former, p);
            }
        }
        challenges.read(r);
    }

}

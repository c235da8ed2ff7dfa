package org.phyle.core.citizenship;

import static org.phyle.core.citizenship.CitizenshipCode.*;
import static org.phyle.core.citizenship.CitizenshipParams.DAY_MS;

import java.util.Arrays;
import java.util.List;
import org.phyle.core.Parameters;
import org.phyle.core.Rejection;
import org.phyle.core.TxContext;
import org.phyle.core.citizenship.CitizenshipTx.CompleteRecovery;
import org.phyle.core.citizenship.CitizenshipTx.Recover;
import org.phyle.core.citizenship.CitizenshipTx.SetGuardians;
import org.phyle.crypto.Hash;

/**
 * Social recovery: a person names guardians and a threshold; guardians start and approve the recovery of the person
 * to a new key; after a delay during which the current key may cancel it, anyone completes it if enough guardians in
 * good standing approved. The recovery's state is the person's ({@link Person#recoveryKey} and the rest).
 */
final class Recoveries {
    private final Registry registry;

    Recoveries(Registry registry) {
        this.registry = registry;
    }

    /**
     * When the recovery under way for this person can complete, under these parameters (until then their current
     * key may cancel it); Long.MAX_VALUE if none is under way.
     */
    static long completableAt(Person p, Parameters params) {
        return p.recovery == null ? Long.MAX_VALUE
                : p.recovery.startedAt() + params.get(CitizenshipParams.RECOVERY_DELAY_DAYS) * DAY_MS;
    }

    void setGuardians(SetGuardians g, TxContext ctx) {
        Person p = registry.signer(ctx);
        List<Hash> ids = g.guardians();
        long max = ctx.parameters().get(CitizenshipParams.MAX_GUARDIANS);
        if (ids.size() > max || (ids.isEmpty() ? g.threshold() != 0 : g.threshold() < 1 || g.threshold() > ids.size())) {
            throw new Rejection(GUARDIANS_INVALID, "name at most " + max + " guardians and a threshold from 1 to their "
                    + "number (or none, with threshold 0), not " + g.threshold() + " of " + ids.size());
        }
        int[] numbers = new int[ids.size()];
        for (int i = 0; i < numbers.length; i++) {
            Person guardian = registry.byId(ids.get(i)).orElse(null);
            if (guardian == null || guardian == p || !guardian.activeCitizen(ctx.time())
                    || Person.contains(Arrays.copyOf(numbers, i), guardian.number)) {
                throw new Rejection(GUARDIANS_INVALID, "guardian " + ids.get(i).hex() + " must be a citizen in good "
                        + "standing, named once, and not yourself");
            }
            numbers[i] = guardian.number;
        }
        p.guardians = numbers.length == 0 ? Person.NONE : numbers;
        p.guardianThreshold = g.threshold();
        p.addHistory(ctx.leafIndex());
        for (int n : numbers) {
            registry.at(n).addHistory(ctx.leafIndex());
        }
    }

    void recover(Recover r, TxContext ctx) {
        Person guardian = registry.signer(ctx);
        Person p = registry.person(r.person());
        if (!Person.contains(p.guardians, guardian.number)) {
            throw new Rejection(NOT_A_GUARDIAN, "you are not a guardian of " + Registry.describe(p));
        }
        Registry.requireActiveCitizen(guardian, ctx.time());
        if (!p.status.live()) {
            throw new Rejection(NOT_ALLOWED, Registry.describe(p) + " cannot be recovered");
        }
        KeyRef newKey = registry.newKey(r.newKey());
        if (p.recovery == null) {
            KeyProof.check(r.newKey(), KeyProof.message(ctx.facts().society(), p.id), r.proof());
            p.recovery = new Person.Recovery(newKey, new int[] {guardian.number}, ctx.time());
        } else if (!p.recovery.newKey().equals(newKey)) {
            throw new Rejection(RECOVERY_CONFLICT, "a recovery of " + Registry.describe(p) + " to another key is under way");
        } else if (Person.contains(p.recovery.approvals(), guardian.number)) {
            throw new Rejection(ALREADY_VOTED, "you already approved this recovery");
        } else {
            p.recovery = new Person.Recovery(newKey, Person.plus(p.recovery.approvals(), guardian.number),
                    p.recovery.startedAt());
        }
        p.addHistory(ctx.leafIndex());
        guardian.addHistory(ctx.leafIndex());
    }

    void cancel(TxContext ctx) {
        Person p = registry.signer(ctx);
        if (p.recovery == null) {
            throw new Rejection(NO_RECOVERY, "no recovery of " + Registry.describe(p) + " is under way");
        }
        p.recovery = null;
        p.addHistory(ctx.leafIndex());
    }

    void complete(CompleteRecovery c, TxContext ctx) {
        Person p = registry.person(c.person());
        Person.Recovery rec = p.recovery;
        if (rec == null || !p.status.live()) {
            throw new Rejection(NO_RECOVERY, "no recovery of " + Registry.describe(p) + " is under way");
        }
        long readyAt = completableAt(p, ctx.parameters());
        if (ctx.time() < readyAt) {
            throw new Rejection(RECOVERY_DELAY, "the recovery can complete after "
                    + java.time.Instant.ofEpochMilli(readyAt) + "; until then the current key may cancel it");
        }
        int approvals = 0;
        for (int g : rec.approvals()) {
            if (Person.contains(p.guardians, g) && registry.at(g).activeCitizen(ctx.time())) {
                approvals++;
            }
        }
        if (p.guardianThreshold < 1 || approvals < p.guardianThreshold) {
            throw new Rejection(TOO_FEW_GUARDIANS, approvals + " guardian(s) in good standing approved; "
                    + Math.max(1, p.guardianThreshold) + " must");
        }
        if (registry.keyKnown(rec.newKey())) {
            throw new Rejection(KEY_IN_USE, "the new key was registered to someone meanwhile");
        }
        registry.moveKey(p, rec.newKey());
        p.recovery = null;
        p.addHistory(ctx.leafIndex());
    }

}

package org.phyle.core.citizenship;

import static org.phyle.core.citizenship.CitizenshipCode.*;
import static org.phyle.core.citizenship.CitizenshipParams.DAY_MS;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.phyle.core.BlockContext;
import org.phyle.core.Rejection;
import org.phyle.core.TxContext;
import org.phyle.core.citizenship.CitizenshipTx.JuryVote;
import org.phyle.core.citizenship.CitizenshipTx.Verdict;
import org.phyle.core.state.StateReader;
import org.phyle.core.state.StateWriter;
import org.phyle.crypto.Hash;

/**
 * Challenges of a person as a duplicate or a fake: a jury drawn by lot from the citizens in good standing (less the
 * person, the challenger and the person's vouchers) decides by majority before a deadline; a person removed loses
 * their citizenship, and their vouchers may not vouch for a while.
 */
final class Challenges {
    private final Registry registry;
    private final List<ChallengeCase> cases = new ArrayList<>();
    private final Map<Hash, ChallengeCase> byId = new HashMap<>();

    Challenges(Registry registry) {
        this.registry = registry;
    }

    void challenge(CitizenshipTx.Challenge c, TxContext ctx) {
        Person challenger = registry.signer(ctx);
        Registry.requireActiveCitizen(challenger, ctx.time());
        Person target = registry.person(c.person());
        if (target == challenger || (target.status != Status.APPLICANT && target.status != Status.CITIZEN)) {
            throw new Rejection(CANNOT_CHALLENGE, Registry.describe(target) + " cannot be challenged"
                    + (target == challenger ? " by themselves" : ": only applicants and citizens can"));
        }
        requireNoneOpen(target, ctx.time());
        int size = (int) ctx.parameters().get(CitizenshipParams.JURY_SIZE);
        int[] excluded = Person.plus(Person.plus(target.vouchers, target.number), challenger.number);
        int eligible = 0;
        for (Person p : registry.all()) {
            if (p.activeCitizen(ctx.time()) && !Person.contains(excluded, p.number)) {
                eligible++;
            }
        }
        if (eligible < size) {
            throw new Rejection(JURY_TOO_SMALL, "only " + eligible + " citizens are eligible for a jury of " + size);
        }
        ChallengeCase cc = new ChallengeCase(cases.size(), ctx.txId(), target.number, challenger.number,
                c.grounds(), c.reason(), c.evidence().orElse(null), ctx.time(),
                ctx.time() + ctx.parameters().get(CitizenshipParams.JURY_DAYS) * DAY_MS, new int[0]);
        add(cc);
        target.openChallenge = cc.number;
        target.addHistory(ctx.leafIndex());
        challenger.addHistory(ctx.leafIndex());
        // the jury is drawn by lot from the eligible citizens; the sortition mechanism seats it when the draw is made
        ctx.send(new CitizenshipEffect.JuryRequested(cc.id, excluded, size));
    }

    /** Seats a challenge's jury, drawn by lot (when the sortition mechanism makes the draw). */
    /** Seats a challenge's jury, drawn by lot (when the sortition mechanism makes the draw). */
    void seat(CitizenshipEffect.SeatJury s, BlockContext ctx) {
        ChallengeCase cc = byId.get(s.challenge());
        cc.seat(s.jurors());
        for (int j : s.jurors()) {
            registry.at(j).addHistory(ctx.leafIndex());
        }
    }

    void vote(JuryVote v, TxContext ctx) {
        ChallengeCase cc = byId.get(v.challenge());
        if (cc == null) {
            throw new Rejection(UNKNOWN_CHALLENGE, "no challenge " + v.challenge().hex());
        }
        Person juror = registry.signer(ctx);
        if (!cc.jurySeated()) {
            throw new Rejection(JURY_NOT_DRAWN, "the jury of challenge " + cc.id.hex() + " is still being drawn");
        }
        int index = cc.jurorIndex(juror.number);
        if (index < 0) {
            throw new Rejection(NOT_A_JUROR, "you are not on the jury of challenge " + cc.id.hex());
        }
        if (cc.votes[index] != ChallengeCase.NO_VOTE) {
            throw new Rejection(ALREADY_VOTED, "you already voted on challenge " + cc.id.hex());
        }
        ChallengeCase.Outcome outcome = cc.outcomeAt(ctx.time());
        if (outcome != ChallengeCase.Outcome.OPEN) {
            throw new Rejection(VOTING_CLOSED, "challenge " + cc.id.hex() + " is closed: " + outcome.json()
                    + (outcome == ChallengeCase.Outcome.NO_MAJORITY
                    ? " (" + java.time.Instant.ofEpochMilli(cc.deadline) + ")" : ""));
        }
        cc.votes[index] = v.verdict() == Verdict.REVOKE ? ChallengeCase.VOTE_REVOKE : ChallengeCase.VOTE_DISMISS;
        juror.addHistory(ctx.leafIndex());
        Person target = registry.at(cc.target);
        target.addHistory(ctx.leafIndex());
        int majority = cc.jury.length / 2 + 1;
        if (cc.count(ChallengeCase.VOTE_REVOKE) >= majority) {
            resolve(cc, ChallengeCase.Outcome.REVOKED, ctx.time());
            revoke(target, ctx);
        } else if (cc.count(ChallengeCase.VOTE_DISMISS) >= majority) {
            resolve(cc, ChallengeCase.Outcome.DISMISSED, ctx.time());
        }
    }

    private void revoke(Person p, TxContext ctx) {
        registry.setStatus(p, Status.REVOKED, ctx.time());
        p.recovery = null;
        long banUntil = ctx.time() + ctx.parameters().get(CitizenshipParams.VOUCH_BAN_DAYS) * DAY_MS;
        for (int v : p.vouchers) {
            Person voucher = registry.at(v);
            voucher.vouchBanUntil = Math.max(voucher.vouchBanUntil, banUntil);
            voucher.addHistory(ctx.leafIndex());
        }
    }

    /** Throws if the person is under a challenge still open at this time. */
    void requireNoneOpen(Person p, long time) {
        if (p.openChallenge >= 0) {
            ChallengeCase cc = cases.get(p.openChallenge);
            if (cc.outcomeAt(time) == ChallengeCase.Outcome.OPEN) {
                throw new Rejection(UNDER_CHALLENGE, Registry.describe(p) + " is under challenge " + cc.id.hex() + " until "
                        + java.time.Instant.ofEpochMilli(cc.deadline));
            }
        }
    }

    private void resolve(ChallengeCase cc, ChallengeCase.Outcome outcome, long time) {
        cc.outcome = outcome;
        cc.resolvedAt = time;
        registry.at(cc.target).openChallenge = -1;
    }

    /** The person renounces while challenged: an open challenge becomes moot. */
    void moot(Person p, long time) {
        ChallengeCase cc = cases.get(p.openChallenge);
        if (cc.outcomeAt(time) == ChallengeCase.Outcome.OPEN) {
            resolve(cc, ChallengeCase.Outcome.MOOT, time);
        }
        p.openChallenge = -1;
    }

    private void add(ChallengeCase cc) {
        cases.add(cc);
        byId.put(cc.id, cc);
    }

    List<ChallengeCase> all() {
        return java.util.Collections.unmodifiableList(cases);
    }

    ChallengeCase byId(Hash id) {
        return byId.get(id);
    }

    void write(StateWriter w) {
        w.writeInt(cases.size());
        for (ChallengeCase cc : cases) {
            cc.write(w);
        }
    }

    void read(StateReader r) {
        int c = r.readCount();
        for (int i = 0; i < c; i++) {
            add(ChallengeCase.read(r));
        }
    }
}

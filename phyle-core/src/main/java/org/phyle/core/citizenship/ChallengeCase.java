package org.phyle.core.citizenship;

import org.phyle.core.state.StateReader;
import org.phyle.core.state.StateWriter;
import org.phyle.crypto.Hash;

/**
 * A challenge of a person as a duplicate or fake, and its jury, drawn by lot (the sortition mechanism seats it once
 * the draw is made; until then the jury is empty). Decided as soon as a majority of the jury agrees; without one by
 * the deadline it is dismissed. Jurors who did not vote are those without a vote when it was decided.
 */
public final class ChallengeCase {
    /** How a challenge ended (or that it has not). */
    public enum Outcome {
        OPEN("open"), REVOKED("revoked"), DISMISSED("dismissed"), NO_MAJORITY("dismissed: no majority by the deadline"),
        MOOT("moot: the person left");

        private final String json;

        Outcome(String json) {
            this.json = json;
        }

        public String json() {
            return json;
        }
    }

    static final byte NO_VOTE = 0;
    static final byte VOTE_REVOKE = 1;
    static final byte VOTE_DISMISS = 2;

    final int number;
    final Hash id;
    final int target;
    final int challenger;
    final CitizenshipTx.Grounds grounds;
    final String reason;
    final Hash evidence;
    final long openedAt;
    final long deadline;
    int[] jury;
    byte[] votes;
    Outcome outcome = Outcome.OPEN;
    long resolvedAt;

    ChallengeCase(int number, Hash id, int target, int challenger, CitizenshipTx.Grounds grounds, String reason,
                  Hash evidence, long openedAt, long deadline, int[] jury) {
        this.number = number;
        this.id = id;
        this.target = target;
        this.challenger = challenger;
        this.grounds = grounds;
        this.reason = reason;
        this.evidence = evidence;
        this.openedAt = openedAt;
        this.deadline = deadline;
        this.jury = jury;
        this.votes = new byte[jury.length];
    }

    /** The outcome as of this time: an open challenge past its deadline is dismissed for want of a majority. */
    public Outcome outcomeAt(long time) {
        return outcome == Outcome.OPEN && time > deadline ? Outcome.NO_MAJORITY : outcome;
    }

    /** When it was decided; for a deadline that passed without a majority, the deadline. */
    public long resolvedAt(long time) {
        return outcome == Outcome.OPEN && time > deadline ? deadline : resolvedAt;
    }

    int jurorIndex(int person) {
        for (int i = 0; i < jury.length; i++) {
            if (jury[i] == person) {
                return i;
            }
        }
        return -1;
    }

    int count(byte vote) {
        int n = 0;
        for (byte v : votes) {
            if (v == vote) {
                n++;
            }
        }
        return n;
    }

    public int number() {
        return number;
    }

    public Hash id() {
        return id;
    }

    public int target() {
        return target;
    }

    public int challenger() {
        return challenger;
    }

    public String grounds() {
        return grounds.json;
    }

    public String reason() {
        return reason;
    }

    public Hash evidence() {
        return evidence;
    }

    public long openedAt() {
        return openedAt;
    }

    public long deadline() {
        return deadline;
    }

    /** True once the jury's draw is made. */
    public boolean jurySeated() {
        return jury.length > 0;
    }

    void seat(int[] jurors) {
        jury = jurors.clone();
        votes = new byte[jurors.length];
    }

    public int[] jury() {
        return jury.clone();
    }

    /** Each juror's vote, in jury order: "revoke", "dismiss", or null (has not voted). */
    public String vote(int jurorIndex) {
        return switch (votes[jurorIndex]) {
            case VOTE_REVOKE -> "revoke";
            case VOTE_DISMISS -> "dismiss";
            default -> null;
        };
    }

    public int revokeVotes() {
        return count(VOTE_REVOKE);
    }

    public int dismissVotes() {
        return count(VOTE_DISMISS);
    }

    void write(StateWriter w) {
        w.writeInt(number);
        w.writeHash(id);
        w.writeInt(target);
        w.writeInt(challenger);
        w.writeInt(grounds.ordinal());
        w.writeString(reason);
        Person.writeOptionalHash(w, evidence);
        w.writeLong(openedAt);
        w.writeLong(deadline);
        Person.writeInts(w, jury);
        w.writeBytes(votes);
        w.writeInt(outcome.ordinal());
        w.writeLong(resolvedAt);
    }

    static ChallengeCase read(StateReader r) {
        ChallengeCase c = new ChallengeCase(r.readInt(), r.readHash(), r.readInt(), r.readInt(),
                CitizenshipTx.Grounds.values()[r.readInt()], r.readString(), Person.readOptionalHash(r), r.readLong(),
                r.readLong(), Person.readInts(r));
        byte[] votes = r.readBytes();
        System.arraycopy(votes, 0, c.votes, 0, Math.min(votes.length, c.votes.length));
        c.outcome = Outcome.values()[r.readInt()];
        c.resolvedAt = r.readLong();
        return c;
    }
}

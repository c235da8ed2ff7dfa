package org.phyle.core.governance;

import org.phyle.core.proposals.Method;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.TreeMap;
import org.phyle.core.state.StateReader;
import org.phyle.core.state.StateWriter;
import org.phyle.core.tx.Fields;
import org.phyle.crypto.Jcs;
import org.phyle.crypto.StrictJson;

/** Writes and reads a proposal in the snapshot format: its terms as canonical JSON, then its state. */
final class ProposalCodec {
    private ProposalCodec() {
    }

    static void write(StateWriter w, Proposal p) {
        w.writeInt(p.number);
        w.writeHash(p.id);
        w.writeInt(p.author);
        w.writeBytes(Jcs.canonicalize(p.terms.toJson()));
        w.writeInt(p.sponsorsRequired);
        w.writeLong(p.deliberationMs);
        w.writeLong(p.votingMs);
        w.writeLong(p.timelockMs);
        w.writeLong(p.quorumBp);
        w.writeLong(p.voiceCredits);
        w.writeLong(p.epochMs);
        w.writeLong(p.maxDelegatedBp);
        w.writeLong(p.createdAt);
        w.writeInt(p.state.ordinal());
        writeInts(w, p.sponsors);
        w.writeLong(p.sponsoredAt);
        w.writeLong(p.opensAt);
        w.writeLong(p.openedAt);
        w.writeLong(p.openedHeight);
        w.writeLong(p.closesAt);
        w.writeLong(p.epoch);
        long[] bits = p.electorate.toLongArray();
        w.writeInt(bits.length);
        for (long b : bits) {
            w.writeLong(b);
        }
        w.writeInt(p.electorateSize);
        TreeMap<Integer, Ballot> ballots = new TreeMap<>(p.ballots);
        w.writeInt(ballots.size());
        ballots.forEach((voter, ballot) -> {
            w.writeInt(voter);
            writeBallot(w, ballot);
        });
        TreeMap<Integer, Long> carried = new TreeMap<>(p.carried);
        w.writeInt(carried.size());
        carried.forEach((voter, n) -> {
            w.writeInt(voter);
            w.writeLong(n);
        });
        w.writeLong(p.fellBack);
        w.writeBoolean(p.result != null);
        if (p.result != null) {
            writeResult(w, p.result);
        }
        w.writeLong(p.closedAt);
        w.writeLong(p.closedHeight);
        w.writeLong(p.executableAt);
        w.writeLong(p.executedAt);
        w.writeLong(p.vetoedAt);
        w.writeLong(p.panelShareBp);
        w.writeHash(p.panelDraw);
        writeInts(w, p.panel);
        w.writeInt(p.panelBallots.size());
        p.panelBallots.forEach((voter, ballot) -> {
            w.writeInt(voter);
            writeBallot(w, ballot);
        });
        w.writeBoolean(p.panelNote != null);
        if (p.panelNote != null) {
            w.writeString(p.panelNote);
        }
        w.writeBoolean(p.executionNote != null);
        if (p.executionNote != null) {
            w.writeString(p.executionNote);
        }
    }

    static Proposal read(StateReader r, org.phyle.core.tx.Vocabulary vocabulary) {
        int number = r.readInt();
        var id = r.readHash();
        int author = r.readInt();
        GovernanceTx.Propose terms = GovernanceTx.Propose.read(Fields.of(StrictJson.parse(r.readBytes()), "terms",
                vocabulary));
        Proposal p = new Proposal(number, id, author, terms, r.readInt(), r.readLong(), r.readLong(), r.readLong(),
                r.readLong(), r.readLong(), r.readLong(), r.readLong(), r.readLong());
        p.state = Proposal.State.values()[r.readInt()];
        p.sponsors = readInts(r);
        p.sponsoredAt = r.readLong();
        p.opensAt = r.readLong();
        p.openedAt = r.readLong();
        p.openedHeight = r.readLong();
        p.closesAt = r.readLong();
        p.epoch = r.readLong();
        long[] bits = new long[r.readCount()];
        for (int i = 0; i < bits.length; i++) {
            bits[i] = r.readLong();
        }
        p.electorate = BitSet.valueOf(bits);
        p.electorateSize = r.readInt();
        int ballots = r.readCount();
        for (int i = 0; i < ballots; i++) {
            p.ballots.put(r.readInt(), readBallot(r));
        }
        int carried = r.readCount();
        for (int i = 0; i < carried; i++) {
            p.carried.put(r.readInt(), r.readLong());
        }
        p.fellBack = r.readLong();
        if (r.readBoolean()) {
            p.result = readResult(r);
        }
        p.closedAt = r.readLong();
        p.closedHeight = r.readLong();
        p.executableAt = r.readLong();
        p.executedAt = r.readLong();
        p.vetoedAt = r.readLong();
        p.panelShareBp = r.readLong();
        p.panelDraw = r.readHash();
        p.panel = readInts(r);
        int panelBallots = r.readCount();
        for (int i = 0; i < panelBallots; i++) {
            p.panelBallots.put(r.readInt(), readBallot(r));
        }
        if (r.readBoolean()) {
            p.panelNote = r.readString();
        }
        if (r.readBoolean()) {
            p.executionNote = r.readString();
        }
        return p;
    }

    private static void writeBallot(StateWriter w, Ballot b) {
        switch (b) {
            case Ballot.YesNo y -> {
                w.writeInt(0);
                w.writeInt(y.choice().ordinal());
            }
            case Ballot.Quadratic q -> {
                w.writeInt(1);
                writeInts(w, q.votes());
            }
            case Ballot.Approval a -> {
                w.writeInt(2);
                writeInts(w, a.approved());
            }
            case Ballot.Ranked k -> {
                w.writeInt(3);
                writeInts(w, k.ranking());
            }
        }
    }

    private static Ballot readBallot(StateReader r) {
        return switch (r.readInt()) {
            case 0 -> new Ballot.YesNo(Ballot.YesNo.Choice.values()[r.readInt()]);
            case 1 -> new Ballot.Quadratic(readInts(r));
            case 2 -> new Ballot.Approval(readInts(r));
            case 3 -> new Ballot.Ranked(readInts(r));
            default -> throw new StateReader.CorruptStateException("unknown ballot kind");
        };
    }

    private static void writeResult(StateWriter w, TallyResult t) {
        w.writeInt(t.method().ordinal());
        w.writeLong(t.electorate());
        w.writeLong(t.ballots());
        w.writeLong(t.delegated());
        w.writeLong(t.fellBack());
        w.writeLong(t.participants());
        w.writeLong(t.quorumRequired());
        w.writeBoolean(t.quorumMet());
        writeLongs(w, t.scores());
        w.writeInt(t.rounds().size());
        t.rounds().forEach(round -> writeLongs(w, round));
        w.writeInt(t.eliminated().size());
        t.eliminated().forEach(w::writeInt);
        w.writeInt(t.exhausted().size());
        t.exhausted().forEach(w::writeLong);
        w.writeLong(t.creditsSpent());
        writeInts(w, t.winners());
        w.writeBoolean(t.passed());
        TallyResult.Outside o = t.outside();
        w.writeBoolean(o != null);
        if (o != null) {
            w.writeLong(o.shareBp());
            w.writeLong(o.panelSize());
            w.writeLong(o.panelBallots());
            w.writeLong(o.citizenWeight());
            w.writeLong(o.panelWeight());
            writeLongs(w, o.citizenScores());
            writeLongs(w, o.panelScores());
        }
    }

    private static TallyResult readResult(StateReader r) {
        Method method = Method.values()[r.readInt()];
        long electorate = r.readLong();
        long ballots = r.readLong();
        long delegated = r.readLong();
        long fellBack = r.readLong();
        long participants = r.readLong();
        long quorumRequired = r.readLong();
        boolean quorumMet = r.readBoolean();
        long[] scores = readLongs(r);
        List<long[]> rounds = new ArrayList<>();
        int n = r.readCount();
        for (int i = 0; i < n; i++) {
            rounds.add(readLongs(r));
        }
        List<Integer> eliminated = new ArrayList<>();
        int e = r.readCount();
        for (int i = 0; i < e; i++) {
            eliminated.add(r.readInt());
        }
        List<Long> exhausted = new ArrayList<>();
        int x = r.readCount();
        for (int i = 0; i < x; i++) {
            exhausted.add(r.readLong());
        }
        long credits = r.readLong();
        int[] winners = readInts(r);
        boolean passed = r.readBoolean();
        TallyResult.Outside outside = r.readBoolean() ? new TallyResult.Outside(r.readLong(), r.readLong(),
                r.readLong(), r.readLong(), r.readLong(), readLongs(r), readLongs(r)) : null;
        return new TallyResult(method, electorate, ballots, delegated, fellBack, participants, quorumRequired,
                quorumMet, scores, rounds, eliminated, exhausted, credits, winners, passed, outside);
    }

    private static void writeInts(StateWriter w, int[] a) {
        w.writeInt(a.length);
        for (int v : a) {
            w.writeInt(v);
        }
    }

    private static int[] readInts(StateReader r) {
        int[] a = new int[r.readCount()];
        for (int i = 0; i < a.length; i++) {
            a[i] = r.readInt();
        }
        return a;
    }

    private static void writeLongs(StateWriter w, long[] a) {
        w.writeInt(a.length);
        for (long v : a) {
            w.writeLong(v);
        }
    }

    private static long[] readLongs(StateReader r) {
        long[] a = new long[r.readCount()];
        for (int i = 0; i < a.length; i++) {
            a[i] = r.readLong();
        }
        return a;
    }
}

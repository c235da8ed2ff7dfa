package org.phyle.core.governance;

import org.phyle.core.proposals.Method;
import org.phyle.core.proposals.Threshold;
import org.phyle.core.proposals.ProposalAction;

import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.phyle.crypto.Hash;

/**
 * A proposal and everything about its vote. The rules are frozen when it is made: changing a parameter never
 * changes a proposal already made, let alone a running vote. Only {@link Governance} changes it.
 */
public final class Proposal {
    /** Where a proposal is in its life. */
    public enum State {
        /** Made; waiting for its co-sponsors. */
        DRAFT("draft"),
        /** Sponsored; voting opens after the deliberation time. */
        SPONSORED("sponsored"),
        VOTING("voting"),
        PASSED("passed"),
        FAILED("failed"),
        /** Passed, and its action carried out after the timelock. */
        EXECUTED("executed"),
        /** Passed, but its action could no longer be carried out when the timelock expired. */
        NOT_EXECUTED("not executed"),
        CANCELLED("cancelled");

        private final String json;

        State(String json) {
            this.json = json;
        }

        public String json() {
            return json;
        }
    }

    final int number;
    final Hash id;
    final int author;
    final GovernanceTx.Propose terms;
    // rules frozen at creation
    final int sponsorsRequired;
    final long deliberationMs;
    final long votingMs;
    final long timelockMs;
    final long quorumBp;
    final long voiceCredits;
    final long epochMs;
    final long maxDelegatedBp;
    final long createdAt;

    State state = State.DRAFT;
    int[] sponsors = new int[0];
    long sponsoredAt;
    long opensAt;
    long openedAt;
    long openedHeight;
    long closesAt;
    long epoch;
    BitSet electorate = new BitSet();
    int electorateSize;
    final Map<Integer, Ballot> ballots = new HashMap<>();
    /** Frozen at the close: votes each voter carried through delegation, and the delegations that fell back. */
    Map<Integer, Long> carried = new HashMap<>();
    long fellBack;
    TallyResult result;
    long closedAt;
    long closedHeight;
    long executableAt;
    long executedAt;
    long vetoedAt;
    /** The outside panel's share (basis points), frozen when the proposal is made; 0: no panel. */
    long panelShareBp;
    Hash panelDraw = Hash.ZERO;
    int[] panel = new int[0];
    final TreeMap<Integer, Ballot> panelBallots = new TreeMap<>();
    String panelNote;
    String executionNote;

    Proposal(int number, Hash id, int author, GovernanceTx.Propose terms, int sponsorsRequired, long deliberationMs,
             long votingMs, long timelockMs, long quorumBp, long voiceCredits, long epochMs, long maxDelegatedBp,
             long createdAt) {
        this.number = number;
        this.id = id;
        this.author = author;
        this.terms = terms;
        this.sponsorsRequired = sponsorsRequired;
        this.deliberationMs = deliberationMs;
        this.votingMs = votingMs;
        this.timelockMs = timelockMs;
        this.quorumBp = quorumBp;
        this.voiceCredits = voiceCredits;
        this.epochMs = epochMs;
        this.maxDelegatedBp = maxDelegatedBp;
        this.createdAt = createdAt;
    }

    public int number() {
        return number;
    }

    public Hash id() {
        return id;
    }

    public int author() {
        return author;
    }

    public String title() {
        return terms.title();
    }

    public String text() {
        return terms.text();
    }

    public String topic() {
        return terms.topic();
    }

    public String kind() {
        return terms.kind();
    }

    public ProposalAction action() {
        return terms.action();
    }

    public Method method() {
        return terms.method();
    }

    /** The options: for yes-no, "yes", "no" and "abstain". */
    public List<String> options() {
        return terms.method() == Method.YES_NO ? List.of("yes", "no", "abstain") : terms.options();
    }

    public int winners() {
        return terms.winners();
    }

    public int maxApprovals() {
        return terms.maxApprovals();
    }

    public boolean allowNegative() {
        return terms.allowNegative();
    }

    public Threshold threshold() {
        return terms.threshold();
    }

    public GovernanceTx.Propose terms() {
        return terms;
    }

    public State state() {
        return state;
    }

    public int sponsorsRequired() {
        return sponsorsRequired;
    }

    public int[] sponsors() {
        return sponsors.clone();
    }

    public long createdAt() {
        return createdAt;
    }

    public long sponsoredAt() {
        return sponsoredAt;
    }

    /** When voting is due to open (0 until sponsored). */
    public long opensAt() {
        return opensAt;
    }

    public long openedAt() {
        return openedAt;
    }

    public long openedHeight() {
        return openedHeight;
    }

    public long closesAt() {
        return closesAt;
    }

    public long votingMs() {
        return votingMs;
    }

    public long timelockMs() {
        return timelockMs;
    }

    public long quorumBp() {
        return quorumBp;
    }

    public long voiceCredits() {
        return voiceCredits;
    }

    public long maxDelegatedBp() {
        return maxDelegatedBp;
    }

    public long epoch() {
        return epoch;
    }

    public boolean inElectorate(int person) {
        return electorate.get(person);
    }

    public int electorateSize() {
        return electorateSize;
    }

    /** The ballots by voter number, sorted. */
    public Map<Integer, Ballot> ballots() {
        return Collections.unmodifiableMap(new TreeMap<>(ballots));
    }

    public int ballotCount() {
        return ballots.size();
    }

    public TallyResult result() {
        return result;
    }

    /** The votes each voter carried through delegation when voting closed (voter number → votes), sorted. */
    public Map<Integer, Long> carried() {
        return Collections.unmodifiableMap(new TreeMap<>(carried));
    }

    public long closedAt() {
        return closedAt;
    }

    public long closedHeight() {
        return closedHeight;
    }

    public long executableAt() {
        return executableAt;
    }

    public long executedAt() {
        return executedAt;
    }

    public long panelShareBp() {
        return panelShareBp;
    }

    /** The draw of its outside panel (Hash.ZERO if none was requested). */
    public Hash panelDraw() {
        return panelDraw;
    }

    /** The panel's members, once drawn, in the order drawn. */
    public int[] panel() {
        return panel.clone();
    }

    public Map<Integer, Ballot> panelBallots() {
        return java.util.Collections.unmodifiableMap(panelBallots);
    }

    /** Why a proposal of a panel kind has no panel (too few host residents), or null. */
    public String panelNote() {
        return panelNote;
    }

    /** When the founder vetoed it (delaying its execution by one voting period), or 0. */
    public long vetoedAt() {
        return vetoedAt;
    }

    public String executionNote() {
        return executionNote;
    }
}

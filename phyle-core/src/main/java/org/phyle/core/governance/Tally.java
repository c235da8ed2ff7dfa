package org.phyle.core.governance;

import org.phyle.core.proposals.Method;
import org.phyle.core.proposals.Threshold;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Counting, as pure functions of the ballots and their weights: nothing here can see a balance, a stake or a
 * token, so no code path weights a vote by money. A weight is one voter plus the delegations that reached them.
 *
 * <p>Ties are broken the same way everywhere and documented in docs/governance.md: among options with equal
 * scores the one listed first ranks higher; in ranked choice, the option eliminated among those tied for fewest
 * votes is the one with fewer votes in the earliest round where they differ, else the one listed last.
 */
public final class Tally {
    private Tally() {
    }

    /** A counted ballot: the ballot and how many votes it carries. */
    public record Weighted(Ballot ballot, long weight) {
    }

    /** The rules a tally needs, frozen when the proposal was made. */
    public record Rules(Method method, int options, int winners, Threshold threshold, long quorumBp, long electorate) {
    }

    public static TallyResult count(Rules rules, List<Weighted> ballots, long delegated, long fellBack) {
        long participants = 0;
        for (Weighted w : ballots) {
            participants += w.weight();
        }
        if (rules.method() == Method.QUADRATIC) {
            // a quadratic ballot is its voter's own: delegation carries no credits, so each weighs as one
            ballots = ballots.stream().map(w -> new Weighted(w.ballot(), 1)).toList();
        }
        return count(rules, ballots, ballots.size(), delegated, fellBack, participants);
    }

    /**
     * The tally with an outside panel holding {@code shareBp} of the weight: each option's result is
     * (1 - s) x its share among the citizens who took part + s x its share among the panel, panellists who did not
     * vote counting as abstaining. Exactly, in integers: a citizen's vote weighs (10000 - shareBp) x panelSize, a
     * panellist's shareBp x (the citizens' participants), and every method counts the weighted ballots as usual (for
     * ranked choice, in every round). The quorum is the citizens' alone.
     */
    public static TallyResult countWithPanel(Rules rules, List<Weighted> citizens, long delegated, long fellBack,
                                             List<Ballot> panel, long panelSize, long shareBp) {
        TallyResult citizensOnly = count(rules, citizens, delegated, fellBack);
        long participants = citizensOnly.participants();
        long citizenWeight = (10_000 - shareBp) * panelSize;
        long panelWeight = shareBp * participants;
        List<Weighted> all = new ArrayList<>(citizens.size() + panel.size());
        for (Weighted w : citizens) {
            // a quadratic ballot is its voter's own: delegation carries no credits, so it weighs as one
            long votes = rules.method() == Method.QUADRATIC ? 1 : w.weight();
            all.add(new Weighted(w.ballot(), votes * citizenWeight));
        }
        List<Weighted> panelOnly = new ArrayList<>(panel.size());
        for (Ballot b : panel) {
            all.add(new Weighted(b, panelWeight));
            panelOnly.add(new Weighted(b, 1));
        }
        if (rules.method() == Method.YES_NO && panel.size() < panelSize) {
            // panellists who did not vote abstain in the panel's share
            all.add(new Weighted(new Ballot.YesNo(Ballot.YesNo.Choice.ABSTAIN), (panelSize - panel.size()) * panelWeight));
        }
        long[] panelScores = count(rules, panelOnly, 0, 0).scores().clone();
        if (rules.method() == Method.YES_NO) {
            panelScores[2] += panelSize - panel.size(); // who did not vote abstains
        }
        TallyResult combined = count(rules, all, citizens.size(), delegated, fellBack, participants);
        return combined.withOutside(new TallyResult.Outside(shareBp, panelSize, panel.size(), citizenWeight,
                panelWeight, citizensOnly.scores(), panelScores));
    }

    private static TallyResult count(Rules rules, List<Weighted> ballots, long direct, long delegated, long fellBack,
                                     long participants) {
        // quorum: participants / electorate >= quorumBp / 10000, exactly, in integers
        long quorumRequired = (rules.quorumBp() * rules.electorate() + 9_999) / 10_000;
        boolean quorumMet = participants * 10_000 >= rules.quorumBp() * rules.electorate() && participants > 0;
        return switch (rules.method()) {
            case YES_NO -> yesNo(rules, ballots, direct, delegated, fellBack, participants, quorumRequired, quorumMet);
            case QUADRATIC -> quadratic(rules, ballots, direct, delegated, fellBack, participants, quorumRequired,
                    quorumMet);
            case APPROVAL -> approval(rules, ballots, direct, delegated, fellBack, participants, quorumRequired,
                    quorumMet);
            case RANKED -> ranked(rules, ballots, direct, delegated, fellBack, participants, quorumRequired, quorumMet);
        };
    }

    private static TallyResult yesNo(Rules r, List<Weighted> ballots, long direct, long delegated, long fellBack,
                                     long participants, long quorumRequired, boolean quorumMet) {
        long[] s = new long[3];
        for (Weighted w : ballots) {
            s[((Ballot.YesNo) w.ballot()).choice().ordinal()] += w.weight();
        }
        boolean passed = quorumMet && r.threshold().met(s[0], s[1]);
        return new TallyResult(Method.YES_NO, r.electorate(), direct, delegated, fellBack, participants, quorumRequired,
                quorumMet, s, List.of(), List.of(), List.of(), 0, passed ? new int[] {0} : new int[0], passed);
    }

    private static TallyResult quadratic(Rules r, List<Weighted> ballots, long direct, long delegated, long fellBack,
                                         long participants, long quorumRequired, boolean quorumMet) {
        long[] net = new long[r.options()];
        long credits = 0;
        for (Weighted w : ballots) {
            Ballot.Quadratic q = (Ballot.Quadratic) w.ballot();
            for (int i = 0; i < net.length; i++) {
                net[i] += q.votes()[i] * w.weight();
            }
            credits += q.cost();
        }
        int[] winners = quorumMet ? top(net, r.winners(), true) : new int[0];
        return new TallyResult(Method.QUADRATIC, r.electorate(), direct, delegated, fellBack, participants,
                quorumRequired, quorumMet, net, List.of(), List.of(), List.of(), credits, winners, winners.length > 0);
    }

    private static TallyResult approval(Rules r, List<Weighted> ballots, long direct, long delegated, long fellBack,
                                        long participants, long quorumRequired, boolean quorumMet) {
        long[] counts = new long[r.options()];
        for (Weighted w : ballots) {
            for (int o : ((Ballot.Approval) w.ballot()).approved()) {
                counts[o] += w.weight();
            }
        }
        int[] winners = quorumMet ? top(counts, r.winners(), true) : new int[0];
        return new TallyResult(Method.APPROVAL, r.electorate(), direct, delegated, fellBack, participants,
                quorumRequired, quorumMet, counts, List.of(), List.of(), List.of(), 0, winners, winners.length > 0);
    }

    /**
     * Instant runoff: each round counts every ballot for its highest-ranked option still in the race; an option with
     * more than half of those votes wins; otherwise the option with the fewest is eliminated (ties as the class
     * comment says) and its ballots go to their next choice.
     */
    private static TallyResult ranked(Rules r, List<Weighted> ballots, long direct, long delegated, long fellBack,
                                      long participants, long quorumRequired, boolean quorumMet) {
        int n = r.options();
        boolean[] out = new boolean[n];
        List<long[]> rounds = new ArrayList<>();
        List<Integer> eliminated = new ArrayList<>();
        List<Long> exhausted = new ArrayList<>();
        int remaining = n;
        int winner = -1;
        long total = 0;
        for (Weighted w : ballots) {
            total += w.weight();
        }
        while (true) {
            long[] counts = new long[n];
            long gone = 0;
            for (Weighted w : ballots) {
                int choice = -1;
                for (int o : ((Ballot.Ranked) w.ballot()).ranking()) {
                    if (!out[o]) {
                        choice = o;
                        break;
                    }
                }
                if (choice < 0) {
                    gone += w.weight();
                } else {
                    counts[choice] += w.weight();
                }
            }
            rounds.add(counts);
            exhausted.add(gone);
            long continuing = total - gone;
            int leader = -1;
            for (int o = 0; o < n; o++) {
                if (!out[o] && (leader < 0 || counts[o] > counts[leader])) {
                    leader = o;
                }
            }
            if (leader >= 0 && (counts[leader] * 2 > continuing || remaining == 1) && continuing > 0) {
                winner = leader;
                break;
            }
            if (remaining <= 1 || continuing == 0) {
                break;
            }
            int loser = -1;
            for (int o = 0; o < n; o++) {
                if (!out[o] && (loser < 0 || loses(o, loser, counts, rounds))) {
                    loser = o;
                }
            }
            out[loser] = true;
            eliminated.add(loser);
            remaining--;
        }
        long[] last = rounds.get(rounds.size() - 1);
        boolean passed = quorumMet && winner >= 0;
        return new TallyResult(Method.RANKED, r.electorate(), direct, delegated, fellBack, participants, quorumRequired,
                quorumMet, last, rounds, eliminated, exhausted, 0, passed ? new int[] {winner} : new int[0], passed);
    }

    /** Whether option a should be eliminated before option b: fewer votes now, else in the earliest round they differ. */
    private static boolean loses(int a, int b, long[] counts, List<long[]> rounds) {
        if (counts[a] != counts[b]) {
            return counts[a] < counts[b];
        }
        for (long[] round : rounds) {
            if (round[a] != round[b]) {
                return round[a] < round[b];
            }
        }
        return a > b; // listed later
    }

    /** The k options with the highest scores (only positive ones when required), ties to the one listed first. */
    static int[] top(long[] scores, int k, boolean positiveOnly) {
        Integer[] order = new Integer[scores.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> scores[x] != scores[y] ? Long.compare(scores[y], scores[x]) : Integer.compare(x, y));
        return Arrays.stream(order).limit(k).filter(i -> !positiveOnly || scores[i] > 0).mapToInt(Integer::intValue)
                .toArray();
    }
}

package org.phyle.core.governance;

import org.phyle.core.proposals.Method;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.List;

/**
 * A published tally with its full breakdown. Weights are whole votes: 1 per ballot, plus 1 for each delegation that
 * reached the voter (never a balance).
 *
 * @param electorate   citizens in good standing when voting opened
 * @param ballots      ballots cast directly
 * @param delegated    votes counted through delegation
 * @param fellBack     delegations not counted because their delegate already carried the most allowed
 * @param participants votes counted in all (including abstentions): what the quorum is measured on
 * @param scores       per option: yes/no/abstain for yes-no; net votes for quadratic; approvals; IRV's last round
 * @param rounds       for ranked choice: each round's counts per option (eliminated options count 0)
 * @param eliminated   for ranked choice: the option eliminated after each round but the last
 * @param exhausted    for ranked choice: the votes whose every ranked option was eliminated, per round
 * @param creditsSpent for quadratic: the voice credits the counted ballots cost
 * @param winners      the winning options (for yes-no: [0] if it passed)
 * @param outside      with an outside panel: the two shares and their weights (scores, rounds and exhausted are then
 *                     in weighted units); null without one
 */
public record TallyResult(Method method, long electorate, long ballots, long delegated, long fellBack,
                          long participants, long quorumRequired, boolean quorumMet, long[] scores,
                          List<long[]> rounds, List<Integer> eliminated, List<Long> exhausted, long creditsSpent,
                          int[] winners, boolean passed, Outside outside) {

    /**
     * An outside panel's part in a tally: its share in basis points, its size and ballots, the weight of one citizen's
     * vote and of one panellist's, and the unweighted scores of each side (for ranked choice, first preferences; for
     * yes/no, the panel's abstentions include those who did not vote).
     */
    public record Outside(long shareBp, long panelSize, long panelBallots, long citizenWeight, long panelWeight,
                          long[] citizenScores, long[] panelScores) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Outside x && shareBp == x.shareBp && panelSize == x.panelSize
                    && panelBallots == x.panelBallots && citizenWeight == x.citizenWeight
                    && panelWeight == x.panelWeight && Arrays.equals(citizenScores, x.citizenScores)
                    && Arrays.equals(panelScores, x.panelScores);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(panelScores) * 31 + Long.hashCode(shareBp);
        }
    }

    public TallyResult {
        rounds = List.copyOf(rounds);
        eliminated = List.copyOf(eliminated);
        exhausted = List.copyOf(exhausted);
    }

    /** The same counts without a panel. */
    public TallyResult(Method method, long electorate, long ballots, long delegated, long fellBack,
                       long participants, long quorumRequired, boolean quorumMet, long[] scores,
                       List<long[]> rounds, List<Integer> eliminated, List<Long> exhausted, long creditsSpent,
                       int[] winners, boolean passed) {
        this(method, electorate, ballots, delegated, fellBack, participants, quorumRequired, quorumMet, scores, rounds,
                eliminated, exhausted, creditsSpent, winners, passed, null);
    }

    TallyResult withOutside(Outside o) {
        return new TallyResult(method, electorate, ballots, delegated, fellBack, participants, quorumRequired,
                quorumMet, scores, rounds, eliminated, exhausted, creditsSpent, winners, passed, o);
    }

    public ObjectNode toJson(List<String> options) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("method", method.json());
        o.put("electorate", electorate);
        o.put("ballots", ballots);
        o.put("delegated", delegated);
        o.put("fellBack", fellBack);
        o.put("participants", participants);
        o.put("quorumRequired", quorumRequired);
        o.put("quorumMet", quorumMet);
        if (method == Method.YES_NO) {
            o.put("yes", scores[0]).put("no", scores[1]).put("abstain", scores[2]);
        } else {
            ArrayNode s = o.putArray("scores");
            for (int i = 0; i < scores.length; i++) {
                s.addObject().put("option", i).put("label", options.get(i)).put("score", scores[i]);
            }
        }
        if (method == Method.RANKED) {
            ArrayNode r = o.putArray("rounds");
            for (int i = 0; i < rounds.size(); i++) {
                ObjectNode round = r.addObject();
                ArrayNode counts = round.putArray("counts");
                Arrays.stream(rounds.get(i)).forEach(counts::add);
                round.put("exhausted", exhausted.get(i));
                if (i < eliminated.size()) {
                    round.put("eliminated", eliminated.get(i));
                }
            }
        }
        if (method == Method.QUADRATIC) {
            o.put("creditsSpent", creditsSpent);
        }
        ArrayNode w = o.putArray("winners");
        Arrays.stream(winners).forEach(w::add);
        o.put("passed", passed);
        if (outside != null) {
            ObjectNode x = o.putObject("outside");
            x.put("shareBp", outside.shareBp()).put("panelSize", outside.panelSize())
                    .put("panelBallots", outside.panelBallots()).put("citizenWeight", outside.citizenWeight())
                    .put("panelWeight", outside.panelWeight());
            ArrayNode c = x.putArray("citizenScores");
            Arrays.stream(outside.citizenScores()).forEach(c::add);
            ArrayNode p = x.putArray("panelScores");
            Arrays.stream(outside.panelScores()).forEach(p::add);
        }
        return o;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof TallyResult t)) {
            return false;
        }
        if (rounds.size() != t.rounds.size()) {
            return false;
        }
        for (int i = 0; i < rounds.size(); i++) {
            if (!Arrays.equals(rounds.get(i), t.rounds.get(i))) {
                return false;
            }
        }
        return method == t.method && electorate == t.electorate && ballots == t.ballots && delegated == t.delegated
                && fellBack == t.fellBack && participants == t.participants && quorumRequired == t.quorumRequired
                && quorumMet == t.quorumMet && Arrays.equals(scores, t.scores) && eliminated.equals(t.eliminated)
                && exhausted.equals(t.exhausted) && creditsSpent == t.creditsSpent
                && Arrays.equals(winners, t.winners) && passed == t.passed
                && java.util.Objects.equals(outside, t.outside);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(scores) * 31 + Long.hashCode(participants);
    }
}

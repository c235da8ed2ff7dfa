package org.phyle.core.governance;

import org.phyle.core.proposals.Method;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import org.phyle.core.Rejection;
import org.phyle.core.tx.Fields;

/** A ballot, one kind per counting method. Options are named by their index in the proposal's list. */
public sealed interface Ballot {

    ObjectNode toJson();

    /** yes, no or abstain. */
    record YesNo(Choice choice) implements Ballot {
        public enum Choice { YES, NO, ABSTAIN }

        public ObjectNode toJson() {
            return JsonNodeFactory.instance.objectNode().put("choice", choice.name().toLowerCase(java.util.Locale.ROOT));
        }
    }

    /** Votes per option (negative against, where allowed); costs the sum of their squares in voice credits. */
    record Quadratic(int[] votes) implements Ballot {
        public long cost() {
            long c = 0;
            for (int v : votes) {
                c += (long) v * v;
            }
            return c;
        }

        public ObjectNode toJson() {
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            ArrayNode a = o.putArray("votes");
            for (int v : votes) {
                a.add(v);
            }
            return o;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Quadratic q && Arrays.equals(q.votes, votes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(votes);
        }
    }

    /** The options approved. */
    record Approval(int[] approved) implements Ballot {
        public ObjectNode toJson() {
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            ArrayNode a = o.putArray("approve");
            for (int v : approved) {
                a.add(v);
            }
            return o;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Approval x && Arrays.equals(x.approved, approved);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(approved);
        }
    }

    /** Options in order of preference (need not rank them all). */
    record Ranked(int[] ranking) implements Ballot {
        public ObjectNode toJson() {
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            ArrayNode a = o.putArray("ranking");
            for (int v : ranking) {
                a.add(v);
            }
            return o;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Ranked x && Arrays.equals(x.ranking, ranking);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(ranking);
        }
    }

    /**
     * Reads a ballot's JSON: {@code {"choice":"yes"}}, {@code {"votes":[3,0,-1]}}, {@code {"approve":[0,2]}} or
     * {@code {"ranking":[2,0,1]}}. The shape is checked here; whether it suits the proposal, in {@link #check}.
     */
    static Ballot read(Fields f) {
        Ballot b;
        if (f.has("choice")) {
            String c = f.line("choice", 1, 10);
            b = new YesNo(switch (c) {
                case "yes" -> YesNo.Choice.YES;
                case "no" -> YesNo.Choice.NO;
                case "abstain" -> YesNo.Choice.ABSTAIN;
                default -> throw new Rejection(GovernanceCode.BAD_BALLOT, "choice must be yes, no or abstain");
            });
        } else if (f.has("votes")) {
            b = new Quadratic(ints(f, "votes", -1000, 1000));
        } else if (f.has("approve")) {
            b = new Approval(ints(f, "approve", 0, 1000));
        } else if (f.has("ranking")) {
            b = new Ranked(ints(f, "ranking", 0, 1000));
        } else {
            throw new Rejection(GovernanceCode.BAD_BALLOT, "a ballot has one of choice, votes, approve or ranking");
        }
        f.end();
        return b;
    }

    private static int[] ints(Fields f, String name, int min, int max) {
        JsonNode a = f.value(name);
        if (!a.isArray() || a.size() > 1000) {
            throw new Rejection(GovernanceCode.BAD_BALLOT, f.path() + "." + name + " must be an array of integers");
        }
        int[] out = new int[a.size()];
        for (int i = 0; i < out.length; i++) {
            JsonNode v = a.get(i);
            if (!v.isIntegralNumber() || !v.canConvertToInt() || v.intValue() < min || v.intValue() > max) {
                throw new Rejection(GovernanceCode.BAD_BALLOT, f.path() + "." + name + " must hold integers from " + min
                        + " to " + max);
            }
            out[i] = v.intValue();
        }
        return out;
    }

    /** Checks that the ballot suits the proposal: method, options, limits. Credits are checked by the caller. */
    static void check(Ballot b, Proposal p) {
        int n = p.options().size();
        switch (b) {
            case YesNo y -> requireMethod(p, Method.YES_NO);
            case Quadratic q -> {
                requireMethod(p, Method.QUADRATIC);
                if (q.votes().length != n) {
                    throw new Rejection(GovernanceCode.BAD_BALLOT, "a quadratic ballot gives votes for each of the " + n
                            + " options, not " + q.votes().length);
                }
                for (int v : q.votes()) {
                    if (v < 0 && !p.allowNegative()) {
                        throw new Rejection(GovernanceCode.NEGATIVE_NOT_ALLOWED, "this vote does not allow votes against");
                    }
                }
            }
            case Approval a -> {
                requireMethod(p, Method.APPROVAL);
                distinctKnown(a.approved(), n, GovernanceCode.DUPLICATE_OPTION);
                if (a.approved().length > p.maxApprovals()) {
                    throw new Rejection(GovernanceCode.TOO_MANY_APPROVALS, "approve at most " + p.maxApprovals()
                            + " options, not " + a.approved().length);
                }
            }
            case Ranked r -> {
                requireMethod(p, Method.RANKED);
                if (r.ranking().length == 0) {
                    throw new Rejection(GovernanceCode.BAD_BALLOT, "a ranked ballot ranks at least one option");
                }
                distinctKnown(r.ranking(), n, GovernanceCode.DUPLICATE_OPTION);
            }
        }
    }

    private static void requireMethod(Proposal p, Method m) {
        if (p.method() != m) {
            throw new Rejection(GovernanceCode.BAD_BALLOT, "this proposal is decided by a " + p.method().json()
                    + " vote; the ballot is for " + m.json());
        }
    }

    private static void distinctKnown(int[] options, int n, GovernanceCode duplicate) {
        boolean[] seen = new boolean[n];
        for (int o : options) {
            if (o >= n) {
                throw new Rejection(GovernanceCode.UNKNOWN_OPTION, "option " + o + " does not exist; options are 0 to "
                        + (n - 1));
            }
            if (seen[o]) {
                throw new Rejection(duplicate, "option " + o + " appears twice");
            }
            seen[o] = true;
        }
    }
}

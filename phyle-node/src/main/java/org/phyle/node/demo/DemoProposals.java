package org.phyle.node.demo;

import org.phyle.core.charter.Amendments;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.phyle.core.canon.CanonTx;
import org.phyle.core.governance.Ballot;
import org.phyle.core.governance.GovernanceTx;
import org.phyle.core.proposals.Method;
import org.phyle.core.proposals.Threshold;
import org.phyle.node.loadgen.WeightedDraw;

/**
 * The demo's proposals, one finished and one open of each counting method, and how its citizens vote on them:
 * ballots drawn from a seeded random generator with a leaning per option, so that every demo shows the same
 * kind of result (a parameter change that passes and takes effect, a quadratic round with two clear winners, an
 * instant runoff that needs several rounds).
 */
final class DemoProposals {
    private DemoProposals() {
    }

    /** A proposal and how its voters lean: per option, the weight of picking it (for yes/no: yes, no, abstain). */
    record Plan(GovernanceTx.Propose terms, double[] leaning, double turnout) {
    }

    static final String WORKSHOP = "workshop";

    /** The article the founder writes in the Founding stage, which the citizens later entrench. */
    static final String MEMBERSHIP = "membership";
    static final String MEMBERSHIP_TEXT = "Anyone who shares our purpose may apply. Three citizens vouch for each "
            + "newcomer; nobody holds citizenship twice, and nobody can sell or give it away. Anyone may leave at any "
            + "time.";

    /** A citizen's essay for the canon. */
    static final CanonTx.Publish ESSAY = new CanonTx.Publish(CanonTx.Kind.ESSAY, "On neighbourliness",
            "A commons is not the tools or the rooms: it is the habit of asking who else needs them. We should "
                    + "measure the workshop by how many neighbours borrow from it, not by how much we own.",
            Optional.empty());

    /** A proposed article for the canon, which endorsements put to a vote and the citizens adopt. */
    static final CanonTx.Publish CANON_ARTICLE = new CanonTx.Publish(CanonTx.Kind.ARTICLE, "Mutual care",
            "Citizens look after one another: anyone in difficulty may ask the assembly for help, and the society "
                    + "keeps a fund for it, decided in the open.",
            Optional.of("article:care"));

    /** The citizens entrench the founder's membership article: a two-thirds vote is needed to change it later. */
    static final Plan ENTRENCH = new Plan(new GovernanceTx.Propose("Entrench the membership article",
            "Membership rules protect everyone; changing them later should need two thirds of us, not a bare majority.",
            "charter", "text", new Amendments.TextAmendment("article:" + MEMBERSHIP, MEMBERSHIP_TEXT, Optional.of(true)),
            Method.YES_NO, List.of(), 1, 0, false, Threshold.named("6667bp"), Optional.empty()),
            new double[] {0.80, 0.15, 0.05}, 0.50);

    /** How the citizens vote on the canon's article, once it is a proposal (its terms are made by the node). */
    static Plan canonVote() {
        return new Plan(new GovernanceTx.Propose(CANON_ARTICLE.title(), "", "charter", "signal", null,
                Method.YES_NO, List.of(), 1, 0, false, Threshold.named("majority"), Optional.empty()),
                new double[] {0.74, 0.20, 0.06}, 0.48);
    }

    static List<Plan> finished() {
        return List.of(
                new Plan(new GovernanceTx.Propose("Raise the quorum to 25%",
                        "Our votes have drawn more than half of us every time. A quorum of 25% instead of 20% makes "
                                + "sure no decision is taken by a small circle while most are away.",
                        "governance", "parameter", new Amendments.ParameterChange(Map.of("governance.quorumBp", "2500")),
                        Method.YES_NO, List.of(), 1, 0, false, Threshold.named("majority"), Optional.empty()),
                        new double[] {0.62, 0.30, 0.08}, 0.62),
                new Plan(new GovernanceTx.Propose("Workshop priorities for 2027",
                        "Spread your voice credits over what the workshop should do first. The two options with "
                                + "the most votes get the space on weekday evenings.",
                        WORKSHOP, "signal", null, Method.QUADRATIC,
                        List.of("Tools library", "Repair café", "Kids' coding club", "Community kitchen",
                                "Bike workshop"),
                        2, 0, false, Threshold.named("majority"), Optional.empty()),
                        new double[] {0.34, 0.27, 0.19, 0.12, 0.08}, 0.48),
                new Plan(new GovernanceTx.Propose("Opening days of the workshop",
                        "Approve every day you could volunteer or would come; the three most approved days open.",
                        WORKSHOP, "signal", null, Method.APPROVAL,
                        List.of("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
                        3, 4, false, Threshold.named("majority"), Optional.empty()),
                        new double[] {0.15, 0.35, 0.30, 0.45, 0.40, 0.70, 0.42}, 0.55),
                new Plan(new GovernanceTx.Propose("A name for the workshop",
                        "Rank the names you like, best first; the instant runoff eliminates the weakest until one "
                                + "has a majority.",
                        WORKSHOP, "signal", null, Method.RANKED,
                        List.of("Oficina Comum", "Mãos à Obra", "The Tool Shed", "Faz-Tu", "Casa das Ferramentas"),
                        1, 0, false, Threshold.named("majority"), Optional.empty()),
                        new double[] {0.26, 0.27, 0.12, 0.15, 0.20}, 0.58));
    }

    static List<Plan> open() {
        return List.of(
                new Plan(new GovernanceTx.Propose("Assemblies meet every month",
                        "Adds an article to the charter: a general assembly, online and in person at the workshop, "
                                + "on the first Saturday of every month.",
                        "charter", "text", new Amendments.TextAmendment("article:assemblies",
                        "A general assembly meets on the first Saturday of every month, online and at the workshop. "
                                + "Any citizen may put an item on its agenda."),
                        Method.YES_NO, List.of(), 1, 0, false, Threshold.named("two-thirds"), Optional.empty()),
                        new double[] {0.71, 0.22, 0.07}, 0.45),
                new Plan(new GovernanceTx.Propose("Public goods round: what to fund first",
                        "The commons fund's first round. Votes for and against (negative votes cost credits too).",
                        "treasury", "signal", null, Method.QUADRATIC,
                        List.of("Solar panels on the workshop", "Free Portuguese classes", "Neighbourhood food bank",
                                "Open-source booking app"),
                        1, 0, true, Threshold.named("majority"), Optional.empty()),
                        new double[] {0.33, 0.22, 0.30, 0.15}, 0.40),
                new Plan(new GovernanceTx.Propose("Summer festival: two activities",
                        "Approve the activities you would join; the two most approved happen in July.",
                        "events", "signal", null, Method.APPROVAL,
                        List.of("Street dinner", "Film nights", "Swap market", "Fado evening", "Kids' olympics"),
                        2, 3, false, Threshold.named("majority"), Optional.empty()),
                        new double[] {0.55, 0.30, 0.40, 0.45, 0.25}, 0.42),
                new Plan(new GovernanceTx.Propose("Where should our second territory be?",
                        "Rank the places where we should crowdfund our next building.",
                        "territory", "signal", null, Method.RANKED,
                        List.of("Porto", "Coimbra", "Madeira", "Azores", "Alentejo"),
                        1, 0, false, Threshold.named("majority"), Optional.empty()),
                        new double[] {0.30, 0.16, 0.22, 0.12, 0.20}, 0.44));
    }

    /** A ballot for one voter, leaning as the plan says. */
    static Ballot ballot(Plan plan, Random random) {
        GovernanceTx.Propose t = plan.terms();
        return switch (t.method()) {
            case YES_NO -> new Ballot.YesNo(Ballot.YesNo.Choice.values()[WeightedDraw.one(plan.leaning(), random)]);
            case QUADRATIC -> quadratic(plan, random);
            case APPROVAL -> approval(plan, random);
            case RANKED -> new Ballot.Ranked(WeightedDraw.order(plan.leaning(),
                    2 + random.nextInt(plan.leaning().length - 1), random));
        };
    }

    /** Up to three favourites with 3-7, 1-5 and 1-3 votes (at most 83 credits), and sometimes -1 to -3 against. */
    private static Ballot quadratic(Plan plan, Random random) {
        double[] w = plan.leaning();
        int[] votes = new int[w.length];
        int[] favourites = WeightedDraw.order(w, 1 + random.nextInt(Math.min(3, w.length)), random);
        int[][] ranges = {{3, 7}, {1, 5}, {1, 3}};
        for (int i = 0; i < favourites.length; i++) {
            votes[favourites[i]] = ranges[i][0] + random.nextInt(ranges[i][1] - ranges[i][0] + 1);
        }
        if (plan.terms().allowNegative() && random.nextDouble() < 0.3) {
            int[] all = WeightedDraw.order(w, w.length, random);
            int least = all[all.length - 1];
            if (votes[least] == 0) {
                votes[least] = -(1 + random.nextInt(3));
            }
        }
        return new Ballot.Quadratic(votes);
    }

    private static Ballot approval(Plan plan, Random random) {
        double[] w = plan.leaning();
        List<Integer> approved = new ArrayList<>();
        for (int i = 0; i < w.length; i++) {
            if (random.nextDouble() < w[i]) {
                approved.add(i);
            }
        }
        if (approved.isEmpty()) {
            approved.add(WeightedDraw.one(w, random));
        }
        while (approved.size() > plan.terms().maxApprovals()) {
            approved.remove(random.nextInt(approved.size()));
        }
        return new Ballot.Approval(approved.stream().mapToInt(Integer::intValue).toArray());
    }
}

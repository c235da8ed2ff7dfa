package org.phyle.node.loadgen;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.LongConsumer;
import org.phyle.core.governance.Ballot;
import org.phyle.core.proposals.Method;
import org.phyle.core.governance.Tally;
import org.phyle.core.governance.TallyResult;
import org.phyle.core.proposals.Threshold;

/**
 * Counting a large vote: N ballots of one method drawn from a seeded generator, counted several times by
 * {@link Tally#count}, the function the node and every auditor run when a vote closes. Preferences are skewed but
 * close, so that an instant runoff over ten candidates takes most of its nine possible rounds.
 */
public final class TallyBenchmark {
    private TallyBenchmark() {
    }

    /** Leanings for up to ten options: close enough that no one wins a ranked vote in the first rounds. */
    private static final double[] LEANING = {0.16, 0.15, 0.14, 0.12, 0.11, 0.10, 0.08, 0.06, 0.05, 0.03};

    public record Result(Method method, int ballots, int options, double bestMs, double medianMs, TallyResult tally) {
    }

    public static Tally.Rules rules(Method method, int ballots, int options) {
        return new Tally.Rules(method, method == Method.YES_NO ? 0 : options, method == Method.APPROVAL ? 3 : 1,
                Threshold.named("majority"), 2000, ballots + ballots / 4L);
    }

    /** N ballots of the method over the options (for yes/no, the options are ignored), reported as they are made. */
    public static List<Tally.Weighted> ballots(Method method, int n, int options, long seed, LongConsumer progress) {
        if (options < 1 || options > LEANING.length) {
            throw new IllegalArgumentException("between 1 and " + LEANING.length + " options, not " + options);
        }
        double[] leaning = Arrays.copyOf(LEANING, options);
        Random random = new Random(seed);
        List<Tally.Weighted> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Ballot b = switch (method) {
                case YES_NO -> new Ballot.YesNo(Ballot.YesNo.Choice.values()[random.nextInt(3)]);
                case QUADRATIC -> {
                    int[] votes = new int[options];
                    for (int o = 0; o < options; o++) {
                        votes[o] = random.nextInt(7) - 3; // at most 10 x 9 = 90 credits
                    }
                    yield new Ballot.Quadratic(votes);
                }
                case APPROVAL -> {
                    int[] picked = WeightedDraw.order(leaning, 1 + random.nextInt(options), random);
                    Arrays.sort(picked);
                    yield new Ballot.Approval(picked);
                }
                case RANKED -> new Ballot.Ranked(WeightedDraw.order(leaning, 1 + random.nextInt(options), random));
            };
            out.add(new Tally.Weighted(b, 1));
            if ((i + 1) % 100_000 == 0) {
                progress.accept(i + 1);
            }
        }
        progress.accept(n);
        return out;
    }

    /** Counts the ballots {@code repeats} times (after two uncounted warm-up runs); best and median wall time. */
    public static Result run(Method method, List<Tally.Weighted> ballots, int options, int repeats,
                             LongConsumer progress) {
        Tally.Rules rules = rules(method, ballots.size(), options);
        TallyResult result = null;
        for (int i = 0; i < 2; i++) {
            result = Tally.count(rules, ballots, 0, 0);
        }
        double[] ms = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            long t0 = System.nanoTime();
            TallyResult r = Tally.count(rules, ballots, 0, 0);
            ms[i] = (System.nanoTime() - t0) / 1e6;
            if (!r.equals(result)) {
                throw new IllegalStateException("the same ballots counted twice gave two tallies");
            }
            progress.accept(i + 1);
        }
        Arrays.sort(ms);
        return new Result(method, ballots.size(), options, ms[0], ms[repeats / 2], result);
    }
}

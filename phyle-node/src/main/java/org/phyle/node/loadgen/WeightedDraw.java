package org.phyle.node.loadgen;

import java.util.Random;

/** Draws options by weight, as a voter with leanings would: for generated ballots in the demo and in benchmarks. */
public final class WeightedDraw {
    private WeightedDraw() {
    }

    /** One option, with probability proportional to its weight. */
    public static int one(double[] weights, Random random) {
        return order(weights, 1, random)[0];
    }

    /** n distinct options, each drawn with probability proportional to its weight among those not yet drawn. */
    public static int[] order(double[] weights, int n, Random random) {
        if (n > weights.length) {
            throw new IllegalArgumentException(n + " distinct options out of " + weights.length);
        }
        boolean[] taken = new boolean[weights.length];
        double left = 0;
        for (double w : weights) {
            left += w;
        }
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            double r = random.nextDouble() * left;
            int pick = -1;
            for (int o = 0; o < weights.length; o++) {
                if (!taken[o]) {
                    pick = o;
                    r -= weights[o];
                    if (r < 0) {
                        break;
                    }
                }
            }
            taken[pick] = true;
            left -= weights[pick];
            out[i] = pick;
        }
        return out;
    }
}

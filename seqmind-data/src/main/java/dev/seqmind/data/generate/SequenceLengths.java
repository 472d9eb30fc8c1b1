package dev.seqmind.data.generate;

import java.util.SplittableRandom;

/**
 * How many events each user gets: {@code minLength} each, plus a share of the rest proportional to a skewed
 * weight. The shares are rounded by cumulative flooring, so they sum to exactly {@code events}. Stateless.
 */
final class SequenceLengths {
    private SequenceLengths() {
    }

    static int[] of(GeneratorConfig config) {
        int users = config.users();
        SplittableRandom rnd = new SplittableRandom(Seeds.mix(config.seed(), Seeds.LENGTHS));
        double[] w = new double[users];
        double skew = config.lengthSkew();
        if (config.lengths() == LengthDistribution.LOG_NORMAL) {
            for (int u = 0; u < users; u++) {
                w[u] = Math.exp(skew * rnd.nextGaussian());
            }
        } else {
            int[] rank = ItemUniverse.permutation(users, rnd);
            for (int u = 0; u < users; u++) {
                w[u] = Math.pow(rank[u] + 1.0, -skew);
            }
        }
        double total = 0;
        for (double x : w) {
            total += x;
        }
        long extra = config.events() - (long) config.minLength() * users;
        int[] lengths = new int[users];
        double cum = 0;
        long given = 0;
        for (int u = 0; u < users; u++) {
            cum += w[u];
            long upTo = u == users - 1 ? extra : Math.min(extra, (long) Math.floor(extra * (cum / total)));
            lengths[u] = config.minLength() + (int) (upTo - given);
            given = upTo;
        }
        return lengths;
    }
}

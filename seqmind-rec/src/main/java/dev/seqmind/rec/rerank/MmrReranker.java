package dev.seqmind.rec.rerank;

import dev.seqmind.data.error.InvalidParameterException;
import dev.seqmind.rec.rank.TopKSelector;

import java.util.Locale;
import java.util.Objects;

/**
 * Maximal marginal relevance (Carbonell and Goldstein, 1998) over a model's best items: from a pool of the
 * {@code poolSize} best-scored items, the list is built greedily, each step taking the item that maximises
 *
 * <pre>  lambda * relevance(i) - (1 - lambda) * max over listed j of similarity(i, j)</pre>
 *
 * <p>Relevance is the model score min-max scaled over the pool to {@code [0, 1]} (all 1 when the pool's scores are
 * equal), so lambda means the same for any model's score scale. {@code lambda = 1} keeps the model's order,
 * {@code lambda = 0} lists the pool's best item then always the item least like those already listed. Ties go to
 * the item earlier in the pool (higher score, then lower id), so results are deterministic. The greedy list is
 * prefix-stable: the first 10 of a 20-item list are the 10-item list.
 *
 * <p>Returned scores are the model's own scores of the listed items (no longer decreasing once re-ranked).
 * Immutable and thread-safe; {@link #rerank(float[], int, int, int[], int)} allocates its own buffers.
 */
public final class MmrReranker {
    /** Pool size when none is given: the 100 best items are reordered. */
    public static final int DEFAULT_POOL = 100;

    private final ItemSimilarity similarity;
    private final double lambda;
    private final int poolSize;

    /**
     * @param similarity how alike two items are
     * @param lambda     weight of relevance against diversity, in {@code [0, 1]}
     * @param poolSize   how many best-scored items are candidates (>= 1; lists longer than this are cut to it)
     */
    public MmrReranker(ItemSimilarity similarity, double lambda, int poolSize) {
        this.similarity = Objects.requireNonNull(similarity, "similarity");
        if (!(lambda >= 0 && lambda <= 1)) {
            throw new InvalidParameterException("lambda", lambda, "in [0, 1]", "1 keeps the model's order");
        }
        if (poolSize < 1) {
            throw new InvalidParameterException("poolSize", poolSize, ">= 1");
        }
        this.lambda = lambda;
        this.poolSize = poolSize;
    }

    public double lambda() {
        return lambda;
    }

    public int poolSize() {
        return poolSize;
    }

    /** A short tag for reports and model names, e.g. {@code "mmr0.7"}. */
    public String label() {
        return String.format(Locale.ROOT, "mmr%s", trim(lambda));
    }

    /**
     * The {@code k} items of the MMR list over {@code scores[0, n)}, never one of {@code exclude[0, excludeLength)}.
     * Items the model cannot score (-inf, NaN) are never listed.
     */
    public TopKSelector.Result rerank(float[] scores, int n, int k, int[] exclude, int excludeLength) {
        TopKSelector.Result pool = new TopKSelector().select(scores, n, Math.max(k, poolSize), exclude,
                excludeLength);
        return rerank(pool, k);
    }

    /**
     * Reorders {@code pool} (best first, as {@link TopKSelector} returns it; only its first {@code poolSize} items
     * are candidates) and keeps the first {@code k} items of the MMR list.
     */
    public TopKSelector.Result rerank(TopKSelector.Result pool, int k) {
        if (k < 0) {
            throw new IllegalArgumentException("k must be >= 0, but got " + k);
        }
        int m = Math.min(pool.size(), poolSize);
        int len = Math.min(k, m);
        int[] items = pool.items();
        float[] scores = pool.scores();
        if (lambda == 1.0 || len == 0) {
            return new TopKSelector.Result(java.util.Arrays.copyOf(items, len), java.util.Arrays.copyOf(scores, len));
        }
        double[] rel = relevance(scores, m);
        double[] maxSim = new double[m];
        boolean[] taken = new boolean[m];
        int[] outItems = new int[len];
        float[] outScores = new float[len];
        for (int step = 0; step < len; step++) {
            int best = -1;
            double bestValue = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < m; c++) {
                if (taken[c]) {
                    continue;
                }
                double value = lambda * rel[c] - (1 - lambda) * maxSim[c];
                if (value > bestValue) {
                    bestValue = value;
                    best = c;
                }
            }
            taken[best] = true;
            outItems[step] = items[best];
            outScores[step] = scores[best];
            for (int c = 0; c < m; c++) {
                if (!taken[c]) {
                    maxSim[c] = Math.max(maxSim[c], similarity.similarity(items[best], items[c]));
                }
            }
        }
        return new TopKSelector.Result(outItems, outScores);
    }

    private static double[] relevance(float[] scores, int m) {
        double max = scores[0];
        double min = scores[m - 1];
        double[] rel = new double[m];
        double range = max - min;
        for (int c = 0; c < m; c++) {
            if (!Double.isFinite(range)) {
                rel[c] = 1.0 - (double) c / m; // infinite scores: fall back to the rank
            } else {
                rel[c] = range > 0 ? (scores[c] - min) / range : 1.0;
            }
        }
        return rel;
    }

    private static String trim(double v) {
        String s = String.format(Locale.ROOT, "%.3f", v);
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    @Override
    public String toString() {
        return "MmrReranker[lambda=" + lambda + ", pool=" + poolSize + ", " + similarity.getClass().getSimpleName()
                + "]";
    }
}

package dev.seqmind.insight.segment;

import dev.seqmind.data.error.InvalidParameterException;
import dev.seqmind.data.progress.Progress;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Finds segments in standardised rows: tries every k in {@code [minK, maxK]} with {@link KMeans} on a seeded sample
 * of at most {@code chooseRows} rows, scores each by inertia and silhouette, takes the k of best silhouette (or
 * {@code fixedK} when given), then clusters all rows with that k. Immutable.
 *
 * @param minK          smallest k tried (at least 2: a silhouette needs two segments)
 * @param maxK          largest k tried
 * @param fixedK        0 to choose k from the data; otherwise the k to use (the scores are still shown)
 * @param kmeans        the k-means runs (restarts, iterations, seed)
 * @param chooseRows    rows sampled for choosing k
 * @param silhouetteRows rows sampled for each silhouette
 */
public record Segmenter(int minK, int maxK, int fixedK, KMeans kmeans, int chooseRows, int silhouetteRows) {
    public Segmenter {
        InvalidParameterException.requireInRange("minK", minK, 2, 100);
        InvalidParameterException.requireInRange("maxK", maxK, minK, 100);
        InvalidParameterException.requireInRange("fixedK", fixedK, 0, 1_000);
        InvalidParameterException.requireInRange("chooseRows", chooseRows, 10, Integer.MAX_VALUE);
        InvalidParameterException.requireInRange("silhouetteRows", silhouetteRows, 10, 100_000);
    }

    /** k from 2 to 10, 5 restarts of at most 100 iterations, 5,000 rows for choosing, 2,000 per silhouette. */
    public static Segmenter defaults(long seed) {
        return new Segmenter(2, 10, 0, new KMeans(5, 100, seed), 5_000, 2_000);
    }

    public Segmenter withK(int min, int max, int fixed) {
        return new Segmenter(min, max, fixed, kmeans, chooseRows, silhouetteRows);
    }

    /** The segments found and how k was chosen. */
    public record Result(KChoice choice, Clustering clustering, double silhouette) {
    }

    public Result segment(double[][] rows, Progress progress) {
        if (rows.length < 2) {
            throw new InvalidParameterException("rows", rows.length, ">= 2", "segments need at least two users");
        }
        int[] pick = Sampling.indices(rows.length, chooseRows, new SplittableRandom(kmeans.seed() ^ 0x5EED));
        double[][] sample = new double[pick.length][];
        for (int i = 0; i < pick.length; i++) {
            sample[i] = rows[pick[i]];
        }
        int hi = Math.min(maxK, sample.length - 1);
        List<KScore> scores = new ArrayList<>();
        try (Progress.Task task = progress.start("choose k", hi - minK + 2, "fits")) {
            for (int k = minK; k <= hi; k++) {
                Clustering c = kmeans.fit(sample, k);
                scores.add(new KScore(k, c.inertia(), Silhouette.sampled(sample, c.labels(), k, silhouetteRows,
                        kmeans.seed() + k)));
                task.advance(1);
            }
            int bySil = scores.stream().max((a, b) -> Double.compare(a.silhouette(), b.silhouette()))
                    .map(KScore::k).orElse(minK);
            int elbow = scores.isEmpty() ? bySil : KChoice.elbow(scores);
            int chosen = Math.min(fixedK > 0 ? fixedK : bySil, rows.length);
            Clustering all = kmeans.fit(rows, chosen);
            task.advance(1);
            double sil = Silhouette.sampled(rows, all.labels(), chosen, silhouetteRows, kmeans.seed() + 7919);
            return new Result(new KChoice(scores, bySil, elbow, chosen, sample.length), all, sil);
        }
    }
}

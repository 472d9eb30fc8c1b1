package dev.seqmind.insight.segment;

import java.util.List;

/**
 * The number of segments chosen from the data, with the evidence.
 *
 * @param scores         inertia and silhouette for every k tried, k ascending
 * @param bySilhouette   the k of highest mean silhouette (the choice used unless the caller fixes k)
 * @param byElbow        the elbow of the inertia curve: the k whose point lies farthest below the straight line
 *                       from the first to the last point, both axes scaled to [0, 1]
 * @param chosen         the k used
 * @param rowsForChoosing rows the scores were computed on (a seeded sample of large inputs)
 */
public record KChoice(List<KScore> scores, int bySilhouette, int byElbow, int chosen, int rowsForChoosing) {
    public KChoice {
        scores = List.copyOf(scores);
    }

    /** The elbow of {@code scores} (k ascending, at least one). */
    static int elbow(List<KScore> scores) {
        int n = scores.size();
        if (n <= 2) {
            return scores.get(0).k();
        }
        KScore first = scores.get(0);
        KScore last = scores.get(n - 1);
        double dk = last.k() - first.k();
        double di = first.inertia() - last.inertia();
        int best = first.k();
        double bestGap = 0;
        for (KScore s : scores) {
            double x = (s.k() - first.k()) / dk;
            double y = di == 0 ? 0 : (first.inertia() - s.inertia()) / di; // share of the total drop achieved
            double gap = y - x;
            if (gap > bestGap) {
                bestGap = gap;
                best = s.k();
            }
        }
        return best;
    }
}

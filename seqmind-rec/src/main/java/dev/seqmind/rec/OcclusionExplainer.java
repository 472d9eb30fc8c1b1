package dev.seqmind.rec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Explains a recommendation of any {@link Recommender} by occlusion: the history is scored again without each of its
 * most recent items (one {@link Recommender#scoreBatch} call, shared by every item of a top-K list), and the items
 * whose removal lowers the recommended item's score the most are the evidence. Unlike attention weights it measures what the score actually depends on,
 * and it needs nothing from the model but scores, so neural models get the same kind of explanation. Confidence is
 * the share of the total score drop that the named items account for. Immutable and thread-safe.
 */
public final class OcclusionExplainer {
    private final int recentItems;
    private final int maxEvidence;

    /**
     * @param recentItems  most recent history positions to occlude (one extra scored history each)
     * @param maxEvidence  items named at most
     */
    public OcclusionExplainer(int recentItems, int maxEvidence) {
        if (recentItems < 1 || maxEvidence < 1) {
            throw new IllegalArgumentException("recentItems and maxEvidence must be >= 1");
        }
        this.recentItems = recentItems;
        this.maxEvidence = maxEvidence;
    }

    /** The last 10 items occluded, up to 3 named. */
    public static OcclusionExplainer defaults() {
        return new OcclusionExplainer(10, 3);
    }

    public Explanation explain(Recommender model, int[] history, int item) {
        return explainAll(model, history, new int[] {item}).getFirst();
    }

    /**
     * Explanations of each of {@code items} after {@code history}, in their order, from one scored batch: the
     * occluded histories are the same whichever item is explained.
     */
    public List<Explanation> explainAll(Recommender model, int[] history, int[] items) {
        int n = model.numItems();
        if (history.length == 0) {
            return java.util.Collections.nCopies(items.length, Explanation.NONE);
        }
        int m = Math.min(recentItems, history.length);
        int[][] variants = new int[m + 1][];
        variants[0] = history;
        for (int j = 1; j <= m; j++) {
            variants[j] = without(history, history.length - j); // the j-th most recent position
        }
        float[][] scores = new float[m + 1][n];
        model.scoreBatch(variants, scores);
        List<Explanation> out = new ArrayList<>(items.length);
        for (int item : items) {
            out.add(item < 0 || item >= n ? Explanation.NONE : fromScores(model, history, item, scores, m));
        }
        return out;
    }

    /** The explanation of {@code item} given the scores of the history ({@code scores[0]}) and its occlusions. */
    private Explanation fromScores(Recommender model, int[] history, int item, float[][] scores, int m) {
        int n = model.numItems();
        float base = scores[0][item];
        Integer[] byDrop = new Integer[m];
        double totalDrop = 0;
        for (int j = 1; j <= m; j++) {
            byDrop[j - 1] = j;
            totalDrop += Math.max(0, base - scores[j][item]);
        }
        Arrays.sort(byDrop, (a, b) -> Float.compare(scores[a][item], scores[b][item]));
        List<Integer> evidence = new ArrayList<>(maxEvidence);
        StringBuilder text = new StringBuilder();
        double explained = 0;
        for (int k = 0; k < m && evidence.size() < maxEvidence; k++) {
            int j = byDrop[k];
            float drop = base - scores[j][item];
            if (drop <= 0) {
                break;
            }
            int past = history[history.length - j];
            if (past < 0 || past >= n) {
                continue; // ids the model does not know are ignored by its scores; never evidence
            }
            evidence.add(past);
            explained += drop;
            text.append(text.isEmpty() ? "driven by " : ", ").append(String.format(Locale.ROOT,
                    "%s (score %.2f lower without it)", model.items().externalId(past), drop));
        }
        if (evidence.isEmpty()) {
            return new Explanation("sequence", "no single recent item raises it; the history as a whole does",
                    List.of(), Double.NaN);
        }
        return new Explanation("occlusion", text.toString(), evidence, explained / totalDrop);
    }

    private static int[] without(int[] history, int position) {
        int[] v = new int[history.length - 1];
        System.arraycopy(history, 0, v, 0, position);
        System.arraycopy(history, position + 1, v, position, history.length - position - 1);
        return v;
    }
}

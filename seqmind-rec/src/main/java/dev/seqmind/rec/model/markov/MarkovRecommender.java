package dev.seqmind.rec.model.markov;

import dev.seqmind.data.model.IdMap;
import dev.seqmind.rec.Explanation;
import dev.seqmind.rec.model.BaseScoreRecommender;
import dev.seqmind.rec.model.blend.NextItemProbabilities;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Scores by back-off over context lengths. With {@code p = count(context, item) / count(context)} for the longest
 * trusted context (at most {@code order} last items) that was followed by the item, the score is
 * {@code 2k + p + pop(item) / (count(context) + 1)}: every item seen after a longer context ranks above every item
 * seen only after shorter ones, items seen after no context rank by training popularity ({@code [0, 1)}), and the
 * popularity term breaks ties within a tier without ever reordering different counts.
 *
 * <p>As a distribution ({@link #probabilities}), the same longest trusted context gives
 * {@code (1 - e) p + e pop(item) / sum(pop)} with {@code e = 1 / (count(context) + 1)}: the transition shares, backed
 * off to training popularity as much as the context is rare; with no trusted context, popularity alone.
 *
 * <p>Immutable and thread-safe.
 */
public final class MarkovRecommender extends BaseScoreRecommender implements NextItemProbabilities {
    private final TransitionTable[] tables;
    private final int minContextCount;
    private final double popularitySum;

    MarkovRecommender(String name, IdMap items, TransitionTable[] tables, float[] popularity, int minContextCount) {
        super(name, items, popularity);
        this.tables = tables;
        this.minContextCount = minContextCount;
        double sum = 0;
        for (float p : popularity) {
            sum += p;
        }
        this.popularitySum = sum;
    }

    /**
     * A model from tables counted elsewhere (a cluster job): {@code tables[k - 1]} has order {@code k}, and
     * {@code popularity} is the back-off score per item as {@link MarkovTrainer#fit} computes it.
     */
    public static MarkovRecommender of(String name, IdMap items, TransitionTable[] tables, float[] popularity,
                                       int minContextCount) {
        for (int k = 1; k <= tables.length; k++) {
            if (tables[k - 1].order() != k) {
                throw new IllegalArgumentException("table " + k + " has order " + tables[k - 1].order());
            }
        }
        if (popularity.length != items.size()) {
            throw new IllegalArgumentException(popularity.length + " popularity scores for " + items.size()
                    + " items");
        }
        return new MarkovRecommender(name, items, tables.clone(), popularity, minContextCount);
    }

    public int order() {
        return tables.length;
    }

    public int minContextCount() {
        return minContextCount;
    }

    /** Number of distinct contexts of length {@code k} seen in training. */
    public int numContexts(int k) {
        return tables[k - 1].numContexts();
    }

    TransitionTable table(int k) {
        return tables[k - 1];
    }

    float[] popularity() {
        return baseScores();
    }

    @Override
    public void score(int[] history, float[] out) {
        fillBaseScores(out);
        final float[] popularity = baseScores();
        for (int k = 1; k <= tables.length; k++) {
            TransitionTable t = tables[k - 1];
            int row = trustedRow(t, history);
            if (row < 0) {
                continue;
            }
            final int[] next = t.next;
            final float total = t.weightTotal(row);
            final float tieScale = 1f / (t.totals[row] + 1f);
            final float tier = 2f * k;
            for (int i = t.rowStart[row], end = t.rowStart[row + 1]; i < end; i++) {
                int item = next[i];
                out[item] = tier + t.weight(i) / total + popularity[item] * tieScale;
            }
        }
    }

    /** The row of {@code t}'s context ending {@code history}, or -1 when unseen or seen too rarely to trust. */
    private int trustedRow(TransitionTable t, int[] history) {
        int row = t.row(history, history.length);
        return row < 0 || t.totals[row] < minContextCount ? -1 : row;
    }

    @Override
    public void probabilities(int[] history, float[] out) {
        int n = numItems();
        if (out.length < n) {
            throw new IllegalArgumentException("out has length " + out.length + " < " + n + " items");
        }
        for (int k = tables.length; k >= 1; k--) {
            TransitionTable t = tables[k - 1];
            int row = trustedRow(t, history);
            if (row < 0) {
                continue;
            }
            double backOff = 1.0 / (t.totals[row] + 1.0);
            fillPopularity(out, n, backOff);
            double total = t.weightTotal(row);
            for (int i = t.rowStart[row], end = t.rowStart[row + 1]; i < end; i++) {
                out[t.next[i]] += (float) ((1 - backOff) * t.weight(i) / total);
            }
            return;
        }
        fillPopularity(out, n, 1.0);
    }

    /** {@code out[i] = share * pop(i) / sum(pop)}; uniform when training had no events. */
    private void fillPopularity(float[] out, int n, double share) {
        float[] popularity = baseScores();
        for (int i = 0; i < n; i++) {
            out[i] = popularitySum > 0 ? (float) (share * popularity[i] / popularitySum) : (float) (share / n);
        }
    }

    @Override
    public Explanation explain(int[] history, int item) {
        int len = history.length;
        for (int k = tables.length; k >= 1; k--) {
            TransitionTable t = tables[k - 1];
            int row = trustedRow(t, history);
            if (row < 0) {
                continue;
            }
            for (int i = t.rowStart[row]; i < t.rowStart[row + 1]; i++) {
                if (t.next[i] == item) {
                    List<Integer> ctx = new ArrayList<>(k);
                    StringBuilder names = new StringBuilder();
                    for (int j = len - k; j < len; j++) {
                        ctx.add(history[j]);
                        names.append(names.isEmpty() ? "" : ", ").append(items().externalId(history[j]));
                    }
                    double conf = (double) t.weight(i) / t.weightTotal(row);
                    String text = String.format(Locale.ROOT, "after [%s] -> %s in %d of %d cases (%s %.3f)",
                            names, items().externalId(item), t.counts[i], t.totals[row],
                            t.weights == null ? "confidence" : "action-weighted confidence", conf);
                    return new Explanation("transition", text, ctx, conf);
                }
            }
        }
        return new Explanation("popularity", "popular in training (no known transition from the history)",
                List.of(), Double.NaN);
    }
}

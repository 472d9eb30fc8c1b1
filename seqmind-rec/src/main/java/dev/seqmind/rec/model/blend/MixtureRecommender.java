package dev.seqmind.rec.model.blend;

import dev.seqmind.data.model.IdMap;
import dev.seqmind.rec.Explanation;
import dev.seqmind.rec.Recommender;

import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * A weighted mixture of next-item distributions: {@code score(i) = log sum_c w_c P_c(i | history)}, with each
 * component's {@code P_c} its own distribution ({@link NextItemProbabilities}) or a softmax of its scores (a neural
 * model's logits). A mixture of distributions rather than a sum of raw scores, because the components' scores live
 * on unrelated scales (logits, Markov tiers). Items every weighted component gives probability 0 score {@code -inf}.
 *
 * <p>Immutable and thread-safe when its components are. The components belong to the caller, who closes them;
 * {@link #close()} does nothing.
 */
public final class MixtureRecommender implements Recommender {
    private final List<ProbabilityMemo> components;
    private final double[] weights;
    private final String name;

    /**
     * @param components the models, each behind a memo ({@link ProbabilityMemo#none} to keep nothing)
     * @param weights    one non-negative weight a component, not all 0; normalised to sum to 1
     * @throws IllegalArgumentException on a count mismatch, a negative or all-zero weight, or components that score
     *                                  different item spaces
     */
    public MixtureRecommender(List<ProbabilityMemo> components, double[] weights) {
        if (components.isEmpty() || components.size() != weights.length) {
            throw new IllegalArgumentException(weights.length + " weights for " + components.size() + " components");
        }
        double sum = 0;
        for (double w : weights) {
            if (!(w >= 0) || Double.isInfinite(w)) {
                throw new IllegalArgumentException("weight " + w + " is not a finite number >= 0");
            }
            sum += w;
        }
        if (sum == 0) {
            throw new IllegalArgumentException("all weights are 0");
        }
        int n = components.get(0).model().numItems();
        for (ProbabilityMemo c : components) {
            if (c.model().numItems() != n) {
                throw new IllegalArgumentException(c.model().name() + " scores " + c.model().numItems()
                        + " items, " + components.get(0).model().name() + " " + n);
            }
        }
        this.components = List.copyOf(components);
        this.weights = new double[weights.length];
        StringJoiner label = new StringJoiner(" + ", "blend(", ")");
        for (int c = 0; c < weights.length; c++) {
            this.weights[c] = weights[c] / sum;
            label.add(String.format(Locale.ROOT, "%s %.3g", components.get(c).model().name(), this.weights[c]));
        }
        this.name = label.toString();
    }

    /** The normalised weights, in component order. */
    public double[] weights() {
        return weights.clone();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public IdMap items() {
        return components.get(0).model().items();
    }

    @Override
    public void score(int[] history, float[] out) {
        scoreBatch(new int[][]{history}, new float[][]{out});
    }

    @Override
    public void scoreBatch(int[][] histories, float[][] out) {
        int n = numItems();
        for (float[] row : out) {
            if (row.length < n) {
                throw new IllegalArgumentException("out has length " + row.length + " < " + n + " items");
            }
        }
        double[][] mix = new double[histories.length][n];
        for (int c = 0; c < components.size(); c++) {
            if (weights[c] == 0) {
                continue;
            }
            float[][] p = components.get(c).probabilities(histories);
            for (int h = 0; h < histories.length; h++) {
                double[] m = mix[h];
                float[] ph = p[h];
                for (int i = 0; i < n; i++) {
                    m[i] += weights[c] * ph[i];
                }
            }
        }
        for (int h = 0; h < histories.length; h++) {
            for (int i = 0; i < n; i++) {
                double m = mix[h][i];
                out[h][i] = m > 0 ? (float) Math.log(m) : Float.NEGATIVE_INFINITY;
            }
        }
    }

    /** The explanation of the component that contributes most of the item's mixed probability. */
    @Override
    public Explanation explain(int[] history, int item) {
        return explainAll(history, new int[]{item}).get(0);
    }

    /** {@link #explain} for each item, with every component's distribution computed once for the history. */
    @Override
    public List<Explanation> explainAll(int[] history, int[] items) {
        float[][] p = new float[components.size()][];
        for (int c = 0; c < components.size(); c++) {
            if (weights[c] > 0) {
                p[c] = components.get(c).probabilities(new int[][]{history})[0];
            }
        }
        List<Explanation> out = new java.util.ArrayList<>(items.length);
        for (int item : items) {
            int best = -1;
            double bestShare = -1;
            for (int c = 0; c < components.size(); c++) {
                if (p[c] != null && weights[c] * p[c][item] > bestShare) {
                    bestShare = weights[c] * p[c][item];
                    best = c;
                }
            }
            out.add(components.get(best).model().explain(history, item));
        }
        return out;
    }
}

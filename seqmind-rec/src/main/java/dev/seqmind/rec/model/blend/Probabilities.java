package dev.seqmind.rec.model.blend;

import dev.seqmind.rec.Recommender;

/** Next-item distributions from any model: its own ({@link NextItemProbabilities}) or a softmax of its scores. */
final class Probabilities {
    private Probabilities() {
    }

    /** {@code out[i]} becomes the distribution after {@code histories[i]}; rows have {@code model.numItems()} cells. */
    static void fill(Recommender model, int[][] histories, float[][] out) {
        if (model instanceof NextItemProbabilities p) {
            for (int i = 0; i < histories.length; i++) {
                p.probabilities(histories[i], out[i]);
            }
            return;
        }
        model.scoreBatch(histories, out);
        int n = model.numItems();
        for (float[] row : out) {
            softmaxInPlace(row, n);
        }
    }

    /**
     * Softmax over {@code row[0, n)}; {@code -inf} cells get 0. A row with no finite score becomes all zeros: the
     * model offers nothing, and a mixture then ranks by its other components.
     */
    static void softmaxInPlace(float[] row, int n) {
        float max = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            if (row[i] > max && row[i] != Float.POSITIVE_INFINITY) {
                max = row[i];
            }
        }
        if (max == Float.NEGATIVE_INFINITY) {
            java.util.Arrays.fill(row, 0, n, 0f);
            return;
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            float e = row[i] == Float.NEGATIVE_INFINITY ? 0f : (float) Math.exp(row[i] - max);
            row[i] = e;
            sum += e;
        }
        float inv = (float) (1.0 / sum);
        for (int i = 0; i < n; i++) {
            row[i] *= inv;
        }
    }
}

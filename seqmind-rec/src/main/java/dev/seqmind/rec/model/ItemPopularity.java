package dev.seqmind.rec.model;

import dev.seqmind.data.model.SequenceDataset;

/**
 * Popularity over the training events only, as scores in {@code [0, 1)}: {@code count / (maxCount + 1)}. Back-off
 * models add it below their own score tiers so that ties are broken by popularity, never by id alone.
 */
public final class ItemPopularity {
    private ItemPopularity() {
    }

    /** Event counts per item of {@code train}, scaled into {@code [0, 1)}; a fresh array. */
    public static float[] backOffScores(SequenceDataset train) {
        return scale(train.itemCounts());
    }

    /** {@code counts[i] / (max + 1)}: keeps the order of counts and stays below 1. */
    public static float[] scale(int[] counts) {
        long max = 0;
        for (int c : counts) {
            max = Math.max(max, c);
        }
        float[] out = new float[counts.length];
        double denom = max + 1.0;
        for (int i = 0; i < counts.length; i++) {
            out[i] = (float) (counts[i] / denom);
        }
        return out;
    }

    /** {@code weights[i] / (max + 1)} for summed event weights (at least 1 per weighted event is not assumed). */
    public static float[] scale(float[] weights) {
        double max = 0;
        for (float w : weights) {
            max = Math.max(max, w);
        }
        float[] out = new float[weights.length];
        double denom = max + 1.0;
        for (int i = 0; i < weights.length; i++) {
            out[i] = (float) (weights[i] / denom);
        }
        return out;
    }
}

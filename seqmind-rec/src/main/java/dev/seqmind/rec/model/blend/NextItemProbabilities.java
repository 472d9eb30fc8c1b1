package dev.seqmind.rec.model.blend;

/**
 * A model that defines a proper next-item distribution, where a softmax of its ranking scores would not (scores
 * built from tiers or counts). Mixtures use it in place of the softmax.
 */
public interface NextItemProbabilities {
    /**
     * Writes {@code P(item | history)} for every item into {@code out[0, numItems)}: non-negative, summing to 1
     * (to float rounding).
     */
    void probabilities(int[] history, float[] out);
}

package dev.seqmind.neural.text;

/**
 * Mined rules as per-item evidence for a history: the highest confidence of a fired rule predicting each item, 0
 * for items no rule predicts. Implementations are thread-safe.
 */
@FunctionalInterface
public interface NextItemRules {
    /** No rules: every item 0. */
    NextItemRules NONE = (history, out) -> java.util.Arrays.fill(out, 0f);

    /** Writes each item's rule confidence (in [0, 1]) into {@code out[0, numItems)}. */
    void confidences(int[] history, float[] out);
}

package dev.seqmind.rec;

import dev.seqmind.data.model.IdMap;
import dev.seqmind.rec.topk.TopKSelector;

import java.util.ArrayList;
import java.util.List;

/**
 * A fitted next-item model: given any history (dense item ids of the training dataset's item map, oldest first),
 * scores every item. Higher is better; items the model cannot score get {@link Float#NEGATIVE_INFINITY}.
 *
 * <p>Implementations are immutable and thread-safe, so a server can share one across request threads and swap it
 * whole. Histories may belong to users never seen in training; item ids outside {@code [0, numItems)} must be
 * dropped by the caller ({@link #items()} maps external ids).
 */
public interface Recommender {
    /** A short name for reports, e.g. "markov-1". */
    String name();

    /** The item id space the model scores (the training dataset's item map). */
    IdMap items();

    default int numItems() {
        return items().size();
    }

    /**
     * Writes a score for every item into {@code out[0, numItems)}. Must not keep a reference to either array.
     *
     * @throws IllegalArgumentException if {@code out.length < numItems()}
     */
    void score(int[] history, float[] out);

    /** Scores several histories; models with batched inference (neural ones) override this. */
    default void scoreBatch(int[][] histories, float[][] out) {
        for (int i = 0; i < histories.length; i++) {
            score(histories[i], out[i]);
        }
    }

    /**
     * The {@code k} best items after {@code history}, never one of {@code exclude} (dense ids; pass the history to
     * leave out seen items, or an empty array). Best first; equal scores go to the lower item id; items scored
     * {@code -inf} are never returned, so the result may be shorter than {@code k}. Allocates its own buffers.
     */
    default TopKSelector.Result topK(int[] history, int k, int[] exclude) {
        float[] scores = new float[numItems()];
        score(history, scores);
        return new TopKSelector().select(scores, scores.length, k, exclude, exclude.length);
    }

    /** Why {@code item} is recommended after {@code history}; {@link Explanation#NONE} when the model cannot say. */
    default Explanation explain(int[] history, int item) {
        return Explanation.NONE;
    }

    /**
     * {@link #explain} for each of {@code items}, in their order. Models whose explanations rescore the history
     * override it to share that work across the items (a top-K list explained in one pass).
     */
    default List<Explanation> explainAll(int[] history, int[] items) {
        List<Explanation> out = new ArrayList<>(items.length);
        for (int item : items) {
            out.add(explain(history, item));
        }
        return out;
    }
}

package dev.seqmind.rec;

import dev.seqmind.data.model.IdMap;
import dev.seqmind.rec.rank.TopKSelector;

import java.util.ArrayList;
import java.util.List;

/**
 * A fitted next-item model: given any history (dense item ids of the training dataset's item map, oldest first),
 * scores every item. Higher is better; items the model cannot score get {@link Float#NEGATIVE_INFINITY}.
 *
 * <p>Implementations are immutable and thread-safe, so a server can share one across request threads and swap it
 * whole. Histories may belong to users never seen in training; item ids outside {@code [0, numItems)} must be
 * dropped by the caller ({@link #items()} maps external ids).
 *
 * <p>A model may hold native memory (neural models on the engine): whoever loaded it calls {@link #close()} when it
 * is retired (a server after swapping in another one, once no request uses it). Classic models hold only heap
 * arrays and close as a no-op. Calls after close are undefined.
 */
public interface Recommender extends AutoCloseable {
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

    /**
     * Scores only {@code candidates} (dense ids): {@code out[i]} is the score of {@code candidates[i]}, and
     * {@link Float#NEGATIVE_INFINITY} for ids outside {@code [0, numItems)}. Same scores as {@link #score}; models
     * that can score a subset cheaper than the whole catalogue override it.
     *
     * @throws IllegalArgumentException if {@code out.length < candidates.length}
     */
    default void scoreCandidates(int[] history, int[] candidates, float[] out) {
        if (out.length < candidates.length) {
            throw new IllegalArgumentException("out has length " + out.length + " < " + candidates.length
                    + " candidates");
        }
        int n = numItems();
        float[] all = new float[n];
        score(history, all);
        for (int i = 0; i < candidates.length; i++) {
            int c = candidates[i];
            out[i] = c >= 0 && c < n ? all[c] : Float.NEGATIVE_INFINITY;
        }
    }

    /** Frees what the model holds outside the Java heap; a no-op by default. Idempotent. */
    @Override
    default void close() {
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

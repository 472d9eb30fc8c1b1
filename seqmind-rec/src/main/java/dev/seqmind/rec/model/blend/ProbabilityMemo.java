package dev.seqmind.rec.model.blend;

import dev.seqmind.rec.Recommender;

import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One component's next-item distributions, kept per history (by content) up to a byte budget, so that evaluating a
 * grid of mixture weights on the same cases scores each component once. Past the budget, distributions are computed
 * and not kept. Thread-safe; a memo with budget 0 keeps nothing.
 */
public final class ProbabilityMemo {
    private final Recommender model;
    private final long budgetBytes;
    private final AtomicLong usedBytes = new AtomicLong();
    private final ConcurrentHashMap<HistoryKey, float[]> kept = new ConcurrentHashMap<>();

    /** A history compared by content. */
    private record HistoryKey(int[] items) {
        @Override
        public boolean equals(Object o) {
            return o instanceof HistoryKey k && Arrays.equals(items, k.items);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(items);
        }
    }

    public ProbabilityMemo(Recommender model, long budgetBytes) {
        if (budgetBytes < 0) {
            throw new IllegalArgumentException("budgetBytes " + budgetBytes + " < 0");
        }
        this.model = model;
        this.budgetBytes = budgetBytes;
    }

    /** A memo that keeps nothing: every call scores the model. */
    public static ProbabilityMemo none(Recommender model) {
        return new ProbabilityMemo(model, 0);
    }

    public Recommender model() {
        return model;
    }

    /** The distributions after each of {@code histories}; rows may be shared with later calls: read, never write. */
    float[][] probabilities(int[][] histories) {
        int n = model.numItems();
        float[][] out = new float[histories.length][];
        int missing = 0;
        for (int i = 0; i < histories.length; i++) {
            out[i] = kept.get(new HistoryKey(histories[i]));
            if (out[i] == null) {
                missing++;
            }
        }
        if (missing == 0) {
            return out;
        }
        int[][] todo = new int[missing][];
        int[] where = new int[missing];
        for (int i = 0, j = 0; i < histories.length; i++) {
            if (out[i] == null) {
                todo[j] = histories[i];
                where[j++] = i;
            }
        }
        float[][] computed = new float[missing][n];
        Probabilities.fill(model, todo, computed);
        long rowBytes = 4L * n + 16;
        for (int j = 0; j < missing; j++) {
            out[where[j]] = computed[j];
            if (usedBytes.get() + rowBytes <= budgetBytes) {
                usedBytes.addAndGet(rowBytes);
                kept.putIfAbsent(new HistoryKey(todo[j].clone()), computed[j]);
            }
        }
        return out;
    }
}

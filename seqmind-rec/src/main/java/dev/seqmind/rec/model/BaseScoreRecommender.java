package dev.seqmind.rec.model;

import dev.seqmind.data.model.IdMap;
import dev.seqmind.rec.Recommender;

import java.util.Objects;

/**
 * The part the classic models share: a name, the item map they score, and one base score per item that every
 * {@link #score} starts from (the popularity weights themselves, or the popularity back-off the other models rank
 * unmatched items by). Subclasses add their evidence on top of {@link #fillBaseScores}.
 *
 * <p>Invariants: {@code name} and {@code items} are never null and {@code baseScores.length == items.size()}. The
 * array is adopted, never copied nor exposed outside the model's family; subclasses must keep it unchanged, so
 * instances stay immutable and thread-safe.
 */
public abstract class BaseScoreRecommender implements Recommender {
    private final String name;
    private final IdMap items;
    private final float[] baseScores;

    /**
     * @param baseScores one score per dense item id; adopted
     * @throws IllegalArgumentException if {@code baseScores.length != items.size()}
     */
    protected BaseScoreRecommender(String name, IdMap items, float[] baseScores) {
        this.name = Objects.requireNonNull(name, "name");
        this.items = Objects.requireNonNull(items, "items");
        if (baseScores.length != items.size()) {
            throw new IllegalArgumentException(baseScores.length + " base scores for " + items.size() + " items");
        }
        this.baseScores = baseScores;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final IdMap items() {
        return items;
    }

    /** The adopted per-item base scores; callers must not modify the array. */
    protected final float[] baseScores() {
        return baseScores;
    }

    /**
     * Copies the base scores into {@code out[0, numItems)}.
     *
     * @throws IllegalArgumentException if {@code out.length < numItems()}
     */
    protected final void fillBaseScores(float[] out) {
        int n = baseScores.length;
        if (out.length < n) {
            throw new IllegalArgumentException("out has length " + out.length + " for " + n + " items");
        }
        System.arraycopy(baseScores, 0, out, 0, n);
    }
}

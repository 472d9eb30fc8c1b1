package dev.seqmind.rec.model.pop;

import dev.seqmind.data.model.IdMap;
import dev.seqmind.rec.Explanation;
import dev.seqmind.rec.Recommender;

import java.util.List;
import java.util.Objects;

/**
 * Scores every item by a fixed popularity weight, whatever the history. Immutable and thread-safe; the weight array
 * is adopted, never exposed.
 */
public final class PopularityRecommender implements Recommender {
    private final String name;
    private final IdMap items;
    private final float[] weights;
    private final double halfLife;

    /**
     * @param name      "pop" or "recent-pop"
     * @param weights   per dense item id; adopted
     * @param halfLife  the decay half-life in dataset time units, or 0 for plain counts
     */
    public PopularityRecommender(String name, IdMap items, float[] weights, double halfLife) {
        this.name = Objects.requireNonNull(name, "name");
        this.items = Objects.requireNonNull(items, "items");
        if (weights.length != items.size()) {
            throw new IllegalArgumentException(weights.length + " weights for " + items.size() + " items");
        }
        this.weights = weights;
        this.halfLife = halfLife;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public IdMap items() {
        return items;
    }

    /** The decay half-life in dataset time units; 0 for plain counts. */
    public double halfLife() {
        return halfLife;
    }

    float[] weights() {
        return weights;
    }

    @Override
    public void score(int[] history, float[] out) {
        if (out.length < weights.length) {
            throw new IllegalArgumentException("out has length " + out.length + " for " + weights.length + " items");
        }
        System.arraycopy(weights, 0, out, 0, weights.length);
    }

    @Override
    public Explanation explain(int[] history, int item) {
        String what = halfLife > 0 ? "recently popular (time-decayed weight " : "popular (training events ";
        String value = halfLife > 0 ? String.format(java.util.Locale.ROOT, "%.2f", weights[item])
                : Long.toString(Math.round(weights[item]));
        return new Explanation("popularity", what + value + ")", List.of(), Double.NaN);
    }
}

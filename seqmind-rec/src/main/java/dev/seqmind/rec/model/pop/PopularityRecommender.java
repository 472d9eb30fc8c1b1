package dev.seqmind.rec.model.pop;

import dev.seqmind.data.model.IdMap;
import dev.seqmind.rec.Explanation;
import dev.seqmind.rec.model.BaseScoreRecommender;

import java.util.List;
import java.util.Locale;

/**
 * Scores every item by a fixed popularity weight, whatever the history. Immutable and thread-safe; the weight array
 * is adopted, never exposed.
 */
public final class PopularityRecommender extends BaseScoreRecommender {
    private final double halfLife;

    /**
     * @param name      "pop" or "recent-pop"
     * @param weights   per dense item id; adopted
     * @param halfLife  the decay half-life in dataset time units, or 0 for plain counts
     */
    public PopularityRecommender(String name, IdMap items, float[] weights, double halfLife) {
        super(name, items, weights);
        this.halfLife = halfLife;
    }

    /** The decay half-life in dataset time units; 0 for plain counts. */
    public double halfLife() {
        return halfLife;
    }

    float[] weights() {
        return baseScores();
    }

    @Override
    public void score(int[] history, float[] out) {
        fillBaseScores(out);
    }

    @Override
    public Explanation explain(int[] history, int item) {
        float[] weights = baseScores();
        String what = halfLife > 0 ? "recently popular (time-decayed weight " : "popular (training events ";
        String value = halfLife > 0 ? String.format(Locale.ROOT, "%.2f", weights[item])
                : Long.toString(Math.round(weights[item]));
        return new Explanation("popularity", what + value + ")", List.of(), Double.NaN);
    }
}

package dev.seqmind.rec.model.pop;

import dev.seqmind.data.error.InvalidParameterException;
import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.rec.FitContext;
import dev.seqmind.rec.Recommender;
import dev.seqmind.rec.RecommenderTrainer;
import dev.seqmind.rec.model.ActionWeights;

/**
 * Recently popular: each training event weighs {@code 0.5^((tLast - t) / halfLife)}, where {@code tLast} is the
 * latest training time, so an event one half-life older counts half as much; times its action's weight.
 *
 * @param halfLife          the half-life in the dataset's time unit (milliseconds for epoch times, positions for
 *                          ordinal times); 0 means "{@code halfLifeFraction} of the training time span"
 * @param halfLifeFraction  used when {@code halfLife} is 0: the fraction of the span, in (0, 1]
 */
public record RecentPopularityTrainer(double halfLife, double halfLifeFraction) implements RecommenderTrainer {
    public RecentPopularityTrainer {
        if (!(halfLife >= 0) || Double.isInfinite(halfLife)) {
            throw new InvalidParameterException("halfLife", halfLife, ">= 0 and finite",
                    "0 derives it from halfLifeFraction of the training time span");
        }
        if (!(halfLifeFraction > 0 && halfLifeFraction <= 1)) {
            throw new InvalidParameterException("halfLifeFraction", halfLifeFraction, "in (0, 1]");
        }
    }

    /** A half-life of one tenth of the training time span. */
    public static RecentPopularityTrainer defaults() {
        return new RecentPopularityTrainer(0, 0.1);
    }

    @Override
    public String name() {
        return "recent-pop";
    }

    @Override
    public Recommender fit(SequenceDataset train, FitContext context) {
        int n = train.numInteractions();
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            first = Math.min(first, train.time(i));
            last = Math.max(last, train.time(i));
        }
        double h = halfLife > 0 ? halfLife : Math.max(1.0, (n == 0 ? 0 : (double) (last - first)) * halfLifeFraction);
        double[] w = new double[train.numItems()];
        double lambda = Math.log(2) / h;
        ActionWeights weights = ActionWeights.of(train);
        for (int i = 0; i < n; i++) {
            w[train.item(i)] += weights.of(train, i) * Math.exp(-lambda * (double) (last - train.time(i)));
        }
        float[] f = new float[w.length];
        for (int i = 0; i < w.length; i++) {
            f[i] = (float) w[i];
        }
        return new PopularityRecommender(name(), train.items(), f, h);
    }
}

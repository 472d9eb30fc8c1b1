package dev.seqmind.rec.model.knn;

import dev.seqmind.data.error.InvalidParameterException;
import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.rec.FitContext;
import dev.seqmind.rec.Recommender;
import dev.seqmind.rec.RecommenderTrainer;
import dev.seqmind.rec.model.ItemPopularity;

import java.util.Objects;

/**
 * Item-KNN on sequence co-occurrence. Two events of one user {@code d} positions apart ({@code 1 <= d <= window})
 * add {@code distanceDecay^(d-1)} to their items' co-occurrence; similarity is that sum divided by
 * {@code sqrt(count(a) * count(b))} (cosine over occurrence vectors). Each item keeps its {@code neighbours} most
 * similar items. Scoring sums, over the last {@code historyItems} items of a history, {@code historyDecay^age}
 * times their similarity to each candidate.
 *
 * @param window         largest distance in positions counted as co-occurrence (>= 1)
 * @param distanceDecay  weight factor per extra position of distance, in (0, 1]
 * @param neighbours     neighbours kept per item (>= 1)
 * @param direction      whether only later items count
 * @param historyItems   how many of the most recent history items vote (>= 1)
 * @param historyDecay   weight factor per step back in the history, in (0, 1]
 */
public record ItemKnnTrainer(int window, double distanceDecay, int neighbours, Direction direction,
                             int historyItems, double historyDecay) implements RecommenderTrainer {
    public ItemKnnTrainer {
        if (window < 1) {
            throw new InvalidParameterException("window", window, ">= 1");
        }
        if (!(distanceDecay > 0 && distanceDecay <= 1)) {
            throw new InvalidParameterException("distanceDecay", distanceDecay, "in (0, 1]");
        }
        if (neighbours < 1) {
            throw new InvalidParameterException("neighbours", neighbours, ">= 1");
        }
        Objects.requireNonNull(direction, "direction");
        if (historyItems < 1) {
            throw new InvalidParameterException("historyItems", historyItems, ">= 1");
        }
        if (!(historyDecay > 0 && historyDecay <= 1)) {
            throw new InvalidParameterException("historyDecay", historyDecay, "in (0, 1]");
        }
    }

    public static ItemKnnTrainer defaults() {
        return new ItemKnnTrainer(3, 0.5, 100, Direction.FORWARD, 3, 0.5);
    }

    @Override
    public String name() {
        return "item-knn";
    }

    @Override
    public Recommender fit(SequenceDataset train, FitContext context) {
        NeighbourTable table = new CooccurrenceCounter(this).count(train, context);
        return new ItemKnnRecommender(name(), train.items(), table, ItemPopularity.backOffScores(train),
                historyItems, (float) historyDecay);
    }
}

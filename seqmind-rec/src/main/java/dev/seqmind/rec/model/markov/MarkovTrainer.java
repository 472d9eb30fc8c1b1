package dev.seqmind.rec.model.markov;

import dev.seqmind.data.error.InvalidParameterException;
import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.rec.FitContext;
import dev.seqmind.rec.Recommender;
import dev.seqmind.rec.RecommenderTrainer;
import dev.seqmind.rec.model.ActionWeights;
import dev.seqmind.rec.model.ItemPopularity;

/**
 * Markov chain of order {@code order} with back-off to every lower order and then to popularity. On a dataset with
 * action weights, each transition counts with the weight of its next event's action, and so does popularity.
 *
 * @param order            the longest context, in items: 1 to 3
 * @param minContextCount  a context must have been followed at least this often in training to be trusted (>= 1);
 *                         rarer contexts are skipped and the next shorter one decides
 */
public record MarkovTrainer(int order, int minContextCount) implements RecommenderTrainer {
    public static final int MAX_ORDER = 3;

    public MarkovTrainer {
        if (order < 1 || order > MAX_ORDER) {
            throw new InvalidParameterException("order", order, "in [1, " + MAX_ORDER + "]");
        }
        if (minContextCount < 1) {
            throw new InvalidParameterException("minContextCount", minContextCount, ">= 1");
        }
    }

    public static MarkovTrainer ofOrder(int order) {
        return new MarkovTrainer(order, 1);
    }

    @Override
    public String name() {
        return "markov" + order;
    }

    @Override
    public Recommender fit(SequenceDataset train, FitContext context) {
        if (order > 1 && train.numItems() > TransitionTable.MAX_ITEMS) {
            throw new InvalidParameterException("order", order, "1 for more than " + TransitionTable.MAX_ITEMS
                    + " items", "higher-order contexts pack item ids into 21 bits each");
        }
        TransitionTable[] tables = new TransitionTable[order];
        ActionWeights weights = ActionWeights.of(train);
        try (var task = context.progress().start(name(), order, "orders")) {
            for (int k = 1; k <= order; k++) {
                tables[k - 1] = TransitionTable.count(train, k, weights);
                task.advance(1);
            }
        }
        float[] popularity = weights.uniform() ? ItemPopularity.backOffScores(train)
                : ItemPopularity.scale(weights.itemTotals(train));
        return new MarkovRecommender(name(), train.items(), tables, popularity, minContextCount);
    }
}

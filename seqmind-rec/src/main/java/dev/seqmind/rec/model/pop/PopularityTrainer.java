package dev.seqmind.rec.model.pop;

import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.rec.FitContext;
import dev.seqmind.rec.Recommender;
import dev.seqmind.rec.RecommenderTrainer;
import dev.seqmind.rec.model.ActionWeights;

/** Most popular: the number of training events of each item, weighted by their actions' weights. No parameters. */
public record PopularityTrainer() implements RecommenderTrainer {
    @Override
    public String name() {
        return "pop";
    }

    @Override
    public Recommender fit(SequenceDataset train, FitContext context) {
        return new PopularityRecommender(name(), train.items(), ActionWeights.of(train).itemTotals(train), 0);
    }
}

package dev.seqmind.rec.model.pop;

import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.rec.FitContext;
import dev.seqmind.rec.Recommender;
import dev.seqmind.rec.RecommenderTrainer;

/** Most popular: the number of training events of each item. Has no parameters. */
public record PopularityTrainer() implements RecommenderTrainer {
    @Override
    public String name() {
        return "pop";
    }

    @Override
    public Recommender fit(SequenceDataset train, FitContext context) {
        int[] counts = train.itemCounts();
        float[] w = new float[counts.length];
        for (int i = 0; i < counts.length; i++) {
            w[i] = counts[i];
        }
        return new PopularityRecommender(name(), train.items(), w, 0);
    }
}

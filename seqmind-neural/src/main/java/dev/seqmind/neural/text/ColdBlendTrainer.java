package dev.seqmind.neural.text;

import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.rec.FitContext;
import dev.seqmind.rec.Recommender;
import dev.seqmind.rec.RecommenderTrainer;
import dev.seqmind.rec.model.ItemPopularity;
import dev.seqmind.rec.model.rules.MinedRuleTrainer;
import dev.seqmind.rec.model.rules.RuleBasedRecommender;

import java.util.Objects;

/**
 * Fits {@link ColdBlendRecommender}: embeds every item's text, mines sequential rules on the log
 * ({@link MinedRuleTrainer}) and counts popularity. {@code evaluate --models cold-blend} (default weights) or
 * {@code cold-blend:T:R:P} (text, rules, popularity weights), with {@code @model} for another sentence model.
 *
 * @param text    model, template and cache
 * @param weights the parts' weights
 * @param rules   how the rules are mined
 */
public record ColdBlendTrainer(TextSettings text, ColdBlendWeights weights, MinedRuleTrainer rules)
        implements RecommenderTrainer {
    public static final String NAME = "cold-blend";

    public ColdBlendTrainer {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(weights, "weights");
        Objects.requireNonNull(rules, "rules");
    }

    public static ColdBlendTrainer defaults(TextSettings text) {
        return new ColdBlendTrainer(text, ColdBlendWeights.DEFAULTS, MinedRuleTrainer.defaults());
    }

    @Override
    public String name() {
        return weights.equals(ColdBlendWeights.DEFAULTS) ? NAME : NAME + ":" + weights;
    }

    @Override
    public Recommender fit(SequenceDataset train, FitContext context) {
        ItemVectors v = ContentKnnTrainer.embedItems(text, train);
        RuleBasedRecommender r = (RuleBasedRecommender) rules.fit(train, context);
        return new ColdBlendRecommender(name(), train.items(), ItemPopularity.backOffScores(train), v,
                r::confidences, weights);
    }
}

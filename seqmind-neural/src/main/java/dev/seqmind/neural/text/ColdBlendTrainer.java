package dev.seqmind.neural.text;

import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.rec.FitContext;
import dev.seqmind.rec.Recommender;
import dev.seqmind.rec.RecommenderTrainer;
import dev.seqmind.rec.model.ItemPopularity;
import dev.seqmind.rec.model.rules.Matching;
import dev.seqmind.rec.model.rules.PrefixRuleTrainer;
import dev.seqmind.rec.model.rules.RuleBasedRecommender;

import java.util.Objects;

/**
 * Fits {@link ColdBlendRecommender}: embeds every item's text, mines next-item rules on the log ("after the last
 * one or two items, item y", {@link #rulesForFewEvents}) and counts popularity. {@code evaluate --models cold-blend} (default weights) or
 * {@code cold-blend:T:R:P} (text, rules, popularity weights), with {@code @model} for another sentence model.
 *
 * @param text    model, template and cache
 * @param weights the parts' weights
 * @param rules   how the next-item rules are mined
 */
public record ColdBlendTrainer(TextSettings text, ColdBlendWeights weights, PrefixRuleTrainer rules)
        implements RecommenderTrainer {
    public static final String NAME = "cold-blend";

    public ColdBlendTrainer {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(weights, "weights");
        Objects.requireNonNull(rules, "rules");
    }

    /**
     * The next-item rules of the blend: antecedents of one or two items, every rule seen at least once (a user with
     * few events needs every transition there is), confidence at least 0.001, at most 100 rules per antecedent.
     */
    public static PrefixRuleTrainer rulesForFewEvents() {
        return new PrefixRuleTrainer(2, 1, 0.001, 100, Matching.SUFFIX, 5);
    }

    public static ColdBlendTrainer defaults(TextSettings text) {
        return new ColdBlendTrainer(text, ColdBlendWeights.DEFAULTS, rulesForFewEvents());
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

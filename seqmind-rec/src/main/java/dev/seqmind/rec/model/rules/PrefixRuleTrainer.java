package dev.seqmind.rec.model.rules;

import dev.seqmind.data.error.InvalidParameterException;
import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.mining.ItemsetGrouping;
import dev.seqmind.mining.MinSupport;
import dev.seqmind.mining.SequenceDatabase;
import dev.seqmind.mining.rules.NextItemRule;
import dev.seqmind.mining.rules.NextItemRuleMiner;
import dev.seqmind.mining.rules.NextItemRuleMiner.Counting;
import dev.seqmind.rec.FitContext;
import dev.seqmind.rec.Recommender;
import dev.seqmind.rec.RecommenderTrainer;
import dev.seqmind.rec.model.ItemPopularity;
import dev.seqmind.rec.model.markov.MarkovTrainer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Rules "the last 1..maxAntecedent items, then item" counted on the training sequences by {@link NextItemRuleMiner}
 * (counting occurrences): support = how often the
 * prefix was directly followed by the item, confidence = support / how often the prefix was followed by anything,
 * lift = confidence / (item's share of training events). Keeps rules with at least {@code minSupport} and
 * {@code minConfidence}, at most {@code maxRulesPerAntecedent} per antecedent (highest confidence first).
 *
 * @param maxAntecedent          longest antecedent, 1 to 3
 * @param minSupport             >= 1
 * @param minConfidence          in (0, 1]
 * @param maxRulesPerAntecedent  >= 1
 * @param matching               how a history fires a rule
 * @param window                 for {@link Matching#SUBSEQUENCE}: how many recent items are searched (>= 1)
 */
public record PrefixRuleTrainer(int maxAntecedent, int minSupport, double minConfidence, int maxRulesPerAntecedent,
                                Matching matching, int window) implements RecommenderTrainer {
    public PrefixRuleTrainer {
        if (maxAntecedent < 1 || maxAntecedent > MarkovTrainer.MAX_ORDER) {
            throw new InvalidParameterException("maxAntecedent", maxAntecedent,
                    "in [1, " + MarkovTrainer.MAX_ORDER + "]");
        }
        if (minSupport < 1) {
            throw new InvalidParameterException("minSupport", minSupport, ">= 1");
        }
        if (!(minConfidence > 0 && minConfidence <= 1)) {
            throw new InvalidParameterException("minConfidence", minConfidence, "in (0, 1]");
        }
        if (maxRulesPerAntecedent < 1) {
            throw new InvalidParameterException("maxRulesPerAntecedent", maxRulesPerAntecedent, ">= 1");
        }
        Objects.requireNonNull(matching, "matching");
        if (window < 1) {
            throw new InvalidParameterException("window", window, ">= 1");
        }
    }

    public static PrefixRuleTrainer defaults() {
        return new PrefixRuleTrainer(2, 2, 0.01, 100, Matching.SUFFIX, 5);
    }

    @Override
    public String name() {
        return "rules";
    }

    @Override
    public Recommender fit(SequenceDataset train, FitContext context) {
        List<Rule> rules = new ArrayList<>();
        List<NextItemRule> sameAntecedent = new ArrayList<>();
        try (var task = context.progress().start("rules", 1, "rule counts")) {
            SequenceDatabase events = SequenceDatabase.of(train, ItemsetGrouping.EACH_EVENT);
            // The miner streams each antecedent's rules together; keep the strongest of each group.
            NextItemRuleMiner.mine(events, Counting.OCCURRENCES, MinSupport.count(minSupport), minConfidence,
                    maxAntecedent, r -> {
                        if (!sameAntecedent.isEmpty()
                                && !Arrays.equals(sameAntecedent.get(0).prefix(), r.prefix())) {
                            keepStrongest(sameAntecedent, rules);
                        }
                        sameAntecedent.add(r);
                    });
            keepStrongest(sameAntecedent, rules);
            task.advance(1);
        }
        return new RuleBasedRecommender(name(), train.items(), RuleSet.of(rules, train.numItems()),
                ItemPopularity.backOffScores(train), matching, window);
    }

    private void keepStrongest(List<NextItemRule> group, List<Rule> out) {
        group.sort(Comparator.comparingLong(NextItemRule::support).reversed()
                .thenComparingInt(NextItemRule::next));
        for (NextItemRule r : group.subList(0, Math.min(maxRulesPerAntecedent, group.size()))) {
            out.add(new Rule(r.prefix(), r.next(), r.support(), r.confidence(), r.lift()));
        }
        group.clear();
    }
}

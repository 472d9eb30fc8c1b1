package dev.seqmind.rec.model.rules;

import dev.seqmind.data.error.InvalidParameterException;
import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.rec.FitContext;
import dev.seqmind.rec.Recommender;
import dev.seqmind.rec.RecommenderTrainer;
import dev.seqmind.rec.model.ItemPopularity;
import dev.seqmind.rec.model.markov.MarkovTrainer;
import dev.seqmind.rec.model.markov.TransitionTable;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Rules "the last 1..maxAntecedent items, then item" counted on the training sequences: support = how often the
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
        int[] counts = train.itemCounts();
        double events = Math.max(1, train.numInteractions());
        List<Rule> rules = new ArrayList<>();
        try (var task = context.progress().start("rules", maxAntecedent, "antecedent lengths")) {
            for (int k = 1; k <= maxAntecedent; k++) {
                TransitionTable t = TransitionTable.count(train, k);
                collect(t, counts, events, rules);
                task.advance(1);
            }
        }
        return new RuleBasedRecommender(name(), train.items(), RuleSet.of(rules, train.numItems()),
                ItemPopularity.backOffScores(train), matching, window);
    }

    private void collect(TransitionTable t, int[] counts, double events, List<Rule> out) {
        List<int[]> kept = new ArrayList<>();
        for (int row = 0; row < t.numContexts(); row++) {
            int total = t.total(row);
            kept.clear();
            for (int i = t.successorsStart(row); i < t.successorsEnd(row); i++) {
                int sup = t.count(i);
                if (sup >= minSupport && (double) sup / total >= minConfidence) {
                    kept.add(new int[] {t.successor(i), sup});
                }
            }
            if (kept.isEmpty()) {
                continue;
            }
            kept.sort((a, b) -> a[1] != b[1] ? Integer.compare(b[1], a[1]) : Integer.compare(a[0], b[0]));
            int[] ctx = t.context(row);
            for (int j = 0; j < Math.min(maxRulesPerAntecedent, kept.size()); j++) {
                int item = kept.get(j)[0];
                int sup = kept.get(j)[1];
                double conf = (double) sup / total;
                out.add(new Rule(ctx, item, sup, conf, conf / (counts[item] / events)));
            }
        }
    }
}

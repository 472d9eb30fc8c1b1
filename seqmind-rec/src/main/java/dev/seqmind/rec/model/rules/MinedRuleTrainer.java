package dev.seqmind.rec.model.rules;

import dev.seqmind.data.error.InvalidParameterException;
import dev.seqmind.data.error.SeqmindException;
import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.mining.BudgetExceededException;
import dev.seqmind.mining.MinSupport;
import dev.seqmind.mining.MiningBudget;
import dev.seqmind.mining.rules.RuleParams;
import dev.seqmind.mining.rules.SequentialRule;
import dev.seqmind.mining.rules.SequentialRuleMiner;
import dev.seqmind.rec.FitContext;
import dev.seqmind.rec.Recommender;
import dev.seqmind.rec.RecommenderTrainer;
import dev.seqmind.rec.model.ItemPopularity;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Rules from the mining engine: sequential rules {@code X => y} (every item of X occurs, in any order, before y in
 * at least the minimum number of training sequences) with one consequent item. A history fires a rule when all of X
 * is among its last {@code window} items ({@link Matching#SET}); its consequent then scores the rule's confidence.
 *
 * <p>Support is searched, because the right value differs by orders of magnitude between datasets: mining starts at
 * {@code startFraction} of the users and halves the support while the rules fit in {@code maxRules}, down to
 * {@code minSupport}; the last level that fitted is kept (the level that overflowed is abandoned at the budget).
 *
 * @param minSupport     the lowest support tried (count or fraction of users)
 * @param startFraction  the first support tried, as a fraction of users, in (0, 1]
 * @param minConfidence  in [0, 1]
 * @param maxAntecedent  most items in X (>= 1)
 * @param window         recent history items a rule's antecedent is looked for in (>= 1)
 * @param maxRules       rule budget of one mining level (>= 1)
 */
public record MinedRuleTrainer(MinSupport minSupport, double startFraction, double minConfidence, int maxAntecedent,
                               int window, long maxRules) implements RecommenderTrainer {
    public MinedRuleTrainer {
        Objects.requireNonNull(minSupport, "minSupport");
        if (!(startFraction > 0 && startFraction <= 1)) {
            throw new InvalidParameterException("startFraction", startFraction, "in (0, 1]");
        }
        if (!(minConfidence >= 0 && minConfidence <= 1)) {
            throw new InvalidParameterException("minConfidence", minConfidence, "in [0, 1]");
        }
        if (maxAntecedent < 1) {
            throw new InvalidParameterException("maxAntecedent", maxAntecedent, ">= 1");
        }
        if (window < 1) {
            throw new InvalidParameterException("window", window, ">= 1");
        }
        if (maxRules < 1) {
            throw new InvalidParameterException("maxRules", maxRules, ">= 1");
        }
    }

    /** Support searched from 20% of users down to 3 sequences, confidence >= 0.05, antecedents of up to 2 items. */
    public static MinedRuleTrainer defaults() {
        return new MinedRuleTrainer(MinSupport.count(3), 0.2, 0.05, 2, 10, 300_000);
    }

    @Override
    public String name() {
        return "seq-rules";
    }

    @Override
    public Recommender fit(SequenceDataset train, FitContext context) {
        long users = Math.max(1, train.numUsers());
        long floor = Math.max(1, minSupport.absolute(users));
        long support = Math.max(floor, (long) Math.ceil(startFraction * users));
        List<Rule> kept = null;
        try (var task = context.progress().start("seq-rules mining", -1, "levels")) {
            while (true) {
                List<Rule> rules = mine(train, support, context.threads());
                if (rules == null) {
                    break; // over budget: keep the previous level
                }
                kept = rules;
                task.status("support " + support + ": " + rules.size() + " rules");
                task.advance(1);
                if (support == floor) {
                    break;
                }
                support = Math.max(floor, support / 2);
            }
        }
        if (kept == null) {
            throw new SeqmindException("sequential rules exceed " + maxRules + " even at support " + support
                    + " of " + users + " users: raise maxRules or startFraction's support, or lower maxAntecedent");
        }
        return new RuleBasedRecommender(name(), train.items(), RuleSet.of(kept, train.numItems()),
                ItemPopularity.backOffScores(train), Matching.SET, window);
    }

    /** The rules at {@code support}, or null when they overflow the budget. */
    private List<Rule> mine(SequenceDataset train, long support, int threads) {
        RuleParams params = RuleParams.of(MinSupport.count(support), minConfidence).withSizes(maxAntecedent, 1)
                .withThreads(threads).withBudget(MiningBudget.UNLIMITED.withMaxPatterns(maxRules));
        List<Rule> rules = new ArrayList<>();
        try {
            SequentialRuleMiner.mine(train, params, (SequentialRule r) -> rules.add(new Rule(r.antecedent(),
                    r.consequent()[0], r.support(), Math.min(1.0, r.confidence()), r.lift())));
        } catch (BudgetExceededException e) {
            return null;
        }
        return rules;
    }
}

package dev.seqmind.mining.rules;

import dev.seqmind.data.error.InvalidParameterException;
import dev.seqmind.mining.MinSupport;
import dev.seqmind.mining.MiningBudget;

import java.util.Objects;

/**
 * Parameters of sequential-rule mining. Immutable.
 *
 * @param minSupport     minimum sequences (or fraction of them) supporting a rule
 * @param minConfidence  minimum confidence, in [0, 1]
 * @param maxAntecedent  most items on the left ({@code Integer.MAX_VALUE}: no limit)
 * @param maxConsequent  most items on the right
 * @param threads        worker threads (rules are split by their first antecedent item)
 * @param budget         stops with {@link dev.seqmind.mining.BudgetExceededException} past this many rules or heap
 */
public record RuleParams(MinSupport minSupport, double minConfidence, int maxAntecedent, int maxConsequent,
                         int threads, MiningBudget budget) {
    public RuleParams {
        Objects.requireNonNull(minSupport, "minSupport");
        Objects.requireNonNull(budget, "budget");
        if (!(minConfidence >= 0 && minConfidence <= 1)) {
            throw new InvalidParameterException("minConfidence", minConfidence, "in [0, 1]");
        }
        InvalidParameterException.requireInRange("maxAntecedent", maxAntecedent, 1, Integer.MAX_VALUE);
        InvalidParameterException.requireInRange("maxConsequent", maxConsequent, 1, Integer.MAX_VALUE);
        InvalidParameterException.requireInRange("threads", threads, 1, 1024);
    }

    public static RuleParams of(MinSupport minSupport, double minConfidence) {
        return new RuleParams(minSupport, minConfidence, Integer.MAX_VALUE, Integer.MAX_VALUE, 1,
                MiningBudget.UNLIMITED);
    }

    public RuleParams withSizes(int antecedent, int consequent) {
        return new RuleParams(minSupport, minConfidence, antecedent, consequent, threads, budget);
    }

    public RuleParams withThreads(int value) {
        return new RuleParams(minSupport, minConfidence, maxAntecedent, maxConsequent, value, budget);
    }

    public RuleParams withBudget(MiningBudget value) {
        return new RuleParams(minSupport, minConfidence, maxAntecedent, maxConsequent, threads, value);
    }
}

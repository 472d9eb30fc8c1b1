package dev.seqmind.mining.itemset;

import dev.seqmind.data.error.InvalidParameterException;
import dev.seqmind.mining.MinSupport;
import dev.seqmind.mining.MiningBudget;
import dev.seqmind.mining.sequence.OutputKind;

import java.util.Objects;

/**
 * Parameters of frequent-itemset mining. Immutable.
 *
 * @param minSupport minimum number (or fraction) of transactions containing an itemset
 * @param output     all, closed (no superset with the same support) or maximal (no frequent superset) itemsets
 * @param maxLength  largest itemset size ({@code Integer.MAX_VALUE} for no limit)
 * @param budget     pattern and memory limits
 */
public record ItemsetParams(MinSupport minSupport, OutputKind output, int maxLength, MiningBudget budget) {
    public ItemsetParams {
        Objects.requireNonNull(minSupport, "minSupport");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(budget, "budget");
        InvalidParameterException.requireInRange("maxLength", maxLength, 1, Integer.MAX_VALUE);
    }

    public static ItemsetParams of(MinSupport minSupport) {
        return new ItemsetParams(minSupport, OutputKind.ALL, Integer.MAX_VALUE, MiningBudget.UNLIMITED);
    }

    public ItemsetParams withOutput(OutputKind value) {
        return new ItemsetParams(minSupport, value, maxLength, budget);
    }

    public ItemsetParams withMaxLength(int value) {
        return new ItemsetParams(minSupport, output, value, budget);
    }

    public ItemsetParams withBudget(MiningBudget value) {
        return new ItemsetParams(minSupport, output, maxLength, value);
    }
}

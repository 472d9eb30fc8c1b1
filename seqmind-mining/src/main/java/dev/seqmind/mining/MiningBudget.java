package dev.seqmind.mining;

import dev.seqmind.data.error.InvalidParameterException;

/**
 * Limits a search stops at, cleanly, with a {@link BudgetExceededException}: the number of patterns emitted and the
 * heap in use. {@code Long.MAX_VALUE} stands for "no limit" in both.
 */
public record MiningBudget(long maxPatterns, long maxHeapBytes) {
    public static final MiningBudget UNLIMITED = new MiningBudget(Long.MAX_VALUE, Long.MAX_VALUE);

    public MiningBudget {
        InvalidParameterException.requirePositive("maxPatterns", maxPatterns);
        InvalidParameterException.requirePositive("maxHeapBytes", maxHeapBytes);
    }

    public MiningBudget withMaxPatterns(long value) {
        return new MiningBudget(value, maxHeapBytes);
    }

    public MiningBudget withMaxHeapBytes(long value) {
        return new MiningBudget(maxPatterns, value);
    }
}

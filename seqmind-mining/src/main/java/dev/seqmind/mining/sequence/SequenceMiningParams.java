package dev.seqmind.mining.sequence;

import dev.seqmind.data.error.InvalidParameterException;
import dev.seqmind.mining.MinSupport;
import dev.seqmind.mining.MiningBudget;

import java.util.Objects;

/**
 * Everything a sequential-pattern search needs besides the data. Immutable.
 *
 * @param minSupport minimum number (or fraction) of sequences that must contain a pattern; with {@code topK > 0} it
 *                   is the floor the search starts from (use {@code MinSupport.count(1)} for "none")
 * @param algorithm  the search to run, or {@link SequenceAlgorithm#AUTO}
 * @param constraints length, gap, window and item constraints
 * @param output     all, closed or maximal patterns
 * @param topK       0 for all patterns above {@code minSupport}; otherwise the k patterns of highest support (plus
 *                   any that tie with the k-th)
 * @param threads    worker threads (the first level of the search is split among them); 1 runs on the caller thread
 * @param budget     limits that stop the search with a {@link dev.seqmind.mining.BudgetExceededException}
 */
public record SequenceMiningParams(MinSupport minSupport, SequenceAlgorithm algorithm, PatternConstraints constraints,
                                   OutputKind output, int topK, int threads, MiningBudget budget) {
    public SequenceMiningParams {
        Objects.requireNonNull(minSupport, "minSupport");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(constraints, "constraints");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(budget, "budget");
        InvalidParameterException.requireInRange("topK", topK, 0, Integer.MAX_VALUE);
        InvalidParameterException.requireInRange("threads", threads, 1, 1024);
    }

    /** All frequent patterns at {@code minSupport}, automatic algorithm, no constraints, one thread. */
    public static SequenceMiningParams of(MinSupport minSupport) {
        return new SequenceMiningParams(minSupport, SequenceAlgorithm.AUTO, PatternConstraints.NONE, OutputKind.ALL,
                0, 1, MiningBudget.UNLIMITED);
    }

    public SequenceMiningParams withAlgorithm(SequenceAlgorithm value) {
        return new SequenceMiningParams(minSupport, value, constraints, output, topK, threads, budget);
    }

    public SequenceMiningParams withConstraints(PatternConstraints value) {
        return new SequenceMiningParams(minSupport, algorithm, value, output, topK, threads, budget);
    }

    public SequenceMiningParams withOutput(OutputKind value) {
        return new SequenceMiningParams(minSupport, algorithm, constraints, value, topK, threads, budget);
    }

    public SequenceMiningParams withTopK(int value) {
        return new SequenceMiningParams(minSupport, algorithm, constraints, output, value, threads, budget);
    }

    public SequenceMiningParams withThreads(int value) {
        return new SequenceMiningParams(minSupport, algorithm, constraints, output, topK, value, budget);
    }

    public SequenceMiningParams withBudget(MiningBudget value) {
        return new SequenceMiningParams(minSupport, algorithm, constraints, output, topK, threads, value);
    }
}

package dev.seqmind.mining.sequence;

/**
 * What a finished search did.
 *
 * @param algorithm        the search that ran (never AUTO)
 * @param minSupport       the absolute support threshold at the end (for top-k, the support of the k-th pattern)
 * @param sequences        number of sequences in the database (the denominator of relative support)
 * @param frequentItems    items that passed the threshold at the start
 * @param patterns         patterns delivered to the sink
 * @param nodes            search nodes expanded
 * @param elapsedNanos     wall time of the search
 */
public record MiningStats(SequenceAlgorithm algorithm, long minSupport, int sequences, int frequentItems,
                          long patterns, long nodes, long elapsedNanos) {
}

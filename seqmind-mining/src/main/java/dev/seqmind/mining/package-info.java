/**
 * The mining engine's shared vocabulary: {@link dev.seqmind.mining.SequenceDatabase} (sequences of itemsets as dense
 * int arrays), {@link dev.seqmind.mining.SpmfSequenceFile} (fast loader for SPMF sequence files),
 * {@link dev.seqmind.mining.MinSupport}, {@link dev.seqmind.mining.MiningBudget} and the
 * {@link dev.seqmind.mining.PatternSink} every miner streams its results to.
 *
 * <p>Pattern encoding at the sink: a sequential pattern is a flat {@code int[]} of the database's dense item ids with
 * {@link dev.seqmind.mining.PatternSink#ITEMSET_END} ({@code -1}) between consecutive itemsets (never at the end);
 * items inside one itemset are ascending. An itemset pattern is just its ascending item ids.
 *
 * <p>Algorithms live in sub-packages: {@code sequence} (PrefixSpan and SPAM families), {@code itemset} (FP-Growth and
 * association rules), {@code rules} (sequential rules).
 */
package dev.seqmind.mining;

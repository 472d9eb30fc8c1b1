/**
 * Sequential-pattern mining under SPMF semantics. Entry point: {@link dev.seqmind.mining.sequence.SequentialPatternMiner}
 * with a {@link dev.seqmind.mining.sequence.SequenceMiningParams} record.
 *
 * <p>Searches (all package-private, all giving identical results): {@code PrefixSpanSearch} (pseudo-projection, earliest
 * match per sequence), {@code OccurrenceSearch} (every match, for gap and window constraints) and {@code SpamSearch}
 * (vertical bitmaps). They share the frequency-ranked encoding of {@code RankedDatabase}, emit through
 * {@code SearchContext} (threshold, budgets, top-k, id mapping) and are split at the first level across workers.
 */
package dev.seqmind.mining.sequence;

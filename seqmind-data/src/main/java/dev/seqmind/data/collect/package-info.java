/**
 * The ingest pipeline's plumbing: readers hand rows to an {@link dev.seqmind.data.collect.EventCollector}, cleaning
 * steps transform {@link dev.seqmind.data.collect.TracedEvents}, and every step leaves a
 * {@link dev.seqmind.data.collect.StepReport} so that no row disappears without a reason.
 */
package dev.seqmind.data.collect;

/**
 * Runs one ingest end to end: read every input with its reader, attach item metadata, pseudonymise, apply the cleaning
 * steps in order, and gather each step's report into an {@link dev.seqmind.data.ingest.IngestReport}. The row-level
 * plumbing (collector, drop counts, traced events) lives in {@code data.collect}, below both readers and cleaning.
 */
package dev.seqmind.data.ingest;

/**
 * Ingest and cleaning on Spark: every file is parsed by seqmind-data's own reader (so the same rows are rejected, with
 * their file and line), users are then gathered in partitions and cleaned by seqmind-data's own per-user steps, and
 * the per-user time-ordered sequences land in Parquet partitioned by user bucket, beside the same cleaning report the
 * single-machine ingest prints. {@link dev.seqmind.spark.ingest.SequenceTable} converts that table back into a
 * single-machine dataset directory.
 */
package dev.seqmind.spark.ingest;

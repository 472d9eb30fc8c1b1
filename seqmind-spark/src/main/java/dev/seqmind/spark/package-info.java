/**
 * seqmind's heavy jobs on Apache Spark (ingest and cleaning, sequential pattern mining, classic models, batch top-K and
 * evaluation) with results equal to the single-machine ones on the same input. {@link dev.seqmind.spark.Main} is the
 * entry point for {@code spark-submit}.
 */
package dev.seqmind.spark;

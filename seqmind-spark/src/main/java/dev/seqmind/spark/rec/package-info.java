/**
 * Classic recommenders fitted on Spark: the counting is a cluster aggregation, the last step is seqmind-rec's own
 * code, and the result is the model directory the single-machine evaluator, recommender and server load.
 */
package dev.seqmind.spark.rec;

/**
 * Jobs that score every user with a saved model on the cluster: batch top-K lists and the evaluator's ranking
 * metrics. The model directory travels to the executors as bytes and each partition loads it once.
 */
package dev.seqmind.spark.batch;

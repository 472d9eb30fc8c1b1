/**
 * {@code seqmind tune}: random search over a neural model's {@code train} options with successive halving on
 * validation NDCG@10, a resumable JSON-lines trial log, and the best configuration written as a {@code train}
 * command and tested once.
 */
package dev.seqmind.cli.tune;

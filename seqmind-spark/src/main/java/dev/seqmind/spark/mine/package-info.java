/**
 * Pattern mining on Spark, partitioned by first-level subtree: the driver ranks the frequent items from one
 * aggregation, shares the items' subtrees out to partitions (largest support first, to the least loaded), ships each
 * partition the projections its items need, and every partition runs seqmind-mining's own search on its subtrees
 * through {@link dev.seqmind.mining.sequence.SequentialPatternMiner#mineSubtrees}. The union of the partitions'
 * patterns is exactly the single-machine result.
 */
package dev.seqmind.spark.mine;

/**
 * The training loop shared by every network: batching, AdamW with warm-up and decay, gradient clipping, early
 * stopping on validation NDCG@10, per-epoch checkpoints with resume, and progress with loss, sequences/s and ETA.
 */
package dev.seqmind.neural.train;

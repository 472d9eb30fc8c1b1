/**
 * Post-ranking steps that reorder a model's best items for a goal other than accuracy: maximal marginal relevance
 * ({@link dev.seqmind.rec.rerank.MmrReranker}) trades relevance against similarity to the items already listed, with
 * similarity from shared categories ({@link dev.seqmind.rec.rerank.CategorySimilarity}) or item vectors
 * ({@link dev.seqmind.rec.rerank.EmbeddingSimilarity}). Used by {@code recommend}, {@code evaluate} and the server.
 */
package dev.seqmind.rec.rerank;

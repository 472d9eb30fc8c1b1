/**
 * Similarity: nearest users or items by cosine on their vectors, exact (brute force) or approximate (an HNSW graph,
 * for many queries over many rows), and similarity of two behaviour sequences that respects order (longest common
 * subsequence and edit distance, each normalised by length).
 */
package dev.seqmind.insight.similar;

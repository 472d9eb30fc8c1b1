/**
 * Similarity: nearest users or items by cosine on their vectors, and similarity of two behaviour sequences that
 * respects order (longest common subsequence and edit distance, each normalised by length).
 */
package dev.seqmind.insight.similar;

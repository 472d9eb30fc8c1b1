package dev.seqmind.insight.similar;

/**
 * One neighbour found by a similarity search.
 *
 * @param index      the neighbour's row (dense id) in the table searched
 * @param id         its external id
 * @param similarity the similarity, higher is closer (cosine in [-1, 1], sequence similarities in [0, 1])
 */
public record Neighbour(int index, String id, double similarity) {
}

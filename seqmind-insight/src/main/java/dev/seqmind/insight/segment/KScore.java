package dev.seqmind.insight.segment;

/**
 * How well {@code k} segments fit.
 *
 * @param k          number of segments
 * @param inertia    k-means inertia (sum of squared distances to centroids) on the rows used for choosing
 * @param silhouette mean silhouette (see {@link Silhouette}); NaN for k = 1
 */
public record KScore(int k, double inertia, double silhouette) {
}

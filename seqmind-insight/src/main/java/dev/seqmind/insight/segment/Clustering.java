package dev.seqmind.insight.segment;

/**
 * A partition of rows into {@code k} segments. Arrays are adopted and must not be modified.
 *
 * @param k         number of segments
 * @param labels    segment of each row, in {@code [0, k)}
 * @param centroids {@code k} centroids in the clustered space
 * @param inertia   sum of squared Euclidean distances of rows to their centroid
 */
public record Clustering(int k, int[] labels, double[][] centroids, double inertia) {
    /** Rows per segment. */
    public int[] sizes() {
        int[] s = new int[k];
        for (int l : labels) {
            s[l]++;
        }
        return s;
    }
}

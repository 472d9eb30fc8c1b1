package dev.seqmind.insight.segment;

import dev.seqmind.data.error.InvalidParameterException;
import org.apache.commons.math3.ml.clustering.CentroidCluster;
import org.apache.commons.math3.ml.clustering.Clusterable;
import org.apache.commons.math3.ml.clustering.KMeansPlusPlusClusterer;
import org.apache.commons.math3.ml.distance.EuclideanDistance;
import org.apache.commons.math3.random.Well19937c;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * k-means with k-means++ seeding from Apache Commons Math 3 ({@link KMeansPlusPlusClusterer}), run
 * {@code restarts} times from one seeded generator, keeping the run of lowest inertia. The same seed and rows give
 * the same clustering. Segments are renumbered by size, largest first (ties: lowest first row), so that labels are
 * stable across runs that find the same partition. Immutable; each call builds its own generator.
 *
 * @param restarts      independent k-means++ runs per fit
 * @param maxIterations Lloyd iterations per run
 * @param seed          seed of the generator
 */
public record KMeans(int restarts, int maxIterations, long seed) {
    public KMeans {
        InvalidParameterException.requireInRange("restarts", restarts, 1, 1_000);
        InvalidParameterException.requireInRange("maxIterations", maxIterations, 1, 100_000);
    }

    /** One row wrapped for Commons Math, remembering its index. */
    private record Row(int index, double[] point) implements Clusterable {
        @Override
        public double[] getPoint() {
            return point;
        }
    }

    /**
     * Clusters {@code rows} (not modified) into {@code k} segments.
     *
     * @throws InvalidParameterException if {@code k} is not in {@code [1, rows.length]}
     */
    public Clustering fit(double[][] rows, int k) {
        if (k < 1 || k > rows.length) {
            throw new InvalidParameterException("k", k, "in [1, " + rows.length + "] (the number of rows)");
        }
        List<Row> points = new ArrayList<>(rows.length);
        for (int i = 0; i < rows.length; i++) {
            points.add(new Row(i, rows[i]));
        }
        KMeansPlusPlusClusterer<Row> clusterer = new KMeansPlusPlusClusterer<>(k, maxIterations,
                new EuclideanDistance(), new Well19937c(seed));
        Clustering best = null;
        for (int r = 0; r < restarts; r++) {
            Clustering c = toClustering(clusterer.cluster(points), rows);
            if (best == null || c.inertia() < best.inertia()) {
                best = c;
            }
        }
        return renumberBySize(best);
    }

    private static Clustering toClustering(List<CentroidCluster<Row>> clusters, double[][] rows) {
        int[] labels = new int[rows.length];
        double[][] centroids = new double[clusters.size()][];
        double inertia = 0;
        for (int c = 0; c < clusters.size(); c++) {
            centroids[c] = clusters.get(c).getCenter().getPoint().clone();
            for (Row r : clusters.get(c).getPoints()) {
                labels[r.index()] = c;
                inertia += squaredDistance(r.point(), centroids[c]);
            }
        }
        return new Clustering(clusters.size(), labels, centroids, inertia);
    }

    private static Clustering renumberBySize(Clustering c) {
        int[] sizes = c.sizes();
        int[] firstRow = new int[c.k()];
        Arrays.fill(firstRow, Integer.MAX_VALUE);
        for (int i = c.labels().length - 1; i >= 0; i--) {
            firstRow[c.labels()[i]] = i;
        }
        Integer[] order = new Integer[c.k()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> sizes[a] != sizes[b] ? Integer.compare(sizes[b], sizes[a])
                : Integer.compare(firstRow[a], firstRow[b]));
        int[] newId = new int[c.k()];
        double[][] centroids = new double[c.k()][];
        for (int i = 0; i < order.length; i++) {
            newId[order[i]] = i;
            centroids[i] = c.centroids()[order[i]];
        }
        int[] labels = new int[c.labels().length];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = newId[c.labels()[i]];
        }
        return new Clustering(c.k(), labels, centroids, c.inertia());
    }

    static double squaredDistance(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            s += d * d;
        }
        return s;
    }
}

package dev.seqmind.insight.map;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.stat.correlation.Covariance;

import java.util.Arrays;

/**
 * Principal component analysis by the eigen-decomposition of the sample covariance matrix (Commons Math 3's
 * {@link Covariance} and {@link EigenDecomposition}): components are the eigenvectors of largest eigenvalue, rows
 * are centred on the column means and projected onto them. Each component's sign is fixed so that its largest
 * absolute weight is positive, making the map reproducible. Costs {@code O(n d^2 + d^3)}.
 *
 * @param components {@code dims} unit vectors of length {@code d}
 * @param means      column means the rows were centred on
 * @param variances  the variance along each component (eigenvalues)
 * @param explained  each component's share of the total variance
 */
public record Pca(double[][] components, double[] means, double[] variances, double[] explained) {
    /** The first {@code dims} components of {@code rows} (at least 2 rows, {@code dims <= d}). */
    public static Pca fit(double[][] rows, int dims) {
        int n = rows.length;
        int d = rows[0].length;
        if (n < 2 || dims < 1 || dims > d) {
            throw new IllegalArgumentException(n + " rows of " + d + " values for " + dims + " components");
        }
        RealMatrix cov = new Covariance(new Array2DRowRealMatrix(rows, false), true).getCovarianceMatrix();
        EigenDecomposition eig = new EigenDecomposition(cov);
        double[] eigenvalues = eig.getRealEigenvalues();
        Integer[] order = new Integer[d];
        for (int i = 0; i < d; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(eigenvalues[b], eigenvalues[a]));
        double total = 0;
        for (double v : eigenvalues) {
            total += Math.max(0, v);
        }
        double[][] comps = new double[dims][];
        double[] vars = new double[dims];
        double[] share = new double[dims];
        for (int c = 0; c < dims; c++) {
            double[] v = eig.getEigenvector(order[c]).toArray();
            int maxAt = 0;
            for (int j = 1; j < d; j++) {
                if (Math.abs(v[j]) > Math.abs(v[maxAt])) {
                    maxAt = j;
                }
            }
            if (v[maxAt] < 0) {
                for (int j = 0; j < d; j++) {
                    v[j] = -v[j];
                }
            }
            comps[c] = v;
            vars[c] = Math.max(0, eigenvalues[order[c]]);
            share[c] = total == 0 ? 0 : vars[c] / total;
        }
        double[] means = new double[d];
        for (double[] r : rows) {
            for (int j = 0; j < d; j++) {
                means[j] += r[j] / n;
            }
        }
        return new Pca(comps, means, vars, share);
    }

    /** {@code row}'s coordinates on the components. */
    public double[] project(double[] row) {
        double[] out = new double[components.length];
        for (int c = 0; c < components.length; c++) {
            double s = 0;
            for (int j = 0; j < row.length; j++) {
                s += (row[j] - means[j]) * components[c][j];
            }
            out[c] = s;
        }
        return out;
    }
}

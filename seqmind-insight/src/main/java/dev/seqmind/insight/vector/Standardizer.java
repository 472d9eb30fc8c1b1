package dev.seqmind.insight.vector;

import org.apache.commons.math3.stat.descriptive.moment.Mean;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;

/**
 * Centres every column on 0 and scales it to unit standard deviation, so that no feature dominates distances by its
 * unit alone. A column that is constant becomes all zeros (it separates no one). Stateless.
 */
public final class Standardizer {
    private Standardizer() {
    }

    /** A new table with standardised columns; {@code table} is unchanged. */
    public static VectorTable standardize(VectorTable table) {
        int n = table.size();
        int d = table.dim();
        double[][] out = new double[n][d];
        double[] column = new double[n];
        for (int j = 0; j < d; j++) {
            for (int i = 0; i < n; i++) {
                column[i] = table.row(i)[j];
            }
            double mean = n == 0 ? 0 : new Mean().evaluate(column);
            double sd = n < 2 ? 0 : new StandardDeviation(false).evaluate(column);
            for (int i = 0; i < n; i++) {
                out[i][j] = sd > 1e-12 ? (column[i] - mean) / sd : 0;
            }
        }
        return new VectorTable(table.kind() + ", standardised", table.ids(), table.columns(), out);
    }
}

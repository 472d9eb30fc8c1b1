package dev.seqmind.rec.classify;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;

/**
 * The baseline of sequence classification: a logistic regression on counts of the input, with no order. Features
 * (standardised on the training examples): {@code log(1 + count)} of each action, {@code log(1 + length)}, the
 * share of distinct items, {@code log(1 + repeated events)} and the last event's action (one-hot). Fitted by
 * Newton's method (iteratively reweighted least squares) with an L2 penalty {@code ridge} on the weights (not the
 * intercept), which Commons Math's LU decomposition solves; deterministic. Immutable once fitted; thread-safe.
 */
public final class CountLogisticRegression {
    private final int numActions;
    private final double[] mean;
    private final double[] std;
    private final double[] weights; // [intercept, features...]

    private CountLogisticRegression(int numActions, double[] mean, double[] std, double[] weights) {
        this.numActions = numActions;
        this.mean = mean;
        this.std = std;
        this.weights = weights;
    }

    /** Number of features for {@code numActions} actions. */
    static int numFeatures(int numActions) {
        return 2 * numActions + 3;
    }

    /** The raw (unstandardised) features of one input. */
    static double[] features(int[] items, int[] actions, int numActions) {
        double[] f = new double[numFeatures(numActions)];
        int[] counts = new int[numActions];
        for (int a : actions) {
            counts[a]++;
        }
        for (int a = 0; a < numActions; a++) {
            f[a] = Math.log1p(counts[a]);
        }
        int n = items.length;
        long distinct = java.util.Arrays.stream(items).distinct().count();
        f[numActions] = Math.log1p(n);
        f[numActions + 1] = n == 0 ? 0 : (double) distinct / n;
        f[numActions + 2] = Math.log1p(n - distinct);
        if (n > 0) {
            f[numActions + 3 + actions[n - 1]] = 1;
        }
        return f;
    }

    /** Fits on {@code data}'s examples {@code idx}. */
    public static CountLogisticRegression fit(LabelledPrefixes data, int[] idx, int numActions, double ridge,
                                              int maxIterations) {
        int d = numFeatures(numActions);
        double[][] x = new double[idx.length][];
        for (int r = 0; r < idx.length; r++) {
            x[r] = features(data.items()[idx[r]], data.actions()[idx[r]], numActions);
        }
        double[] mean = new double[d];
        double[] std = new double[d];
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                mean[j] += row[j] / x.length;
            }
        }
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                std[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / x.length;
            }
        }
        for (int j = 0; j < d; j++) {
            std[j] = std[j] > 1e-12 ? Math.sqrt(std[j]) : 1;
        }
        double[] w = new double[d + 1];
        for (int it = 0; it < maxIterations; it++) {
            RealMatrix h = new Array2DRowRealMatrix(d + 1, d + 1);
            RealVector g = new ArrayRealVector(d + 1);
            double[] z = new double[d + 1];
            for (int r = 0; r < x.length; r++) {
                standardise(x[r], mean, std, z);
                double p = sigmoid(dot(w, z));
                double resid = p - data.labels()[idx[r]];
                double wt = Math.max(p * (1 - p), 1e-9);
                for (int a = 0; a <= d; a++) {
                    g.addToEntry(a, resid * z[a]);
                    for (int b = 0; b <= d; b++) {
                        h.addToEntry(a, b, wt * z[a] * z[b]);
                    }
                }
            }
            for (int a = 1; a <= d; a++) {
                g.addToEntry(a, ridge * w[a]);
                h.addToEntry(a, a, ridge);
            }
            RealVector step = new LUDecomposition(h).getSolver().solve(g);
            double max = 0;
            for (int a = 0; a <= d; a++) {
                w[a] -= step.getEntry(a);
                max = Math.max(max, Math.abs(step.getEntry(a)));
            }
            if (max < 1e-8) {
                break;
            }
        }
        return new CountLogisticRegression(numActions, mean, std, w);
    }

    /** The probability that the example's sequence ends with the label action. */
    public float predict(int[] items, int[] actions) {
        double[] z = new double[weights.length];
        standardise(features(items, actions, numActions), mean, std, z);
        return (float) sigmoid(dot(weights, z));
    }

    /** The weights, intercept first, on standardised features. */
    public double[] weights() {
        return weights.clone();
    }

    private static void standardise(double[] f, double[] mean, double[] std, double[] z) {
        z[0] = 1;
        for (int j = 0; j < f.length; j++) {
            z[j + 1] = (f[j] - mean[j]) / std[j];
        }
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double sigmoid(double v) {
        return 1 / (1 + Math.exp(-v));
    }
}

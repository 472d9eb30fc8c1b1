package dev.seqmind.rec.classify;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Measures of probability forecasts against 0/1 labels. Stateless.
 *
 * <ul>
 *   <li>ROC AUC: the probability that a random positive is scored above a random negative, ties counting one half
 *       (the Mann-Whitney statistic, from average ranks);</li>
 *   <li>PR AUC as average precision: the mean, over positives, of the precision at the rank of each positive, tied
 *       scores entering as one block (scikit-learn's {@code average_precision_score});</li>
 *   <li>Brier score, log loss (probabilities clipped to [1e-7, 1 - 1e-7]);</li>
 *   <li>a reliability curve: equal-width bins of the forecast, each with its mean forecast and observed rate.</li>
 * </ul>
 */
public final class BinaryMetrics {
    private BinaryMetrics() {
    }

    /** One bin of a reliability curve: forecasts in {@code [low, high)} ({@code high} included for the last bin). */
    public record Bin(double low, double high, int count, double meanForecast, double observedRate) {
    }

    /** All measures at once. */
    public record Summary(int examples, double positiveRate, double rocAuc, double prAuc, double brier,
                          double logLoss, List<Bin> reliability) {
        public Summary {
            reliability = List.copyOf(reliability);
        }
    }

    public static Summary summary(float[] p, byte[] y, int bins) {
        check(p, y);
        long pos = 0;
        for (byte b : y) {
            pos += b;
        }
        return new Summary(y.length, y.length == 0 ? Double.NaN : (double) pos / y.length, rocAuc(p, y), prAuc(p, y),
                brier(p, y), logLoss(p, y), reliability(p, y, bins));
    }

    /** ROC AUC; NaN when one class is absent. */
    public static double rocAuc(float[] p, byte[] y) {
        check(p, y);
        int n = p.length;
        Integer[] order = order(p);
        double[] rank = new double[n];
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && p[order[j + 1]] == p[order[i]]) {
                j++;
            }
            double avg = (i + j) / 2.0 + 1; // ascending ranks, 1-based, ties averaged
            for (int k = i; k <= j; k++) {
                rank[order[k]] = avg;
            }
            i = j + 1;
        }
        long pos = 0;
        double sum = 0;
        for (int k = 0; k < n; k++) {
            if (y[k] == 1) {
                pos++;
                sum += rank[k];
            }
        }
        long neg = n - pos;
        if (pos == 0 || neg == 0) {
            return Double.NaN;
        }
        return (sum - pos * (pos + 1) / 2.0) / ((double) pos * neg);
    }

    /** Average precision; NaN without positives. */
    public static double prAuc(float[] p, byte[] y) {
        check(p, y);
        int n = p.length;
        Integer[] order = order(p);
        long pos = 0;
        for (byte b : y) {
            pos += b;
        }
        if (pos == 0) {
            return Double.NaN;
        }
        double ap = 0;
        long tp = 0;
        long seen = 0;
        double lastRecall = 0;
        int i = n - 1; // descending scores
        while (i >= 0) {
            int j = i;
            while (j - 1 >= 0 && p[order[j - 1]] == p[order[i]]) {
                j--;
            }
            for (int k = j; k <= i; k++) {
                tp += y[order[k]];
                seen++;
            }
            double recall = (double) tp / pos;
            ap += (recall - lastRecall) * ((double) tp / seen);
            lastRecall = recall;
            i = j - 1;
        }
        return ap;
    }

    public static double brier(float[] p, byte[] y) {
        double s = 0;
        for (int i = 0; i < p.length; i++) {
            double d = p[i] - y[i];
            s += d * d;
        }
        return p.length == 0 ? Double.NaN : s / p.length;
    }

    public static double logLoss(float[] p, byte[] y) {
        double s = 0;
        for (int i = 0; i < p.length; i++) {
            double q = Math.min(1 - 1e-7, Math.max(1e-7, p[i]));
            s -= y[i] == 1 ? Math.log(q) : Math.log(1 - q);
        }
        return p.length == 0 ? Double.NaN : s / p.length;
    }

    /** {@code bins} equal-width bins over [0, 1]; empty bins are left out. */
    public static List<Bin> reliability(float[] p, byte[] y, int bins) {
        check(p, y);
        if (bins < 1) {
            throw new IllegalArgumentException("bins must be >= 1, but got " + bins);
        }
        int[] count = new int[bins];
        double[] sumP = new double[bins];
        int[] sumY = new int[bins];
        for (int i = 0; i < p.length; i++) {
            int b = Math.min(bins - 1, Math.max(0, (int) (p[i] * bins)));
            count[b]++;
            sumP[b] += p[i];
            sumY[b] += y[i];
        }
        List<Bin> out = new ArrayList<>();
        for (int b = 0; b < bins; b++) {
            if (count[b] > 0) {
                out.add(new Bin((double) b / bins, (double) (b + 1) / bins, count[b], sumP[b] / count[b],
                        (double) sumY[b] / count[b]));
            }
        }
        return out;
    }

    /** Indices sorted by ascending score (stable). */
    private static Integer[] order(float[] p) {
        Integer[] idx = new Integer[p.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (a, b) -> Float.compare(p[a], p[b]));
        return idx;
    }

    private static void check(float[] p, byte[] y) {
        if (p.length != y.length) {
            throw new IllegalArgumentException(p.length + " forecasts for " + y.length + " labels");
        }
        for (byte b : y) {
            if (b != 0 && b != 1) {
                throw new IllegalArgumentException("labels must be 0 or 1, but got " + b);
            }
        }
    }
}

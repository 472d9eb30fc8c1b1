package dev.seqmind.insight.map;

/**
 * How well a 2-D map keeps neighbourhoods and groups. Exact ({@code O(n^2)}), for samples of a few thousand rows.
 * Stateless.
 */
public final class NeighbourPreservation {
    private NeighbourPreservation() {
    }

    /**
     * The mean share of each point's {@code k} nearest points (Euclidean, the point itself excluded) that carry its
     * own label: 1 when every map neighbourhood stays within its group, about {@code sum (n_g / n)^2} for a map
     * that ignores the groups.
     */
    public static double sameLabelShare(double[][] points, int[] labels, int k) {
        int n = points.length;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            int[] near = nearest(points, i, k);
            int same = 0;
            for (int j : near) {
                same += labels[j] == labels[i] ? 1 : 0;
            }
            sum += (double) same / near.length;
        }
        return sum / n;
    }

    /** The share of points sharing a label with a random other point, the baseline of {@link #sameLabelShare}. */
    public static double chanceShare(int[] labels) {
        java.util.Map<Integer, Integer> counts = new java.util.HashMap<>();
        for (int l : labels) {
            counts.merge(l, 1, Integer::sum);
        }
        double n = labels.length;
        double s = 0;
        for (int c : counts.values()) {
            s += c * (c - 1.0) / (n * (n - 1.0));
        }
        return s;
    }

    /**
     * The mean share of each row's {@code k} nearest rows in the input that are also among its {@code k} nearest
     * points in the map (k-nearest-neighbour recall of the map).
     */
    public static double neighbourRecall(double[][] rows, double[][] points, int k) {
        int n = rows.length;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            java.util.Set<Integer> high = new java.util.HashSet<>();
            for (int j : nearest(rows, i, k)) {
                high.add(j);
            }
            int kept = 0;
            for (int j : nearest(points, i, k)) {
                kept += high.contains(j) ? 1 : 0;
            }
            sum += (double) kept / k;
        }
        return sum / n;
    }

    /** The {@code k} rows nearest to row {@code i}, ties to the lower index. */
    static int[] nearest(double[][] rows, int i, int k) {
        int n = rows.length;
        double[] d = new double[n];
        Integer[] order = new Integer[n - 1];
        int m = 0;
        for (int j = 0; j < n; j++) {
            if (j != i) {
                double s = 0;
                for (int c = 0; c < rows[i].length; c++) {
                    double x = rows[i][c] - rows[j][c];
                    s += x * x;
                }
                d[j] = s;
                order[m++] = j;
            }
        }
        java.util.Arrays.sort(order, (a, b) -> d[a] != d[b] ? Double.compare(d[a], d[b]) : Integer.compare(a, b));
        int[] out = new int[Math.min(k, order.length)];
        for (int r = 0; r < out.length; r++) {
            out[r] = order[r];
        }
        return out;
    }
}

package dev.seqmind.insight.similar;

import dev.seqmind.insight.vector.VectorTable;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Exact nearest neighbours by cosine similarity over a {@link VectorTable}: every row is compared with the query
 * (brute force, {@code O(rows * dim)} per query, a few milliseconds for 100k rows of 64 values). Rows of norm 0
 * have similarity 0 with everything. Norms are computed once at construction. Immutable and thread-safe.
 */
public final class CosineNeighbours implements NeighbourIndex {
    private final VectorTable table;
    private final double[] norms;

    public CosineNeighbours(VectorTable table) {
        this.table = table;
        this.norms = new double[table.size()];
        for (int i = 0; i < norms.length; i++) {
            norms[i] = Math.sqrt(dot(table.row(i), table.row(i)));
        }
    }

    @Override
    public int size() {
        return norms.length;
    }

    /** The cosine of rows {@code a} and {@code b}. */
    public double similarity(int a, int b) {
        return cosine(table.row(a), norms[a], table.row(b), norms[b]);
    }

    /** The cosine of two vectors of equal length; 0 when either has norm 0. */
    public static double cosine(double[] a, double[] b) {
        return cosine(a, Math.sqrt(dot(a, a)), b, Math.sqrt(dot(b, b)));
    }

    /**
     * The {@code k} rows most similar to row {@code query}, the query itself excluded, most similar first; equal
     * similarities go to the lower row.
     */
    @Override
    public List<Neighbour> nearest(int query, int k) {
        double[] q = table.row(query);
        double qn = norms[query];
        PriorityQueue<Neighbour> heap = new PriorityQueue<>(CosineNeighbours::worseFirst);
        for (int i = 0; i < norms.length; i++) {
            if (i == query) {
                continue;
            }
            Neighbour n = new Neighbour(i, table.ids().get(i), cosine(q, qn, table.row(i), norms[i]));
            if (heap.size() < k) {
                heap.add(n);
            } else if (k > 0 && worseFirst(n, heap.peek()) > 0) {
                heap.poll();
                heap.add(n);
            }
        }
        List<Neighbour> out = new ArrayList<>(heap);
        out.sort((x, y) -> worseFirst(y, x));
        return out;
    }

    /** Orders the worse neighbour first: lower similarity, then higher row. */
    private static int worseFirst(Neighbour a, Neighbour b) {
        int c = Double.compare(a.similarity(), b.similarity());
        return c != 0 ? c : Integer.compare(b.index(), a.index());
    }

    private static double cosine(double[] a, double an, double[] b, double bn) {
        return an == 0 || bn == 0 ? 0 : dot(a, b) / (an * bn);
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}

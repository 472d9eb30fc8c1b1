package dev.seqmind.insight.similar;

import com.github.jelmerk.hnswlib.core.DistanceFunctions;
import com.github.jelmerk.hnswlib.core.Item;
import com.github.jelmerk.hnswlib.core.SearchResult;
import com.github.jelmerk.hnswlib.core.hnsw.HnswIndex;
import dev.seqmind.data.error.InvalidParameterException;
import dev.seqmind.insight.vector.VectorTable;

import java.util.ArrayList;
import java.util.List;

/**
 * Approximate nearest neighbours by cosine through a hierarchical navigable small-world graph (Malkov and Yashunin;
 * jelmerk's hnswlib, Apache 2.0). Rows are scaled to unit length so that the graph's inner-product distance
 * {@code 1 - dot} is one minus the cosine; rows of norm 0 stay zero and have similarity 0 with everything, as in
 * {@link CosineNeighbours}. Building costs about {@code O(n log n)} distance evaluations, each query about
 * {@code O(ef log n)}, against {@code O(n)} for the exact scan: it pays when many rows are queried.
 *
 * <p>Results are approximate: a true neighbour can be missed (recall below 1), never invented (every similarity
 * returned is the exact cosine). Immutable after construction and safe for concurrent queries.
 */
public final class HnswNeighbours implements NeighbourIndex {
    private final VectorTable table;
    private final HnswIndex<Integer, float[], Row, Float> index;
    private final float[][] unit;

    /**
     * Graph settings: {@code m} links per node (memory and recall), {@code efConstruction} candidates kept while
     * inserting, {@code ef} candidates kept while searching (recall against speed, at least {@code k}).
     */
    public record Settings(int m, int efConstruction, int ef) {
        public Settings {
            InvalidParameterException.requireInRange("m", m, 2, 256);
            InvalidParameterException.requireInRange("efConstruction", efConstruction, 1, 10_000);
            InvalidParameterException.requireInRange("ef", ef, 1, 10_000);
        }

        /** m 16, efConstruction 200, ef 100: recall@10 above 0.95 on the vectors tested. */
        public static Settings defaults() {
            return new Settings(16, 200, 100);
        }
    }

    /** One row in the graph: its row number and unit vector. */
    record Row(Integer id, float[] vector) implements Item<Integer, float[]> {
        @Override
        public int dimensions() {
            return vector.length;
        }
    }

    /** Builds the graph over every row of {@code table} with {@code threads} inserting threads. */
    public HnswNeighbours(VectorTable table, Settings settings, int threads) {
        this.table = table;
        int n = table.size();
        this.unit = new float[n][];
        List<Row> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double[] r = table.row(i);
            double norm = 0;
            for (double v : r) {
                norm += v * v;
            }
            norm = Math.sqrt(norm);
            float[] u = new float[r.length];
            for (int j = 0; norm > 0 && j < r.length; j++) {
                u[j] = (float) (r[j] / norm);
            }
            unit[i] = u;
            rows.add(new Row(i, u));
        }
        this.index = HnswIndex.newBuilder(table.dim(), DistanceFunctions.FLOAT_INNER_PRODUCT, Math.max(1, n))
                .withM(settings.m()).withEfConstruction(settings.efConstruction()).withEf(settings.ef()).build();
        try {
            index.addAll(rows, Math.max(1, threads), (done, max) -> { }, Math.max(1, n));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while building the neighbour graph", e);
        }
    }

    @Override
    public int size() {
        return unit.length;
    }

    /**
     * The {@code k} rows found most similar to row {@code query} (the query excluded), most similar first, equal
     * similarities to the lower row; the similarity is the exact cosine of the two rows.
     */
    @Override
    public List<Neighbour> nearest(int query, int k) {
        if (k <= 0) {
            return List.of();
        }
        List<SearchResult<Row, Float>> found = index.findNearest(unit[query], Math.min(k + 1, unit.length));
        List<Neighbour> out = new ArrayList<>(found.size());
        for (SearchResult<Row, Float> r : found) {
            int i = r.item().id();
            if (i != query) {
                out.add(new Neighbour(i, table.ids().get(i), dot(unit[query], unit[i])));
            }
        }
        out.sort((a, b) -> a.similarity() != b.similarity() ? Double.compare(b.similarity(), a.similarity())
                : Integer.compare(a.index(), b.index()));
        return out.size() > k ? List.copyOf(out.subList(0, k)) : out;
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (double) a[i] * b[i];
        }
        return s;
    }
}

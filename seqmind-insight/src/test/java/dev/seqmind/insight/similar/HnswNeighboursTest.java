package dev.seqmind.insight.similar;

import dev.seqmind.insight.vector.VectorTable;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The HNSW search against the exact scan: recall@10 over 300 queries on 8,000 clustered 32-d vectors (measured
 * 1.000 with the default settings; bound asserted 0.95), the similarities it reports are the exact cosines, and the
 * query never appears among its own neighbours.
 */
class HnswNeighboursTest {
    static final double MIN_RECALL_AT_10 = 0.95;

    /** {@code n} rows around 40 random centres, Gaussian noise of sd 0.5 per coordinate, some rows of zeros. */
    static VectorTable clustered(int n, int dim, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[][] centres = new double[40][dim];
        for (double[] c : centres) {
            for (int j = 0; j < dim; j++) {
                c[j] = rnd.nextGaussian();
            }
        }
        double[][] rows = new double[n][dim];
        List<String> ids = new ArrayList<>(n);
        List<String> cols = new ArrayList<>(dim);
        for (int j = 0; j < dim; j++) {
            cols.add("c" + j);
        }
        for (int i = 0; i < n; i++) {
            ids.add("r" + i);
            if (i % 1000 == 999) {
                continue; // a zero row: similarity 0 with everything
            }
            double[] c = centres[rnd.nextInt(centres.length)];
            for (int j = 0; j < dim; j++) {
                rows[i][j] = c[j] + 0.5 * rnd.nextGaussian();
            }
        }
        return new VectorTable("clustered", ids, cols, rows);
    }

    @Test
    void recallAtTenAgainstExactSearch() {
        VectorTable table = clustered(8_000, 32, 11);
        CosineNeighbours exact = new CosineNeighbours(table);
        HnswNeighbours approx = new HnswNeighbours(table, HnswNeighbours.Settings.defaults(), 1);
        assertThat(approx.size()).isEqualTo(8_000);
        SplittableRandom rnd = new SplittableRandom(3);
        int found = 0;
        int asked = 0;
        for (int q = 0; q < 300; q++) {
            int query = rnd.nextInt(table.size());
            if (query % 1000 == 999) {
                continue;
            }
            Set<Integer> truth = new HashSet<>();
            exact.nearest(query, 10).forEach(n -> truth.add(n.index()));
            List<Neighbour> got = approx.nearest(query, 10);
            assertThat(got).hasSize(10);
            for (Neighbour n : got) {
                assertThat(n.index()).isNotEqualTo(query);
                assertThat(n.similarity()).isCloseTo(exact.similarity(query, n.index()), within(1e-5));
                found += truth.contains(n.index()) ? 1 : 0;
            }
            for (int i = 1; i < got.size(); i++) {
                assertThat(got.get(i).similarity()).isLessThanOrEqualTo(got.get(i - 1).similarity());
            }
            asked += 10;
        }
        double recall = (double) found / asked;
        System.out.printf("HNSW recall@10 %.4f over %d queries%n", recall, asked / 10);
        assertThat(recall).isGreaterThan(MIN_RECALL_AT_10);
    }

    @Test
    void smallTablesAndZeroRows() {
        VectorTable t = new VectorTable("t", List.of("a", "b", "c"), List.of("x", "y"),
                new double[][] {{1, 0}, {0.9, 0.1}, {0, 0}});
        List<Neighbour> near = new HnswNeighbours(t, HnswNeighbours.Settings.defaults(), 1).nearest(0, 5);
        assertThat(near).extracting(Neighbour::id).containsExactly("b", "c");
        assertThat(near.get(1).similarity()).isZero();
        assertThat(near).extracting(Neighbour::id)
                .containsExactlyElementsOf(new CosineNeighbours(t).nearest(0, 5).stream().map(Neighbour::id).toList());
    }
}

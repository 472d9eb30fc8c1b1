package dev.seqmind.insight.map;

import dev.seqmind.data.generate.GeneratorConfig;
import dev.seqmind.data.generate.LogGenerator;
import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.insight.vector.ItemCategories;
import dev.seqmind.insight.vector.UserActivity;
import dev.seqmind.insight.vector.UserFeatures;
import dev.seqmind.insight.vector.VectorTable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * UMAP keeps planted segments together: users of one planted interest segment are each other's neighbours on the
 * 2-D map. Measured on 1,200 users of a generated log with 4 planted segments (chance 0.25): 10-NN same-segment share
 * 0.919 on the interest vectors themselves and 0.908 on the map; bound asserted 0.85.
 */
class UmapProjectionTest {
    /** The share of a user's 10 nearest map points from its own planted segment must exceed this. */
    static final double MIN_SAME_SEGMENT = 0.85;

    @Test
    void plantedSegmentsStayTogetherOnTheMap() {
        LogGenerator gen = new LogGenerator(GeneratorConfig.of(1_200, 800, 36_000, 21).withSegments(4));
        SequenceDataset data = gen.toDataset();
        VectorTable interests = UserFeatures.of(data, ItemCategories.of(data, 24), UserActivity.of(data))
                .select("category:", "interests");
        int[] truth = new int[data.numUsers()];
        for (int u = 0; u < truth.length; u++) {
            truth[u] = gen.plantedSegment(Integer.parseInt(data.users().externalId(u)) - 1);
        }
        double[][] map = UmapProjection.defaults(42).fit(interests.rows());
        double onMap = NeighbourPreservation.sameLabelShare(map, truth, 10);
        double inInput = NeighbourPreservation.sameLabelShare(interests.rows(), truth, 10);
        double chance = NeighbourPreservation.chanceShare(truth);
        System.out.printf("UMAP 10-NN same planted segment: map %.3f, input %.3f, chance %.3f%n", onMap, inInput,
                chance);
        assertThat(map.length).isEqualTo(data.numUsers());
        assertThat(chance).isBetween(0.2, 0.3);
        assertThat(onMap).isGreaterThan(MIN_SAME_SEGMENT);
        // the same seed gives the same map
        assertThat(UmapProjection.defaults(42).fit(interests.rows())[7]).containsExactly(map[7]);
    }

    @Test
    void sameLabelShareAndRecallOnAHandCase() {
        // two groups on a line: {0, 1, 2} at 0..2 and {3, 4, 5} at 10..12; each point's 2 nearest are its group
        double[][] pts = {{0, 0}, {1, 0}, {2, 0}, {10, 0}, {11, 0}, {12, 0}};
        int[] labels = {0, 0, 0, 1, 1, 1};
        assertThat(NeighbourPreservation.sameLabelShare(pts, labels, 2)).isEqualTo(1.0);
        // 3 nearest: always the 2 of the group plus 1 of the other
        assertThat(NeighbourPreservation.sameLabelShare(pts, labels, 3)).isEqualTo(2.0 / 3);
        // 6 points, 2 groups of 3: P(same) = 2 * (3 * 2) / (6 * 5) = 0.4
        assertThat(NeighbourPreservation.chanceShare(labels)).isCloseTo(0.4, org.assertj.core.data.Offset.offset(1e-12));
        double[][] mirrored = new double[pts.length][];
        for (int i = 0; i < pts.length; i++) {
            mirrored[i] = new double[] {-pts[i][0] * 3, 5};
        }
        assertThat(NeighbourPreservation.neighbourRecall(pts, mirrored, 2)).isEqualTo(1.0);
    }
}

package dev.seqmind.insight.segment;

import dev.seqmind.data.generate.GeneratorConfig;
import dev.seqmind.data.generate.LogGenerator;
import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.data.progress.Progress;
import dev.seqmind.insight.vector.ItemCategories;
import dev.seqmind.insight.vector.UserActivity;
import dev.seqmind.insight.vector.UserFeatures;
import dev.seqmind.insight.vector.VectorTable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PlantedSegmentRecoveryTest {
    /** The bound the recovered segments must beat (measured 0.84 on this log; 0 is chance, 1 is exact). */
    static final double MIN_ARI = 0.75;

    @Test
    void kMeansOnInterestsRecoversThePlantedSegmentsAndSilhouetteFindsTheirNumber() {
        LogGenerator gen = new LogGenerator(GeneratorConfig.of(3_000, 1_500, 90_000, 21).withSegments(4));
        SequenceDataset data = gen.toDataset();
        VectorTable features = UserFeatures.of(data, ItemCategories.of(data, 24), UserActivity.of(data))
                .select("category:", "interests");
        Segmenter.Result r = Segmenter.defaults(7).withK(2, 8, 0).segment(features.rows(), Progress.NONE);
        int[] truth = new int[data.numUsers()];
        for (int u = 0; u < truth.length; u++) {
            truth[u] = gen.plantedSegment(Integer.parseInt(data.users().externalId(u)) - 1);
        }
        double ari = AdjustedRandIndex.of(truth, r.clustering().labels());
        System.out.printf("planted 4: chose k=%d (elbow %d), silhouette %.3f, ARI %.3f%n", r.choice().chosen(),
                r.choice().byElbow(), r.silhouette(), ari);
        assertThat(r.choice().chosen()).isEqualTo(4);
        assertThat(ari).isGreaterThan(MIN_ARI);
    }
}

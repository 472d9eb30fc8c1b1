package dev.seqmind.data.generate;

import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.data.progress.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PlantedSegmentsTest {
    private static final int SEGMENTS = 4;
    private final LogGenerator gen = new LogGenerator(GeneratorConfig.of(2_000, 800, 60_000, 11)
            .withSegments(SEGMENTS));

    @Test
    void everyUserHasAKnownSegmentOfRoughlyEqualSize() {
        int[] sizes = new int[SEGMENTS];
        for (int u = 0; u < 2_000; u++) {
            sizes[gen.plantedSegment(u)]++;
        }
        for (int s : sizes) {
            assertThat(s).isBetween(400, 600);
        }
        assertThat(new LogGenerator(GeneratorConfig.of(10, 100, 100, 1)).plantedSegment(3)).isEqualTo(-1);
    }

    @Test
    void segmentsBrowseTheirOwnDepartmentAndCartAtTheirOwnRate() {
        SequenceDataset data = gen.toDataset();
        List<String> departments = List.of("Clothing", "Electronics", "Home", "Sports", "Books", "Beauty", "Toys",
                "Grocery");
        int cart = data.actions().denseId("cart");
        double[] own = new double[SEGMENTS];
        double[] events = new double[SEGMENTS];
        double[] carts = new double[SEGMENTS];
        for (int u = 0; u < data.numUsers(); u++) {
            int s = gen.plantedSegment(Integer.parseInt(data.users().externalId(u)) - 1);
            for (int i = data.start(u); i < data.end(u); i++) {
                String dept = data.catalog().get(data.items().externalId(data.item(i))).categories().get(0);
                if (departments.indexOf(dept) == s) {
                    own[s]++;
                }
                carts[s] += data.action(i) == cart ? 1 : 0;
                events[s]++;
            }
        }
        for (int s = 0; s < SEGMENTS; s++) {
            // one of eight departments is the segment's own: without planting about an eighth of the events
            assertThat(own[s] / events[s]).as("segment " + s).isGreaterThan(0.6);
        }
        // cart rates rise from the first segment (0.5x) to the last (2x)
        assertThat(carts[SEGMENTS - 1] / events[SEGMENTS - 1]).isGreaterThan(2.5 * carts[0] / events[0]);
    }

    @Test
    void writesTrueMembershipBesideTheLog(@TempDir Path tmp) throws IOException {
        gen.writeTo(tmp, "log.csv", Progress.NONE);
        List<String> lines = Files.readAllLines(tmp.resolve(LogGenerator.SEGMENTS_FILE));
        assertThat(lines).hasSize(2_001);
        assertThat(lines.get(0)).isEqualTo("user\tsegment");
        assertThat(lines.get(5)).isEqualTo("5\t" + gen.plantedSegment(4));
    }
}

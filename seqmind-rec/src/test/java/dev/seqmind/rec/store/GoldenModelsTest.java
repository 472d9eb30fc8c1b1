package dev.seqmind.rec.store;

import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.rec.FitContext;
import dev.seqmind.rec.Recommender;
import dev.seqmind.rec.RecommenderTrainer;
import dev.seqmind.rec.TestData;
import dev.seqmind.rec.model.classic.ClassicTrainers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Model directories saved by release 0.1.0 (checked in under {@code src/test/resources/golden}) must keep loading
 * and scoring exactly like a fresh fit. Regenerate only on a deliberate format change, with
 * {@code -Dseqmind.golden.write=true}, and bump the format's version then.
 */
class GoldenModelsTest {
    private static final SequenceDataset DATA = TestData.of(9,
            new int[] {0, 1, 2, 3, 4}, new int[] {1, 2, 3, 4, 5}, new int[] {0, 2, 3, 5, 6}, new int[] {6, 1, 2, 0},
            new int[] {7, 8, 1, 2, 3}, new int[] {0, 1, 2, 8});

    static Stream<String> names() {
        return ClassicTrainers.NAMES.stream();
    }

    @ParameterizedTest
    @MethodSource("names")
    void goldenDirectoryLoadsAndScoresLikeAFreshFit(String name) throws Exception {
        RecommenderTrainer trainer = ClassicTrainers.byName(name).orElseThrow();
        FitContext ctx = FitContext.of(7);
        Recommender fresh = trainer.fit(DATA, ctx);
        Path dir = Path.of(System.getProperty("seqmind.root", ".")).resolve("seqmind-rec/src/test/resources/golden")
                .resolve(name);
        if (Boolean.getBoolean("seqmind.golden.write")) {
            ModelDirectory.save(fresh, dir, Provenance.of(DATA, trainer, ctx));
        }
        assertThat(Files.isDirectory(dir)).as("golden model directory " + dir).isTrue();
        Recommender golden = ModelDirectory.load(dir);
        for (int[] h : new int[][] {{}, {0}, {1, 2}, {0, 1, 2}, {7, 8, 1}, {6, 1, 2, 0}}) {
            float[] a = new float[DATA.numItems()];
            float[] b = new float[DATA.numItems()];
            fresh.score(h, a);
            golden.score(h, b);
            assertThat(b).as(name + " after " + java.util.Arrays.toString(h)).containsExactly(a);
        }
    }
}

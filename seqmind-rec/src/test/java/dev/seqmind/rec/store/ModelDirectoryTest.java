package dev.seqmind.rec.store;

import dev.seqmind.data.model.DatasetFingerprint;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.seqmind.data.error.InputFormatException;
import dev.seqmind.data.model.ItemCatalog;
import dev.seqmind.data.model.ItemMetadata;
import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.rec.FitContext;
import dev.seqmind.rec.Recommender;
import dev.seqmind.rec.RecommenderTrainer;
import dev.seqmind.rec.TestData;
import dev.seqmind.rec.model.pop.PopularityTrainer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelDirectoryTest {
    private static final SequenceDataset DATA = TestData.of(7,
            new int[] {0, 1, 2, 3}, new int[] {1, 2, 3, 4}, new int[] {0, 2, 3, 5}, new int[] {6, 1, 2, 0});

    static Stream<RecommenderTrainer> trainers() {
        return ClassicTrainersForTest.all();
    }

    @ParameterizedTest
    @MethodSource("trainers")
    void savedModelLoadsAndScoresIdentically(RecommenderTrainer trainer, @TempDir Path dir) throws Exception {
        FitContext ctx = FitContext.of(3);
        Recommender model = trainer.fit(DATA, ctx);
        var catalog = new ItemCatalog(Map.of("2", new ItemMetadata("Two", List.of("g"), "", Map.of())));
        ModelDirectory.save(model, dir, Provenance.of(DATA, trainer, ctx), catalog);

        Recommender loaded = ModelDirectory.load(dir);
        assertThat(loaded.getClass()).isEqualTo(model.getClass());
        assertThat(loaded.name()).isEqualTo(model.name());
        assertThat(loaded.items()).isEqualTo(model.items());
        for (int[] h : new int[][] {{}, {0}, {1, 2}, {0, 2, 3}, {6, 1}}) {
            float[] a = new float[7];
            float[] b = new float[7];
            model.score(h, a);
            loaded.score(h, b);
            assertThat(b).containsExactly(a);
            assertThat(loaded.explain(h, 3)).isEqualTo(model.explain(h, 3));
        }
        var meta = ModelDirectory.readMeta(dir);
        assertThat(meta.provenance().datasetFingerprint()).isEqualTo(DatasetFingerprint.of(DATA).id());
        assertThat(meta.provenance().params()).isEqualTo(trainer.params());
        assertThat(ItemsFile.readCatalog(dir).label("2")).isEqualTo("Two");
    }

    @Test
    void saveReplacesAModelDirectoryWholeAndLeavesNoTemporaryFiles(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("m");
        var pop = new PopularityTrainer();
        ModelDirectory.save(pop.fit(DATA, FitContext.of(1)), dir, Provenance.of(DATA, pop, FitContext.of(1)));
        var markov = dev.seqmind.rec.model.markov.MarkovTrainer.ofOrder(1);
        var catalog = new ItemCatalog(Map.of("3", new ItemMetadata("Three", List.of(), "", Map.of())));
        ModelDirectory.save(markov.fit(DATA, FitContext.of(1)), dir, Provenance.of(DATA, markov, FitContext.of(1)),
                catalog);
        try (var loaded = ModelDirectory.open(dir)) {
            assertThat(loaded.meta().type()).isEqualTo("markov");
            assertThat(loaded.model().name()).isEqualTo(loaded.meta().name());
            assertThat(loaded.catalog().label("3")).isEqualTo("Three");
            assertThat(loaded.dir()).isEqualTo(dir);
        }
        assertThat(java.nio.file.Files.exists(dir.resolve("popularity.bin"))).as("no file of the old model").isFalse();
        try (var s = java.nio.file.Files.list(tmp)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactly("m");
        }
    }

    @Test
    void saveRefusesANonEmptyDirectoryThatHoldsNoModel(@TempDir Path tmp) throws Exception {
        java.nio.file.Files.writeString(tmp.resolve("notes.txt"), "mine");
        var pop = new PopularityTrainer();
        assertThatThrownBy(() -> ModelDirectory.save(pop.fit(DATA, FitContext.of(1)), tmp,
                Provenance.of(DATA, pop, FitContext.of(1)))).hasMessageContaining("refusing to replace");
        assertThat(java.nio.file.Files.readString(tmp.resolve("notes.txt"))).isEqualTo("mine");
    }

    @Test
    void refusesAnUnknownFormatVersion(@TempDir Path dir) throws Exception {
        var trainer = new PopularityTrainer();
        ModelDirectory.save(trainer.fit(DATA, FitContext.of(1)), dir, Provenance.of(DATA, trainer, FitContext.of(1)));
        ObjectMapper om = new ObjectMapper();
        ObjectNode meta = (ObjectNode) om.readTree(dir.resolve("model.json").toFile());
        meta.put("formatVersion", 99);
        om.writeValue(dir.resolve("model.json").toFile(), meta);
        assertThatThrownBy(() -> ModelDirectory.load(dir)).isInstanceOf(InputFormatException.class)
                .hasMessageContaining("version 99");
        meta.put("formatVersion", 1).put("type", "nonsense");
        om.writeValue(dir.resolve("model.json").toFile(), meta);
        assertThatThrownBy(() -> ModelDirectory.load(dir)).hasMessageContaining("unknown model type 'nonsense'");
    }

    @Test
    void fingerprintDependsOnContent() {
        assertThat(DatasetFingerprint.of(DATA)).isEqualTo(DatasetFingerprint.of(TestData.of(7,
                new int[] {0, 1, 2, 3}, new int[] {1, 2, 3, 4}, new int[] {0, 2, 3, 5}, new int[] {6, 1, 2, 0})));
        assertThat(DatasetFingerprint.of(DATA)).isNotEqualTo(DatasetFingerprint.of(TestData.of(7,
                new int[] {0, 1, 2, 3}, new int[] {1, 2, 3, 4}, new int[] {0, 2, 3, 5}, new int[] {6, 1, 0, 2})));
    }
}

package dev.seqmind.neural.text;

import dev.seqmind.data.model.DatasetInfo;
import dev.seqmind.data.model.IdMap;
import dev.seqmind.data.model.ItemCatalog;
import dev.seqmind.data.model.ItemMetadata;
import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.data.model.SequenceDatasetBuilder;
import dev.seqmind.data.model.TimeKind;
import dev.seqmind.neural.engine.EngineOptions;
import dev.seqmind.neural.model.NeuralRecommender;
import dev.seqmind.neural.sasrec.SasRecConfig;
import dev.seqmind.neural.sasrec.SasRecLoss;
import dev.seqmind.neural.train.TrainConfig;
import dev.seqmind.rec.FitContext;
import dev.seqmind.rec.Recommender;
import dev.seqmind.rec.store.ModelDirectory;
import dev.seqmind.rec.store.Provenance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** Two taste groups; the last title of each group never occurs in the log and must be ranked by its text alone. */
class HybridSasRecTest {
    private static final String[] SPACE = {"Star Wars: Episode IV - A New Hope", "Star Trek: The Motion Picture",
            "Alien", "2001: A Space Odyssey", "Apollo 13", "Star Trek: First Contact"};
    private static final String[] ROMANCE = {"Sense and Sensibility", "Pride and Prejudice", "Emma",
            "Sleepless in Seattle", "Notting Hill", "Persuasion"};
    static final int COLD_SPACE = 5;
    static final int COLD_ROMANCE = 11;

    static SequenceDataset dataset() {
        return dataset(i -> i < 6 ? new ItemMetadata(SPACE[i], List.of("Sci-Fi", "Adventure"), "", Map.of())
                : new ItemMetadata(ROMANCE[i - 6], List.of("Romance", "Drama"), "", Map.of()));
    }

    /**
     * Items {@code m0..m11} with {@code metadata(i)}: users of even number view {@code m0..m4}, the others
     * {@code m6..m10}, so {@code m5} and {@code m11} have no events.
     */
    static SequenceDataset dataset(java.util.function.IntFunction<ItemMetadata> metadata) {
        IdMap.Builder items = new IdMap.Builder();
        Map<String, ItemMetadata> catalog = new LinkedHashMap<>();
        for (int i = 0; i < 12; i++) {
            items.getOrAdd("m" + i);
            catalog.put("m" + i, metadata.apply(i));
        }
        var b = new SequenceDatasetBuilder(DatasetInfo.of("tastes", TimeKind.ORDINAL), 1024, new IdMap.Builder(),
                items, new IdMap.Builder());
        SplittableRandom rnd = new SplittableRandom(3);
        long t = 0;
        for (int u = 0; u < 120; u++) {
            int base = u % 2 == 0 ? 0 : 6;
            for (int j = 0; j < 8; j++) {
                b.add("u" + u, "m" + (base + rnd.nextInt(5)), "view", t++);
            }
        }
        return b.catalog(new ItemCatalog(catalog)).build();
    }

    @Test
    void scoresItemsAbsentFromTrainingByTheirContent(@TempDir Path cache) throws java.io.IOException {
        SequenceDataset data = dataset();
        assertThat(data.itemCounts()[COLD_SPACE]).isZero();
        assertThat(data.itemCounts()[COLD_ROMANCE]).isZero();
        var trainer = new HybridTrainer(new SasRecConfig(16, 1, 1, 0f, 8, SasRecLoss.FULL_SOFTMAX, 8),
                TextSettings.of(TextModelSpec.MINILM).withCacheDir(cache), List.of(),
                TrainConfig.defaults().withEpochs(15).withBatch(32).withLearningRate(5e-3f).withPatience(0)
                        .withExcludeSeen(false), EngineOptions.defaults(), 0.3f);
        Recommender r = trainer.fit(data, new FitContext(5, 1, List.of(), dev.seqmind.data.progress.Progress.NONE));
        assertThat(((NeuralRecommender) r).network().name()).isEqualTo("sasrec-text");
        float[] space = assertColdItemsRankedByContent(r)[0];
        // and the warm items of the user's own taste stay on top
        assertThat(min(space, 0, 5)).isGreaterThan(max(space, 6, 11));

        // a model directory keeps the item text, the text model and the content-only items: the same scores after
        // a reload (the vectors are rebuilt from items.json through the cache)
        Path dir = cache.resolve("model");
        ModelDirectory.save(r, dir, Provenance.of(data, trainer, FitContext.of(5)), data.catalog());
        assertThat(dir.resolve("text.json")).exists();
        Recommender back = ModelDirectory.load(dir);
        float[] again = new float[12];
        back.score(new int[] {0, 2, 1, 3}, again);
        assertThat(again).containsExactly(space, org.assertj.core.data.Offset.offset(1e-5f));
    }

    /**
     * The scores after a space history ({@code [0]}) and after a romance history ({@code [1]}), having checked that
     * each ranks the cold item of its own taste above the other one, with finite scores.
     */
    static float[][] assertColdItemsRankedByContent(Recommender r) {
        float[] space = new float[12];
        float[] romance = new float[12];
        r.score(new int[] {0, 2, 1, 3}, space);
        r.score(new int[] {6, 8, 7, 9}, romance);
        assertThat(space[COLD_SPACE]).isFinite().isGreaterThan(space[COLD_ROMANCE]);
        assertThat(romance[COLD_ROMANCE]).isFinite().isGreaterThan(romance[COLD_SPACE]);
        return new float[][] {space, romance};
    }

    static float min(float[] s, int from, int to) {
        float m = Float.POSITIVE_INFINITY;
        for (int i = from; i < to; i++) {
            m = Math.min(m, s[i]);
        }
        return m;
    }

    static float max(float[] s, int from, int to) {
        float m = Float.NEGATIVE_INFINITY;
        for (int i = from; i < to; i++) {
            m = Math.max(m, s[i]);
        }
        return m;
    }
}

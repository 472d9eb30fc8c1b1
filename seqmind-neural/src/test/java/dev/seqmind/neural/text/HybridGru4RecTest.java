package dev.seqmind.neural.text;

import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.neural.engine.EngineOptions;
import dev.seqmind.neural.gru4rec.Gru4RecConfig;
import dev.seqmind.neural.model.NeuralRecommender;
import dev.seqmind.neural.train.TrainConfig;
import dev.seqmind.rec.FitContext;
import dev.seqmind.rec.Recommender;
import dev.seqmind.rec.store.ModelDirectory;
import dev.seqmind.rec.store.Provenance;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code gru4rec-text} on the two taste groups of {@link HybridSasRecTest}: items without events scored by content. */
class HybridGru4RecTest {
    @Test
    void coldItemsGetFiniteContentDependentScores(@TempDir Path cache) throws IOException {
        SequenceDataset data = HybridSasRecTest.dataset();
        var trainer = new HybridTrainer(new Gru4RecConfig(16, 16, 0f, 8),
                TextSettings.of(TextModelSpec.MINILM).withCacheDir(cache), List.of(),
                TrainConfig.defaults().withEpochs(15).withBatch(32).withLearningRate(5e-3f).withPatience(0)
                        .withExcludeSeen(false), EngineOptions.defaults(), 0.3f);
        assertThat(trainer.name()).isEqualTo("gru4rec-text");
        Recommender r = trainer.fit(data, new FitContext(5, 1, List.of(), dev.seqmind.data.progress.Progress.NONE));
        assertThat(((NeuralRecommender) r).network().name()).isEqualTo("gru4rec-text");
        // neither cold item has an event; which one a history ranks higher depends on their text alone
        float[][] scores = HybridSasRecTest.assertColdItemsRankedByContent(r);
        float[] space = scores[0];
        float[] romance = scores[1];
        assertThat(HybridSasRecTest.min(space, 0, 5)).isGreaterThan(HybridSasRecTest.max(space, 6, 11));

        Path dir = cache.resolve("model");
        ModelDirectory.save(r, dir, Provenance.of(data, trainer, FitContext.of(5)), data.catalog());
        Recommender back = ModelDirectory.load(dir);
        assertThat(back.name()).isEqualTo("gru4rec-text");
        float[] again = new float[12];
        back.score(new int[] {6, 8, 7, 9}, again);
        assertThat(again).containsExactly(romance, Offset.offset(1e-5f));
    }
}

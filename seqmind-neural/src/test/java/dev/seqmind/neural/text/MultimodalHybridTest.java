package dev.seqmind.neural.text;

import ai.djl.ndarray.NDManager;
import dev.seqmind.data.model.ItemMetadata;
import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.neural.engine.EngineOptions;
import dev.seqmind.neural.engine.NeuralEngine;
import dev.seqmind.neural.modality.ModalityFile;
import dev.seqmind.neural.modality.ModalityVectors;
import dev.seqmind.neural.nn.ParameterStore;
import dev.seqmind.neural.sasrec.SasRecConfig;
import dev.seqmind.neural.sasrec.SasRecLoss;
import dev.seqmind.neural.train.TrainConfig;
import dev.seqmind.rec.FitContext;
import dev.seqmind.rec.Recommender;
import dev.seqmind.rec.store.ModelDirectory;
import dev.seqmind.rec.store.Provenance;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** Item vectors of another modality fused into the hybrid table: the mask, a trained model, save and load. */
class MultimodalHybridTest {
    private static final int DIM = 4;

    /**
     * Three items, text of 2 dims, an "image" modality of 3 dims that item 1 lacks (its row holds garbage that the
     * mask must keep out), item 2 without training events.
     */
    @Test
    void anItemWithoutTheModalityGetsExactlyTheRepresentationWithoutIt() {
        var text = new ItemVectors("t", 2, new float[] {1, 0, 0, 1, 0.6f, 0.8f}, new boolean[] {true, true, true},
                new ItemVectors.Stats(3, 0, 0, 3, 0, 0));
        var image = new ModalityVectors("image", "test", 3, new float[] {1, 0, 0, 5, 5, 5, 0, 0.6f, 0.8f},
                new boolean[] {true, false, true}, new ModalityVectors.Coverage(2, 2, 0, 1, List.of()));
        int[] counts = {4, 2, 0};
        var rep = new TextItemRepresentation(text, List.of(image), counts, TextSettings.of(TextModelSpec.MINILM), 0f);
        try (ParameterStore p = new ParameterStore(NeuralEngine.start().newBaseManager());
             NDManager m = p.manager().newSubManager()) {
            SplittableRandom rng = new SplittableRandom(1);
            p.normal("item_emb", rng, 0.5f, 4, DIM);
            rep.init(p, rng, 3, DIM);
            float[] table = rep.table(p).toFloatArray();
            float[] training = rep.trainingTable(p, m, new SplittableRandom(2)).toFloatArray();
            Map<String, float[]> w = p.snapshot();
            float[] id = w.get("item_emb");
            float[] wt = w.get("text_proj");
            float[] wi = w.get(TextItemRepresentation.projection("image"));
            for (int item = 0; item < 3; item++) {
                float known = counts[item] > 0 ? 1 : 0;
                for (int r = 0; r < DIM; r++) {
                    double withoutImage = known * id[(item + 1) * DIM + r] + dot(wt, r, 2, text.matrix(), item);
                    double withImage = withoutImage + dot(wi, r, 3, image.matrix(), item);
                    float got = table[(item + 1) * DIM + r];
                    if (item == 1) {
                        assertThat(got).isCloseTo((float) withoutImage, Offset.offset(1e-6f));
                    } else {
                        assertThat(got).isCloseTo((float) withImage, Offset.offset(1e-6f));
                        assertThat(Math.abs(withImage - withoutImage)).isGreaterThan(1e-4);
                    }
                    // in training, an item without events has a zero row (it did not exist yet)
                    assertThat(training[(item + 1) * DIM + r]).isCloseTo(item == 2 ? 0f : got, Offset.offset(1e-6f));
                }
            }
        }
    }

    private static double dot(float[] w, int row, int cols, float[] matrix, int item) {
        double s = 0;
        for (int k = 0; k < cols; k++) {
            s += w[row * cols + k] * matrix[item * cols + k];
        }
        return s;
    }

    /**
     * Titles that carry no taste ("Catalogue item 7"), and a second modality derived from the genres (space or
     * romance, a 2-dim vector with a little noise), as image embeddings would carry what the title does not: the
     * items without events are ranked by the modality. The file lacks one warm item and has an id the data lacks.
     */
    @Test
    void aModalityFileIsFusedSavedAndLoadedBack(@TempDir Path tmp) throws IOException {
        SequenceDataset data = HybridSasRecTest.dataset(i -> new ItemMetadata("Catalogue item " + (i * 7 % 12),
                List.of(), "", Map.of()));
        StringBuilder tsv = new StringBuilder("item\tg0\tg1\n");
        SplittableRandom noise = new SplittableRandom(9);
        for (int i = 0; i < 12; i++) {
            if (i != 3) {
                boolean space = i < 6;
                tsv.append("m").append(i).append('\t').append((space ? 1 : 0) + 0.1 * noise.nextDouble()).append('\t')
                        .append((space ? 0 : 1) + 0.1 * noise.nextDouble()).append('\n');
            }
        }
        tsv.append("m99\t1\t1\n");
        Path genres = tmp.resolve("genres.tsv");
        Files.writeString(genres, tsv);
        List<String> log = new java.util.ArrayList<>();
        var trainer = new HybridTrainer(new SasRecConfig(16, 1, 1, 0f, 8, SasRecLoss.FULL_SOFTMAX, 8),
                TextSettings.of(TextModelSpec.MINILM).withCacheDir(tmp.resolve("cache")).withTemplate("{title}"),
                List.of(new ModalityFile("genre", genres)),
                TrainConfig.defaults().withEpochs(15).withBatch(32).withLearningRate(5e-3f).withPatience(0)
                        .withExcludeSeen(false), EngineOptions.defaults(), 0.3f);
        Recommender r = trainer.neuralTrainer(data, log::add)
                .fit(data, new FitContext(5, 1, List.of(), dev.seqmind.data.progress.Progress.NONE));
        assertThat(log).anyMatch(l -> l.contains("item vectors 'genre'") && l.contains("11 of 12 items have a vector")
                && l.contains("1 ids in the file are not items of the data (e.g. m99)"));
        float[] space = HybridSasRecTest.assertColdItemsRankedByContent(r)[0];

        Path dir = tmp.resolve("model");
        ModelDirectory.save(r, dir, Provenance.of(data, trainer, FitContext.of(5)), data.catalog());
        assertThat(dir.resolve("modality-genre.npy")).exists();
        assertThat(Files.readAllLines(dir.resolve("modality-genre.ids"))).hasSize(11).doesNotContain("m3", "m99");
        Files.delete(genres);   // the model keeps its own copy
        Recommender back = ModelDirectory.load(dir);
        float[] again = new float[12];
        back.score(new int[] {0, 2, 1, 3}, again);
        assertThat(again).containsExactly(space, Offset.offset(1e-5f));
    }
}

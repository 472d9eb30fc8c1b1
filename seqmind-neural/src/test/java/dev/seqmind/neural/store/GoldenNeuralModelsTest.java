package dev.seqmind.neural.store;

import dev.seqmind.data.progress.Progress;
import dev.seqmind.neural.bert4rec.Bert4RecConfig;
import dev.seqmind.neural.engine.EngineOptions;
import dev.seqmind.neural.gru4rec.Gru4RecConfig;
import dev.seqmind.neural.lstm.LstmRecConfig;
import dev.seqmind.neural.model.NeuralTrainer;
import dev.seqmind.neural.nn.BlockStyle;
import dev.seqmind.neural.nn.NormPlacement;
import dev.seqmind.neural.nn.PositionOrigin;
import dev.seqmind.neural.nn.WeightInit;
import dev.seqmind.neural.sasrec.SasRecConfig;
import dev.seqmind.neural.sasrec.SasRecLoss;
import dev.seqmind.rec.FitContext;
import dev.seqmind.rec.Recommender;
import dev.seqmind.rec.store.ModelDirectory;
import dev.seqmind.rec.store.Provenance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Neural model directories saved by an earlier release (checked in under {@code src/test/resources/golden}, each
 * with the scores it gave when saved in {@code expected-scores.tsv}) must keep loading and scoring the same. The
 * directories were written before {@code weights.bin} had a magic number, so they also prove that older weight files
 * still load. Regenerate only on a deliberate format change, with {@code -Dseqmind.golden.write=true}.
 */
class GoldenNeuralModelsTest {
    private static final int[][] HISTORIES = {{1, 2, 3}, {7}, {19, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10}};
    private static final String SCORES = "expected-scores.tsv";

    @ParameterizedTest
    @ValueSource(strings = {"sasrec", "gru4rec", "lstm", "bert4rec"})
    void goldenDirectoryLoadsAndScoresAsWhenSaved(String name) throws Exception {
        Path dir = Path.of(System.getProperty("seqmind.root", ".")).resolve("seqmind-neural/src/test/resources/golden")
                .resolve(name);
        if (Boolean.getBoolean("seqmind.golden.write")) {
            write(name, dir);
        }
        assertThat(Files.isDirectory(dir)).as("golden model directory " + dir).isTrue();
        Recommender golden = ModelDirectory.load(dir);
        List<String> expected = Files.readAllLines(dir.resolve(SCORES));
        assertThat(expected).hasSameSizeAs(HISTORIES);
        float[] scores = new float[golden.numItems()];
        for (int h = 0; h < HISTORIES.length; h++) {
            golden.score(HISTORIES[h], scores);
            String[] want = expected.get(h).split("\t");
            assertThat(want).hasSize(scores.length);
            for (int i = 0; i < scores.length; i++) {
                float w = Float.parseFloat(want[i]);
                assertThat(scores[i]).as(name + " item " + i + " after " + Arrays.toString(HISTORIES[h]))
                        .isCloseTo(w, within(1e-4f * Math.max(1f, Math.abs(w))));
            }
        }
    }

    /**
     * {@code golden/lstm-fused} was saved by the first LSTM release, whose fused kernel did not compute nn.LSTM's
     * equations; its weights would score differently now, so loading refuses it with what to do.
     */
    @org.junit.jupiter.api.Test
    void anLstmTrainedWithTheFusedKernelIsRefused() {
        Path dir = Path.of(System.getProperty("seqmind.root", ".")).resolve("seqmind-neural/src/test/resources/golden")
                .resolve("lstm-fused");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ModelDirectory.load(dir))
                .hasMessageContaining("lstm-fused").hasMessageContaining("fused LSTM kernel")
                .hasMessageContaining("Retrain");
    }

    private static void write(String name, Path dir) throws IOException {
        NeuralTrainer trainer = switch (name) {
            case "sasrec" -> NeuralTrainer.sasRec(new SasRecConfig(8, 1, 1, 0.1f, 12, SasRecLoss.FULL_SOFTMAX, 5,
                    new BlockStyle(NormPlacement.QUERY, PositionOrigin.OLDEST, WeightInit.NORMAL)),
                    NeuralModelFormatTest.TWO_EPOCHS, EngineOptions.defaults(), l -> { });
            case "gru4rec" -> NeuralTrainer.gru4Rec(new Gru4RecConfig(8, 12, 0.1f, 12),
                    NeuralModelFormatTest.TWO_EPOCHS, EngineOptions.defaults(), l -> { });
            case "lstm" -> NeuralTrainer.lstm(new LstmRecConfig(8, 12, 0.1f, 12), NeuralModelFormatTest.TWO_EPOCHS,
                    EngineOptions.defaults(), l -> { });
            case "bert4rec" -> NeuralTrainer.bert4Rec(new Bert4RecConfig(8, 32, 1, 2, 0.1f, 12, 0.2f),
                    NeuralModelFormatTest.TWO_EPOCHS, EngineOptions.defaults(), l -> { });
            default -> throw new IllegalArgumentException(name);
        };
        FitContext ctx = new FitContext(1, 1, List.of(), Progress.NONE);
        Recommender model = trainer.fit(NeuralModelFormatTest.SPLIT.train(), ctx);
        ModelDirectory.save(model, dir, Provenance.of(NeuralModelFormatTest.SPLIT.train(), trainer, ctx));
        List<String> lines = new ArrayList<>();
        float[] scores = new float[model.numItems()];
        for (int[] h : HISTORIES) {
            model.score(h, scores);
            lines.add(java.util.stream.IntStream.range(0, scores.length).mapToObj(i -> Float.toString(scores[i]))
                    .collect(Collectors.joining("\t")));
        }
        Files.write(dir.resolve(SCORES), lines);
    }
}

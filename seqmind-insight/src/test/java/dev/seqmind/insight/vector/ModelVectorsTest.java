package dev.seqmind.insight.vector;

import dev.seqmind.data.model.DatasetInfo;
import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.data.model.SequenceDatasetBuilder;
import dev.seqmind.data.model.TimeKind;
import dev.seqmind.data.progress.Progress;
import dev.seqmind.insight.report.InsightConfig;
import dev.seqmind.insight.report.InsightReport;
import dev.seqmind.insight.report.InsightRunner;
import dev.seqmind.insight.segment.SegmentBasis;
import dev.seqmind.neural.engine.EngineOptions;
import dev.seqmind.neural.gru4rec.Gru4RecConfig;
import dev.seqmind.neural.lstm.LstmRecConfig;
import dev.seqmind.neural.model.NeuralRecommender;
import dev.seqmind.neural.model.NeuralTrainer;
import dev.seqmind.neural.sasrec.SasRecConfig;
import dev.seqmind.neural.sasrec.SasRecLoss;
import dev.seqmind.neural.train.TrainConfig;
import dev.seqmind.rec.FitContext;
import dev.seqmind.rec.Recommender;
import dev.seqmind.rec.store.ModelDirectory;
import dev.seqmind.rec.store.Provenance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A saved sequence model's user vectors are the state it scores with: for tiny SASRec, GRU4Rec and LSTM models
 * trained a few epochs, every item's score equals the user's vector dotted with the item's embedding, users with the
 * same history get the same vector, and users with other histories do not.
 */
class ModelVectorsTest {
    private static final int ITEMS = 20;
    private static final TrainConfig FAST = TrainConfig.defaults().withEpochs(3).withBatch(32)
            .withLearningRate(5e-3f).withPatience(0).withExcludeSeen(false);

    @TempDir
    Path tmp;

    /** 150 users walking items in order (item k, then k + 1), plus two twins with one identical history. */
    static SequenceDataset data() {
        SequenceDatasetBuilder b = new SequenceDatasetBuilder(DatasetInfo.of("walks", TimeKind.ORDINAL));
        SplittableRandom rng = new SplittableRandom(5);
        for (int u = 0; u < 150; u++) {
            int item = rng.nextInt(ITEMS);
            int len = 4 + rng.nextInt(8);
            for (int t = 0; t < len; t++) {
                b.add("u" + u, "i" + item, "view", t);
                item = (item + 1) % ITEMS;
            }
        }
        for (String twin : List.of("twinA", "twinB")) {
            int t = 0;
            for (int item : new int[] {3, 4, 5, 9, 10}) {
                b.add(twin, "i" + item, "view", t++);
            }
        }
        return b.build();
    }

    @Test
    void hiddenStatesAreTheScoringRepresentationOfEachFamily() throws IOException {
        SequenceDataset data = data();
        EngineOptions engine = EngineOptions.defaults().withThreads(1);
        List<NeuralTrainer> trainers = List.of(
                NeuralTrainer.sasRec(new SasRecConfig(16, 1, 2, 0f, 12, SasRecLoss.FULL_SOFTMAX, 8), FAST, engine,
                        line -> { }),
                NeuralTrainer.gru4Rec(new Gru4RecConfig(16, 24, 0f, 12), FAST, engine, line -> { }),
                NeuralTrainer.lstm(new LstmRecConfig(16, 24, 0f, 12), FAST, engine, line -> { }));
        for (NeuralTrainer trainer : trainers) {
            FitContext ctx = FitContext.of(3);
            Path dir = tmp.resolve(trainer.name());
            try (NeuralRecommender fitted = trainer.fit(data, ctx)) {
                ModelDirectory.save(fitted, dir, Provenance.of(data, trainer, ctx));
            }
            VectorTable states = ModelVectors.userStates(data, dir);
            assertThat(states.kind()).startsWith("user hidden state");
            assertThat(states.size()).isEqualTo(data.numUsers());
            try (Recommender model = ModelDirectory.load(dir)) {
                float[][] itemVectors = ((NeuralRecommender) model).itemVectors();
                float[] scores = new float[model.numItems()];
                for (int u = 0; u < data.numUsers(); u += 17) {
                    int[] history = new int[data.length(u)];
                    for (int i = data.start(u); i < data.end(u); i++) {
                        history[i - data.start(u)] = model.items().denseId(data.items().externalId(data.item(i)));
                    }
                    model.score(history, scores);
                    double[] s = states.row(u);
                    for (int item = 0; item < scores.length; item++) {
                        double dot = 0;
                        for (int j = 0; j < s.length; j++) {
                            dot += s[j] * itemVectors[item][j];
                        }
                        assertThat(dot).as("%s user %d item %d", trainer.name(), u, item)
                                .isCloseTo(scores[item], within(1e-4));
                    }
                }
            }
            double[] a = states.row(data.users().denseId("twinA"));
            double[] b = states.row(data.users().denseId("twinB"));
            assertThat(a).as(trainer.name() + ": same history, same vector").containsExactly(b);
            assertThat(states.row(data.users().denseId("u0"))).as(trainer.name() + ": other history")
                    .isNotEqualTo(a);
            if (trainer.name().equals("sasrec")) {
                // the report segments on the same states when asked to (--segment-on MODEL)
                InsightReport r = new InsightRunner(new InsightConfig(SegmentBasis.MODEL, 2, 4, 0, 2, 42, 24, 100, 50,
                        20, ItemVectorSource.AUTO, 50)).run(data, dir, Progress.NONE).report();
                assertThat(r.userVectors()).startsWith("user hidden state (sasrec)");
                assertThat(r.itemVectors()).isEqualTo("item embedding (sasrec)");
                assertThat(r.userUmap().points()).hasSize(50);
                assertThat(r.seconds()).containsKey("model vectors");
            }
        }
    }
}

package dev.seqmind.neural.store;

import dev.seqmind.data.progress.Progress;
import dev.seqmind.data.split.LeaveOneOutSplitter;
import dev.seqmind.data.split.Split;
import dev.seqmind.neural.PlantedSequences;
import dev.seqmind.neural.bert4rec.Bert4RecConfig;
import dev.seqmind.neural.bert4rec.Bert4RecHead;
import dev.seqmind.neural.engine.EngineOptions;
import dev.seqmind.neural.gru4rec.Gru4RecConfig;
import dev.seqmind.neural.model.ModelCard;
import dev.seqmind.neural.model.NeuralRecommender;
import dev.seqmind.neural.model.NeuralTrainer;
import dev.seqmind.neural.nn.BlockStyle;
import dev.seqmind.neural.nn.NormPlacement;
import dev.seqmind.neural.nn.PositionOrigin;
import dev.seqmind.neural.nn.WeightInit;
import dev.seqmind.neural.sasrec.SasRecConfig;
import dev.seqmind.neural.sasrec.SasRecLoss;
import dev.seqmind.neural.serve.SasRecJavaForward;
import dev.seqmind.neural.train.TrainConfig;
import dev.seqmind.rec.FitContext;
import dev.seqmind.rec.Recommender;
import dev.seqmind.rec.store.ModelDirectory;
import dev.seqmind.rec.store.Provenance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class NeuralModelFormatTest {
    static final Split SPLIT = new LeaveOneOutSplitter().split(PlantedSequences.successor(60, 20, 5, 10, 3));
    static final TrainConfig TWO_EPOCHS = TrainConfig.defaults().withEpochs(2).withBatch(16).withPatience(0);

    static void assertSameScores(Recommender expected, Recommender actual) {
        float[] a = new float[expected.numItems()];
        float[] b = new float[expected.numItems()];
        for (int[] h : new int[][] {{1, 2, 3}, {7}, {19, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10}}) {
            expected.score(h, a);
            actual.score(h, b);
            for (int i = 0; i < a.length; i++) {
                assertThat(b[i]).isCloseTo(a[i], within(1e-4f * Math.max(1f, Math.abs(a[i]))));
            }
        }
    }

    static Recommender assertRoundTrip(NeuralTrainer trainer, Path dir, Class<?> loadedType) throws Exception {
        NeuralRecommender trained = trainer.fit(SPLIT.train(), new FitContext(1, 1, List.of(), Progress.NONE))
                .withCard(new ModelCard("m", "t", "d", "fp", "loo", Map.of("test NDCG@10", 0.5), 2, 2, 1.0, 0.5, "cmd",
                        "now"));
        Provenance prov = Provenance.of(SPLIT.train(), trainer, new FitContext(1, 1, List.of(), Progress.NONE));
        ModelDirectory.save(trained, dir, prov);
        Recommender loaded = ModelDirectory.load(dir);
        assertThat(loaded).isInstanceOf(loadedType);
        assertThat(loaded.items()).isEqualTo(trained.items());
        assertSameScores(trained, loaded);
        // a loaded model saves again identically enough to load once more
        Path again = dir.resolveSibling(dir.getFileName() + "-again");
        ModelDirectory.save(loaded, again, prov);
        assertThat(ModelDirectory.load(again).numItems()).isEqualTo(trained.numItems());
        return trained;
    }

    @Test
    void sasRecRoundTripsAndLoadsAsPureJavaWithTheSameScores(@TempDir Path tmp) throws Exception {
        Recommender trained = assertRoundTrip(NeuralTrainer.sasRec(
                new SasRecConfig(8, 1, 1, 0.1f, 12, SasRecLoss.FULL_SOFTMAX, 5,
                        new BlockStyle(NormPlacement.QUERY, PositionOrigin.OLDEST, WeightInit.NORMAL)), TWO_EPOCHS,
                EngineOptions.defaults(), l -> { }), tmp.resolve("sasrec"), NeuralRecommender.class);
        SasRecJavaForward pure = NeuralModelFormat.loadPureJava(tmp.resolve("sasrec"));
        assertSameScores(trained, pure);
        ItemEmbeddings emb = NeuralModelFormat.readItemEmbeddings(tmp.resolve("sasrec"));
        float[] table = ((NeuralRecommender) trained).network().parameters().snapshot().get("item_emb");
        assertThat(emb.items()).isEqualTo(trained.items());
        assertThat(emb.dim()).isEqualTo(8);
        assertThat(emb.row(3)).containsExactly(Arrays.copyOfRange(table, 4 * 8, 5 * 8));
        assertThat(pure.card().metrics()).containsEntry("test NDCG@10", 0.5);
        ModelDirectory.save(pure, tmp.resolve("from-pure"), Provenance.of(SPLIT.train(), NeuralTrainer.sasRec(
                SasRecConfig.sasRecPlus(), TWO_EPOCHS, EngineOptions.defaults(), l -> { }), new FitContext(1, 1, List.of(), Progress.NONE)));
        assertSameScores(trained, ModelDirectory.load(tmp.resolve("from-pure")));
    }

    @Test
    void gru4RecLstmSrGnnAndBert4RecRoundTrip(@TempDir Path tmp) throws Exception {
        assertRoundTrip(NeuralTrainer.gru4Rec(new Gru4RecConfig(8, 12, 0.1f, 12), TWO_EPOCHS, EngineOptions.defaults(),
                l -> { }), tmp.resolve("gru"), NeuralRecommender.class);
        Recommender lstm = assertRoundTrip(NeuralTrainer.lstm(new dev.seqmind.neural.lstm.LstmRecConfig(8, 12, 0.1f, 12),
                TWO_EPOCHS, EngineOptions.defaults(), l -> { }), tmp.resolve("lstm"), NeuralRecommender.class);
        assertThat(((NeuralRecommender) ModelDirectory.load(tmp.resolve("lstm"))).network().name()).isEqualTo("lstm");
        // the item vectors diversity re-ranking reads are the embedding rows after the padding row
        float[][] vectors = ((NeuralRecommender) lstm).itemVectors();
        float[] table = ((NeuralRecommender) lstm).network().parameters().get("item_emb").toFloatArray();
        assertThat(vectors).hasNumberOfRows(lstm.numItems());
        assertThat(vectors[0]).containsExactly(java.util.Arrays.copyOfRange(table, 8, 16));
        assertRoundTrip(NeuralTrainer.srGnn(new dev.seqmind.neural.srgnn.SrGnnConfig(8, 2, 12, 4), TWO_EPOCHS,
                EngineOptions.defaults(), l -> { }), tmp.resolve("srgnn"), NeuralRecommender.class);
        assertThat(((NeuralRecommender) ModelDirectory.load(tmp.resolve("srgnn"))).network().name())
                .isEqualTo("srgnn");
        assertRoundTrip(NeuralTrainer.bert4Rec(new Bert4RecConfig(8, 32, 1, 2, 0.1f, 12, 0.2f), TWO_EPOCHS,
                EngineOptions.defaults(), l -> { }), tmp.resolve("bert"), NeuralRecommender.class);
        assertRoundTrip(NeuralTrainer.bert4Rec(new Bert4RecConfig(8, 32, 1, 2, 0.1f, 12, 0.2f,
                new BlockStyle(NormPlacement.POST, PositionOrigin.OLDEST, WeightInit.NORMAL), Bert4RecHead.LINEAR),
                TWO_EPOCHS, EngineOptions.defaults(), l -> { }), tmp.resolve("bert-linear"), NeuralRecommender.class);
    }
}

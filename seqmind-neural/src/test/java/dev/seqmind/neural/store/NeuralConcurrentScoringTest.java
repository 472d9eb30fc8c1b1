package dev.seqmind.neural.store;

import dev.seqmind.data.progress.Progress;
import dev.seqmind.neural.engine.EngineOptions;
import dev.seqmind.neural.gru4rec.Gru4RecConfig;
import dev.seqmind.neural.model.NeuralRecommender;
import dev.seqmind.neural.model.NeuralTrainer;
import dev.seqmind.neural.sasrec.SasRecConfig;
import dev.seqmind.neural.sasrec.SasRecLoss;
import dev.seqmind.rec.FitContext;
import dev.seqmind.rec.Recommender;
import dev.seqmind.rec.store.ModelDirectory;
import dev.seqmind.rec.store.Provenance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A loaded neural model (on the engine and as pure-Java SASRec) scored from many threads at once gives exactly its
 * one-thread scores, which depend on the history; closing frees it and may be repeated.
 */
class NeuralConcurrentScoringTest {
    @Test
    void sasRecOnTheEngineAndInPureJavaAndGru4RecScoreTheSameFromManyThreads(@TempDir Path tmp) throws Exception {
        FitContext ctx = new FitContext(1, 1, List.of(), Progress.NONE);
        NeuralTrainer sas = NeuralTrainer.sasRec(new SasRecConfig(8, 1, 1, 0.1f, 12, SasRecLoss.FULL_SOFTMAX, 5),
                NeuralModelFormatTest.TWO_EPOCHS, EngineOptions.defaults(), l -> { });
        NeuralTrainer gru = NeuralTrainer.gru4Rec(new Gru4RecConfig(8, 12, 0.1f, 12), NeuralModelFormatTest.TWO_EPOCHS,
                EngineOptions.defaults(), l -> { });
        for (NeuralTrainer trainer : List.of(sas, gru)) {
            Path dir = tmp.resolve(trainer.name());
            try (NeuralRecommender trained = trainer.fit(NeuralModelFormatTest.SPLIT.train(), ctx)) {
                ModelDirectory.save(trained, dir, Provenance.of(NeuralModelFormatTest.SPLIT.train(), trainer, ctx));
            }
            try (ModelDirectory.Loaded loaded = ModelDirectory.open(dir)) {
                assertSameFromManyThreads(loaded.model());
            }
        }
        try (Recommender pure = NeuralModelFormat.loadPureJava(tmp.resolve(sas.name()))) {
            assertSameFromManyThreads(pure);
        }
        Recommender closed = ModelDirectory.load(tmp.resolve(sas.name()));
        closed.close();
        closed.close(); // idempotent
    }

    private static void assertSameFromManyThreads(Recommender model) throws Exception {
        int n = model.numItems();
        SplittableRandom r = new SplittableRandom(3);
        int[][] hs = new int[40][];
        for (int i = 0; i < hs.length; i++) {
            hs[i] = r.ints(1 + r.nextInt(10), 0, n).toArray();
        }
        float[][] expected = new float[hs.length][n];
        for (int i = 0; i < hs.length; i++) {
            model.score(hs[i], expected[i]);
        }
        long distinct = Arrays.stream(expected).map(Arrays::toString).distinct().count();
        assertThat(distinct).as("scores depend on the history").isGreaterThan(hs.length / 2);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 6; t++) {
                int offset = t * 7;
                done.add(pool.submit(() -> {
                    float[] out = new float[n];
                    for (int j = 0; j < 2 * hs.length; j++) {
                        int i = (j + offset) % hs.length;
                        model.score(hs[i], out);
                        assertThat(out).as("history " + Arrays.toString(hs[i])).containsExactly(expected[i]);
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}

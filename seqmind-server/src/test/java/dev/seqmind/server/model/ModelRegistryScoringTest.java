package dev.seqmind.server.model;

import dev.seqmind.data.model.IdMap;
import dev.seqmind.neural.model.NeuralRecommender;
import dev.seqmind.neural.serve.SasRecJavaForward;
import dev.seqmind.rec.Recommender;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A saved SASRec served both ways: on the native engine behind the {@link ScoreBatcher} (the default) and as the
 * pure-Java forward pass ({@code --forward java}); from many threads at once both give each history its own
 * scores, equal to the engine's batch of one, and retiring the model stops the scoring thread.
 */
class ModelRegistryScoringTest {
    private static final int N = 40;

    @Test
    void nativeBatchedAndPureJavaServingScoreEveryHistoryAsTheEngineDoesAlone(@TempDir Path tmp) throws Exception {
        Path dir = dev.seqmind.server.Fixtures.sasrec(tmp.resolve("sasrec"), IdMap.sequential(N, 0), 3);
        SplittableRandom rng = new SplittableRandom(3);
        int[][] histories = new int[64][];
        float[][] want = new float[histories.length][N];
        for (int i = 0; i < histories.length; i++) {
            histories[i] = rng.ints(1 + rng.nextInt(10), 0, N).toArray();
        }
        try (ModelRegistry reference = new ModelRegistry(new Scoring(Scoring.Forward.NATIVE, 0, 0))) {
            reference.load("s", dir);
            try (ModelRegistry.Lease l = reference.lease(null).orElseThrow()) {
                assertThat(l.model().model()).isInstanceOf(NeuralRecommender.class);
                for (int i = 0; i < histories.length; i++) {
                    l.model().model().score(histories[i], want[i]);
                }
            }
        }
        ScoreBatcher batcher;
        try (ModelRegistry batched = new ModelRegistry(new Scoring(Scoring.Forward.NATIVE, 8, 2_000))) {
            batched.load("s", dir);
            try (ModelRegistry.Lease l = batched.lease(null).orElseThrow()) {
                batcher = (ScoreBatcher) l.model().model();
                assertThat(wrongFromManyThreads(batcher, histories, want)).isZero();
                assertThat(batcher.batches()).isLessThan(batcher.scored());
            }
        }
        assertThat(batcher.closed()).isTrue();
        try (ModelRegistry java = new ModelRegistry(new Scoring(Scoring.Forward.JAVA, 8, 2_000))) {
            java.load("s", dir);
            try (ModelRegistry.Lease l = java.lease(null).orElseThrow()) {
                assertThat(l.model().model()).isInstanceOf(SasRecJavaForward.class);
                assertThat(wrongFromManyThreads(l.model().model(), histories, want)).isZero();
            }
        }
    }

    private static int wrongFromManyThreads(Recommender model, int[][] histories, float[][] want) throws Exception {
        AtomicInteger wrong = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int first = t;
            threads.add(Thread.ofVirtual().start(() -> {
                float[] got = new float[N];
                for (int i = first; i < histories.length; i += 8) {
                    model.score(histories[i], got);
                    for (int j = 0; j < N; j++) {
                        if (Math.abs(got[j] - want[i][j]) > 1e-4f * Math.max(1f, Math.abs(want[i][j]))) {
                            wrong.incrementAndGet();
                        }
                    }
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        return wrong.get();
    }
}

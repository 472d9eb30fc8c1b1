package dev.seqmind.server.model;

import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.rec.FitContext;
import dev.seqmind.rec.Recommender;
import dev.seqmind.rec.model.classic.ClassicTrainers;
import dev.seqmind.server.Fixtures;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScoreBatcherTest {
    private static Recommender markov() {
        SequenceDataset data = Fixtures.data();
        return ClassicTrainers.byName("markov1").orElseThrow().fit(data, FitContext.of(1));
    }

    @Test
    void manyThreadsGetTheScoresOfTheirOwnHistoryWhileSharingForwardPasses() throws Exception {
        Recommender model = markov();
        int n = model.numItems();
        AtomicInteger wrong = new AtomicInteger();
        try (ScoreBatcher batcher = new ScoreBatcher(model, 16, 5_000_000)) {
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < 16; t++) {
                int seed = t;
                threads.add(Thread.ofVirtual().start(() -> {
                    SplittableRandom r = new SplittableRandom(seed);
                    float[] got = new float[n];
                    float[] want = new float[n];
                    for (int i = 0; i < 100; i++) {
                        int[] h = {r.nextInt(n), r.nextInt(n), r.nextInt(n)};
                        batcher.score(h, got);
                        model.score(h, want);
                        if (!java.util.Arrays.equals(got, want)) {
                            wrong.incrementAndGet();
                        }
                    }
                }));
            }
            for (Thread t : threads) {
                t.join();
            }
            assertThat(wrong.get()).isZero();
            assertThat(batcher.scored()).isEqualTo(1600);
            assertThat(batcher.batches()).isLessThan(batcher.scored()); // some forward passes served several
            float[][] outs = new float[3][n];
            int[][] hs = {{0}, {1, 2}, {5}};
            batcher.scoreBatch(hs, outs);
            for (int i = 0; i < hs.length; i++) {
                float[] want = new float[n];
                model.score(hs[i], want);
                assertThat(outs[i]).containsExactly(want);
            }
        }
    }

    @Test
    void aClosedBatcherRefusesWorkAndAShortOutputArrayIsRefused() {
        ScoreBatcher batcher = new ScoreBatcher(markov(), 4, 0);
        assertThatThrownBy(() -> batcher.score(new int[] {1}, new float[1]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("numItems");
        batcher.close();
        assertThatThrownBy(() -> batcher.score(new int[] {1}, new float[batcher.numItems()]))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }
}

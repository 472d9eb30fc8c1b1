package dev.seqmind.rec.store;

import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.rec.FitContext;
import dev.seqmind.rec.RecommenderTrainer;
import dev.seqmind.rec.TestData;
import dev.seqmind.rec.model.classic.ClassicTrainers;
import dev.seqmind.rec.topk.Explain;
import dev.seqmind.rec.topk.Recommendations;
import dev.seqmind.rec.topk.SeenItems;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One loaded model of every classic format scored from many threads at once must give exactly the scores and top-K
 * lists it gives on one thread (a server shares one model across all request threads).
 */
public class ConcurrentScoringTest {
    static final int ITEMS = 30;

    static Stream<String> names() {
        return ClassicTrainers.NAMES.stream();
    }

    /** Sequences walking a ring of items with noise, so the next item depends on the last ones. */
    static SequenceDataset ringData(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int[][] seqs = new int[150][];
        for (int u = 0; u < seqs.length; u++) {
            int len = 4 + r.nextInt(8);
            seqs[u] = new int[len];
            int item = r.nextInt(ITEMS);
            for (int i = 0; i < len; i++) {
                seqs[u][i] = item;
                item = r.nextInt(10) < 8 ? (item + 1 + (item % 3)) % ITEMS : r.nextInt(ITEMS);
            }
        }
        return TestData.of(ITEMS, seqs);
    }

    static int[][] histories(long seed, int count) {
        SplittableRandom r = new SplittableRandom(seed);
        int[][] out = new int[count][];
        for (int i = 0; i < count; i++) {
            out[i] = r.ints(1 + r.nextInt(6), 0, ITEMS).toArray();
        }
        return out;
    }

    @ParameterizedTest
    @MethodSource("names")
    void oneModelScoresTheSameFromManyThreads(String name, @TempDir Path dir) throws Exception {
        SequenceDataset data = ringData(5);
        RecommenderTrainer trainer = ClassicTrainers.byName(name).orElseThrow();
        ModelDirectory.save(trainer.fit(data, FitContext.of(2)), dir, Provenance.of(data, trainer, FitContext.of(2)));
        try (ModelDirectory.Loaded loaded = ModelDirectory.open(dir)) {
            assertSameFromManyThreads(loaded.model(), name.contains("pop"));
        }
    }

    /**
     * Scores fixed histories on one thread, then from 8 threads in different orders, and compares exactly; also
     * top-10 lists with explanations through one shared {@link Recommendations}.
     *
     * @param historyFree  true for models whose scores do not depend on the history (popularity)
     */
    public static void assertSameFromManyThreads(dev.seqmind.rec.Recommender model, boolean historyFree)
            throws Exception {
        int[][] hs = histories(11, 120);
        int n = model.numItems();
        float[][] expected = new float[hs.length][n];
        Recommendations recs = new Recommendations(model);
        List<Recommendations.DenseResult> expectedTop = new ArrayList<>();
        for (int i = 0; i < hs.length; i++) {
            model.score(inRange(hs[i], n), expected[i]);
            expectedTop.add(recs.top(query(hs[i], n)));
        }
        if (!historyFree) {
            int differing = 0;
            for (int i = 1; i < hs.length; i++) {
                differing += java.util.Arrays.equals(expected[i], expected[0]) ? 0 : 1;
            }
            assertThat(differing).as("scores depend on the history").isGreaterThan(hs.length / 2);
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> done = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int offset = t * 17;
                done.add(pool.submit(() -> {
                    float[] out = new float[n];
                    int checked = 0;
                    for (int round = 0; round < 3; round++) {
                        for (int j = 0; j < hs.length; j++) {
                            int i = (j + offset) % hs.length;
                            model.score(inRange(hs[i], n), out);
                            assertThat(out).containsExactly(expected[i]);
                            Recommendations.DenseResult top = recs.top(query(hs[i], n));
                            assertThat(top.items()).containsExactly(expectedTop.get(i).items());
                            assertThat(top.explanations()).isEqualTo(expectedTop.get(i).explanations());
                            checked++;
                        }
                    }
                    return checked;
                }));
            }
            for (Future<Integer> f : done) {
                assertThat(f.get()).isEqualTo(3 * hs.length);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static Recommendations.Query query(int[] h, int n) {
        return new Recommendations.Query(inRange(h, n), 10, SeenItems.EXCLUDE, new int[0], null, Explain.EACH);
    }

    private static int[] inRange(int[] h, int n) {
        return java.util.Arrays.stream(h).filter(i -> i < n).toArray();
    }
}

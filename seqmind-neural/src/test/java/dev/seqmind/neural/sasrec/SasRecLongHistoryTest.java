package dev.seqmind.neural.sasrec;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.seqmind.data.error.SeqmindException;
import dev.seqmind.data.progress.Progress;
import dev.seqmind.data.split.LeaveOneOutSplitter;
import dev.seqmind.data.split.Split;
import dev.seqmind.neural.PlantedSequences;
import dev.seqmind.neural.engine.EngineOptions;
import dev.seqmind.neural.engine.NeuralEngine;
import dev.seqmind.neural.model.NeuralRecommender;
import dev.seqmind.neural.model.NeuralTrainer;
import dev.seqmind.neural.model.WarmStart;
import dev.seqmind.neural.nn.BlockStyle;
import dev.seqmind.neural.nn.NormPlacement;
import dev.seqmind.neural.nn.ParameterStore;
import dev.seqmind.neural.nn.PositionOrigin;
import dev.seqmind.neural.nn.WeightInit;
import dev.seqmind.neural.store.NeuralModelFormat;
import dev.seqmind.neural.train.TrainConfig;
import dev.seqmind.neural.train.TrainingLoop;
import dev.seqmind.neural.train.TrainingWindows;
import dev.seqmind.rec.FitContext;
import dev.seqmind.rec.Recommender;
import dev.seqmind.rec.store.ModelDirectory;
import dev.seqmind.rec.store.Provenance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class SasRecLongHistoryTest {
    private static final BlockStyle PUBLISHED = new BlockStyle(NormPlacement.QUERY, PositionOrigin.OLDEST,
            WeightInit.NORMAL);
    /** Window of 4, no dropout, 2 memory tokens. */
    private static final SasRecConfig PLAIN = new SasRecConfig(16, 1, 1, 0f, 4, SasRecLoss.FULL_SOFTMAX, 5, PUBLISHED);
    private static final SasRecConfig SUMMARY = PLAIN.withLongHistory(LongHistory.SUMMARY, 2);

    private static SasRecNetwork network(SasRecConfig config, int numItems, long seed) {
        var engine = NeuralEngine.start(EngineOptions.defaults().withThreads(1));
        return new SasRecNetwork(config, numItems, new ParameterStore(engine.newBaseManager()), seed);
    }

    private static float[] scores(SasRecNetwork net, int[]... histories) {
        try (NDScope scope = new NDScope(); NDManager m = net.parameters().manager().newSubManager()) {
            scope.suppressNotUsedWarning();
            return net.scores(m, histories, 0, histories.length);
        }
    }

    private static float[] row(float[] all, int r, int n) {
        return java.util.Arrays.copyOfRange(all, r * n, (r + 1) * n);
    }

    @Test
    void olderEventsAreCutIntoRightAlignedChunksAveragedOverTheirItems() {
        HistoryMemory m = HistoryMemory.of(new int[][] {{5, 6, 7, 8, 9}, {3}, {}, {4, 4, 6}}, 2);
        assertThat(m.tokens()).containsExactly(6, 7, 8, 9, 10, 4, 5); // items 5 6 7 8 9 3 4, first seen first
        int u = m.tokens().length;
        float[] w = m.weights();
        // row 0: 5 items in 2 chunks, [0, 2) = {5, 6} and [2, 5) = {7, 8, 9}
        assertThat(java.util.Arrays.copyOfRange(w, 0, u)).containsExactly(0.5f, 0.5f, 0, 0, 0, 0, 0);
        assertThat(java.util.Arrays.copyOfRange(w, u, 2 * u)).containsExactly(0, 0, 1 / 3f, 1 / 3f, 1 / 3f, 0, 0);
        // row 1: one older item, in the newest (last) slot; the first slot stays empty
        assertThat(java.util.Arrays.copyOfRange(w, 2 * u, 3 * u)).containsOnly(0f);
        assertThat(java.util.Arrays.copyOfRange(w, 3 * u, 4 * u)).containsExactly(0, 0, 0, 0, 0, 1, 0);
        // row 3: {4} then {4, 6}: a repeated item adds up
        assertThat(java.util.Arrays.copyOfRange(w, 6 * u, 7 * u)).containsExactly(0, 0, 0, 0, 0, 0, 1);
        assertThat(java.util.Arrays.copyOfRange(w, 7 * u, 8 * u)).containsExactly(0, 0.5f, 0, 0, 0, 0, 0.5f);
        assertThat(m.valid()).containsExactly(1, 1, 0, 1, 0, 0, 1, 1);
        assertThat(HistoryMemory.of(new int[][] {{}, {}}, 3).empty()).isTrue();
        // a training row's last item is only a target: its window ends one item earlier
        int[][] seqs = {{1, 2, 3, 4, 5, 6, 7}, {1, 2, 3}};
        assertThat(HistoryMemory.olderParts(seqs, 0, 2, 4, 1)).isDeepEqualTo(new int[][] {{1, 2}, {}});
        assertThat(HistoryMemory.olderParts(seqs, 0, 2, 4, 0)).isDeepEqualTo(new int[][] {{1, 2, 3}, {}});
    }

    @Test
    void trainingRowsKeepOnlyTheirOwnPast() {
        int[][] seqs = {{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}};
        int[][] cut = TrainingWindows.ALL.rows(seqs, 4);
        int[][] whole = TrainingWindows.ALL.rowsWithOlderEvents(seqs, 4);
        assertThat(whole.length).isEqualTo(cut.length);
        for (int i = 0; i < cut.length; i++) {
            int[] c = cut[i];
            int[] w = whole[i];
            // the same last target, and everything before the row's window from the start of the sequence
            assertThat(w[w.length - 1]).isEqualTo(c[c.length - 1]);
            assertThat(w[0]).isEqualTo(1);
            assertThat(java.util.Arrays.copyOfRange(w, w.length - c.length, w.length)).containsExactly(c);
        }
        assertThat(TrainingWindows.LAST.rowsWithOlderEvents(seqs, 4)).isDeepEqualTo(seqs);
    }

    @Test
    void theMemoryChangesScoresOnlyForHistoriesWithOlderEvents() {
        int n = 12;
        SasRecNetwork plain = network(PLAIN, n, 3);
        SasRecNetwork summary = network(SUMMARY, n, 3);
        // the plain parameters are drawn as without a memory; the memory's are new
        for (String name : plain.parameters().names()) {
            assertThat(summary.parameters().get(name).toFloatArray()).as(name)
                    .containsExactly(plain.parameters().get(name).toFloatArray());
        }
        assertThat(summary.parameters().names()).contains("mem.proj.w", "mem.proj.b", "mem.pos");
        int[] shortA = {1, 2, 3};
        int[] shortB = {4, 5, 6, 7};
        int[] longA = {8, 9, 10, 11, 1, 2, 3, 4};
        int[] longB = {0, 0, 1, 2, 1, 2, 3, 4}; // same window, other older events
        float[] s = scores(summary, shortA, longA, shortB, longB);
        float[] p = scores(plain, shortA, longA, shortB, longB);
        for (int r : new int[] {0, 2}) { // short rows beside long ones in the same batch
            float[] a = row(s, r, n);
            float[] b = row(p, r, n);
            for (int i = 0; i < n; i++) {
                assertThat(a[i]).as("row %d item %d", r, i).isCloseTo(b[i], within(1e-5f));
            }
        }
        assertThat(row(s, 1, n)).isNotEqualTo(row(p, 1, n));
        assertThat(row(s, 1, n)).isNotEqualTo(row(s, 3, n));
        // truncation: the plain network sees the same window for both long histories
        float[] p1 = row(p, 1, n);
        float[] p3 = row(p, 3, n);
        for (int i = 0; i < n; i++) {
            assertThat(p3[i]).isCloseTo(p1[i], within(1e-5f));
        }
    }

    /**
     * The item to predict is named by the sequence's first item, 7 events (more than the 4-item window) earlier:
     * key k (items 0-3) is always answered by item 4 + k, with 6 random fillers (items 8-27) between.
     */
    private static int[] planted(SplittableRandom rng, boolean withAnswer) {
        int key = rng.nextInt(4);
        int[] s = new int[withAnswer ? 8 : 7];
        s[0] = key;
        for (int i = 1; i < 7; i++) {
            s[i] = 8 + rng.nextInt(20);
        }
        if (withAnswer) {
            s[7] = 4 + key;
        }
        return s;
    }

    private static double hitRateAt1(SasRecConfig config) {
        SplittableRandom rng = new SplittableRandom(11);
        int[][] train = new int[400][];
        for (int i = 0; i < train.length; i++) {
            train[i] = planted(rng, true);
        }
        SasRecNetwork net = network(config, 28, 5);
        TrainConfig tc = TrainConfig.defaults().withEpochs(25).withBatch(32).withLearningRate(0.01f).withPatience(0)
                .withExcludeSeen(false);
        new TrainingLoop(net, tc, 5, Progress.NONE, line -> { }).run(train, new int[0][], new int[0]);
        int[][] test = new int[200][];
        for (int i = 0; i < test.length; i++) {
            test[i] = planted(rng, false);
        }
        float[] s = scores(net, test);
        int hits = 0;
        for (int r = 0; r < test.length; r++) {
            float[] x = row(s, r, 28);
            int best = 0;
            for (int i = 1; i < x.length; i++) {
                if (x[i] > x[best]) {
                    best = i;
                }
            }
            hits += best == 4 + test[r][0] ? 1 : 0;
        }
        return hits / (double) test.length;
    }

    @Test
    void theSummaryLearnsAnAnswerThatOnlyTheOldPartHolds() {
        double truncated = hitRateAt1(PLAIN);
        double summarised = hitRateAt1(SUMMARY);
        // four keys: truncation can at best guess among the four answers
        assertThat(truncated).isLessThan(0.45);
        assertThat(summarised).isGreaterThan(0.9);
    }

    /** A model of {@code config} trained {@code epochs} on a small planted log and saved into {@code dir}. */
    private static NeuralRecommender trainAndSave(SasRecConfig config, int epochs, Path dir) throws Exception {
        Split split = new LeaveOneOutSplitter().split(PlantedSequences.successor(40, 15, 6, 14, 2));
        TrainConfig tc = TrainConfig.defaults().withEpochs(epochs).withBatch(16).withPatience(0);
        NeuralTrainer trainer = NeuralTrainer.sasRec(config, tc, EngineOptions.defaults().withThreads(1), l -> { });
        FitContext ctx = new FitContext(1, 1, List.of(), Progress.NONE);
        NeuralRecommender trained = trainer.fit(split.train(), ctx);
        ModelDirectory.save(trained, dir, Provenance.of(split.train(), trainer, ctx));
        return trained;
    }

    @Test
    void aSummaryModelSavesLoadsAndRefusesThePureJavaForward(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("m");
        NeuralRecommender trained = trainAndSave(SUMMARY, 2, dir);
        Recommender loaded = ModelDirectory.load(dir);
        assertThat(((NeuralRecommender) loaded).network().config()).isEqualTo(SUMMARY);
        float[] a = new float[15];
        float[] b = new float[15];
        for (int[] h : new int[][] {{1, 2, 3}, {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}}) {
            trained.score(h, a);
            loaded.score(h, b);
            for (int i = 0; i < a.length; i++) {
                assertThat(b[i]).isCloseTo(a[i], within(1e-4f * Math.max(1f, Math.abs(a[i]))));
            }
        }
        assertThatThrownBy(() -> NeuralModelFormat.loadPureJava(dir)).isInstanceOf(SeqmindException.class)
                .hasMessageContaining("--long-history summary").hasMessageContaining("native engine");
        // a configuration written before the option existed reads as plain truncation
        var old = new ObjectMapper().readValue("{\"dim\":8,\"blocks\":1,\"heads\":1,\"dropout\":0.1,\"maxLength\":12,"
                + "\"loss\":\"FULL_SOFTMAX\",\"negatives\":5}", SasRecConfig.class);
        assertThat(old.longHistory()).isEqualTo(LongHistory.NONE);
        assertThat(old.memoryTokens()).isZero();
    }

    @Test
    void aWarmStartCopiesTheSavedWeightsAndLeavesTheMemoryFresh(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("plain");
        NeuralRecommender plain = trainAndSave(PLAIN, 1, dir);
        SasRecNetwork warm = network(SUMMARY, 15, 99);
        float[] freshMemory = warm.parameters().get("mem.proj.w").toFloatArray();
        StringBuilder log = new StringBuilder();
        WarmStart.apply(warm, dir, plain.items(), log::append);
        for (String name : plain.network().parameters().names()) {
            assertThat(warm.parameters().get(name).toFloatArray()).as(name)
                    .containsExactly(plain.network().parameters().get(name).toFloatArray());
        }
        assertThat(warm.parameters().get("mem.proj.w").toFloatArray()).containsExactly(freshMemory);
        assertThat(log.toString()).contains("fresh: mem.proj.w, mem.proj.b, mem.pos");
        // other items: refused
        var otherItems = dev.seqmind.data.model.IdMap.sequential(15, 100);
        assertThatThrownBy(() -> WarmStart.apply(network(SUMMARY, 15, 1), dir, otherItems, l -> { }))
                .isInstanceOf(SeqmindException.class).hasMessageContaining("same data");
    }
}

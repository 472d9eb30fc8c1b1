package dev.seqmind.neural.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.training.GradientCollector;
import dev.seqmind.data.privacy.RdpAccountant;
import dev.seqmind.neural.engine.NeuralEngine;
import dev.seqmind.neural.gru4rec.Gru4RecConfig;
import dev.seqmind.neural.gru4rec.Gru4RecNetwork;
import dev.seqmind.neural.model.TrainingData;
import dev.seqmind.neural.nn.AdamW;
import dev.seqmind.neural.nn.ParameterStore;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class FedAvgTrainerTest {
    private static final Gru4RecConfig NET = new Gru4RecConfig(8, 8, 0f, 10); // no dropout: steps are deterministic

    private static Gru4RecNetwork network() {
        var engine = NeuralEngine.start(dev.seqmind.neural.engine.EngineOptions.defaults().withThreads(1));
        return new Gru4RecNetwork(NET, TrainingLoopResumeTest.SPLIT.full().numItems(),
                new ParameterStore(engine.newBaseManager()), 7);
    }

    private static int[][] sequences() {
        return TrainingData.of(TrainingLoopResumeTest.SPLIT.train(), List.of()).sequences();
    }

    private static FedAvgConfig config(int clients, int rounds, int steps, int batch, float updateClip, double eps) {
        return new FedAvgConfig(clients, rounds, steps, 1, batch, 0.01f, 5f, 1.0, updateClip, eps, 1e-5,
                TrainingWindows.LAST);
    }

    @Test
    void oneClientOneRoundOneFullBatchStepEqualsOneCentralisedStep() {
        int[][] seqs = sequences();
        int[][] rows = TrainingWindows.LAST.rows(seqs, NET.maxLength());
        Gru4RecNetwork fed = network();
        Map<String, float[]> start = fed.parameters().snapshot();
        new FedAvgTrainer(fed, config(1, 1, 1, rows.length, 0, 0), 3, l -> { }).run(seqs);

        Gru4RecNetwork central = network(); // same seed: same initial weights
        assertThat(central.parameters().snapshot().get("item_emb")).containsExactly(start.get("item_emb"));
        ParameterStore p = central.parameters();
        p.zeroGradients();
        try (NDScope scope = new NDScope(); NDManager m = p.manager().newSubManager();
             GradientCollector gc = Engine.getEngine(NeuralEngine.ENGINE).newGradientCollector()) {
            scope.suppressNotUsedWarning();
            gc.backward(central.loss(m, rows, 0, rows.length, new SplittableRandom(1)));
        }
        new AdamW(0.9f, 0.999f, 1e-8f, 0f).step(p, 0.01f, 5f);

        Map<String, float[]> a = fed.parameters().snapshot();
        Map<String, float[]> b = p.snapshot();
        double moved = 0;
        for (String k : a.keySet()) {
            for (int i = 0; i < a.get(k).length; i++) {
                assertThat(a.get(k)[i]).as(k + "[" + i + "]").isCloseTo(b.get(k)[i], within(2e-6f));
                moved = Math.max(moved, Math.abs(b.get(k)[i] - start.get(k)[i]));
            }
        }
        assertThat(moved).isGreaterThan(1e-3); // the step did move the weights (Adam's first step is about lr)
    }

    @Test
    void usersArePartitionedOnceAndEvenly() {
        int[][] seqs = sequences();
        List<int[][]> parts = FedAvgTrainer.partition(seqs, 7, NET.maxLength(), TrainingWindows.LAST, 5);
        assertThat(parts).hasSize(7);
        Set<int[]> seen = new HashSet<>();
        int total = 0;
        for (int[][] p : parts) {
            total += p.length;
            seen.addAll(List.of(p));
        }
        int rows = TrainingWindows.LAST.rows(seqs, NET.maxLength()).length;
        assertThat(total).isEqualTo(rows);
        assertThat(seen).hasSize(rows); // identity: no row in two clients
        assertThat(parts.stream().mapToInt(p -> p.length).max().getAsInt()
                - parts.stream().mapToInt(p -> p.length).min().getAsInt()).isLessThanOrEqualTo(1);
    }

    @Test
    void eachClientsUpdateIsClippedSoTheRoundMovesTheWeightsAtMostTheClipNorm() {
        int[][] seqs = sequences();
        float clip = 1e-3f;
        Gru4RecNetwork loose = network();
        Map<String, float[]> start = loose.parameters().snapshot();
        new FedAvgTrainer(loose, config(4, 1, 2, 8, 0, 0), 3, l -> { }).run(seqs);
        assertThat(distance(loose.parameters().snapshot(), start)).isGreaterThan(10 * clip); // the clip has work to do

        Gru4RecNetwork tight = network();
        FedAvgTrainer.Result r = new FedAvgTrainer(tight, config(4, 1, 2, 8, clip, 0), 3, l -> { }).run(seqs);
        assertThat(r.meanClippedFraction()).isEqualTo(1.0);
        double moved = distance(tight.parameters().snapshot(), start);
        assertThat(moved).isLessThanOrEqualTo(clip * 1.001).isGreaterThan(0);

        Map<String, float[]> u = Map.of("a", new float[] {3, 0}, "b", new float[] {4});
        assertThat(FedAvgTrainer.clip(u, 1f)).isCloseTo(5.0, within(1e-9));
        assertThat(FedAvgTrainer.norm(u)).isCloseTo(1.0, within(1e-6));
        assertThat(u.get("a")[0]).isCloseTo(0.6f, within(1e-6f));
    }

    @Test
    void privateFedAvgSpendsTheAccountantsEpsilonAndRepeatsWithTheSameSeed() {
        int[][] seqs = sequences();
        FedAvgConfig dp = new FedAvgConfig(20, 3, 1, 1, 4, 0.01f, 5f, 0.5, 0.1f, 4, 1e-5, TrainingWindows.LAST);
        Gru4RecNetwork a = network();
        FedAvgTrainer.Result r = new FedAvgTrainer(a, dp, 9, l -> { }).run(seqs);
        assertThat(r.epsilon()).isLessThanOrEqualTo(4.0).isGreaterThan(3.9);
        assertThat(r.epsilon()).isEqualTo(RdpAccountant.epsilon(0.5, r.noiseMultiplier(), 3, 1e-5,
                RdpAccountant.Conversion.IMPROVED));
        Gru4RecNetwork b = network();
        new FedAvgTrainer(b, dp, 9, l -> { }).run(seqs);
        Gru4RecNetwork c = network();
        new FedAvgTrainer(c, dp, 10, l -> { }).run(seqs);
        Map<String, float[]> pa = a.parameters().snapshot();
        Map<String, float[]> pb = b.parameters().snapshot();
        for (String k : pa.keySet()) {
            assertThat(pb.get(k)).as(k).containsExactly(pa.get(k));
        }
        assertThat(distance(c.parameters().snapshot(), pa)).isGreaterThan(0);
    }

    private static double distance(Map<String, float[]> a, Map<String, float[]> b) {
        double sq = 0;
        for (String k : a.keySet()) {
            for (int i = 0; i < a.get(k).length; i++) {
                double d = a.get(k)[i] - b.get(k)[i];
                sq += d * d;
            }
        }
        return Math.sqrt(sq);
    }
}

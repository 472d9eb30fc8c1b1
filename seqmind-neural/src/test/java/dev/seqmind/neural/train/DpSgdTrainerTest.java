package dev.seqmind.neural.train;

import ai.djl.engine.Engine;
import dev.seqmind.data.privacy.RdpAccountant;
import dev.seqmind.neural.engine.NeuralEngine;
import dev.seqmind.neural.model.TrainingData;
import dev.seqmind.neural.nn.ParameterStore;
import dev.seqmind.neural.sasrec.SasRecNetwork;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class DpSgdTrainerTest {
    private static SasRecNetwork network() {
        var engine = NeuralEngine.start(dev.seqmind.neural.engine.EngineOptions.defaults().withThreads(1));
        return new SasRecNetwork(TrainingLoopResumeTest.NET, TrainingLoopResumeTest.SPLIT.full().numItems(),
                new ParameterStore(engine.newBaseManager()), 7);
    }

    private static int[][] sequences() {
        return TrainingData.of(TrainingLoopResumeTest.SPLIT.train(), java.util.List.of()).sequences();
    }

    @Test
    void spendsAtMostTheTargetEpsilonAndRepeatsWithTheSameSeed() {
        DpSgdConfig config = new DpSgdConfig(8, 1e-5, 1f, 16, 2, 0.01f);
        int[][] seqs = sequences();
        SasRecNetwork a = network();
        DpSgdTrainer.Result r = new DpSgdTrainer(a, config, 3, line -> { }).run(seqs);
        long users = TrainingWindows.LAST.rows(seqs, a.maxLength()).length;
        assertThat(r.steps()).isEqualTo(2 * users / 16);
        assertThat(r.sampleRate()).isCloseTo(16.0 / users, within(1e-12));
        assertThat(r.epsilon()).isLessThanOrEqualTo(8.0).isGreaterThan(7.9);
        assertThat(r.epsilon()).isEqualTo(RdpAccountant.epsilon(r.sampleRate(), r.noiseMultiplier(), r.steps(), 1e-5,
                RdpAccountant.Conversion.IMPROVED));
        SasRecNetwork b = network();
        new DpSgdTrainer(b, config, 3, line -> { }).run(seqs);
        Map<String, float[]> pa = a.parameters().snapshot();
        Map<String, float[]> pb = b.parameters().snapshot();
        for (String k : pa.keySet()) {
            assertThat(pb.get(k)).as(k).containsExactly(pa.get(k));
        }
        SasRecNetwork fresh = network();
        assertThat(fresh.parameters().snapshot().get(pa.keySet().iterator().next()))
                .isNotEqualTo(pa.get(pa.keySet().iterator().next()));
    }

    @Test
    void eachUsersGradientIsClippedToTheNorm() {
        SasRecNetwork net = network();
        int[][] rows = TrainingWindows.LAST.rows(sequences(), net.maxLength());
        Engine engine = Engine.getEngine(NeuralEngine.ENGINE);
        float clip = 1e-3f;
        DpSgdTrainer tight = new DpSgdTrainer(net, new DpSgdConfig(1, 1e-5, clip, 16, 1, 0.01f), 1, l -> { });
        DpSgdTrainer loose = new DpSgdTrainer(net, new DpSgdConfig(1, 1e-5, 1e6f, 16, 1, 0.01f), 1, l -> { });
        for (int u = 0; u < 3; u++) {
            Map<String, float[]> raw = zeros(net);
            assertThat(loose.accumulateClipped(engine, rows, u, new SplittableRandom(u), raw)).isFalse();
            double rawNorm = norm(raw);
            assertThat(rawNorm).isGreaterThan(clip);
            Map<String, float[]> cut = zeros(net);
            assertThat(tight.accumulateClipped(engine, rows, u, new SplittableRandom(u), cut)).isTrue();
            assertThat(norm(cut)).isCloseTo(clip, within(clip * 1e-3));
        }
        // two users accumulate: the sum's norm is at most the sum of the bounds
        Map<String, float[]> two = zeros(net);
        tight.accumulateClipped(engine, rows, 0, new SplittableRandom(0), two);
        tight.accumulateClipped(engine, rows, 1, new SplittableRandom(1), two);
        assertThat(norm(two)).isLessThanOrEqualTo(2 * clip * 1.001);
    }

    private static Map<String, float[]> zeros(SasRecNetwork net) {
        Map<String, float[]> out = new LinkedHashMap<>();
        net.parameters().all().forEach((k, v) -> out.put(k, new float[(int) v.size()]));
        return out;
    }

    private static double norm(Map<String, float[]> g) {
        double sq = 0;
        for (float[] v : g.values()) {
            for (float x : v) {
                sq += (double) x * x;
            }
        }
        return Math.sqrt(sq);
    }
}

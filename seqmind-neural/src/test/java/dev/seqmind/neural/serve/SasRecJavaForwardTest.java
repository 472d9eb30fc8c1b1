package dev.seqmind.neural.serve;

import dev.seqmind.data.model.IdMap;
import dev.seqmind.neural.engine.NeuralEngine;
import dev.seqmind.neural.model.NeuralRecommender;
import dev.seqmind.neural.nn.NormPlacement;
import dev.seqmind.neural.nn.ParameterStore;
import dev.seqmind.neural.sasrec.SasRecConfig;
import dev.seqmind.neural.sasrec.SasRecLoss;
import dev.seqmind.neural.sasrec.SasRecNetwork;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SasRecJavaForwardTest {
    @Test
    void givesTheNativeNetworksScores() {
        var engine = NeuralEngine.start(dev.seqmind.neural.engine.EngineOptions.defaults().withThreads(1));
        int n = 50;
        for (int variant = 0; variant < 2 * NormPlacement.values().length; variant++) {
            int heads = 1 + variant % 2;
            SasRecConfig cfg = new SasRecConfig(16, 2, heads, 0.1f, 10, SasRecLoss.FULL_SOFTMAX, 8,
                    NormPlacement.values()[variant / 2]);
            SasRecNetwork net = new SasRecNetwork(cfg, n, new ParameterStore(engine.newBaseManager()), 5);
            // perturb every parameter so biases and norms are not at their neutral initial values
            SplittableRandom rng = new SplittableRandom(9);
            var snap = net.parameters().snapshot();
            snap.values().forEach(v -> {
                for (int i = 0; i < v.length; i++) {
                    v[i] += (float) (rng.nextDouble() - 0.5) * 0.5f;
                }
            });
            net.parameters().restore(snap);
            IdMap items = IdMap.sequential(n, 0);
            NeuralRecommender nativeModel = new NeuralRecommender("sasrec", items, net);
            SasRecJavaForward pure = new SasRecJavaForward(cfg, items, net.parameters().snapshot(),
                    net.parameters().shapes(), null);
            int[][] histories = {{}, {3}, {1, 2, 3}, {4, 4, 9, 49, 0, 7, 7, 1, 2, 3, 11, 12, 13, 14}, {5, 60, -1, 6}};
            float[] a = new float[n];
            float[] b = new float[n];
            for (int[] h : histories) {
                nativeModel.score(h, a);
                pure.score(h, b);
                for (int i = 0; i < n; i++) {
                    assertThat(b[i]).as("%s history %s item %d", cfg, java.util.Arrays.toString(h), i)
                            .isCloseTo(a[i], within(1e-4f * Math.max(1f, Math.abs(a[i]))));
                }
            }
        }
    }
}

package dev.seqmind.neural.serve;

import dev.seqmind.data.model.IdMap;
import dev.seqmind.neural.engine.NeuralEngine;
import dev.seqmind.neural.model.NeuralRecommender;
import dev.seqmind.neural.nn.BlockStyle;
import dev.seqmind.neural.nn.NormPlacement;
import dev.seqmind.neural.nn.ParameterStore;
import dev.seqmind.neural.nn.PositionOrigin;
import dev.seqmind.neural.nn.WeightInit;
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
        for (int variant = 0; variant < 4 * NormPlacement.values().length; variant++) {
            int heads = 1 + variant % 2;
            PositionOrigin origin = PositionOrigin.values()[variant / 2 % 2];
            SasRecConfig cfg = new SasRecConfig(16, 2, heads, 0.1f, 10, SasRecLoss.FULL_SOFTMAX, 8,
                    new BlockStyle(NormPlacement.values()[variant / 4], origin, WeightInit.NORMAL));
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
            // one padded batch on the engine against each history alone in pure Java: padding must not matter
            float[][] batch = new float[histories.length][n];
            nativeModel.scoreBatch(histories, batch);
            float[] b = new float[n];
            for (int r = 0; r < histories.length; r++) {
                float[] a = batch[r];
                pure.score(histories[r], b);
                float[] encoded = new float[pure.encodedSize()];
                float[] fromEncoded = new float[n];
                pure.encode(histories[r], encoded);
                pure.scoreEncoded(encoded, fromEncoded);
                assertThat(fromEncoded).as("encoded then scored").containsExactly(b);
                for (int i = 0; i < n; i++) {
                    assertThat(b[i]).as("%s history %s item %d", cfg, java.util.Arrays.toString(histories[r]), i)
                            .isCloseTo(a[i], within(1e-4f * Math.max(1f, Math.abs(a[i]))));
                }
            }
        }
    }
}

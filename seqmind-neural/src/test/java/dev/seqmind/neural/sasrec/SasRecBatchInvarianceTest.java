package dev.seqmind.neural.sasrec;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import dev.seqmind.neural.engine.EngineOptions;
import dev.seqmind.neural.engine.NeuralEngine;
import dev.seqmind.neural.nn.BlockStyle;
import dev.seqmind.neural.nn.NormPlacement;
import dev.seqmind.neural.nn.ParameterStore;
import dev.seqmind.neural.nn.PositionOrigin;
import dev.seqmind.neural.nn.WeightInit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * What length bucketing relies on: a row's share of the loss does not depend on which rows share its batch or how
 * far the batch is padded. The loss of a batch of mixed lengths (padded to its longest row) must equal the
 * cell-weighted mean of the losses of its short and long halves, each padded only to its own longest row.
 */
class SasRecBatchInvarianceTest {
    private static final int ITEMS = 40;
    private static final int MAX_LEN = 24;

    private static float loss(Engine engine, SasRecNetwork net, int[][] rows) {
        try (NDScope s = new NDScope(); NDManager m = net.parameters().manager().newSubManager()) {
            s.suppressNotUsedWarning();
            return net.loss(m, rows, 0, rows.length, new SplittableRandom(5)).getFloat();
        }
    }

    private static long cells(int[][] rows) {
        return Arrays.stream(rows).mapToLong(r -> Math.min(MAX_LEN, r.length - 1)).sum();
    }

    @ParameterizedTest
    @EnumSource(NormPlacement.class)
    void batchLossIsTheCellWeightedMeanOfItsLengthBuckets(NormPlacement norm) {
        Engine engine = NeuralEngine.start(EngineOptions.defaults().withThreads(1));
        for (PositionOrigin origin : PositionOrigin.values()) {
            SasRecConfig cfg = new SasRecConfig(16, 2, 2, 0f, MAX_LEN, SasRecLoss.FULL_SOFTMAX, 10,
                    new BlockStyle(norm, origin, WeightInit.NORMAL));
            try (ParameterStore params = new ParameterStore(engine.newBaseManager())) {
                SasRecNetwork net = new SasRecNetwork(cfg, ITEMS, params, 42);
                SplittableRandom rng = new SplittableRandom(11);
                int[][] rows = new int[12][];
                for (int i = 0; i < rows.length; i++) {
                    rows[i] = rng.ints(2 + rng.nextInt(30), 0, ITEMS).toArray(); // some longer than the window
                }
                int[][] sorted = rows.clone();
                Arrays.sort(sorted, Comparator.comparingInt((int[] r) -> r.length));
                int[][] shortHalf = Arrays.copyOf(sorted, 6);
                int[][] longHalf = Arrays.copyOfRange(sorted, 6, 12);
                double whole = loss(engine, net, rows);
                double parts = (loss(engine, net, shortHalf) * cells(shortHalf)
                        + loss(engine, net, longHalf) * cells(longHalf)) / cells(rows);
                assertThat(whole).as("%s, %s", norm, origin).isCloseTo(parts, within(2e-5 * Math.abs(whole)));
                assertThat(whole).isGreaterThan(Math.log(ITEMS) * 0.5);
            }
        }
    }
}

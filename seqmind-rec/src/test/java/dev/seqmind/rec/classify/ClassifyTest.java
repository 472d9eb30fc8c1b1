package dev.seqmind.rec.classify;

import dev.seqmind.data.error.InvalidParameterException;
import dev.seqmind.data.model.DatasetInfo;
import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.data.model.SequenceDatasetBuilder;
import dev.seqmind.data.model.TimeKind;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ClassifyTest {
    @Test
    void rocAndPrAucMatchTheHandComputedValues() {
        float[] p = {0.1f, 0.4f, 0.35f, 0.8f};
        byte[] y = {0, 0, 1, 1};
        // positive pairs above negatives: (0.35 > 0.1), (0.8 > 0.1), (0.8 > 0.4) of 4 -> 0.75
        assertThat(BinaryMetrics.rocAuc(p, y)).isCloseTo(0.75, within(1e-12));
        // ranking 0.8(+) 0.4(-) 0.35(+) 0.1(-): precision at the positives 1 and 2/3 -> (1 + 2/3) / 2
        assertThat(BinaryMetrics.prAuc(p, y)).isCloseTo(5.0 / 6, within(1e-12));
        assertThat(BinaryMetrics.brier(p, y)).isCloseTo((0.01 + 0.16 + 0.4225 + 0.04) / 4, within(1e-7));
        assertThat(BinaryMetrics.logLoss(p, y)).isCloseTo(-(Math.log(0.9) + Math.log(0.6) + Math.log(0.35)
                + Math.log(0.8)) / 4, within(1e-6));
    }

    @Test
    void tiesCountHalfAndEnterPrecisionAsOneBlock() {
        assertThat(BinaryMetrics.rocAuc(new float[] {0.5f, 0.5f}, new byte[] {0, 1})).isEqualTo(0.5);
        assertThat(BinaryMetrics.prAuc(new float[] {0.5f, 0.5f}, new byte[] {0, 1})).isEqualTo(0.5);
        // 0.9(+), then a block {0.3(+), 0.3(-), 0.3(-)}: AP = 1 * 1/2 + 1/2 * 2/4
        assertThat(BinaryMetrics.prAuc(new float[] {0.9f, 0.3f, 0.3f, 0.3f}, new byte[] {1, 1, 0, 0}))
                .isCloseTo(0.75, within(1e-12));
        assertThat(BinaryMetrics.rocAuc(new float[] {0.2f, 0.3f}, new byte[] {1, 1})).isNaN();
    }

    @Test
    void rocAucEqualsPairCountingOnRandomInputs() {
        SplittableRandom rnd = new SplittableRandom(3);
        for (int trial = 0; trial < 50; trial++) {
            int n = 2 + rnd.nextInt(40);
            float[] p = new float[n];
            byte[] y = new byte[n];
            for (int i = 0; i < n; i++) {
                p[i] = rnd.nextInt(6) / 5f;
                y[i] = (byte) rnd.nextInt(2);
            }
            double wins = 0;
            long pairs = 0;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    if (y[i] == 1 && y[j] == 0) {
                        pairs++;
                        wins += p[i] > p[j] ? 1 : p[i] == p[j] ? 0.5 : 0;
                    }
                }
            }
            double expected = pairs == 0 ? Double.NaN : wins / pairs;
            assertThat(BinaryMetrics.rocAuc(p, y)).as("trial %d", trial).isCloseTo(expected, within(1e-12));
        }
    }

    @Test
    void reliabilityBinsHoldTheMeanForecastAndTheObservedRate() {
        var bins = BinaryMetrics.reliability(new float[] {0.1f, 0.4f, 0.35f, 0.8f, 1f}, new byte[] {0, 0, 1, 1, 1}, 2);
        assertThat(bins).hasSize(2);
        assertThat(bins.get(0).count()).isEqualTo(3);
        assertThat(bins.get(0).meanForecast()).isCloseTo(0.85 / 3, within(1e-6));
        assertThat(bins.get(0).observedRate()).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(bins.get(1).count()).isEqualTo(2); // 1.0 falls in the last bin
        assertThat(bins.get(1).observedRate()).isEqualTo(1.0);
    }

    private static SequenceDataset shop() {
        var b = new SequenceDatasetBuilder(DatasetInfo.of("shop", TimeKind.ORDINAL));
        long t = 0;
        b.add("s1", "a", "pv", t++).add("s1", "a", "cart", t++).add("s1", "a", "buy", t++).add("s1", "b", "pv", t++);
        b.add("s2", "a", "pv", t++).add("s2", "b", "pv", t++);
        b.add("s3", "c", "buy", t++).add("s3", "c", "pv", t++);
        return b.build();
    }

    @Test
    void prefixesStopBeforeTheFirstLabelEventAndSkipSequencesStartingWithIt() {
        LabelledPrefixes ex = LabelledPrefixes.of(shop(), "buy", 1);
        assertThat(ex.size()).isEqualTo(2);
        assertThat(ex.skipped()).isEqualTo(1);
        SequenceDataset d = shop();
        assertThat(ex.labels()).containsExactly(1, 0);
        assertThat(ex.items()[0]).containsExactly(d.items().denseId("a"), d.items().denseId("a"));
        assertThat(ex.actions()[0]).containsExactly(d.actions().denseId("pv"), d.actions().denseId("cart"));
        assertThat(ex.items()[1]).hasSize(2);
        assertThatThrownBy(() -> LabelledPrefixes.of(shop(), "order", 1)).isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("--label").hasMessageContaining("[pv, cart, buy]");
    }

    @Test
    void logisticRegressionOnCountsLearnsAPlantedSignal() {
        // sessions with a cart event end in a purchase 90% of the time, others 10%
        var b = new SequenceDatasetBuilder(DatasetInfo.of("planted", TimeKind.ORDINAL));
        SplittableRandom rnd = new SplittableRandom(5);
        long t = 0;
        for (int s = 0; s < 600; s++) {
            boolean cart = rnd.nextBoolean();
            int len = 1 + rnd.nextInt(4);
            for (int i = 0; i < len; i++) {
                b.add("s" + s, "i" + rnd.nextInt(50), "pv", t++);
            }
            if (cart) {
                b.add("s" + s, "i1", "cart", t++);
            }
            if (rnd.nextDouble() < (cart ? 0.9 : 0.1)) {
                b.add("s" + s, "i1", "buy", t++);
            }
        }
        SequenceDataset d = b.build();
        LabelledPrefixes ex = LabelledPrefixes.of(d, "buy", 2);
        int[] train = ex.indices(LabelledPrefixes.TRAIN);
        int[] test = ex.indices(LabelledPrefixes.TEST);
        assertThat(train.length + test.length + ex.indices(LabelledPrefixes.VALIDATION).length).isEqualTo(ex.size());
        var lr = CountLogisticRegression.fit(ex, train, d.actions().size(), 1e-3, 50);
        float[] p = new float[test.length];
        float[] oracle = new float[test.length];
        byte[] y = new byte[test.length];
        int cart = d.actions().denseId("cart");
        for (int i = 0; i < test.length; i++) {
            p[i] = lr.predict(ex.items()[test[i]], ex.actions()[test[i]]);
            y[i] = ex.labels()[test[i]];
            oracle[i] = java.util.Arrays.stream(ex.actions()[test[i]]).anyMatch(a -> a == cart) ? 0.9f : 0.1f;
        }
        // the planted rule itself is the best forecast; a count model must rank (almost) as well as it
        assertThat(BinaryMetrics.rocAuc(oracle, y)).isGreaterThan(0.7);
        assertThat(BinaryMetrics.rocAuc(p, y)).isGreaterThan(BinaryMetrics.rocAuc(oracle, y) - 0.03);
        var s = BinaryMetrics.summary(p, y, 10);
        float[] baseRate = new float[test.length];
        java.util.Arrays.fill(baseRate, (float) ex.positiveRate(train));
        assertThat(s.brier()).as("beats the no-skill forecast").isLessThan(BinaryMetrics.brier(baseRate, y) - 0.05);
    }
}

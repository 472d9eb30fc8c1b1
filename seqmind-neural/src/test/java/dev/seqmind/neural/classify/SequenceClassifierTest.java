package dev.seqmind.neural.classify;

import dev.seqmind.data.model.DatasetInfo;
import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.data.model.SequenceDatasetBuilder;
import dev.seqmind.data.model.TimeKind;
import dev.seqmind.neural.engine.EngineOptions;
import dev.seqmind.rec.classify.BinaryMetrics;
import dev.seqmind.rec.classify.LabelledPrefixes;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Planted order signal: a session ends in a purchase when its last event before the purchase is a cart of an item
 * viewed before (90%), rarely otherwise (10%). Counts alone cannot see "the last event"; a recurrent encoder can.
 */
class SequenceClassifierTest {
    static SequenceDataset planted(int sessions, long seed) {
        var b = new SequenceDatasetBuilder(DatasetInfo.of("planted", TimeKind.ORDINAL));
        SplittableRandom rnd = new SplittableRandom(seed);
        long t = 0;
        for (int s = 0; s < sessions; s++) {
            int len = 2 + rnd.nextInt(6);
            for (int i = 0; i < len; i++) {
                b.add("s" + s, "i" + rnd.nextInt(200), rnd.nextInt(4) == 0 ? "cart" : "pv", t++);
            }
            boolean signal = rnd.nextBoolean();
            if (signal) {
                b.add("s" + s, "i7", "pv", t++).add("s" + s, "i7", "cart", t++);
            }
            if (rnd.nextDouble() < (signal ? 0.9 : 0.1)) {
                b.add("s" + s, "i7", "buy", t++);
            }
        }
        return b.build();
    }

    @Test
    void everyEncoderLearnsThePlantedSignal() {
        SequenceDataset d = planted(1500, 3);
        LabelledPrefixes ex = LabelledPrefixes.of(d, "buy", 4);
        int[] test = ex.indices(LabelledPrefixes.TEST);
        byte[] y = SequenceClassifier.labels(ex, test);
        for (Encoder enc : Encoder.values()) {
            var cfg = new ClassifierConfig(enc, 8, 16, 50, 12, 32, 1e-2f, 0);
            try (var model = SequenceClassifier.fit(ex, d.actions().size(), cfg,
                    EngineOptions.defaults().withThreads(1), 7, line -> { })) {
                float[] p = model.predict(ex, test);
                // the planted rule's best AUC is 0.9; chance is 0.5
                assertThat(BinaryMetrics.rocAuc(p, y)).as(enc.name()).isGreaterThan(0.8);
                for (float v : p) {
                    assertThat(v).isBetween(0f, 1f);
                }
            }
        }
    }
}

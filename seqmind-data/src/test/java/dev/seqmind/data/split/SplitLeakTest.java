package dev.seqmind.data.split;

import dev.seqmind.data.model.DatasetInfo;
import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.data.model.SequenceDatasetBuilder;
import dev.seqmind.data.model.TimeKind;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class SplitLeakTest {
    private static SequenceDataset random(long seed, int users) {
        SplittableRandom r = new SplittableRandom(seed);
        SequenceDatasetBuilder b = new SequenceDatasetBuilder(DatasetInfo.of("r", TimeKind.EPOCH_MILLIS));
        for (int u = 0; u < users; u++) {
            int len = r.nextInt(1, 12);
            for (int i = 0; i < len; i++) {
                b.add("u" + u, "i" + r.nextInt(20), "view", r.nextLong(0, 1000));
            }
        }
        return b.build();
    }

    @Property(tries = 50)
    void leaveOneOutNeverTrainsOnValidationOrTestEvents(@ForAll long seed, @ForAll @IntRange(min = 1, max = 40) int users) {
        SequenceDataset d = random(seed, users);
        Split s = new LeaveOneOutSplitter().split(d);
        for (EvalCase c : s.test()) {
            int u = c.user();
            assertThat(s.train().length(u)).isEqualTo(d.length(u) - 2);
            assertThat(s.trainForTest().length(u)).isEqualTo(c.historyLength()).isEqualTo(d.length(u) - 1);
            assertThat(c.targets()).containsExactly(d.item(d.end(u) - 1));
        }
        for (EvalCase c : s.validation()) {
            assertThat(c.historyLength()).isEqualTo(s.train().length(c.user()));
        }
        assertThat(s.train().numInteractions() + 2 * s.test().size()).isEqualTo(d.numInteractions());
    }

    @Property(tries = 50)
    void temporalSplitKeepsEveryTrainingEventBeforeTheCut(@ForAll long seed, @ForAll @IntRange(min = 1, max = 40) int users) {
        SequenceDataset d = random(seed, users);
        Split s = new TemporalSplitter(0.7, 0.85, 5).split(d, 600, 800);
        for (int i = 0; i < s.train().numInteractions(); i++) {
            assertThat(s.train().time(i)).isLessThan(600);
        }
        for (int i = 0; i < s.trainForTest().numInteractions(); i++) {
            assertThat(s.trainForTest().time(i)).isLessThan(800);
        }
        for (EvalCase c : s.test()) {
            int start = d.start(c.user());
            assertThat(d.time(start + c.historyLength() - 1)).isLessThan(800);
            assertThat(d.time(start + c.historyLength())).isGreaterThanOrEqualTo(800);
            assertThat(c.numTargets()).isBetween(1, 5);
        }
    }
}

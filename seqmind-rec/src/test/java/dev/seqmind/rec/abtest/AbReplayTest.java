package dev.seqmind.rec.abtest;

import dev.seqmind.data.model.DatasetInfo;
import dev.seqmind.data.model.IdMap;
import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.data.model.SequenceDatasetBuilder;
import dev.seqmind.data.model.TimeKind;
import dev.seqmind.rec.FitContext;
import dev.seqmind.rec.Recommender;
import dev.seqmind.rec.model.classic.ClassicTrainers;
import org.junit.jupiter.api.Test;

import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class AbReplayTest {
    private static final long DAY = 24L * 3600 * 1000;
    private static final byte[] SALT = HexFormat.of().parseHex("00112233445566778899aabbccddeeff");

    /** Scores x > y > z whatever the history. */
    private record Fixed(IdMap items) implements Recommender {
        @Override
        public String name() {
            return "fixed";
        }

        @Override
        public void score(int[] history, float[] out) {
            for (int i = 0; i < items.size(); i++) {
                out[i] = 3 - "xyz".indexOf(items.externalId(i).charAt(0));
            }
        }
    }

    private static AbReplay.Config config(int k, double tau) {
        return new AbReplay.Config(k, true, 200, 1800_000, Set.of(), Set.of("buy"), SALT, new double[] {0.5, 0.5},
                new AbAnalysis(0.05, 0.95, new Msprt(tau)));
    }

    @Test
    void countsMatchTheHandReplay() {
        var b = new SequenceDatasetBuilder(DatasetInfo.of("hand", TimeKind.EPOCH_MILLIS));
        b.add("u1", "x", "view", 0).add("u1", "y", "view", DAY).add("u1", "z", "buy", DAY + 1000);
        b.add("u2", "y", "view", 0).add("u2", "x", "view", 2 * DAY + 5);
        b.add("u3", "x", "view", DAY + 1).add("u3", "y", "view", DAY + 2); // no history before the cut: left out
        b.add("u4", "z", "view", 1).add("u4", "x", "view", 2); // nothing held out
        SequenceDataset ds = b.build();
        Recommender m = new Fixed(ds.items());
        // k = 1, seen items excluded:
        // u1 at y: history [x] -> shows y -> click; u1 at z (buy): history [x, y] -> shows z -> click and conversion
        // u2 at x: history [y] -> shows x -> click. 3 exposures, 3 clicks, 1 conversion; day 1 has u1's two.
        var r = new AbReplay().run(ds, DAY, List.of(new AbReplay.Variant("a", m), new AbReplay.Variant("b", m)),
                config(1, 0.01));
        assertThat(r.heldOutEvents()).isEqualTo(3);
        var arms = r.result().arms();
        assertThat(arms.get(0).exposures() + arms.get(1).exposures()).isEqualTo(3);
        assertThat(arms.get(0).clicks() + arms.get(1).clicks()).isEqualTo(3);
        assertThat(arms.get(0).conversions() + arms.get(1).conversions()).isEqualTo(1);
        assertThat(r.days()).hasSize(2);
        assertThat(r.days().get(0).exposures()[0] + r.days().get(0).exposures()[1]).isEqualTo(2);
        assertThat(r.users()[0] + r.users()[1]).isEqualTo(2);
        assertThat(AbReplay.cut(ds, 0.5)).isEqualTo(DAY);
        assertThat(AbReplay.before(ds, DAY).numInteractions()).isEqualTo(4);
    }

    @Test
    void aSequenceModelBeatsPopularityOnAWalk() {
        var b = new SequenceDatasetBuilder(DatasetInfo.of("walk", TimeKind.EPOCH_MILLIS));
        SplittableRandom rnd = new SplittableRandom(3);
        for (int u = 0; u < 600; u++) {
            int item = rnd.nextInt(30);
            long t = rnd.nextLong(4 * DAY);
            for (int j = 0; j < 8; j++) {
                b.add("u" + u, "i" + item, "view", t);
                t += rnd.nextLong(3 * 3600_000L);
                item = rnd.nextInt(10) < 8 ? (item + 1) % 30 : rnd.nextInt(30);
            }
        }
        SequenceDataset ds = b.build();
        long cut = AbReplay.cut(ds, 0.7);
        SequenceDataset train = AbReplay.before(ds, cut);
        Recommender pop = ClassicTrainers.byName("pop").orElseThrow().fit(train, FitContext.of(1));
        Recommender markov = ClassicTrainers.byName("markov1").orElseThrow().fit(train, FitContext.of(1));
        var r = new AbReplay().run(ds, cut, List.of(new AbReplay.Variant("pop", pop),
                new AbReplay.Variant("markov1", markov)), config(5, 0.01));
        // ~136 exposures per arm: V = 0.25 * 2/136 = 0.0037 >> tau^2 = 1e-4, so a mixture around one point has
        // almost no power even for a 60-point difference (Lambda = 3.8) ...
        assertThat(r.result().verdict().decision()).isEqualTo(AbAnalysis.CONTINUE);
        // ... while one scaled to differences of this size finds it
        r = new AbReplay().run(ds, cut, List.of(new AbReplay.Variant("pop", pop),
                new AbReplay.Variant("markov1", markov)), config(5, 0.3));
        assertThat(r.result().verdict().winner()).isEqualTo("markov1");
        assertThat(r.decisionDay()).isBetween(1, r.days().size());
        assertThat(r.result().arms().get(1).ctr()).isGreaterThan(0.5);
    }
}

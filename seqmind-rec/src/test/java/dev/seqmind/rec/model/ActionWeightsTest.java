package dev.seqmind.rec.model;

import dev.seqmind.data.model.DatasetInfo;
import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.data.model.SequenceDatasetBuilder;
import dev.seqmind.data.model.TimeKind;
import dev.seqmind.rec.FitContext;
import dev.seqmind.rec.Recommender;
import dev.seqmind.rec.model.knn.Direction;
import dev.seqmind.rec.model.knn.ItemKnnTrainer;
import dev.seqmind.rec.model.pop.PopularityTrainer;
import dev.seqmind.rec.model.pop.RecentPopularityTrainer;
import dev.seqmind.rec.model.markov.MarkovTrainer;
import dev.seqmind.rec.store.ModelDirectory;
import dev.seqmind.rec.store.Provenance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** {@code --action-weight} reaches the counting models: a weighted buy counts as much as several views. */
class ActionWeightsTest {
    /** a: viewed three times; b: bought once; after x comes a (viewed) twice and b (bought) once. */
    private static SequenceDataset data(Map<String, Double> weights) {
        SequenceDatasetBuilder b = new SequenceDatasetBuilder(DatasetInfo.of("w", TimeKind.EPOCH_MILLIS)
                .withActionWeights(weights));
        b.add("u1", "x", "pv", 1).add("u1", "a", "pv", 2);
        b.add("u2", "x", "pv", 3).add("u2", "a", "pv", 4);
        b.add("u3", "x", "pv", 5).add("u3", "b", "buy", 6);
        b.add("u4", "a", "pv", 7);
        return b.build();
    }

    private static float score(Recommender r, SequenceDataset d, String history, String item) {
        float[] s = new float[r.numItems()];
        r.score(history.isEmpty() ? new int[0] : new int[] {d.items().denseId(history)}, s);
        return s[d.items().denseId(item)];
    }

    @Test
    void popularitySumsTheWeightsOfEachItemsEvents() {
        SequenceDataset plain = data(Map.of());
        SequenceDataset weighted = data(Map.of("buy", 4.0, "pv", 1.0));
        Recommender p0 = new PopularityTrainer().fit(plain, FitContext.of(1));
        Recommender p1 = new PopularityTrainer().fit(weighted, FitContext.of(1));
        assertThat(score(p0, plain, "", "a")).isEqualTo(3f);
        assertThat(score(p0, plain, "", "b")).isEqualTo(1f);
        assertThat(score(p1, weighted, "", "b")).isEqualTo(4f);
        assertThat(score(p1, weighted, "", "b")).isGreaterThan(score(p1, weighted, "", "a"));
    }

    @Test
    void recentPopularityScalesEachDecayedEventByItsWeight() {
        SequenceDataset weighted = data(Map.of("buy", 4.0));
        Recommender r = new RecentPopularityTrainer(1, 0.1).fit(weighted, FitContext.of(1));
        // last time 7; b's one buy at 6 decays by 0.5 and weighs 4
        assertThat(score(r, weighted, "", "b")).isCloseTo(2f, within(1e-6f));
    }

    @Test
    void itemKnnCountsPairsByTheProductOfTheirWeights() {
        ItemKnnTrainer knn = new ItemKnnTrainer(1, 1.0, 10, Direction.FORWARD, 1, 1.0);
        SequenceDataset plain = data(Map.of());
        SequenceDataset weighted = data(Map.of("buy", 9.0));
        Recommender k0 = knn.fit(plain, FitContext.of(1));
        Recommender k1 = knn.fit(weighted, FitContext.of(1));
        // unweighted cosine: x->a 2/sqrt(3*3), x->b 1/sqrt(3*1); weighted: x->b 9/sqrt(3*9)
        assertThat(score(k0, plain, "x", "a")).isGreaterThan(score(k0, plain, "x", "b"));
        assertThat(score(k1, weighted, "x", "b")).isGreaterThan(score(k1, weighted, "x", "a"));
        assertThat(score(k0, plain, "x", "b")).isLessThan(score(k1, weighted, "x", "b"));
    }

    @Test
    void markovWeighsEachTransitionByItsNextEventsAction() {
        SequenceDataset plain = data(Map.of());
        SequenceDataset weighted = data(Map.of("buy", 4.0, "pv", 1.0));
        Recommender m0 = MarkovTrainer.ofOrder(1).fit(plain, FitContext.of(1));
        Recommender m1 = MarkovTrainer.ofOrder(1).fit(weighted, FitContext.of(1));
        // after x: a twice (viewed), b once (bought). Unweighted a 2/3, b 1/3; weighted a 2/6, b 4/6; popularity
        // adds less than 1 / (3 cases + 1) to break ties.
        assertThat(score(m0, plain, "x", "a") - 2f).isBetween(2f / 3, 2f / 3 + 0.25f);
        assertThat(score(m1, weighted, "x", "b") - 2f).isBetween(4f / 6, 4f / 6 + 0.25f);
        assertThat(score(m1, weighted, "x", "a") - 2f).isBetween(2f / 6, 2f / 6 + 0.25f);
        assertThat(score(m1, weighted, "x", "b")).isGreaterThan(score(m1, weighted, "x", "a"));
        assertThat(m1.explain(new int[] {weighted.items().denseId("x")}, weighted.items().denseId("b")).text())
                .contains("in 1 of 3 cases").contains("action-weighted confidence 0.667");
    }

    @Test
    void weightedMarkovScoresTheSameAfterSaveAndLoad(@TempDir Path dir) throws IOException {
        SequenceDataset weighted = data(Map.of("buy", 4.0));
        MarkovTrainer trainer = MarkovTrainer.ofOrder(2);
        FitContext ctx = FitContext.of(1);
        Recommender m = trainer.fit(weighted, ctx);
        ModelDirectory.save(m, dir, Provenance.of(weighted, trainer, ctx));
        Recommender back = ModelDirectory.load(dir);
        for (String h : new String[] {"x", "a", ""}) {
            for (String item : new String[] {"a", "b", "x"}) {
                assertThat(score(back, weighted, h, item)).isEqualTo(score(m, weighted, h, item));
            }
        }
    }
}

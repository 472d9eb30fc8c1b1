package dev.seqmind.rec.model.blend;

import dev.seqmind.data.model.IdMap;
import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.rec.FitContext;
import dev.seqmind.rec.Recommender;
import dev.seqmind.rec.TestData;
import dev.seqmind.rec.model.markov.MarkovTrainer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class MixtureRecommenderTest {
    /** Logits that ignore the history, as a neural model's would be for one fixed state. */
    private record FixedLogits(float[] logits) implements Recommender {
        @Override
        public String name() {
            return "fixed";
        }

        @Override
        public IdMap items() {
            return IdMap.sequential(logits.length, 1);
        }

        @Override
        public void score(int[] history, float[] out) {
            System.arraycopy(logits, 0, out, 0, logits.length);
        }
    }

    @Test
    void markovDistributionBacksOffToPopularityByTheContextsCount() {
        // After 0: 1 twice, 2 once (context count 3); item counts 0:3, 1:2, 2:1, 3:1 (7 events).
        SequenceDataset data = TestData.of(4, new int[]{0, 1}, new int[]{0, 1}, new int[]{0, 2}, new int[]{3});
        Recommender markov = MarkovTrainer.ofOrder(1).fit(data, FitContext.of(1));
        float[] p = new float[4];
        ((NextItemProbabilities) markov).probabilities(new int[]{0}, p);
        double e = 1.0 / 4; // 1 / (count(context) + 1)
        assertThat(p[0]).isCloseTo((float) (e * 3 / 7), within(1e-6f));
        assertThat(p[1]).isCloseTo((float) ((1 - e) * 2 / 3 + e * 2 / 7), within(1e-6f));
        assertThat(p[2]).isCloseTo((float) ((1 - e) * 1 / 3 + e * 1 / 7), within(1e-6f));
        assertThat(p[0] + p[1] + p[2] + p[3]).isCloseTo(1f, within(1e-6f));
        // No trusted context: popularity alone.
        ((NextItemProbabilities) markov).probabilities(new int[]{3}, p);
        assertThat(p[0]).isCloseTo(3f / 7, within(1e-6f));
    }

    @Test
    void anItemIsExplainedByTheComponentThatGivesItMostProbability() {
        SequenceDataset data = TestData.of(4, new int[]{0, 1}, new int[]{0, 1}, new int[]{0, 2}, new int[]{3});
        Recommender markov = MarkovTrainer.ofOrder(1).fit(data, FitContext.of(1));
        Recommender uniform = new FixedLogits(new float[]{0f, 0f, 0f, 0f});
        var mix = new MixtureRecommender(List.of(ProbabilityMemo.none(markov), ProbabilityMemo.none(uniform)),
                new double[]{1, 1});
        // After 0: the chain gives item 1 about 0.56 and item 3 about 0.04; the uniform model 0.25 each.
        var all = mix.explainAll(new int[]{0}, new int[]{1, 3});
        assertThat(all.get(0).kind()).isEqualTo("transition");
        assertThat(all.get(1)).isEqualTo(dev.seqmind.rec.Explanation.NONE);
        assertThat(mix.explain(new int[]{0}, 1)).isEqualTo(all.get(0));
    }

    @Test
    void scoresAreTheLogOfTheWeightedMixture() {
        Recommender a = new FixedLogits(new float[]{0f, (float) Math.log(3), Float.NEGATIVE_INFINITY});
        Recommender b = new FixedLogits(new float[]{0f, 0f, 0f});
        var mix = new MixtureRecommender(List.of(ProbabilityMemo.none(a), ProbabilityMemo.none(b)),
                new double[]{3, 1});
        assertThat(mix.weights()).containsExactly(0.75, 0.25);
        float[] out = new float[3];
        mix.score(new int[]{0}, out);
        // a: (1/4, 3/4, 0); b: (1/3, 1/3, 1/3).
        assertThat(out[0]).isCloseTo((float) Math.log(0.75 / 4 + 0.25 / 3), within(1e-6f));
        assertThat(out[1]).isCloseTo((float) Math.log(0.75 * 3 / 4 + 0.25 / 3), within(1e-6f));
        assertThat(out[2]).isCloseTo((float) Math.log(0.25 / 3), within(1e-6f));

        var onlyA = new MixtureRecommender(List.of(ProbabilityMemo.none(a), ProbabilityMemo.none(b)),
                new double[]{1, 0});
        onlyA.score(new int[]{0}, out);
        assertThat(out[2]).isEqualTo(Float.NEGATIVE_INFINITY);
        assertThat(mix.name()).isEqualTo("blend(fixed 0.750 + fixed 0.250)");
    }

    @Test
    void aMemoScoresEachHistoryOnceAndGivesTheSameScores() {
        int[] calls = {0};
        Recommender counted = new FixedLogits(new float[]{1f, 2f});
        Recommender counting = new Recommender() {
            @Override
            public String name() {
                return "counting";
            }

            @Override
            public IdMap items() {
                return counted.items();
            }

            @Override
            public void score(int[] history, float[] out) {
                calls[0]++;
                counted.score(history, out);
            }
        };
        ProbabilityMemo memo = new ProbabilityMemo(counting, 1 << 20);
        var mix = new MixtureRecommender(List.of(memo, ProbabilityMemo.none(counted)), new double[]{1, 1});
        float[] first = new float[2];
        float[] second = new float[2];
        mix.score(new int[]{5, 6}, first);
        mix.score(new int[]{5, 6}, second);
        mix.scoreBatch(new int[][]{{5, 6}, {7}}, new float[][]{new float[2], new float[2]});
        assertThat(second).containsExactly(first);
        assertThat(calls[0]).isEqualTo(2); // {5, 6} once, {7} once
    }

    @Test
    void badWeightsAndMismatchedItemSpacesAreRefused() {
        var a = ProbabilityMemo.none(new FixedLogits(new float[]{0f, 1f}));
        var b = ProbabilityMemo.none(new FixedLogits(new float[]{0f, 1f, 2f}));
        assertThatThrownBy(() -> new MixtureRecommender(List.of(a, a), new double[]{0, 0}))
                .hasMessageContaining("all weights are 0");
        assertThatThrownBy(() -> new MixtureRecommender(List.of(a, a), new double[]{1, -1}))
                .hasMessageContaining("-1");
        assertThatThrownBy(() -> new MixtureRecommender(List.of(a, a), new double[]{1}))
                .hasMessageContaining("1 weights for 2 components");
        assertThatThrownBy(() -> new MixtureRecommender(List.of(a, b), new double[]{1, 1}))
                .hasMessageContaining("scores 3 items");
    }
}

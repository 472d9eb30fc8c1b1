package dev.seqmind.rec;

import dev.seqmind.rec.model.markov.MarkovTrainer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OcclusionExplainerTest {
    // 0 -> 1 and 2 -> 3 are the transitions; 4 and 5 are noise.
    private final Recommender markov = MarkovTrainer.ofOrder(1).fit(TestData.of(6,
            new int[] {0, 1, 4},
            new int[] {0, 1, 5},
            new int[] {2, 3, 4},
            new int[] {2, 3, 5}), FitContext.of(1));

    @Test
    void namesTheItemWhoseRemovalLowersTheScoreMost() {
        // after [5, 4, 0] the chain recommends 1 because of 0; without 0 the last item is 4, after which 1 never came
        Explanation why = OcclusionExplainer.defaults().explain(markov, new int[] {5, 4, 0}, 1);
        assertThat(why.kind()).isEqualTo("occlusion");
        assertThat(why.evidence()).first().isEqualTo(0);
        assertThat(why.text()).startsWith("driven by 0 (score");
        assertThat(why.confidence()).isBetween(0.0, 1.0);
    }

    @Test
    void saysSoWhenNoSingleItemRaisesTheScore() {
        // 4 is recommended by popularity only: removing any one item does not lower its score
        Explanation why = new OcclusionExplainer(2, 1).explain(markov, new int[] {1, 5}, 4);
        assertThat(why.evidence()).isEmpty();
        assertThat(why.kind()).isEqualTo("sequence");
        assertThat(OcclusionExplainer.defaults().explain(markov, new int[0], 4)).isEqualTo(Explanation.NONE);
    }

    @Test
    void explainsAWholeListFromOneScoredBatch() {
        int[] batches = {0};
        Recommender counting = new Recommender() {
            @Override
            public String name() {
                return markov.name();
            }

            @Override
            public dev.seqmind.data.model.IdMap items() {
                return markov.items();
            }

            @Override
            public void score(int[] history, float[] out) {
                markov.score(history, out);
            }

            @Override
            public void scoreBatch(int[][] histories, float[][] out) {
                batches[0]++;
                markov.scoreBatch(histories, out);
            }
        };
        int[] history = {5, 4, 0};
        int[] items = {1, 4, 3, 99};
        java.util.List<Explanation> all = OcclusionExplainer.defaults().explainAll(counting, history, items);
        assertThat(batches[0]).isEqualTo(1);
        assertThat(all).hasSize(items.length);
        for (int i = 0; i < 3; i++) {
            assertThat(all.get(i)).isEqualTo(OcclusionExplainer.defaults().explain(markov, history, items[i]));
        }
        assertThat(all.get(3)).as("an id the model does not know").isEqualTo(Explanation.NONE);
    }
}

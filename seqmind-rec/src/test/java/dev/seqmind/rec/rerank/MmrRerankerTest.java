package dev.seqmind.rec.rerank;

import dev.seqmind.data.error.InvalidParameterException;
import dev.seqmind.data.model.IdMap;
import dev.seqmind.data.model.ItemCatalog;
import dev.seqmind.data.model.ItemMetadata;
import dev.seqmind.rec.rank.TopKSelector;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class MmrRerankerTest {
    // Items 0 and 1 share category A; 2 is B, 3 is C. Scores 1.0, 0.9, 0.8, 0.0 -> relevance 1, 0.9, 0.8, 0.
    private final CategorySimilarity cats = CategorySimilarity.ofIds(new int[][] {{0}, {0}, {1}, {2}});
    private final float[] scores = {1.0f, 0.9f, 0.8f, 0.0f};

    private int[] list(double lambda, int k) {
        return new MmrReranker(cats, lambda, 100).rerank(scores, 4, k, null, 0).items();
    }

    @Test
    void lambdaOneKeepsTheModelsOrder() {
        assertThat(list(1.0, 4)).containsExactly(0, 1, 2, 3);
    }

    @Test
    void halfLambdaMatchesTheHandComputedList() {
        // step 1: 0.5*rel -> item 0 (0.5). step 2: item 1: 0.45 - 0.5*1 = -0.05, item 2: 0.4, item 3: 0 -> 2.
        // step 3: item 1: -0.05, item 3: 0 -> 3. step 4: 1.
        assertThat(list(0.5, 4)).containsExactly(0, 2, 3, 1);
    }

    @Test
    void highLambdaSwapsOnlyWhereTheSimilarityPenaltyOutweighsTheScoreGap() {
        // step 2 at lambda 0.9: item 1: 0.81 - 0.1*1 = 0.71, item 2: 0.72 -> 2; then 1 (0.71) before 3 (0).
        assertThat(list(0.9, 4)).containsExactly(0, 2, 1, 3);
        // at 0.95: item 1: 0.855 - 0.05 = 0.805 > item 2: 0.76 -> the model's order survives.
        assertThat(list(0.95, 4)).containsExactly(0, 1, 2, 3);
    }

    @Test
    void zeroLambdaTakesTheBestItemThenTheLeastSimilarWithTiesToTheEarlierItem() {
        assertThat(list(0.0, 4)).containsExactly(0, 2, 3, 1);
    }

    @Test
    void prefixOfALongerListIsTheShorterList() {
        assertThat(list(0.5, 2)).containsExactly(0, 2);
        assertThat(list(0.5, 3)).containsExactly(0, 2, 3);
    }

    @Test
    void returnsTheModelScoresOfListedItemsAndHonoursExclusionsAndThePool() {
        TopKSelector.Result r = new MmrReranker(cats, 0.5, 100).rerank(scores, 4, 3, new int[] {2}, 1);
        // without item 2: step 2: item 1: 0.45 - 0.5 = -0.05 vs item 3: 0 -> 3.
        assertThat(r.items()).containsExactly(0, 3, 1);
        assertThat(r.scores()).containsExactly(1.0f, 0.0f, 0.9f);
        // a pool of 2 only reorders the two best items, and cuts the list to 2
        assertThat(new MmrReranker(cats, 0.5, 2).rerank(scores, 4, 4, null, 0).items()).containsExactly(0, 1);
    }

    @Test
    void itemsTheModelCannotScoreAreNeverListed() {
        float[] s = {1f, Float.NEGATIVE_INFINITY, Float.NaN, 0.5f};
        assertThat(new MmrReranker(cats, 0.3, 100).rerank(s, 4, 4, null, 0).items()).containsExactly(0, 3);
    }

    @Test
    void rejectsLambdaOutsideTheUnitIntervalAndAnEmptyPool() {
        assertThatThrownBy(() -> new MmrReranker(cats, 1.5, 10)).isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("lambda must be in [0, 1], but got 1.5");
        assertThatThrownBy(() -> new MmrReranker(cats, 0.5, 0)).isInstanceOf(InvalidParameterException.class);
        assertThat(new MmrReranker(cats, 0.7, 10).label()).isEqualTo("mmr0.7");
        assertThat(new MmrReranker(cats, 0.25, 10).label()).isEqualTo("mmr0.25");
    }

    @Test
    void equalsABruteForceGreedyOnRandomInputs() {
        SplittableRandom rnd = new SplittableRandom(11);
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + rnd.nextInt(30);
            float[][] vectors = new float[n][3];
            float[] s = new float[n];
            for (int i = 0; i < n; i++) {
                for (int d = 0; d < 3; d++) {
                    vectors[i][d] = (float) rnd.nextDouble(-1, 1);
                }
                s[i] = rnd.nextInt(8) / 4f; // ties on purpose
            }
            ItemSimilarity sim = new EmbeddingSimilarity(vectors);
            double lambda = rnd.nextInt(11) / 10.0;
            int pool = 1 + rnd.nextInt(n + 3);
            int k = rnd.nextInt(n + 2);
            int[] got = new MmrReranker(sim, lambda, pool).rerank(s, n, k, null, 0).items();
            assertThat(got).as("trial %d", trial).containsExactly(bruteForce(s, sim, lambda, pool, k));
        }
    }

    /** The definition, recomputed from scratch at every step. */
    private static int[] bruteForce(float[] s, ItemSimilarity sim, double lambda, int pool, int k) {
        int n = s.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> s[a] != s[b] ? Float.compare(s[b], s[a]) : Integer.compare(a, b));
        int m = Math.min(pool, n);
        double max = s[order[0]];
        double min = s[order[m - 1]];
        List<Integer> chosen = new java.util.ArrayList<>();
        while (chosen.size() < Math.min(k, m)) {
            int best = -1;
            double bestValue = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < m; c++) {
                int item = order[c];
                if (chosen.contains(item)) {
                    continue;
                }
                double rel = max > min ? (s[item] - min) / (max - min) : 1;
                double penalty = 0;
                for (int j : chosen) {
                    penalty = Math.max(penalty, sim.similarity(item, j));
                }
                double v = lambda * rel - (1 - lambda) * penalty;
                if (v > bestValue) {
                    bestValue = v;
                    best = item;
                }
            }
            chosen.add(best);
        }
        return chosen.stream().mapToInt(Integer::intValue).toArray();
    }

    @Test
    void categorySimilarityIsJaccardOverTheCatalogue() {
        IdMap items = IdMap.of(List.of("a", "b", "c", "d"));
        var catalog = new ItemCatalog(Map.of(
                "a", new ItemMetadata("", List.of("Drama", "War"), "", Map.of()),
                "b", new ItemMetadata("", List.of("War"), "", Map.of()),
                "c", new ItemMetadata("", List.of("Comedy", "Drama", "War"), "", Map.of())));
        CategorySimilarity sim = CategorySimilarity.of(items, catalog);
        assertThat(sim.available()).isTrue();
        assertThat(sim.similarity(0, 1)).isCloseTo(0.5, within(1e-12));
        assertThat(sim.similarity(0, 2)).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(sim.similarity(1, 2)).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(sim.similarity(0, 0)).isEqualTo(1.0);
        assertThat(sim.similarity(0, 3)).isZero(); // d has no category
    }

    @Test
    void embeddingSimilarityIsClippedCosine() {
        var sim = new EmbeddingSimilarity(new float[][] {{1, 0}, {2, 2}, {0, 3}, {-1, 0}, {0, 0}});
        assertThat(sim.similarity(0, 1)).isCloseTo(Math.sqrt(0.5), within(1e-6));
        assertThat(sim.similarity(0, 2)).isCloseTo(0, within(1e-9));
        assertThat(sim.similarity(0, 3)).isZero();
        assertThat(sim.similarity(0, 4)).isZero();
        assertThatThrownBy(() -> new EmbeddingSimilarity(new float[][] {{1, 0}, {1}}))
                .hasMessageContaining("item 1 has a vector of length 1");
    }
}

package dev.seqmind.rec.eval;

import dev.seqmind.data.model.IdMap;
import dev.seqmind.data.model.ItemCatalog;
import dev.seqmind.data.model.ItemMetadata;
import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.data.progress.Progress;
import dev.seqmind.data.split.LeaveOneOutSplitter;
import dev.seqmind.data.split.Split;
import dev.seqmind.rec.FitContext;
import dev.seqmind.rec.Recommender;
import dev.seqmind.rec.TestData;
import dev.seqmind.rec.model.pop.PopularityTrainer;
import dev.seqmind.rec.topk.SeenItems;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class EvaluatorTest {
    /** Scores every item the same: ranking is decided by the tie-break alone. */
    private record Flat(IdMap items) implements Recommender {
        @Override
        public String name() {
            return "flat";
        }

        @Override
        public void score(int[] history, float[] out) {
            java.util.Arrays.fill(out, 0, items.size(), 1f);
        }
    }

    // 5 items; leave-one-out targets: user0 -> 2, user1 -> 4.
    private final SequenceDataset data = TestData.of(5, new int[] {0, 1, 0, 2}, new int[] {3, 0, 1, 4});
    private final Split split = new LeaveOneOutSplitter().split(data);

    private EvalConfig config() {
        return new EvalConfig(new int[] {1, 5}, SeenItems.KEEP, Candidates.FULL, 1, 2, 100, 7);
    }

    @Test
    void tiesRankTheLowerIdFirstAndSeenFilteringMovesTargetsUp() {
        Recommender flat = new Flat(data.items());
        EvalResult keep = new Evaluator(config()).test(flat, split, Progress.NONE);
        // Ranking 0,1,2,3,4: target 2 at rank 3, target 4 at rank 5.
        assertThat(keep.values(Metric.MRR, 5)).containsExactly(1f / 3, 1f / 5);
        assertThat(keep.mean(Metric.HR, 1)).isZero();
        assertThat(keep.mean(Metric.HR, 5)).isEqualTo(1.0);
        assertThat(keep.ranking()).contains("full ranking").contains("seen items kept");

        EvalResult excl = new Evaluator(config().withSeen(SeenItems.EXCLUDE)).test(flat, split, Progress.NONE);
        // user0 saw {0,1}: ranking 2,3,4 -> rank 1. user1 saw {3,0,1}: ranking 2,4 -> rank 2.
        assertThat(excl.values(Metric.MRR, 5)).containsExactly(1f, 0.5f);
        assertThat(excl.values(Metric.NDCG, 5)[1]).isCloseTo((float) (1 / 1.5849625), within(1e-6f));
        assertThat(excl.ranking()).contains("seen items excluded");
    }

    @Test
    void beyondAccuracyOfPopularity() {
        var catalog = new ItemCatalog(Map.of(
                "0", new ItemMetadata("", List.of("a"), "", Map.of()),
                "1", new ItemMetadata("", List.of("a", "b"), "", Map.of()),
                "3", new ItemMetadata("", List.of("c"), "", Map.of())));
        Split s = new LeaveOneOutSplitter().split(data.withCatalog(catalog));
        Recommender pop = new PopularityTrainer().fit(s.trainForTest(), FitContext.of(1));
        EvalResult r = new Evaluator(config()).test(pop, s, Progress.NONE);
        // trainForTest (6 events) counts: 0:3, 1:2, 2:0, 3:1, 4:0 -> top-1 is 0 for both users; top-5 lists all.
        BeyondAccuracy at1 = r.beyond().get(0);
        assertThat(at1.coverage()).isCloseTo(0.2, within(1e-9));
        assertThat(at1.averagePopularity()).isCloseTo(3.0, within(1e-9));
        // self-information of item 0: -log2((3+1)/(6+5))
        assertThat(at1.novelty()).isCloseTo(-Math.log(4.0 / 11) / Math.log(2), within(1e-9));
        assertThat(at1.gini()).isCloseTo(0.8, within(1e-9)); // counts 2,0,0,0,0
        assertThat(at1.intraListDiversity()).isNaN(); // one item: no pair
        BeyondAccuracy at5 = r.beyond().get(1);
        assertThat(at5.coverage()).isEqualTo(1.0);
        assertThat(at5.gini()).isCloseTo(0, within(1e-9));
        // pairs with categories on both sides: (0,1): 1 - 1/2, (0,3): 1, (1,3): 1 -> mean 5/6
        assertThat(at5.intraListDiversity()).isCloseTo(2.5 / 3, within(1e-9));
    }

    @Test
    void reRankedEvaluationMeasuresTheMmrListAndNamesIt() {
        var catalog = new ItemCatalog(Map.of(
                "0", new ItemMetadata("", List.of("a"), "", Map.of()),
                "1", new ItemMetadata("", List.of("a"), "", Map.of()),
                "3", new ItemMetadata("", List.of("c"), "", Map.of())));
        Split s = new LeaveOneOutSplitter().split(data.withCatalog(catalog));
        Recommender pop = new PopularityTrainer().fit(s.trainForTest(), FitContext.of(1));
        var mmr = new dev.seqmind.rec.rerank.MmrReranker(
                dev.seqmind.rec.rerank.CategorySimilarity.of(s.full().items(), catalog), 0.5, 100);
        var cfg = new EvalConfig(new int[] {2, 5}, SeenItems.KEEP, Candidates.FULL, 1, 2, 0, 7);
        EvalResult plain = new Evaluator(cfg).test(pop, s, Progress.NONE);
        EvalResult reranked = new Evaluator(cfg).withReranker(mmr).test(pop, s, Progress.NONE);
        // counts 3,2,0,1,0: model order 0,1,3,2,4, relevance 1, 2/3, 1/3, 0, 0. MMR at 0.5: 0; then 3 (1/6) over
        // 1 (1/3 - 1/2); then 2 and 4 (0, pool order) over 1 (-1/6); then 1 -> list 0,3,2,4,1.
        assertThat(plain.values(Metric.MRR, 5)).containsExactly(1f / 4, 1f / 5);
        assertThat(reranked.values(Metric.MRR, 5)).containsExactly(1f / 3, 1f / 4);
        assertThat(reranked.model()).isEqualTo(plain.model() + "+mmr0.5");
        assertThat(reranked.ranking()).contains("re-ranked by mmr0.5");
        // top-2 lists: plain {0, 1} share category a (distance 0); re-ranked {0, 3} share none (distance 1)
        assertThat(plain.beyond().get(0).intraListDiversity()).isZero();
        assertThat(reranked.beyond().get(0).intraListDiversity()).isEqualTo(1.0);
        assertThat(reranked.beyond().get(0).coverage()).isEqualTo(plain.beyond().get(0).coverage());
    }

    @Test
    void sampledEvaluationIsLabelledAndEqualsFullRankingWhenEveryItemIsSampled() {
        Recommender pop = new PopularityTrainer().fit(split.trainForTest(), FitContext.of(1));
        EvalResult full = new Evaluator(config()).test(pop, split, Progress.NONE);
        EvalResult sampled = new Evaluator(config().withCandidates(Candidates.sampled(100, 3)))
                .test(pop, split, Progress.NONE);
        assertThat(sampled.sampled()).isTrue();
        assertThat(sampled.ranking()).startsWith("sampled");
        assertThat(sampled.label(Metric.NDCG, 5)).isEqualTo("NDCG@5 (sampled)");
        assertThat(sampled.beyond()).isEmpty();
        assertThat(sampled.values(Metric.NDCG, 5)).containsExactly(full.values(Metric.NDCG, 5));
    }

    @Test
    void resultsDoNotDependOnThreadsOrBatchSize() {
        SequenceDataset bigger = TestData.of(30, java.util.stream.IntStream.range(0, 40)
                .mapToObj(u -> new int[] {u % 30, (u * 7) % 30, (u * 11 + 3) % 30, (u * 13 + 5) % 30})
                .toArray(int[][]::new));
        Split s = new LeaveOneOutSplitter().split(bigger);
        Recommender pop = new PopularityTrainer().fit(s.trainForTest(), FitContext.of(1));
        EvalResult a = new Evaluator(new EvalConfig(new int[] {1, 10}, SeenItems.KEEP, Candidates.FULL, 3, 2, 0, 1))
                .test(pop, s, Progress.NONE);
        EvalResult b = new Evaluator(new EvalConfig(new int[] {1, 10}, SeenItems.KEEP, Candidates.FULL, 64, 1, 0, 1))
                .test(pop, s, Progress.NONE);
        for (Metric m : Metric.values()) {
            assertThat(a.values(m, 10)).containsExactly(b.values(m, 10));
        }
        assertThat(a.beyond()).isEqualTo(b.beyond());
    }
}

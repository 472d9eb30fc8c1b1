package dev.seqmind.rec.model;

import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.rec.FitContext;
import dev.seqmind.rec.Recommender;
import dev.seqmind.rec.TestData;
import dev.seqmind.rec.model.knn.Direction;
import dev.seqmind.rec.model.knn.ItemKnnTrainer;
import dev.seqmind.rec.model.markov.MarkovTrainer;
import dev.seqmind.rec.model.pop.PopularityTrainer;
import dev.seqmind.rec.model.pop.RecentPopularityTrainer;
import dev.seqmind.rec.model.rules.Matching;
import dev.seqmind.rec.model.rules.MinedRuleTrainer;
import dev.seqmind.rec.model.rules.PrefixRuleTrainer;
import dev.seqmind.rec.model.rules.RuleBasedRecommender;
import dev.seqmind.rec.rank.TopKSelector;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ClassicModelsTest {
    // Items 0..5. 0 -> 1 is the dominant transition; after [2, 0] comes 3.
    private final SequenceDataset data = TestData.of(6,
            new int[] {0, 1, 4},
            new int[] {0, 1, 5},
            new int[] {2, 0, 3},
            new int[] {2, 0, 3},
            new int[] {4, 4, 4});

    private static int[] top(Recommender r, int[] history, int k) {
        float[] s = new float[r.numItems()];
        r.score(history, s);
        return new TopKSelector().select(s, s.length, k).items();
    }

    @Test
    void popularityCountsTrainingEventsOnly() {
        Recommender pop = new PopularityTrainer().fit(data, FitContext.of(1));
        float[] s = new float[6];
        pop.score(new int[0], s);
        assertThat(s).containsExactly(4, 2, 2, 2, 4, 1);
        assertThat(top(pop, new int[0], 3)).containsExactly(0, 4, 1);
    }

    @Test
    void recentPopularityHalvesPerHalfLife() {
        // times: events 0..14; last = 14. Half-life 1: an event one step older counts half.
        Recommender r = new RecentPopularityTrainer(1, 0.1).fit(data, FitContext.of(1));
        float[] s = new float[6];
        r.score(new int[0], s);
        assertThat(s[4]).isCloseTo((float) (1 + 0.5 + 0.25 + Math.pow(0.5, 12)), within(1e-6f));
        assertThat(top(r, new int[0], 1)).containsExactly(4);
    }

    @Test
    void firstOrderMarkovFollowsTheCommonestTransitionThenPopularity() {
        Recommender m = MarkovTrainer.ofOrder(1).fit(data, FitContext.of(1));
        // After 0: 1 twice, 3 twice -> tie broken by popularity (both 2 events) then id; then popularity order.
        assertThat(top(m, new int[] {5, 0}, 4)).containsExactly(1, 3, 0, 4);
        assertThat(m.explain(new int[] {0}, 1).confidence()).isEqualTo(0.5);
        // Unknown context: pure popularity.
        assertThat(top(m, new int[] {5}, 2)).containsExactly(0, 4);
    }

    @Test
    void secondOrderMarkovUsesTheLongerContextFirstAndBacksOff() {
        Recommender m = MarkovTrainer.ofOrder(2).fit(data, FitContext.of(1));
        assertThat(top(m, new int[] {2, 0}, 2)).containsExactly(3, 1);
        assertThat(m.explain(new int[] {2, 0}, 3).text()).contains("after [2, 0]").contains("2 of 2");
        assertThat(top(m, new int[] {5, 0}, 2)).containsExactly(1, 3);
        // A context seen fewer than minContextCount times is not trusted.
        Recommender strict = new MarkovTrainer(2, 3).fit(data, FitContext.of(1));
        assertThat(top(strict, new int[] {2, 0}, 2)).containsExactly(1, 3);
    }

    @Test
    void itemKnnRanksForwardNeighboursOfRecentItems() {
        Recommender knn = new ItemKnnTrainer(2, 0.5, 10, Direction.FORWARD, 1, 1).fit(data, FitContext.of(1));
        float[] s = new float[6];
        knn.score(new int[] {2}, s);
        // 2 is followed by 0 at distance 1 (twice) and by 3 at distance 2 (twice, weight 0.5).
        // sim(2,0) = 2 / sqrt(2*4); sim(2,3) = 1 / sqrt(2*2).
        assertThat(s[0]).isCloseTo(2 + (float) (2 / Math.sqrt(8)), within(1e-6f));
        assertThat(s[3]).isCloseTo(2 + 0.5f, within(1e-6f));
        assertThat(s[1]).isLessThan(1f);
        assertThat(top(knn, new int[] {2}, 2)).containsExactly(0, 3);
        assertThat(knn.explain(new int[] {2}, 0).kind()).isEqualTo("co-occurrence");
        assertThat(knn.explain(new int[] {2}, 0).evidence()).containsExactly(2);
    }

    @Test
    void itemKnnIgnoresRepeatsOfTheSameItem() {
        Recommender knn = new ItemKnnTrainer(3, 1, 10, Direction.BOTH, 1, 1).fit(data, FitContext.of(2));
        float[] s = new float[6];
        knn.score(new int[] {4}, s);
        assertThat(s[4]).isLessThan(1f);
        assertThat(s[1]).isGreaterThan(2f);
    }

    @Test
    void prefixRulesRankByConfidenceAndNameTheRule() {
        // Rules: 0->1 (0.5), 0->3 (0.5), 1->4, 1->5, 2->0 (1.0), 4->4 (1.0), [0,1]->4, [0,1]->5, [2,0]->3 (1.0), [4,4]->4
        RuleBasedRecommender rules = (RuleBasedRecommender) new PrefixRuleTrainer(2, 1, 0.01, 10, Matching.SUFFIX, 1)
                .fit(data, FitContext.of(1));
        assertThat(rules.numRules()).isEqualTo(10);
        assertThat(top(rules, new int[] {2, 0}, 3)).containsExactly(3, 1, 0);
        var why = rules.explain(new int[] {2, 0}, 3);
        assertThat(why.kind()).isEqualTo("next-item-rule");
        assertThat(why.evidence()).containsExactly(2, 0);
        assertThat(why.confidence()).isEqualTo(1.0);
        assertThat(why.text()).startsWith("next-item rule 2 > 0 -> 3: right after 2 > 0 the next item is 3")
                .contains("support 2");
        // Equal confidence: popularity, then id.
        assertThat(top(rules, new int[] {5, 0}, 2)).containsExactly(1, 3);
        assertThat(rules.explain(new int[] {5}, 0).kind()).isEqualTo("popularity");
    }

    @Test
    void subsequenceMatchingAllowsGapsWithinTheWindowOnly() {
        var suffix = new PrefixRuleTrainer(2, 2, 0.01, 10, Matching.SUFFIX, 3).fit(data, FitContext.of(1));
        var gaps = new PrefixRuleTrainer(2, 2, 0.01, 10, Matching.SUBSEQUENCE, 3).fit(data, FitContext.of(1));
        float[] s = new float[6];
        suffix.score(new int[] {2, 5, 5}, s);
        assertThat(s[3]).isLessThan(1f);
        gaps.score(new int[] {2, 0, 5}, s);
        assertThat(s[3]).isGreaterThan(3f); // [2, 0] -> 3 fires across the gap
        assertThat(gaps.explain(new int[] {2, 0, 5}, 3).evidence()).containsExactly(2, 0);
        gaps.score(new int[] {2, 5, 5, 0}, s); // 2 is outside the window of 3
        assertThat(s[3]).isCloseTo(2.5f, within(0.01f));
        // minSupport 2 drops the rules seen once.
        assertThat(((RuleBasedRecommender) gaps).numRules()).isEqualTo(5);
    }

    @Test
    void minedSequentialRulesFireOnTheRecentWindowAndExplainThemselves() {
        // Sequence-level rules with support >= 2: 0=>1 (0.5), 0=>3 (0.5), 2=>0 (1), 2=>3 (1), {0,2}=>3 (1).
        RuleBasedRecommender mined = (RuleBasedRecommender) new MinedRuleTrainer(
                dev.seqmind.mining.MinSupport.count(2), 1.0, 0.01, 2, 3, 1000).fit(data, FitContext.of(1));
        assertThat(mined.numRules()).isEqualTo(5);
        assertThat(top(mined, new int[] {2, 5, 0}, 3)).containsExactly(0, 3, 1);
        var why = mined.explain(new int[] {2, 5, 0}, 3);
        assertThat(why.kind()).isEqualTo("sequential-rule");
        assertThat(why.text()).startsWith("sequential rule {0, 2} => {3}: after all of 0, 2, in any order, 3 follows");
        assertThat(why.evidence()).containsExactly(0, 2);
        assertThat(why.confidence()).isEqualTo(1.0);
        // Window 1 sees only the last item.
        RuleBasedRecommender narrow = (RuleBasedRecommender) new MinedRuleTrainer(
                dev.seqmind.mining.MinSupport.count(2), 1.0, 0.01, 2, 1, 1000).fit(data, FitContext.of(1));
        assertThat(top(narrow, new int[] {2, 5, 0}, 2)).containsExactly(1, 3);
    }

    @Test
    void minedRuleSupportIsLoweredUntilTheRuleBudgetWouldOverflow() {
        // 5 users: support 5 gives no rule, 2 gives 5 rules, 1 gives more than 6 -> the support-2 level is kept.
        RuleBasedRecommender mined = (RuleBasedRecommender) new MinedRuleTrainer(
                dev.seqmind.mining.MinSupport.count(1), 1.0, 0.01, 2, 3, 6).fit(data, FitContext.of(1));
        assertThat(mined.numRules()).isEqualTo(5);
        for (int r = 0; r < mined.numRules(); r++) {
            assertThat(mined.rule(r).support()).isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void topKOnTheInterfaceExcludesWhatTheCallerSays() {
        Recommender m = MarkovTrainer.ofOrder(1).fit(data, FitContext.of(1));
        assertThat(m.topK(new int[] {5, 0}, 3, new int[0]).items()).containsExactly(1, 3, 0);
        assertThat(m.topK(new int[] {5, 0}, 3, new int[] {5, 0}).items()).containsExactly(1, 3, 4);
        assertThat(m.topK(new int[] {5, 0}, 2, new int[] {1}).items()).containsExactly(3, 0);
    }
}

package dev.seqmind.rec.store;

import dev.seqmind.rec.RecommenderTrainer;
import dev.seqmind.rec.model.knn.ItemKnnTrainer;
import dev.seqmind.rec.model.markov.MarkovTrainer;
import dev.seqmind.rec.model.pop.PopularityTrainer;
import dev.seqmind.rec.model.pop.RecentPopularityTrainer;

import java.util.stream.Stream;

/** One trainer of every classic family, for suites that must cover them all. */
final class ClassicTrainersForTest {
    private ClassicTrainersForTest() {
    }

    static Stream<RecommenderTrainer> all() {
        return Stream.of(new PopularityTrainer(), RecentPopularityTrainer.defaults(), MarkovTrainer.ofOrder(1),
                new MarkovTrainer(3, 1), ItemKnnTrainer.defaults(),
                new dev.seqmind.rec.model.rules.PrefixRuleTrainer(3, 1, 0.1, 10,
                        dev.seqmind.rec.model.rules.Matching.SUBSEQUENCE, 4),
                new dev.seqmind.rec.model.rules.PrefixRuleTrainer(2, 1, 0.01, 10,
                        dev.seqmind.rec.model.rules.Matching.SUFFIX, 1),
                new dev.seqmind.rec.model.rules.MinedRuleTrainer(dev.seqmind.mining.MinSupport.count(1), 0.5, 0.0, 2, 3,
                        10_000));
    }
}

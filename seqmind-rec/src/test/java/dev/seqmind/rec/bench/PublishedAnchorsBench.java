package dev.seqmind.rec.bench;

import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.data.progress.Progress;
import dev.seqmind.data.split.LeaveOneOutSplitter;
import dev.seqmind.data.split.Split;
import dev.seqmind.rec.FitContext;
import dev.seqmind.rec.Recommender;
import dev.seqmind.rec.RecommenderTrainer;
import dev.seqmind.rec.TestData;
import dev.seqmind.rec.eval.EvalConfig;
import dev.seqmind.rec.eval.EvalResult;
import dev.seqmind.rec.eval.Evaluator;
import dev.seqmind.rec.eval.Metric;
import dev.seqmind.rec.model.knn.Direction;
import dev.seqmind.rec.model.knn.ItemKnnTrainer;
import dev.seqmind.rec.model.markov.MarkovTrainer;
import dev.seqmind.rec.model.pop.PopularityTrainer;
import dev.seqmind.rec.model.pop.RecentPopularityTrainer;
import dev.seqmind.rec.topk.SeenItems;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Not a unit test: runs every classic model on the shared ML-1M and Beauty files (leave-one-out, full ranking) and
 * prints HR@10 / NDCG@10 with and without seen-item filtering. Runs only with {@code -Dseqmind.bench=true}.
 * Optional: {@code -Dseqmind.bench.data=ml-1m|beauty}, {@code -Dseqmind.bench.models=pop,markov1,...}.
 */
class PublishedAnchorsBench {
    static List<RecommenderTrainer> trainers(String only) {
        List<RecommenderTrainer> all = List.of(new PopularityTrainer(), RecentPopularityTrainer.defaults(),
                MarkovTrainer.ofOrder(1), MarkovTrainer.ofOrder(2), MarkovTrainer.ofOrder(3),
                ItemKnnTrainer.defaults(), new ItemKnnTrainer(5, 0.7, 200, Direction.BOTH, 3, 0.5),
                dev.seqmind.rec.model.rules.PrefixRuleTrainer.defaults(),
                new dev.seqmind.rec.model.rules.PrefixRuleTrainer(1, 1, 0.001, 100,
                        dev.seqmind.rec.model.rules.Matching.SUFFIX, 1),
                new dev.seqmind.rec.model.rules.PrefixRuleTrainer(2, 1, 0.001, 100,
                        dev.seqmind.rec.model.rules.Matching.SUFFIX, 1),
                new dev.seqmind.rec.model.rules.PrefixRuleTrainer(2, 2, 0.001, 100,
                        dev.seqmind.rec.model.rules.Matching.SUBSEQUENCE, 3),
                dev.seqmind.rec.model.rules.MinedRuleTrainer.defaults());
        List<RecommenderTrainer> out = new ArrayList<>();
        for (RecommenderTrainer t : all) {
            if (only == null || List.of(only.split(",")).contains(t.name())) {
                out.add(t);
            }
        }
        return out;
    }

    @Test
    void classicModelsOnPublishedFiles() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("seqmind.bench"), "set -Dseqmind.bench=true");
        String which = System.getProperty("seqmind.bench.data", "ml-1m,beauty");
        for (String name : which.split(",")) {
            Path file = TestData.shared(name.equals("ml-1m") ? "ml-1m-sasrec/ml-1m.txt"
                    : "amazon-beauty-bert4rec/beauty.txt");
            Assumptions.assumeTrue(file != null, "dataset missing");
            long t0 = System.nanoTime();
            SequenceDataset data = TestData.readUserItem(file, name);
            Split split = new LeaveOneOutSplitter().split(data);
            System.out.printf(Locale.ROOT, "%s: %d users, %d items, %d events, %d test cases (read+split %.1fs)%n",
                    name, data.numUsers(), data.numItems(), data.numInteractions(), split.test().size(),
                    (System.nanoTime() - t0) / 1e9);
            for (RecommenderTrainer t : trainers(System.getProperty("seqmind.bench.models"))) {
                long f0 = System.nanoTime();
                Recommender model = t.fit(split.trainForTest(), FitContext.of(42));
                double fit = (System.nanoTime() - f0) / 1e9;
                for (SeenItems seen : SeenItems.values()) {
                    EvalConfig cfg = EvalConfig.defaults().withSeen(seen).withBootstrapSamples(0);
                    EvalResult r = new Evaluator(cfg).test(model, split, Progress.NONE);
                    System.out.printf(Locale.ROOT,
                            "%-8s %-24s seen=%-7s HR@10 %.4f NDCG@10 %.4f  fit %.1fs eval %.1fs %.0f users/s  %s%n",
                            name, t.name(), seen,
                            r.mean(Metric.HR, 10), r.mean(Metric.NDCG, 10), fit, r.seconds(), r.usersPerSecond(), t);
                }
            }
        }
    }
}

package dev.seqmind.spark.rec;

import dev.seqmind.rec.FitContext;
import dev.seqmind.rec.Recommender;
import dev.seqmind.rec.model.markov.MarkovTrainer;
import dev.seqmind.rec.store.ModelDirectory;
import dev.seqmind.spark.ActionLog;
import dev.seqmind.spark.LocalSpark;
import dev.seqmind.spark.ingest.SequenceTable;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Markov models counted on Spark, saved and loaded as model directories, score every item exactly as
 * {@link MarkovTrainer#fit} on the same log, with action weights (buy 4, cart 2, fav 0.5) and without, for orders 1
 * to 3 and a minimum context count.
 */
@ExtendWith(LocalSpark.class)
class SparkMarkovTest {
    @Test
    void actionWeightedMarkovScoresLikeTheSingleMachineFit(SparkSession spark, @TempDir Path dir) throws IOException {
        Map<String, Double> weights = Map.of("buy", 4.0, "cart", 2.0, "fav", 0.5);
        ActionLog log = ActionLog.of(spark, dir, 5000, 250, 21, weights);
        assertSame(spark, dir, log, new MarkovTrainer(1, 1), weights);
        assertSame(spark, dir, log, new MarkovTrainer(3, 2), weights);
    }

    @Test
    void unweightedMarkovScoresLikeTheSingleMachineFit(SparkSession spark, @TempDir Path dir) throws IOException {
        ActionLog log = ActionLog.of(spark, dir, 4000, 200, 22, Map.of());
        assertSame(spark, dir, log, new MarkovTrainer(2, 1), Map.of());
    }

    private static void assertSame(SparkSession spark, Path dir, ActionLog log, MarkovTrainer params,
                                   Map<String, Double> weights) throws IOException {
        Recommender single = params.fit(log.dataset(), FitContext.of(1));
        SparkMarkov.Fitted fitted = SparkMarkov.fit(SequenceTable.read(spark, log.ingested()), params, weights, "log",
                3);
        for (int k = 1; k <= params.order(); k++) {
            assertThat(fitted.model().numContexts(k)).isEqualTo(((dev.seqmind.rec.model.markov.MarkovRecommender)
                    single).numContexts(k));
        }
        Path modelDir = dir.resolve("markov-" + params.order() + "-" + weights.size());
        ModelDirectory.save(fitted.model(), modelDir, fitted.provenance());
        Recommender loaded = ModelDirectory.load(modelDir);
        assertThat(loaded.name()).isEqualTo(single.name());
        ActionLog.assertSameScores(log.dataset(), single, loaded, new SplittableRandom(params.order()));
        int[] h = {log.dataset().item(0), log.dataset().item(1)};
        int[] h2 = {loaded.items().denseId(log.dataset().items().externalId(h[0])),
                loaded.items().denseId(log.dataset().items().externalId(h[1]))};
        int best = single.topK(h, 1, new int[0]).items()[0];
        assertThat(loaded.explain(h2, loaded.items().denseId(log.dataset().items().externalId(best))).text())
                .isEqualTo(single.explain(h, best).text());
    }
}

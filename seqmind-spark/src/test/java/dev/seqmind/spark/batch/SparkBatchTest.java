package dev.seqmind.spark.batch;

import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.data.progress.Progress;
import dev.seqmind.data.split.LeaveOneOutSplitter;
import dev.seqmind.data.split.Split;
import dev.seqmind.rec.FitContext;
import dev.seqmind.rec.Recommender;
import dev.seqmind.rec.eval.EvalConfig;
import dev.seqmind.rec.eval.EvalResult;
import dev.seqmind.rec.eval.Evaluator;
import dev.seqmind.rec.eval.Metric;
import dev.seqmind.rec.model.knn.ItemKnnTrainer;
import dev.seqmind.rec.model.markov.MarkovTrainer;
import dev.seqmind.rec.store.ModelDirectory;
import dev.seqmind.rec.topk.Explain;
import dev.seqmind.rec.topk.Recommendation;
import dev.seqmind.rec.topk.Recommendations;
import dev.seqmind.rec.topk.SeenItems;
import dev.seqmind.spark.ActionLog;
import dev.seqmind.spark.LocalSpark;
import dev.seqmind.spark.ingest.SequenceTable;
import dev.seqmind.spark.rec.SparkItemKnn;
import dev.seqmind.spark.rec.SparkMarkov;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Batch top-K for every user and the leave-one-out metrics computed on Spark against the single-machine
 * {@link Recommendations} and {@link Evaluator} on the same log and model.
 */
@ExtendWith(LocalSpark.class)
class SparkBatchTest {
    private static final Map<String, Double> WEIGHTS = Map.of("buy", 4.0, "cart", 2.0);

    @Test
    void topKForEveryUserEqualsRecommendPerUser(SparkSession spark, @TempDir Path dir) throws IOException {
        ActionLog log = ActionLog.of(spark, dir, 4000, 300, 31, WEIGHTS);
        Recommender single = new MarkovTrainer(2, 1).fit(log.dataset(), FitContext.of(1));
        SparkMarkov.Fitted fitted = SparkMarkov.fit(SequenceTable.read(spark, log.ingested()), new MarkovTrainer(2, 1),
                WEIGHTS, "log", 3);
        Path modelDir = dir.resolve("model");
        ModelDirectory.save(fitted.model(), modelDir, fitted.provenance());
        for (SeenItems seen : SeenItems.values()) {
            String out = dir.resolve("top-" + seen).toString();
            SparkTopK.recommend(SequenceTable.read(spark, log.ingested()), ShippedModel.read(modelDir), 7, seen)
                    .write().json(out);
            Map<String, Row> rows = new HashMap<>();
            for (Row r : spark.read().schema(SparkTopK.SCHEMA).json(out).collectAsList()) {
                rows.put(r.getString(0), r);
            }
            SequenceDataset d = log.dataset();
            assertThat(rows).hasSize(d.numUsers());
            Recommendations recs = new Recommendations(single);
            for (int u = 0; u < d.numUsers(); u++) {
                List<String> history = new ArrayList<>();
                for (int e = d.start(u); e < d.end(u); e++) {
                    history.add(d.items().externalId(d.item(e)));
                }
                List<Recommendation> want = recs.recommend(history, 7, seen, List.of(), Explain.NONE).items();
                Row got = rows.get(d.users().externalId(u));
                assertThat(got.<String>getList(1)).as("user %s", d.users().externalId(u))
                        .isEqualTo(want.stream().map(Recommendation::item).toList());
                List<Float> scores = new ArrayList<>();
                for (Object s : got.getList(2)) {
                    scores.add(((Number) s).floatValue());
                }
                assertThat(scores).isEqualTo(want.stream().map(Recommendation::score).toList());
            }
        }
    }

    @Test
    void leaveOneOutMetricsEqualTheEvaluator(SparkSession spark, @TempDir Path dir) throws IOException {
        ActionLog log = ActionLog.of(spark, dir, 6000, 250, 32, WEIGHTS);
        Split split = new LeaveOneOutSplitter().split(log.dataset());
        Dataset<Row> table = SequenceTable.read(spark, log.ingested());
        List<String> names = SequenceTable.itemsInInputOrder(table);
        Dataset<Row> train = LeaveOneOutTable.trainForTest(table, LeaveOneOutTable.MIN_LENGTH);
        int[] ks = {1, 5, 10, 20};
        MarkovTrainer markov = new MarkovTrainer(1, 1);
        SparkMarkov.Fitted m = SparkMarkov.fit(train, names, markov, WEIGHTS, "log", 3);
        ModelDirectory.save(m.model(), dir.resolve("markov"), m.provenance());
        ItemKnnTrainer knn = ItemKnnTrainer.defaults();
        SparkItemKnn.Fitted k = SparkItemKnn.fit(train, names, knn, WEIGHTS, "log", 3);
        ModelDirectory.save(k.model(), dir.resolve("knn"), k.provenance());
        for (SeenItems seen : SeenItems.values()) {
            EvalConfig cfg = new EvalConfig(ks, seen, dev.seqmind.rec.eval.Candidates.FULL, 64, 1, 0, 42);
            assertSameMetrics(table, dir.resolve("markov"), split, markov.fit(split.trainForTest(), FitContext.of(1)),
                    cfg);
            assertSameMetrics(table, dir.resolve("knn"), split, knn.fit(split.trainForTest(), FitContext.of(1)), cfg);
        }
    }

    private static void assertSameMetrics(Dataset<Row> table, Path model, Split split, Recommender single,
                                          EvalConfig cfg) {
        EvalResult want = new Evaluator(cfg).test(single, split, Progress.NONE);
        SparkEvaluation.Metrics got = SparkEvaluation.evaluate(table, ShippedModel.read(model), cfg.ks(), cfg.seen());
        assertThat(got.cases()).isEqualTo(want.numCases());
        for (Metric metric : Metric.values()) {
            for (int k : cfg.ks()) {
                assertThat(got.mean(metric, k)).as("%s %s@%d %s", single.name(), metric, k, cfg.seen())
                        .isCloseTo(want.mean(metric, k), org.assertj.core.data.Offset.offset(1e-9));
                assertThat(String.format(Locale.ROOT, "%.4f", got.mean(metric, k)))
                        .isEqualTo(String.format(Locale.ROOT, "%.4f", want.mean(metric, k)));
            }
        }
        assertThat(want.mean(Metric.HR, 20)).as("a test that could fail: the models find something").isPositive();
    }
}

package dev.seqmind.spark.cli;

import dev.seqmind.data.error.InvalidParameterException;
import dev.seqmind.rec.eval.Metric;
import dev.seqmind.rec.topk.SeenItems;
import dev.seqmind.spark.batch.LeaveOneOutTable;
import dev.seqmind.spark.batch.ShippedModel;
import dev.seqmind.spark.batch.SparkEvaluation;
import dev.seqmind.spark.ingest.SequenceTable;
import dev.seqmind.spark.session.SparkSessions;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code seqmind-spark evaluate}: leave-one-out with full ranking on the cluster. The model is fitted on the log
 * without each user's last event and every user with at least three events is scored, as {@code seqmind evaluate}
 * does.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Fit a model on the cluster without each user's last event and measure HR, NDCG, ... at each K"
                + " on those last events (leave-one-out, full ranking), as `seqmind evaluate` does.")
public final class EvaluateCommand implements Callable<Integer> {
    @Mixin
    SessionOptions session;

    @Mixin
    ModelOptions models;

    @Option(names = "--in", required = true, paramLabel = "DIR", description = "Output of seqmind-spark ingest.")
    String in;

    @Option(names = "--ks", split = ",", defaultValue = "1,5,10,20",
            description = "Cut-offs, increasing. Default: ${DEFAULT-VALUE}.")
    List<Integer> ks;

    @Option(names = "--exclude-seen", description = "Remove each user's seen items from the ranking (off by default, as"
            + " in `seqmind evaluate`).")
    boolean excludeSeen;

    @Option(names = "--save-model", paramLabel = "DIR",
            description = "Keep the fitted model directory here. Default: a temporary directory, removed after.")
    Path saveModel;

    @Override
    public Integer call() throws IOException {
        models.check();
        int[] cuts = ks.stream().mapToInt(Integer::intValue).toArray();
        for (int i = 0; i < cuts.length; i++) {
            if (cuts[i] < 1 || (i > 0 && cuts[i] <= cuts[i - 1])) {
                throw new InvalidParameterException("--ks", ks.toString(), "strictly increasing and >= 1");
            }
        }
        SparkSession spark = SparkSessions.start(session.spec("evaluate " + models.model));
        Dataset<Row> table = SequenceTable.read(spark, in).cache();
        Path dir = saveModel != null ? saveModel : Files.createTempDirectory("seqmind-spark-eval-").resolve("model");
        try {
            models.fitAndSave(LeaveOneOutTable.trainForTest(table, LeaveOneOutTable.MIN_LENGTH),
                    SequenceTable.itemsInInputOrder(table), SequenceTable.summary(spark, in).name(),
                    session.partitions, dir);
            SparkEvaluation.Metrics m = SparkEvaluation.evaluate(table, ShippedModel.read(dir), cuts,
                    excludeSeen ? SeenItems.EXCLUDE : SeenItems.KEEP);
            System.out.printf(Locale.ROOT, "%s: %d test users, leave-one-out, full ranking, seen items %s%n",
                    models.model, m.cases(), excludeSeen ? "excluded" : "kept");
            System.out.printf(Locale.ROOT, "%-6s", "k");
            for (Metric metric : Metric.values()) {
                System.out.printf(Locale.ROOT, " %10s", metric.label());
            }
            System.out.println();
            for (int k : cuts) {
                System.out.printf(Locale.ROOT, "%-6d", k);
                for (Metric metric : Metric.values()) {
                    System.out.printf(Locale.ROOT, " %10.4f", m.mean(metric, k));
                }
                System.out.println();
            }
        } finally {
            table.unpersist();
            if (saveModel == null) {
                Trees.delete(dir.getParent());
            }
        }
        return 0;
    }
}

package dev.seqmind.spark.cli;

import dev.seqmind.rec.model.knn.Direction;
import dev.seqmind.rec.model.knn.ItemKnnTrainer;
import dev.seqmind.rec.store.ModelDirectory;
import dev.seqmind.spark.ingest.SequenceTable;
import dev.seqmind.spark.rec.SparkItemKnn;
import dev.seqmind.spark.session.SparkSessions;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code seqmind-spark train item-knn}: the item-KNN model directory of an ingested log, counted on the cluster. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Fit item-KNN on the cluster into the model directory `seqmind recommend`, `evaluate` and the"
                + " server load.")
public final class TrainCommand implements Callable<Integer> {
    @Mixin
    SessionOptions session;

    @Option(names = "--model", paramLabel = "NAME", defaultValue = "item-knn",
            description = "Model to fit (item-knn). Default: ${DEFAULT-VALUE}.")
    String model;

    @Option(names = "--in", required = true, paramLabel = "DIR", description = "Output of seqmind-spark ingest.")
    String in;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "DIR", description = "Model directory to write.")
    Path out;

    @Option(names = "--window", defaultValue = "3", description = "Co-occurrence window in positions. Default: ${DEFAULT-VALUE}.")
    int window;

    @Option(names = "--distance-decay", defaultValue = "0.5",
            description = "Weight factor per extra position of distance. Default: ${DEFAULT-VALUE}.")
    double distanceDecay;

    @Option(names = "--neighbours", defaultValue = "100", description = "Neighbours kept per item. Default: ${DEFAULT-VALUE}.")
    int neighbours;

    @Option(names = "--direction", defaultValue = "FORWARD",
            description = "FORWARD (only later items count) or BOTH. Default: ${DEFAULT-VALUE}.")
    Direction direction;

    @Option(names = "--history-items", defaultValue = "3",
            description = "Most recent history items that vote. Default: ${DEFAULT-VALUE}.")
    int historyItems;

    @Option(names = "--history-decay", defaultValue = "0.5",
            description = "Weight factor per step back in the history. Default: ${DEFAULT-VALUE}.")
    double historyDecay;

    @Override
    public Integer call() throws IOException {
        if (!"item-knn".equals(model)) {
            throw new dev.seqmind.data.error.InvalidParameterException("--model", model, "item-knn",
                    "fit the other models with `seqmind train` on a dataset from `seqmind-spark to-dataset`");
        }
        ItemKnnTrainer params = new ItemKnnTrainer(window, distanceDecay, neighbours, direction, historyItems,
                historyDecay);
        SparkSession spark = SparkSessions.start(session.spec("train item-knn"));
        SparkItemKnn.Fitted fitted = SparkItemKnn.fit(SequenceTable.read(spark, in), params,
                SequenceTable.summary(spark, in).name(), session.partitions);
        ModelDirectory.save(fitted.model(), out, fitted.provenance());
        System.out.println("wrote " + out);
        return 0;
    }
}

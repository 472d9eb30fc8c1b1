package dev.seqmind.spark.cli;

import dev.seqmind.data.error.InvalidParameterException;
import dev.seqmind.rec.model.knn.Direction;
import dev.seqmind.rec.model.knn.ItemKnnTrainer;
import dev.seqmind.rec.model.markov.MarkovTrainer;
import dev.seqmind.rec.store.ModelDirectory;
import dev.seqmind.spark.rec.SparkItemKnn;
import dev.seqmind.spark.rec.SparkMarkov;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The models the cluster fits (item-KNN, Markov of order 1 to 3) and their options, shared by train and evaluate. */
public final class ModelOptions {
    @Option(names = "--model", paramLabel = "NAME", defaultValue = "item-knn",
            description = "Model to fit: item-knn, markov1, markov2 or markov3. Default: ${DEFAULT-VALUE}.")
    String model;

    @Option(names = "--action-weight", paramLabel = "ACTION=W", split = ",",
            description = "Weights of actions, as on `seqmind ingest --action-weight` (buy=4,cart=2); other actions"
                    + " weigh 1. Default: none (every event weighs 1).")
    List<String> actionWeights = List.of();

    @Option(names = "--window", defaultValue = "3",
            description = "item-knn: co-occurrence window in positions. Default: ${DEFAULT-VALUE}.")
    int window;

    @Option(names = "--distance-decay", defaultValue = "0.5",
            description = "item-knn: weight factor per extra position of distance. Default: ${DEFAULT-VALUE}.")
    double distanceDecay;

    @Option(names = "--neighbours", defaultValue = "100",
            description = "item-knn: neighbours kept per item. Default: ${DEFAULT-VALUE}.")
    int neighbours;

    @Option(names = "--direction", defaultValue = "FORWARD",
            description = "item-knn: FORWARD (only later items count) or BOTH. Default: ${DEFAULT-VALUE}.")
    Direction direction;

    @Option(names = "--history-items", defaultValue = "3",
            description = "item-knn: most recent history items that vote. Default: ${DEFAULT-VALUE}.")
    int historyItems;

    @Option(names = "--history-decay", defaultValue = "0.5",
            description = "item-knn: weight factor per step back in the history. Default: ${DEFAULT-VALUE}.")
    double historyDecay;

    @Option(names = "--min-context-count", defaultValue = "1",
            description = "markov: a context must have been followed this often to be trusted. Default:"
                    + " ${DEFAULT-VALUE}.")
    int minContextCount;

    /** Fails on a model name or weight the cluster cannot fit, before any Spark work starts. */
    void check() {
        weights();
        if (!"item-knn".equals(model) && !model.matches("markov[1-3]")) {
            throw new InvalidParameterException("--model", model, "item-knn, markov1, markov2 or markov3",
                    "fit the other models with `seqmind train` on a dataset from `seqmind-spark to-dataset`");
        }
    }

    /** The weights of {@code --action-weight}. */
    Map<String, Double> weights() {
        Map<String, Double> out = new LinkedHashMap<>();
        for (String w : actionWeights) {
            int eq = w.indexOf('=');
            try {
                double v = Double.parseDouble(w.substring(eq + 1));
                if (eq <= 0 || !(v >= 0) || Double.isInfinite(v)) {
                    throw new NumberFormatException();
                }
                out.put(w.substring(0, eq), v);
            } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
                throw new InvalidParameterException("--action-weight", w, "ACTION=W with W a number >= 0");
            }
        }
        return out;
    }

    /** Fits the chosen model on {@code table} (items numbered as in {@code names}) and saves it to {@code out}. */
    void fitAndSave(Dataset<Row> table, List<String> names, String datasetName, int partitions, Path out)
            throws IOException {
        if ("item-knn".equals(model)) {
            ItemKnnTrainer params = new ItemKnnTrainer(window, distanceDecay, neighbours, direction, historyItems,
                    historyDecay);
            SparkItemKnn.Fitted f = SparkItemKnn.fit(table, names, params, weights(), datasetName, partitions);
            ModelDirectory.save(f.model(), out, f.provenance());
        } else if (model.matches("markov[1-3]")) {
            MarkovTrainer params = new MarkovTrainer(model.charAt(6) - '0', minContextCount);
            SparkMarkov.Fitted f = SparkMarkov.fit(table, names, params, weights(), datasetName, partitions);
            ModelDirectory.save(f.model(), out, f.provenance());
        } else {
            check();
        }
    }
}

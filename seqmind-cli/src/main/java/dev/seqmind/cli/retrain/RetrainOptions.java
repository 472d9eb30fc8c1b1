package dev.seqmind.cli.retrain;

import dev.seqmind.data.error.InvalidParameterException;
import dev.seqmind.rec.eval.Metric;
import dev.seqmind.rec.retrain.Challenge;
import dev.seqmind.rec.topk.SeenItems;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Locale;

/** How a retraining compares the new model with the serving one, and where it writes versions. */
public final class RetrainOptions {
    @Option(names = "--models-dir", paramLabel = "DIR", description = "Where new model versions (NAME-TIMESTAMP/) "
            + "and decision records (decisions/) are written. Default: the dataset directory's sibling "
            + "DATASET.models.")
    Path modelsDir;

    @Option(names = "--slice", defaultValue = "0.1", description = "Most recent fraction of events held out to "
            + "compare on (it starts no earlier than the end of the serving model's data). Default: ${DEFAULT-VALUE}.")
    double slice;

    @Option(names = "--margin", defaultValue = "0.02", description = "Relative gain the new model needs on the "
            + "metric to be promoted (0.02 = 2%% higher). Default: ${DEFAULT-VALUE}.")
    double margin;

    @Option(names = "--alpha", defaultValue = "0.05", description = "The paired t-test's p-value must be below "
            + "this too. Default: ${DEFAULT-VALUE}.")
    double alpha;

    @Option(names = "--metric", defaultValue = "ndcg@10", paramLabel = "M@K",
            description = "Metric compared: hr, ndcg, mrr, recall, map at a cut-off. Default: ${DEFAULT-VALUE}.")
    String metric;

    @Option(names = "--exclude-seen", description = "Never rank items of the history (the server's default "
            + "for recommendations); default: seen items compete, as in 'seqmind evaluate'.")
    boolean excludeSeen;

    @Option(names = "--min-users", defaultValue = "30", description = "Fewest users with events in the slice to "
            + "decide at all. Default: ${DEFAULT-VALUE}.")
    int minUsers;

    @Option(names = "--threads", defaultValue = "1", description = "Threads for fitting and evaluating. "
            + "Default: ${DEFAULT-VALUE}.")
    int threads;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the fit. Default: ${DEFAULT-VALUE}.")
    long seed;

    /** The comparison settings. */
    public Challenge.Settings settings() {
        String m = metric.toLowerCase(Locale.ROOT);
        int at = m.indexOf('@');
        if (at < 1) {
            throw new InvalidParameterException("--metric", metric, "NAME@K, e.g. ndcg@10");
        }
        Metric which = null;
        for (Metric x : Metric.values()) {
            if (x.label().equalsIgnoreCase(m.substring(0, at))) {
                which = x;
            }
        }
        int k;
        try {
            k = Integer.parseInt(m.substring(at + 1));
        } catch (NumberFormatException e) {
            k = -1;
        }
        if (which == null || k < 1) {
            throw new InvalidParameterException("--metric", metric, "hr, ndcg, mrr, recall, precision, f1 or map, "
                    + "then @K with K >= 1");
        }
        return new Challenge.Settings(slice, margin, alpha, which, k, excludeSeen ? SeenItems.EXCLUDE
                : SeenItems.KEEP, minUsers, threads, seed);
    }

    /** Where versions go for {@code dataset}. */
    public Path modelsDir(Path dataset) {
        if (modelsDir != null) {
            return modelsDir;
        }
        Path abs = dataset.toAbsolutePath().normalize();
        return abs.resolveSibling(abs.getFileName() + ".models");
    }
}

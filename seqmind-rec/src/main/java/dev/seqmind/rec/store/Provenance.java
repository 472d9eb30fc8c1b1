package dev.seqmind.rec.store;

import dev.seqmind.data.model.DatasetFingerprint;

import dev.seqmind.data.SeqmindVersion;
import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.rec.FitContext;
import dev.seqmind.rec.RecommenderTrainer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where a model or a report came from: enough to rebuild the trainer and the data and check the result.
 *
 * @param datasetName         the dataset's short name
 * @param datasetSources      its input files
 * @param datasetSteps        the cleaning and split steps applied
 * @param datasetFingerprint  {@link DatasetFingerprint} of the data the model was fitted on
 * @param users               users in that data
 * @param items               items in that data
 * @param events              events in that data
 * @param trainer             the trainer's name
 * @param trainerClass        the trainer's class
 * @param params              every configured value of the trainer, as strings, in declaration order
 * @param seed                the fit's seed
 * @param seqmindVersion      the seqmind version
 * @param gitSha              the commit of the checkout, or "unknown"
 * @param jdk                 the Java runtime version and vendor
 * @param os                  operating system name, version and architecture
 */
public record Provenance(String datasetName, List<String> datasetSources, List<String> datasetSteps,
                         String datasetFingerprint, int users, int items, long events, String trainer,
                         String trainerClass, Map<String, String> params, long seed, String seqmindVersion,
                         String gitSha, String jdk, String os) {
    public Provenance {
        Objects.requireNonNull(datasetName, "datasetName");
        datasetSources = List.copyOf(datasetSources);
        datasetSteps = List.copyOf(datasetSteps);
        params = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /** The provenance of fitting {@code trainer} on {@code train} with {@code context}'s seed. */
    public static Provenance of(SequenceDataset train, RecommenderTrainer trainer, FitContext context) {
        return new Provenance(train.info().name(), train.info().sources(), train.info().steps(),
                DatasetFingerprint.of(train).id(), train.numUsers(), train.numItems(), train.numInteractions(),
                trainer.name(), trainer.getClass().getName(), trainer.params(), context.seed(),
                SeqmindVersion.version(), SeqmindVersion.gitSha(), runtime(), platform());
    }

    /** The same provenance with {@code value} as the trainer's parameters (e.g. with run facts added). */
    public Provenance withParams(Map<String, String> value) {
        return new Provenance(datasetName, datasetSources, datasetSteps, datasetFingerprint, users, items, events,
                trainer, trainerClass, value, seed, seqmindVersion, gitSha, jdk, os);
    }

    public static String runtime() {
        return System.getProperty("java.runtime.version", "?") + " (" + System.getProperty("java.vendor", "?") + ")";
    }

    public static String platform() {
        return System.getProperty("os.name", "?") + " " + System.getProperty("os.version", "?") + " "
                + System.getProperty("os.arch", "?");
    }
}

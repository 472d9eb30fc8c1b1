package dev.seqmind.cli.rec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.seqmind.data.error.InvalidParameterException;
import dev.seqmind.data.model.DatasetFingerprint;
import dev.seqmind.data.split.Split;
import dev.seqmind.rec.Recommender;
import dev.seqmind.rec.store.ModelDirectory;
import dev.seqmind.rec.store.Provenance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Model directories evaluated beside freshly fitted models. A directory is accepted only when its provenance names
 * this split's training data (or training plus validation) by fingerprint: a model fitted on anything else may
 * have seen the test targets, and its scores would not be comparable.
 */
final class PretrainedModels {
    /** Written by neural training runs; gives the fit time when present. */
    private static final String CARD = "card.json";

    private final String trainOnly;
    private final Set<String> accepted;

    PretrainedModels(Split split) {
        this.trainOnly = DatasetFingerprint.of(split.train()).id();
        this.accepted = Set.of(trainOnly, DatasetFingerprint.of(split.trainForTest()).id());
    }

    /**
     * A loaded model with the parameters and fit time its directory records.
     *
     * @param fittedOnTrain whether it saw training events only (not the validation targets)
     */
    record Loaded(Recommender model, Map<String, String> params, double fitSeconds, boolean fittedOnTrain) {
    }

    Loaded load(Path dir) throws IOException {
        ModelDirectory.Meta meta = ModelDirectory.readMeta(dir);
        Provenance p = meta.provenance();
        if (p == null || !accepted.contains(p.datasetFingerprint())) {
            throw new InvalidParameterException("--pretrained", dir,
                    "a model fitted on this split's training events",
                    "it was fitted on " + (p == null ? "unrecorded data" : p.datasetName() + " ("
                            + p.datasetFingerprint() + ")") + "; retrain it on this dataset and split");
        }
        Map<String, String> params = new LinkedHashMap<>(p.params());
        params.put("loaded from", dir.toString());
        return new Loaded(ModelDirectory.load(dir), params, fitSeconds(dir), trainOnly.equals(p.datasetFingerprint()));
    }

    private static double fitSeconds(Path dir) throws IOException {
        Path card = dir.resolve(CARD);
        if (!Files.isRegularFile(card)) {
            return 0;
        }
        JsonNode seconds = new ObjectMapper().readTree(card.toFile()).path("trainSeconds");
        return seconds.isNumber() ? seconds.asDouble() : 0;
    }
}

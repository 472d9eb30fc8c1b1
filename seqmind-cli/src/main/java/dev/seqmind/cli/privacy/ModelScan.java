package dev.seqmind.cli.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.seqmind.data.model.DatasetFingerprint;
import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.data.split.LeaveOneOutSplitter;
import dev.seqmind.rec.store.ModelDirectory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Finds the model directories (a {@code model.json} with provenance) trained on a dataset: their provenance's
 * {@code datasetFingerprint} is the dataset's own or that of its leave-one-out training split (what {@code train} and
 * {@code evaluate} fit on), or, weaker, their dataset name and sources equal the dataset's. Each match records which
 * of those data the model was fitted on, so {@code forget --retrain} can fit it again on the same part. Stateless.
 */
final class ModelScan {
    private ModelScan() {
    }

    /**
     * One model trained on the dataset.
     *
     * @param fittedOn the part of the dataset it was fitted on, or {@code null} when matched by name only
     */
    record StaleModel(Path dir, String name, String match, FittedOn fittedOn) {
    }

    /** What a model can have been fitted on: the whole dataset or a part of its leave-one-out split. */
    enum FittedOn {
        FULL, TRAIN, TRAIN_FOR_TEST;

        SequenceDataset of(SequenceDataset data) {
            return switch (this) {
                case FULL -> data;
                case TRAIN -> new LeaveOneOutSplitter().split(data).train();
                case TRAIN_FOR_TEST -> new LeaveOneOutSplitter().split(data).trainForTest();
            };
        }
    }

    /** The fingerprint a model fitted on each part of {@code data} records (the first part wins a tie). */
    static Map<String, FittedOn> fingerprints(SequenceDataset data) {
        // a dataset too short to split has a training split equal to itself
        Map<String, FittedOn> out = new LinkedHashMap<>();
        for (FittedOn on : FittedOn.values()) {
            out.putIfAbsent(DatasetFingerprint.of(on.of(data)).id(), on);
        }
        return out;
    }

    static List<StaleModel> scan(List<Path> roots, SequenceDataset data) {
        if (roots.isEmpty()) {
            return List.of();
        }
        Map<String, FittedOn> prints = fingerprints(data);
        ObjectMapper om = new ObjectMapper();
        List<StaleModel> out = new ArrayList<>();
        for (Path root : roots) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> s = Files.walk(root)) {
                for (Path meta : s.filter(p -> p.getFileName().toString().equals(ModelDirectory.META)).toList()) {
                    JsonNode prov = om.readTree(meta.toFile()).path("provenance");
                    String fp = prov.path("datasetFingerprint").asText("");
                    String match = null;
                    FittedOn on = prints.get(fp);
                    if (on != null) {
                        match = "fingerprint " + fp;
                    } else if (prov.path("datasetName").asText("").equals(data.info().name())
                            && om.convertValue(prov.path("datasetSources"), List.class)
                            .equals(data.info().sources())) {
                        match = "dataset name and sources";
                    }
                    if (match != null) {
                        out.add(new StaleModel(meta.getParent(), om.readTree(meta.toFile()).path("name").asText(),
                                match, on));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot scan models under " + root, e);
            }
        }
        return out;
    }
}

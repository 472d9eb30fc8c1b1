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
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Finds the model directories (a {@code model.json} with provenance) trained on a dataset: their provenance's
 * {@code datasetFingerprint} is the dataset's own or that of its leave-one-out training split (what {@code train} and
 * {@code evaluate} fit on), or, weaker, their dataset name and sources equal the dataset's. Stateless.
 */
final class ModelScan {
    private ModelScan() {
    }

    /** One model trained on the dataset. */
    record StaleModel(Path dir, String name, String match) {
    }

    /** The fingerprints a model trained on {@code data} records. */
    static Set<String> fingerprints(SequenceDataset data) {
        // a dataset too short to split has a training split equal to itself
        return new java.util.HashSet<>(List.of(DatasetFingerprint.of(data).id(),
                DatasetFingerprint.of(new LeaveOneOutSplitter().split(data).train()).id()));
    }

    static List<StaleModel> scan(List<Path> roots, SequenceDataset data) {
        if (roots.isEmpty()) {
            return List.of();
        }
        Set<String> prints = fingerprints(data);
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
                    if (prints.contains(fp)) {
                        match = "fingerprint " + fp;
                    } else if (prov.path("datasetName").asText("").equals(data.info().name())
                            && om.convertValue(prov.path("datasetSources"), List.class)
                            .equals(data.info().sources())) {
                        match = "dataset name and sources";
                    }
                    if (match != null) {
                        out.add(new StaleModel(meta.getParent(), om.readTree(meta.toFile()).path("name").asText(),
                                match));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot scan models under " + root, e);
            }
        }
        return out;
    }
}

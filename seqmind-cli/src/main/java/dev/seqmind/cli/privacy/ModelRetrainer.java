package dev.seqmind.cli.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.seqmind.data.model.DatasetFingerprint;
import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.data.progress.Progress;
import dev.seqmind.data.split.LeaveOneOutSplitter;
import dev.seqmind.rec.FitContext;
import dev.seqmind.rec.Recommender;
import dev.seqmind.rec.RecommenderTrainer;
import dev.seqmind.rec.retrain.TrainerRebuild;
import dev.seqmind.rec.store.ModelDirectory;
import dev.seqmind.rec.store.Provenance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code forget --retrain}: fits every stale model again on the erased dataset, on the same part of it (whole,
 * training split, or training-for-test split), with the trainer, parameters and seed its provenance records, and
 * replaces the model directory atomically. A model whose trainer or data part cannot be rebuilt exactly is left in
 * place, stale, with the reason. Stateless.
 */
final class ModelRetrainer {
    private ModelRetrainer() {
    }

    /** One model's outcome: {@code retrained} or not, with the fingerprints of the data before and after or why not. */
    record Outcome(String dir, String name, String trainer, String fittedOn, boolean retrained,
                   String fingerprintBefore, String fingerprintAfter, double seconds, String reason,
                   List<String> deletedRunFiles) {
    }

    /**
     * Why a model directory cannot be refitted from its provenance although its trainer can be rebuilt: its card
     * records a DP-SGD or federated training (settings of {@code train}'s own options, not in the provenance, and a
     * refit would spend privacy budget again); {@code null} when nothing stands in the way.
     */
    private static String trainedOtherwise(Path dir) throws IOException {
        Path card = dir.resolve("card.json");
        if (!Files.isRegularFile(card)) {
            return null;
        }
        JsonNode metrics = new ObjectMapper().readTree(card.toFile()).path("metrics");
        if (metrics.has("dp epsilon spent")) {
            return "trained with DP-SGD (its card records the privacy spent): run its train command again";
        }
        if (metrics.has("fedavg clients")) {
            return "trained by federated averaging: run its train command again";
        }
        return null;
    }

    private static void deleteIfEmpty(Path dir) throws IOException {
        try (var s = Files.list(dir)) {
            if (s.findAny().isEmpty()) {
                Files.delete(dir);
            }
        }
    }

    static List<Outcome> retrain(List<ModelScan.StaleModel> stale, SequenceDataset erased) throws IOException {
        List<Outcome> out = new ArrayList<>();
        for (ModelScan.StaleModel m : stale) {
            Provenance p;
            try {
                p = ModelDirectory.readMeta(m.dir()).provenance();
            } catch (IOException | RuntimeException e) {
                out.add(new Outcome(m.dir().toString(), m.name(), "", "", false, "", "", 0,
                        "unreadable model metadata: " + e.getMessage(), List.of()));
                continue;
            }
            String trainerName = p == null ? "" : p.trainer();
            String before = p == null ? "" : p.datasetFingerprint();
            if (m.fittedOn() == null) {
                out.add(new Outcome(m.dir().toString(), m.name(), trainerName, "", false, before, "", 0,
                        "matched by dataset name only: which part of the data it was fitted on is unknown", List.of()));
                continue;
            }
            String refused = trainedOtherwise(m.dir());
            if (refused != null) {
                out.add(new Outcome(m.dir().toString(), m.name(), trainerName, m.fittedOn().name(), false, before,
                        "", 0, refused, List.of()));
                continue;
            }
            RecommenderTrainer trainer;
            try {
                trainer = TrainerRebuild.exactly(p);
            } catch (IllegalArgumentException e) {
                out.add(new Outcome(m.dir().toString(), m.name(), trainerName, m.fittedOn().name(), false, before,
                        "", 0, e.getMessage(), List.of()));
                continue;
            }
            long t0 = System.nanoTime();
            SequenceDataset train = m.fittedOn().of(erased);
            // a model fitted on the training split had the split's validation cases for early stopping
            FitContext ctx = new FitContext(p.seed(), Runtime.getRuntime().availableProcessors(),
                    m.fittedOn() == ModelScan.FittedOn.TRAIN ? new LeaveOneOutSplitter().split(erased).validation()
                            : List.of(), Progress.NONE);
            Recommender model = trainer.fit(train, ctx);
            Provenance fresh = Provenance.of(train, trainer, ctx);
            if (!p.params().equals(TrainerRebuild.recorded(p))) { // keep the run facts, with this dataset's print
                var params = new java.util.LinkedHashMap<>(p.params());
                params.computeIfPresent("dataset.fingerprint", (k, v) -> DatasetFingerprint.of(erased).id());
                fresh = fresh.withParams(params);
            }
            ModelDirectory.save(model, m.dir(), fresh, erased.catalog());
            model.close();
            List<String> deleted = new ArrayList<>();
            for (Path f : TrainerRebuild.runFiles(p)) { // e.g. the old run's checkpoints: weights learnt with the user
                if (Files.deleteIfExists(f)) {
                    deleted.add(f.toString());
                    deleteIfEmpty(f.getParent());
                }
            }
            out.add(new Outcome(m.dir().toString(), m.name(), trainerName, m.fittedOn().name(), true, before,
                    fresh.datasetFingerprint(), (System.nanoTime() - t0) / 1e9, "", deleted));
        }
        return out;
    }
}

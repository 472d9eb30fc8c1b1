package dev.seqmind.cli.privacy;

import dev.seqmind.data.model.DatasetFingerprint;
import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.rec.FitContext;
import dev.seqmind.rec.Recommender;
import dev.seqmind.rec.RecommenderTrainer;
import dev.seqmind.rec.retrain.TrainerRebuild;
import dev.seqmind.rec.store.ModelDirectory;
import dev.seqmind.rec.store.Provenance;

import java.io.IOException;
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
                   String fingerprintBefore, String fingerprintAfter, double seconds, String reason) {
    }

    static List<Outcome> retrain(List<ModelScan.StaleModel> stale, SequenceDataset erased) throws IOException {
        List<Outcome> out = new ArrayList<>();
        for (ModelScan.StaleModel m : stale) {
            Provenance p;
            try {
                p = ModelDirectory.readMeta(m.dir()).provenance();
            } catch (IOException | RuntimeException e) {
                out.add(new Outcome(m.dir().toString(), m.name(), "", "", false, "", "", 0,
                        "unreadable model metadata: " + e.getMessage()));
                continue;
            }
            String trainerName = p == null ? "" : p.trainer();
            String before = p == null ? "" : p.datasetFingerprint();
            if (m.fittedOn() == null) {
                out.add(new Outcome(m.dir().toString(), m.name(), trainerName, "", false, before, "", 0,
                        "matched by dataset name only: which part of the data it was fitted on is unknown"));
                continue;
            }
            RecommenderTrainer trainer;
            try {
                trainer = TrainerRebuild.exactly(p);
            } catch (IllegalArgumentException e) {
                out.add(new Outcome(m.dir().toString(), m.name(), trainerName, m.fittedOn().name(), false, before,
                        "", 0, e.getMessage()));
                continue;
            }
            long t0 = System.nanoTime();
            SequenceDataset train = m.fittedOn().of(erased);
            FitContext ctx = FitContext.of(p.seed());
            Recommender model = trainer.fit(train, ctx);
            Provenance fresh = Provenance.of(train, trainer, ctx);
            if (!p.params().equals(TrainerRebuild.recorded(p))) { // keep the run facts, with this dataset's print
                var params = new java.util.LinkedHashMap<>(p.params());
                params.computeIfPresent("dataset.fingerprint", (k, v) -> DatasetFingerprint.of(erased).id());
                fresh = fresh.withParams(params);
            }
            ModelDirectory.save(model, m.dir(), fresh, erased.catalog());
            out.add(new Outcome(m.dir().toString(), m.name(), trainerName, m.fittedOn().name(), true, before,
                    fresh.datasetFingerprint(), (System.nanoTime() - t0) / 1e9, ""));
        }
        return out;
    }
}

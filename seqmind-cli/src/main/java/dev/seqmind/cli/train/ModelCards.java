package dev.seqmind.cli.train;

import dev.seqmind.data.model.DatasetFingerprint;
import dev.seqmind.data.split.Split;
import dev.seqmind.neural.model.ModelCard;
import dev.seqmind.neural.model.NeuralRecommender;
import dev.seqmind.neural.model.NeuralTrainer;
import dev.seqmind.rec.FitContext;
import dev.seqmind.rec.eval.EvalResult;
import dev.seqmind.rec.eval.Metric;
import dev.seqmind.rec.store.ModelDirectory;
import dev.seqmind.rec.store.Provenance;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds the model card and provenance of a training run and writes the model directory. */
final class ModelCards {
    private ModelCards() {
    }

    record Written(double hr10, double ndcg10, double secondsPerEpoch) {
    }

    static Written write(Path out, NeuralTrainer trainer, NeuralTrainer.Fitted fitted, Split split, EvalResult test,
                         boolean keepSeen, String command, long seed, String datasetFingerprint) throws IOException {
        Map<String, Double> metrics = new LinkedHashMap<>();
        for (int k : test.ks()) {
            metrics.put("test HR@" + k, test.mean(Metric.HR, k));
            metrics.put("test NDCG@" + k, test.mean(Metric.NDCG, k));
        }
        metrics.put("validation HR@10 (best epoch)", fitted.state().bestHitRate());
        metrics.put("validation NDCG@10 (best epoch)", fitted.state().bestNdcg());
        int epochs = fitted.state().epoch();
        double perEpoch = fitted.state().history().stream().mapToDouble(r -> r.seconds()).average().orElse(Double.NaN);
        String fingerprint = DatasetFingerprint.of(split.train()).id();
        ModelCard card = new ModelCard(trainer.name() + " " + trainer.modelConfig(), trainer.training().toString(),
                split.full().info().name() + " " + split.full().info().sources(), fingerprint,
                split.protocol() + "; full ranking over all " + split.full().numItems() + " items, seen items "
                        + (keepSeen ? "kept" : "filtered"),
                metrics, epochs, fitted.state().bestEpoch(), fitted.state().trainSeconds(), perEpoch, command,
                Instant.now().toString());
        NeuralRecommender model = fitted.model().withCard(card);
        Map<String, String> params = new LinkedHashMap<>(trainer.params());
        params.put("dataset.fingerprint", datasetFingerprint); // the whole dataset, as its directory records it
        params.put("dataset.split", split.protocol());
        Provenance provenance = Provenance.of(split.train(), trainer, FitContext.of(seed)).withParams(params);
        ModelDirectory.save(model, out, provenance, split.full().catalog());
        return new Written(test.mean(Metric.HR, 10), test.mean(Metric.NDCG, 10), perEpoch);
    }
}

package dev.seqmind.cli.train;

import dev.seqmind.data.SeqmindVersion;
import dev.seqmind.data.split.Split;
import dev.seqmind.neural.model.NeuralRecommender;
import dev.seqmind.neural.model.NeuralTrainer;
import dev.seqmind.neural.store.ModelCard;
import dev.seqmind.rec.eval.EvalResult;
import dev.seqmind.rec.eval.Metric;
import dev.seqmind.data.model.DatasetFingerprint;
import dev.seqmind.rec.store.ModelDirectory;
import dev.seqmind.rec.store.Provenance;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
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
                         boolean keepSeen, String command, long seed) throws IOException {
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
                split.protocol() + ", trained on all but the last 2 items, validated on the second-to-last, tested on"
                        + " the last; full ranking over all " + split.full().numItems() + " items, seen items "
                        + (keepSeen ? "kept" : "filtered"),
                metrics, epochs, fitted.state().bestEpoch(), fitted.state().trainSeconds(), perEpoch, command,
                Instant.now().toString());
        NeuralRecommender model = fitted.model().withCard(card);
        Map<String, String> params = new LinkedHashMap<>();
        addRecord(params, "model.", (Record) trainer.modelConfig());
        addRecord(params, "training.", trainer.training());
        var train = split.train();
        Provenance provenance = new Provenance(train.info().name(), train.info().sources(), train.info().steps(),
                fingerprint, train.numUsers(), train.numItems(), train.numInteractions(), trainer.name(),
                trainer.getClass().getName(), params, seed, SeqmindVersion.version(), SeqmindVersion.gitSha(),
                Provenance.runtime(), Provenance.platform());
        ModelDirectory.save(model, out, provenance, split.full().catalog());
        return new Written(test.mean(Metric.HR, 10), test.mean(Metric.NDCG, 10), perEpoch);
    }

    private static void addRecord(Map<String, String> params, String prefix, Record r) {
        for (RecordComponent c : r.getClass().getRecordComponents()) {
            try {
                params.put(prefix + c.getName(), String.valueOf(c.getAccessor().invoke(r)));
            } catch (ReflectiveOperationException e) {
                params.put(prefix + c.getName(), "<unreadable>");
            }
        }
    }
}

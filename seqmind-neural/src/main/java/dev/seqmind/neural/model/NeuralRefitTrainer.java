package dev.seqmind.neural.model;

import dev.seqmind.data.model.DatasetFingerprint;
import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.rec.FitContext;
import dev.seqmind.rec.RecommenderTrainer;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A neural trainer rebuilt from a model's provenance: the same name and parameters as {@code recorded}, fitted
 * without checkpoints (the recorded checkpoint directory may hold weights of the data being replaced, and a fit
 * from scratch must not resume from them, nor warm-start from a recorded {@code --init-from} model fitted on that
 * data; the best epoch's weights are kept in memory either way). The model gets a
 * card that says it was refitted and not evaluated.
 *
 * @param recorded the trainer exactly as recorded
 */
public record NeuralRefitTrainer(NeuralTrainer recorded) implements RecommenderTrainer {
    @Override
    public String name() {
        return recorded.name();
    }

    @Override
    public Map<String, String> params() {
        return recorded.params();
    }

    @Override
    public RecommenderTrainer withMaxEpochs(int epochs) {
        return new NeuralRefitTrainer(recorded.withMaxEpochs(epochs));
    }

    @Override
    public NeuralRecommender fit(SequenceDataset train, FitContext context) {
        NeuralTrainer fitting = new NeuralTrainer(recorded.name(), recorded.factory(), recorded.modelConfig(),
                recorded.training().withCheckpoints(null, false).withInitFrom(null), recorded.engine(),
                recorded.log());
        NeuralTrainer.Fitted f = fitting.fitWithState(train, context);
        Map<String, Double> metrics = new LinkedHashMap<>();
        if (!context.validation().isEmpty()) {
            metrics.put("validation HR@10 (best epoch)", f.state().bestHitRate());
            metrics.put("validation NDCG@10 (best epoch)", f.state().bestNdcg());
        }
        double perEpoch = f.state().history().stream().mapToDouble(r -> r.seconds()).average().orElse(Double.NaN);
        ModelCard card = new ModelCard(recorded.name() + " " + recorded.modelConfig(), recorded.training().toString(),
                train.info().name() + " " + train.info().sources(), DatasetFingerprint.of(train).id(),
                "refitted with the trainer, parameters and seed of an earlier model's provenance; not evaluated",
                metrics, f.state().epoch(), f.state().bestEpoch(), f.state().trainSeconds(), perEpoch,
                "refit from provenance", Instant.now().toString());
        return f.model().withCard(card);
    }
}

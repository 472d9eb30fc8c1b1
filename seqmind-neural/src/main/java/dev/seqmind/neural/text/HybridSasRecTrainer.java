package dev.seqmind.neural.text;

import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.neural.engine.EngineOptions;
import dev.seqmind.neural.model.NeuralTrainer;
import dev.seqmind.neural.sasrec.SasRecConfig;
import dev.seqmind.neural.sasrec.SasRecNetwork;
import dev.seqmind.neural.train.TrainConfig;
import dev.seqmind.rec.FitContext;
import dev.seqmind.rec.Recommender;
import dev.seqmind.rec.RecommenderTrainer;

import java.util.Objects;

/**
 * SASRec whose item representation fuses the id embedding with a learned projection of the item's text vector
 * ({@link TextItemRepresentation}); items without training events are scored from their content alone. Same
 * architecture, training loop and defaults as {@code sasrec}, so the two compare one-to-one.
 *
 * @param text      model, template and cache of the item text vectors
 * @param config    the SASRec architecture
 * @param training  the training loop's settings
 * @param engine    engine options
 * @param idDropout probability of dropping a known item's id part in a training step ({@link TextItemRepresentation})
 */
public record HybridSasRecTrainer(TextSettings text, SasRecConfig config, TrainConfig training, EngineOptions engine,
                                  float idDropout) implements RecommenderTrainer {
    /** The default id dropout. */
    public static final float ID_DROPOUT = 0.3f;

    public HybridSasRecTrainer {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(training, "training");
        Objects.requireNonNull(engine, "engine");
    }

    /** The registered defaults: SASRec+ and the default training settings, as {@code sasrec} uses. */
    public static HybridSasRecTrainer defaults(TextSettings text) {
        return new HybridSasRecTrainer(text, SasRecConfig.sasRecPlus(), TrainConfig.defaults(),
                EngineOptions.defaults(), ID_DROPOUT);
    }

    @Override
    public String name() {
        return TextItemRepresentation.FAMILY;
    }

    @Override
    public HybridSasRecTrainer withMaxEpochs(int epochs) {
        return new HybridSasRecTrainer(text, config, training.withEpochs(Math.min(epochs, training.epochs())),
                engine, idDropout);
    }

    @Override
    public Recommender fit(SequenceDataset train, FitContext context) {
        return neuralTrainer(train, line -> { }).fit(train, context);
    }

    /**
     * The neural trainer for {@code train}: embeds its items' text now (the representation depends on the data),
     * for callers that want the training state or checkpoints ({@code seqmind train}).
     */
    public NeuralTrainer neuralTrainer(SequenceDataset train, java.util.function.Consumer<String> log) {
        ItemVectors vectors = ContentKnnTrainer.embedItems(text, train);
        int[] counts = train.itemCounts();
        return new NeuralTrainer(name(), (n, p, s) -> new SasRecNetwork(config, n, p, s,
                new TextItemRepresentation(vectors, counts, text, idDropout)), config, training, engine, log);
    }
}

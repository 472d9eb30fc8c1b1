package dev.seqmind.neural.model;

import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.neural.bert4rec.Bert4RecConfig;
import dev.seqmind.neural.bert4rec.Bert4RecNetwork;
import dev.seqmind.neural.engine.EngineOptions;
import dev.seqmind.neural.engine.NeuralEngine;
import dev.seqmind.neural.gru4rec.Gru4RecConfig;
import dev.seqmind.neural.gru4rec.Gru4RecNetwork;
import dev.seqmind.neural.lstm.LstmRecConfig;
import dev.seqmind.neural.lstm.LstmRecNetwork;
import dev.seqmind.neural.nn.ParameterStore;
import dev.seqmind.neural.sasrec.SasRecConfig;
import dev.seqmind.neural.sasrec.SasRecNetwork;
import dev.seqmind.neural.train.SequenceNetwork;
import dev.seqmind.neural.train.TrainConfig;
import dev.seqmind.neural.train.TrainingLoop;
import dev.seqmind.neural.train.TrainingState;
import dev.seqmind.rec.FitContext;
import dev.seqmind.rec.RecordValues;
import dev.seqmind.rec.RecommenderTrainer;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Fits a neural sequence model. The trainer is an immutable, validated configuration; each {@link #fit} starts the engine
 * offline, builds a new network seeded from the context seed, trains it with the {@link TrainingLoop} (validation
 * cases of the context drive early stopping) and returns it as a {@link NeuralRecommender}. Fitting never changes
 * the trainer. Thread-safe, though only one fit should run at a time on a small machine.
 */
public record NeuralTrainer(String name, NetworkFactory factory, Record modelConfig, TrainConfig training,
                            EngineOptions engine, Consumer<String> log) implements RecommenderTrainer {
    /** Builds a fresh network whose parameters go into {@code params}. */
    public interface NetworkFactory {
        SequenceNetwork create(int numItems, ParameterStore params, long seed);
    }

    /**
     * @param name        the model family's name, as {@code train --model} and model directories spell it
     * @param modelConfig the architecture record (e.g. {@link SasRecConfig}), recorded as {@code model.*} params
     * @param training    the training recipe, recorded as {@code training.*} params
     */
    public NeuralTrainer {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a neural trainer needs a model name");
        }
        Objects.requireNonNull(factory, "factory");
        Objects.requireNonNull(modelConfig, "modelConfig");
        Objects.requireNonNull(training, "training");
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(log, "log");
    }

    public static NeuralTrainer sasRec(SasRecConfig config, TrainConfig training, EngineOptions engine,
                                       Consumer<String> log) {
        return new NeuralTrainer("sasrec", (n, p, s) -> new SasRecNetwork(config, n, p, s), config, training, engine,
                log);
    }

    public static NeuralTrainer gru4Rec(Gru4RecConfig config, TrainConfig training, EngineOptions engine,
                                        Consumer<String> log) {
        return new NeuralTrainer("gru4rec", (n, p, s) -> new Gru4RecNetwork(config, n, p, s), config, training,
                engine, log);
    }

    /** The LSTM recommender, trained exactly as GRU4Rec (cross-entropy over all items). */
    public static NeuralTrainer lstm(LstmRecConfig config, TrainConfig training, EngineOptions engine,
                                     Consumer<String> log) {
        return new NeuralTrainer("lstm", (n, p, s) -> new LstmRecNetwork(config, n, p, s), config, training, engine,
                log);
    }

    /** SR-GNN: a gated graph network over each history's item-transition graph, full softmax over all items. */
    public static NeuralTrainer srGnn(dev.seqmind.neural.srgnn.SrGnnConfig config, TrainConfig training,
                                      EngineOptions engine, Consumer<String> log) {
        return new NeuralTrainer("srgnn", (n, p, s) -> new dev.seqmind.neural.srgnn.SrGnnNetwork(config, n, p, s),
                config, training, engine, log);
    }

    public static NeuralTrainer bert4Rec(Bert4RecConfig config, TrainConfig training, EngineOptions engine,
                                         Consumer<String> log) {
        return new NeuralTrainer("bert4rec", (n, p, s) -> new Bert4RecNetwork(config, n, p, s), config, training,
                engine, log);
    }

    /** The architecture's values as {@code model.*} and the training recipe's as {@code training.*}. */
    @Override
    public Map<String, String> params() {
        Map<String, String> out = new LinkedHashMap<>();
        RecordValues.addTo(out, "model.", modelConfig);
        RecordValues.addTo(out, "training.", training);
        return out;
    }

    @Override
    public NeuralTrainer withMaxEpochs(int epochs) {
        return new NeuralTrainer(name, factory, modelConfig, training.withEpochs(Math.min(epochs, training.epochs())),
                engine, log);
    }

    @Override
    public NeuralRecommender fit(SequenceDataset train, FitContext context) {
        return fitWithState(train, context).model();
    }

    /** A fitted model with the training run's figures. */
    public record Fitted(NeuralRecommender model, TrainingState state) {
    }

    public Fitted fitWithState(SequenceDataset train, FitContext context) {
        var e = NeuralEngine.start(engine.withThreads(context.threads()));
        SequenceNetwork net = factory.create(train.numItems(), new ParameterStore(e.newBaseManager()), context.seed());
        if (training.initFrom() != null) {
            WarmStart.apply(net, training.initFrom(), train.items(), log);
        }
        TrainingData data = TrainingData.of(train, context.validation());
        TrainingState state = new TrainingLoop(net, training, context.seed(), context.progress(), log)
                .run(data.sequences(), data.validationHistories(), data.validationTargets());
        return new Fitted(new NeuralRecommender(name, train.items(), net), state);
    }

    /** A model trained with DP-SGD and what the training spent. */
    public record PrivateFit(NeuralRecommender model, dev.seqmind.neural.train.DpSgdTrainer.Result privacy) {
    }

    /**
     * Trains with user-level DP-SGD ({@link dev.seqmind.neural.train.DpSgdTrainer}) instead of the ordinary loop:
     * same network and seed, no validation-based early stopping (choosing an epoch on the data would need budget).
     */
    public PrivateFit fitPrivately(SequenceDataset train, FitContext context,
                                   dev.seqmind.neural.train.DpSgdConfig dp) {
        SequenceNetwork net = freshNetwork(train, context);
        var result = new dev.seqmind.neural.train.DpSgdTrainer(net, dp, context.seed(), log).run(sequences(train));
        return new PrivateFit(new NeuralRecommender(name, train.items(), net), result);
    }

    /** A model trained by federated averaging and what the training did. */
    public record FederatedFit(NeuralRecommender model, dev.seqmind.neural.train.FedAvgTrainer.Result federated) {
    }

    /**
     * Trains by simulated federated averaging ({@link dev.seqmind.neural.train.FedAvgTrainer}) instead of the
     * ordinary loop: same network and seed; the users are the clients' data, no validation-based early stopping.
     */
    public FederatedFit fitFederated(SequenceDataset train, FitContext context,
                                     dev.seqmind.neural.train.FedAvgConfig fed) {
        SequenceNetwork net = freshNetwork(train, context);
        var result = new dev.seqmind.neural.train.FedAvgTrainer(net, fed, context.seed(), log).run(sequences(train));
        return new FederatedFit(new NeuralRecommender(name, train.items(), net), result);
    }

    /** A new network for {@code train}'s items, initialised from the context's seed, on a started engine. */
    private SequenceNetwork freshNetwork(SequenceDataset train, FitContext context) {
        var e = NeuralEngine.start(engine.withThreads(context.threads()));
        return factory.create(train.numItems(), new ParameterStore(e.newBaseManager()), context.seed());
    }

    private static int[][] sequences(SequenceDataset train) {
        return TrainingData.of(train, java.util.List.of()).sequences();
    }
}

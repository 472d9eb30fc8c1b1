package dev.seqmind.neural.sasrec;

import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.neural.engine.EngineOptions;
import dev.seqmind.neural.engine.NeuralEngine;
import dev.seqmind.neural.model.NeuralRecommender;
import dev.seqmind.neural.model.TrainingData;
import dev.seqmind.neural.nn.ParameterStore;
import dev.seqmind.neural.train.TrainConfig;
import dev.seqmind.neural.train.TrainingLoop;
import dev.seqmind.neural.train.TrainingState;
import dev.seqmind.rec.FitContext;
import dev.seqmind.rec.RecommenderTrainer;

import java.util.function.Consumer;

/**
 * Fits SASRec. The trainer is an immutable configuration; each {@link #fit} builds a new network seeded from the
 * context, trains it with the {@link TrainingLoop} and returns it as a {@link NeuralRecommender}. The state of the
 * last run is returned by {@link #fitWithState}. Thread-safe (fits do not share state), though only one fit should
 * run at a time on a small machine.
 */
public final class SasRecTrainer implements dev.seqmind.rec.RecommenderTrainer {
    private final SasRecConfig model;
    private final TrainConfig training;
    private final EngineOptions engine;
    private final Consumer<String> log;

    public SasRecTrainer(SasRecConfig model, TrainConfig training, EngineOptions engine, Consumer<String> log) {
        this.model = model;
        this.training = training;
        this.engine = engine;
        this.log = log;
    }

    @Override
    public String name() {
        return "sasrec";
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
        SasRecNetwork net = new SasRecNetwork(model, train.numItems(), new ParameterStore(e.newBaseManager()),
                context.seed());
        TrainingData data = TrainingData.of(train, context.validation());
        TrainingState state = new TrainingLoop(net, training, context.seed(), context.progress(), log)
                .run(data.sequences(), data.validationHistories(), data.validationTargets());
        return new Fitted(new NeuralRecommender("sasrec", train.items(), net), state);
    }
}

package dev.seqmind.neural.model;

import dev.seqmind.neural.bert4rec.Bert4RecConfig;
import dev.seqmind.neural.engine.EngineOptions;
import dev.seqmind.neural.gru4rec.Gru4RecConfig;
import dev.seqmind.neural.sasrec.SasRecConfig;
import dev.seqmind.neural.train.TrainConfig;
import dev.seqmind.rec.RecommenderTrainer;
import dev.seqmind.rec.TrainerProvider;

import java.util.List;
import java.util.Optional;

/**
 * Registers the neural models under their names (sasrec, bert4rec, gru4rec, lstm, srgnn) with their published default settings,
 * so {@code seqmind evaluate --models markov1,sasrec} compares them beside the classic ones. {@code seqmind train}
 * exposes every setting; this provider is for side-by-side reports.
 */
public final class NeuralTrainerProvider implements TrainerProvider {
    private static final List<String> NAMES = List.of("sasrec", "bert4rec", "gru4rec", "lstm", "srgnn");

    @Override
    public List<String> names() {
        return NAMES;
    }

    @Override
    public Optional<RecommenderTrainer> byName(String name) {
        TrainConfig training = TrainConfig.defaults();
        EngineOptions engine = EngineOptions.defaults();
        return Optional.ofNullable(switch (name) {
            case "sasrec" -> NeuralTrainer.sasRec(SasRecConfig.sasRecPlus(), training, engine, line -> { });
            case "bert4rec" -> NeuralTrainer.bert4Rec(Bert4RecConfig.defaults(), training, engine, line -> { });
            case "gru4rec" -> NeuralTrainer.gru4Rec(Gru4RecConfig.defaults(), training, engine, line -> { });
            case "lstm" -> NeuralTrainer.lstm(dev.seqmind.neural.lstm.LstmRecConfig.defaults(), training, engine,
                    line -> { });
            case "srgnn" -> NeuralTrainer.srGnn(dev.seqmind.neural.srgnn.SrGnnConfig.defaults(), training, engine,
                    line -> { });
            default -> null;
        });
    }

    @Override
    public boolean isBaseline() {
        return false;
    }
}

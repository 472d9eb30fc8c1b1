package dev.seqmind.neural.model;

import dev.seqmind.neural.bert4rec.Bert4RecConfig;
import dev.seqmind.neural.engine.EngineOptions;
import dev.seqmind.neural.gru4rec.Gru4RecConfig;
import dev.seqmind.neural.lstm.LstmRecConfig;
import dev.seqmind.neural.sasrec.SasRecConfig;
import dev.seqmind.neural.srgnn.SrGnnConfig;
import dev.seqmind.neural.train.Checkpoints;
import dev.seqmind.neural.train.TrainConfig;
import dev.seqmind.rec.RecommenderTrainer;
import dev.seqmind.rec.retrain.TrainerRebuild;
import dev.seqmind.rec.retrain.TrainerRecipe;
import dev.seqmind.rec.store.Provenance;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Rebuilds a neural model's trainer (sasrec, bert4rec, gru4rec, lstm, srgnn) from the {@code model.*} architecture
 * and {@code training.*} recipe its provenance records, so {@code forget --retrain} and the retraining cycle fit it
 * again with exactly those settings. A model whose provenance holds other settings (none today) is refused with the
 * reason. The engine runs with its default options and the fit context's threads. Stateless.
 */
public final class NeuralTrainerRecipe implements TrainerRecipe {
    private static final List<String> FAMILIES = List.of("sasrec", "bert4rec", "gru4rec", "lstm", "srgnn");

    @Override
    public boolean handles(String trainer) {
        return FAMILIES.contains(trainer);
    }

    @Override
    public RecommenderTrainer exactly(Provenance p) {
        Map<String, String> want = TrainerRebuild.recorded(p);
        for (String key : want.keySet()) {
            if (!key.startsWith("model.") && !key.startsWith("training.")) {
                throw new IllegalArgumentException(p.trainer() + " records the setting " + key
                        + " that only its own command can set again");
            }
        }
        TrainConfig training = TrainerRebuild.record(TrainConfig.class, "training.", want);
        EngineOptions engine = EngineOptions.defaults();
        NeuralTrainer trainer = switch (p.trainer()) {
            case "sasrec" -> NeuralTrainer.sasRec(TrainerRebuild.record(SasRecConfig.class, "model.", want),
                    training, engine, line -> { });
            case "bert4rec" -> NeuralTrainer.bert4Rec(TrainerRebuild.record(Bert4RecConfig.class, "model.", want),
                    training, engine, line -> { });
            case "gru4rec" -> NeuralTrainer.gru4Rec(TrainerRebuild.record(Gru4RecConfig.class, "model.", want),
                    training, engine, line -> { });
            case "lstm" -> NeuralTrainer.lstm(TrainerRebuild.record(LstmRecConfig.class, "model.", want),
                    training, engine, line -> { });
            case "srgnn" -> NeuralTrainer.srGnn(TrainerRebuild.record(SrGnnConfig.class, "model.", want),
                    training, engine, line -> { });
            default -> throw new IllegalArgumentException("no neural family is called '" + p.trainer() + "'");
        };
        return new NeuralRefitTrainer(trainer);
    }

    /** The recorded run's checkpoint files (latest and best weights, optimiser state), when it wrote any. */
    @Override
    public List<Path> runFiles(Provenance p) {
        String dir = p.params().get("training.checkpointDir");
        return dir == null || dir.equals("null") ? List.of() : Checkpoints.files(Path.of(dir));
    }
}

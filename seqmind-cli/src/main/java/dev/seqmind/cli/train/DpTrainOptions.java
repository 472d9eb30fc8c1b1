package dev.seqmind.cli.train;

import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.neural.model.NeuralTrainer;
import dev.seqmind.neural.train.DpSgdConfig;
import dev.seqmind.neural.train.DpSgdTrainer;
import dev.seqmind.neural.train.TrainingState;
import dev.seqmind.rec.FitContext;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code train --dp-epsilon E --dp-delta D --dp-clip C}: user-level DP-SGD instead of the ordinary loop, and the
 * privacy spent written into the model card's figures ({@code dp epsilon spent}, ...).
 */
public final class DpTrainOptions {
    @Option(names = "--dp-epsilon", description = "Train with user-level DP-SGD spending at most this epsilon "
            + "(Poisson batches of expected size --batch, --epochs passes). Off when not given.")
    Double epsilon;

    @Option(names = "--dp-delta", defaultValue = "1e-6", description = "With --dp-epsilon: delta (default: "
            + "${DEFAULT-VALUE}).")
    double delta;

    @Option(names = "--dp-clip", defaultValue = "1.0", description = "With --dp-epsilon: per-user gradient L2 clip "
            + "norm (default: ${DEFAULT-VALUE}).")
    float clip;

    private DpSgdTrainer.Result spent;

    boolean enabled() {
        return epsilon != null;
    }

    NeuralTrainer.Fitted fit(NeuralTrainer trainer, SequenceDataset train, FitContext ctx, int epochs, int batch,
                             float lr) {
        NeuralTrainer.PrivateFit f = trainer.fitPrivately(train, ctx, new DpSgdConfig(epsilon, delta, clip, batch,
                epochs, lr));
        spent = f.privacy();
        TrainingState state = new TrainingState(epochs, spent.steps(), Double.NaN, Double.NaN, epochs, 0,
                spent.seconds(), List.of());
        return new NeuralTrainer.Fitted(f.model(), state);
    }

    /** Adds the privacy spent to {@code card.json}'s figures (a no-op without DP). */
    void recordInCard(Path modelDir) throws IOException {
        if (spent == null) {
            return;
        }
        Map<String, Number> f = new LinkedHashMap<>();
        f.put("dp epsilon spent", spent.epsilon());
        f.put("dp delta", spent.delta());
        f.put("dp noise multiplier", spent.noiseMultiplier());
        f.put("dp clip norm", clip);
        f.put("dp sample rate", spent.sampleRate());
        f.put("dp steps", spent.steps());
        f.put("dp fraction of user gradients clipped", spent.meanClippedFraction());
        CardFigures.add(modelDir, f);
    }
}

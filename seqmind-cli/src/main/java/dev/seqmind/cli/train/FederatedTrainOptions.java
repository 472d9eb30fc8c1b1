package dev.seqmind.cli.train;

import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.neural.model.NeuralTrainer;
import dev.seqmind.neural.train.FedAvgConfig;
import dev.seqmind.neural.train.FedAvgTrainer;
import dev.seqmind.neural.train.ServerOptimizer;
import dev.seqmind.neural.train.TrainingState;
import dev.seqmind.neural.train.TrainingWindows;
import dev.seqmind.rec.FitContext;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code train --federated}: simulated federated averaging over user partitions instead of the ordinary loop
 * (with {@code --dp-epsilon}: client-level DP-FedAvg, {@code --dp-clip} bounding each client's update), and what it
 * did written into the model card's figures ({@code fedavg clients}, ...).
 */
public final class FederatedTrainOptions {
    @Option(names = "--federated", description = "Train by federated averaging: the users are split into --clients "
            + "clients that train locally on their own sequences and send only weight updates, averaged each round.")
    boolean federated;

    @Option(names = "--clients", defaultValue = "10", description = "With --federated: clients the users are split "
            + "into (one user each when equal to the users). Default: ${DEFAULT-VALUE}.")
    int clients;

    @Option(names = "--rounds", defaultValue = "10", description = "With --federated: communication rounds. "
            + "Default: ${DEFAULT-VALUE}.")
    int rounds;

    @Option(names = "--local-steps", defaultValue = "0", description = "With --federated: Adam steps (of --batch "
            + "rows) each client takes per round; 0 means --local-epochs passes over its rows. Default: "
            + "${DEFAULT-VALUE}.")
    int localSteps;

    @Option(names = "--local-epochs", defaultValue = "1", description = "With --federated and --local-steps 0: "
            + "passes over its own rows each client makes per round. Default: ${DEFAULT-VALUE}.")
    int localEpochs;

    @Option(names = "--client-fraction", defaultValue = "1", description = "With --federated: share of the clients "
            + "in each round (with --dp-epsilon each joins with this probability). Default: ${DEFAULT-VALUE}.")
    double clientFraction;

    @Option(names = "--fed-clip", defaultValue = "0", description = "With --federated: scale each client's update to "
            + "at most this L2 norm (0 = off; with --dp-epsilon, --dp-clip is used). Default: ${DEFAULT-VALUE}.")
    float fedClip;

    @Option(names = "--server-optimizer", defaultValue = "AVG", description = "With --federated: how the server "
            + "applies the round's average update: AVG (FedAvg), MOMENTUM (FedAvgM: server momentum) or ADAM "
            + "(FedAdam). Default: ${DEFAULT-VALUE}.")
    ServerOptimizer.Kind serverOptimizer;

    @Option(names = "--server-lr", description = "With --federated: the server learning rate (default: 1 for AVG "
            + "and MOMENTUM, 0.01 for ADAM).")
    Float serverLr;

    @Option(names = "--server-momentum", defaultValue = "0.9", description = "With --server-optimizer MOMENTUM: the "
            + "momentum; with ADAM: the first-moment decay. Default: ${DEFAULT-VALUE}.")
    float serverMomentum;

    @Option(names = "--server-beta2", defaultValue = "0.99", description = "With --server-optimizer ADAM: the "
            + "second-moment decay. Default: ${DEFAULT-VALUE}.")
    float serverBeta2;

    @Option(names = "--server-tau", defaultValue = "0.001", description = "With --server-optimizer ADAM: the "
            + "adaptivity floor added to the root of the second moment. Default: ${DEFAULT-VALUE}.")
    float serverTau;

    private FedAvgTrainer.Result result;

    ServerOptimizer server() {
        float lr = serverLr != null ? serverLr : serverOptimizer == ServerOptimizer.Kind.ADAM ? 0.01f : 1f;
        return switch (serverOptimizer) {
            case AVG -> new ServerOptimizer(ServerOptimizer.Kind.AVG, lr, 0, 0, 0);
            case MOMENTUM -> new ServerOptimizer(ServerOptimizer.Kind.MOMENTUM, lr, serverMomentum, 0, 0);
            case ADAM -> new ServerOptimizer(ServerOptimizer.Kind.ADAM, lr, serverMomentum, serverBeta2, serverTau);
        };
    }

    boolean enabled() {
        return federated;
    }

    NeuralTrainer.Fitted fit(NeuralTrainer trainer, SequenceDataset train, FitContext ctx, int batch, float lr,
                             float gradClip, TrainingWindows windows, DpTrainOptions dp) {
        FedAvgConfig config = new FedAvgConfig(clients, rounds, localSteps, localEpochs, batch, lr, gradClip,
                clientFraction, dp.enabled() ? dp.clip : fedClip, dp.enabled() ? dp.epsilon : 0, dp.delta, windows,
                server());
        NeuralTrainer.FederatedFit f = trainer.fitFederated(train, ctx, config);
        result = f.federated();
        double perRound = result.seconds() / rounds; // the card's seconds per epoch are seconds per round here
        TrainingState state = new TrainingState(rounds, result.localSteps(), Double.NaN, Double.NaN, rounds, 0,
                result.seconds(), List.of(new TrainingState.EpochRecord(rounds, Double.NaN, perRound, Double.NaN,
                Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN)));
        return new NeuralTrainer.Fitted(f.model(), state);
    }

    /** Adds what the federated training did to {@code card.json}'s figures (a no-op without it). */
    void recordInCard(Path modelDir) throws IOException {
        if (result == null) {
            return;
        }
        Map<String, Number> f = new LinkedHashMap<>();
        f.put("fedavg clients", result.clients());
        f.put("fedavg rounds", result.rounds());
        f.put("fedavg client updates", result.clientUpdates());
        f.put("fedavg local steps", result.localSteps());
        f.put("fedavg fraction of updates clipped", result.meanClippedFraction());
        if (result.epsilon() > 0) {
            f.put("dp epsilon spent (client level)", result.epsilon());
            f.put("dp delta", result.delta());
            f.put("dp noise multiplier", result.noiseMultiplier());
        }
        CardFigures.add(modelDir, f);
    }
}

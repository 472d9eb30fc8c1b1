package dev.seqmind.neural.train;

import dev.seqmind.data.error.InvalidParameterException;

/**
 * Federated averaging settings (simulated: the clients are partitions of the users inside one process).
 *
 * @param clients        how many clients the users are split into (1 .. users; each user belongs to one)
 * @param rounds         communication rounds
 * @param localSteps     Adam steps each selected client takes per round; 0 means {@code localEpochs} passes
 * @param localEpochs    passes over its own rows each client makes per round when {@code localSteps} is 0
 * @param batch          rows per local step (at most the client's rows)
 * @param lr             the clients' Adam learning rate (a fresh Adam each round: clients keep no state)
 * @param gradClip       clients' global gradient-norm clip per step, as in ordinary training (0 = off)
 * @param clientFraction clients taking part in a round: exactly that share without DP, each independently with that
 *                       probability with DP (Poisson sampling, as the accountant assumes)
 * @param updateClip     each client's update (new minus global weights) is scaled to at most this L2 norm
 *                       (0 = off; required with DP)
 * @param epsilon        client-level DP: the epsilon the whole training may spend (0 = no DP)
 * @param delta          client-level DP: delta
 * @param windows        which windows of a long history become a client's training rows
 * @param server         how the server applies the averaged update ({@link ServerOptimizer#AVERAGE}: FedAvg)
 */
public record FedAvgConfig(int clients, int rounds, int localSteps, int localEpochs, int batch, float lr,
                           float gradClip, double clientFraction, float updateClip, double epsilon, double delta,
                           TrainingWindows windows, ServerOptimizer server) {
    /** Plain FedAvg on the server. */
    public FedAvgConfig(int clients, int rounds, int localSteps, int localEpochs, int batch, float lr,
                        float gradClip, double clientFraction, float updateClip, double epsilon, double delta,
                        TrainingWindows windows) {
        this(clients, rounds, localSteps, localEpochs, batch, lr, gradClip, clientFraction, updateClip, epsilon, delta,
                windows, ServerOptimizer.AVERAGE);
    }

    public FedAvgConfig {
        if (server == null) {
            server = ServerOptimizer.AVERAGE;
        }
        InvalidParameterException.requireInRange("--clients", clients, 1, 10_000_000);
        InvalidParameterException.requireInRange("--rounds", rounds, 1, 1_000_000);
        InvalidParameterException.requireInRange("--local-steps", localSteps, 0, 1_000_000);
        InvalidParameterException.requireInRange("--local-epochs", localEpochs, 1, 10_000);
        InvalidParameterException.requireInRange("--batch", batch, 1, 1_000_000);
        if (!(lr > 0 && lr < 10)) {
            throw new InvalidParameterException("--lr", lr, "in (0, 10)");
        }
        if (!(gradClip >= 0)) {
            throw new InvalidParameterException("--clip", gradClip, ">= 0");
        }
        if (!(clientFraction > 0 && clientFraction <= 1)) {
            throw new InvalidParameterException("--client-fraction", clientFraction, "in (0, 1]");
        }
        if (!(updateClip >= 0)) {
            throw new InvalidParameterException("--fed-clip", updateClip, ">= 0");
        }
        if (!(epsilon >= 0)) {
            throw new InvalidParameterException("--dp-epsilon", epsilon, "> 0, or absent for no DP");
        }
        if (epsilon > 0 && !(updateClip > 0)) {
            throw new InvalidParameterException("--fed-clip", updateClip, "> 0 with --dp-epsilon (the noise is scaled "
                    + "to the clip norm)");
        }
        if (epsilon > 0 && !(delta > 0 && delta < 1)) {
            throw new InvalidParameterException("--dp-delta", delta, "in (0, 1)");
        }
        if (windows == null) {
            throw new InvalidParameterException("--windows", "null", "LAST or ALL");
        }
    }

    /** True when client-level differential privacy is on. */
    public boolean privately() {
        return epsilon > 0;
    }
}

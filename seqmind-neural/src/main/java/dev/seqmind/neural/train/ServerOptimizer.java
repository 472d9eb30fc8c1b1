package dev.seqmind.neural.train;

import dev.seqmind.data.error.InvalidParameterException;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How the federated server applies each round's averaged client update {@code d} (new minus global weights) to the
 * global weights, after any clipping and noise (so it is post-processing and spends no privacy):
 * <ul>
 *   <li>{@link Kind#AVG}: {@code w += lr * d} (FedAvg; {@code lr} 1 is McMahan et al.'s);</li>
 *   <li>{@link Kind#MOMENTUM} (FedAvgM, Hsu et al. 2019): {@code v = beta1 * v + d; w += lr * v};</li>
 *   <li>{@link Kind#ADAM} (FedAdam, Reddi et al. 2021, without bias correction as published):
 *       {@code m = beta1 m + (1 - beta1) d; v = beta2 v + (1 - beta2) d^2; w += lr * m / (sqrt(v) + tau)}.</li>
 * </ul>
 *
 * @param kind  the rule
 * @param lr    the server learning rate
 * @param beta1 momentum (MOMENTUM) or first-moment decay (ADAM)
 * @param beta2 ADAM's second-moment decay
 * @param tau   ADAM's adaptivity floor
 */
public record ServerOptimizer(Kind kind, float lr, float beta1, float beta2, float tau) {
    /** The server rules. */
    public enum Kind { AVG, MOMENTUM, ADAM }

    /** Plain FedAvg. */
    public static final ServerOptimizer AVERAGE = new ServerOptimizer(Kind.AVG, 1f, 0f, 0f, 0f);

    public ServerOptimizer {
        if (kind == null) {
            throw new InvalidParameterException("--server-optimizer", "null", "AVG, MOMENTUM or ADAM");
        }
        if (!(lr > 0 && lr <= 100)) {
            throw new InvalidParameterException("--server-lr", lr, "in (0, 100]");
        }
        if (!(beta1 >= 0 && beta1 < 1)) {
            throw new InvalidParameterException("--server-momentum", beta1, "in [0, 1)");
        }
        if (kind == Kind.ADAM && !(beta2 > 0 && beta2 < 1)) {
            throw new InvalidParameterException("--server-beta2", beta2, "in (0, 1)");
        }
        if (kind == Kind.ADAM && !(tau > 0)) {
            throw new InvalidParameterException("--server-tau", tau, "> 0");
        }
    }

    /** A server's state across rounds (momentum or moments); not thread-safe. */
    public Server start() {
        return new Server(this);
    }

    /** The rule with its state. */
    public static final class Server {
        private final ServerOptimizer rule;
        private final Map<String, float[]> first = new LinkedHashMap<>();
        private final Map<String, float[]> second = new LinkedHashMap<>();

        private Server(ServerOptimizer rule) {
            this.rule = rule;
        }

        /** Applies the averaged update {@code d} to {@code global} in place. */
        public void apply(Map<String, float[]> global, Map<String, float[]> d) {
            for (Map.Entry<String, float[]> e : global.entrySet()) {
                float[] w = e.getValue();
                float[] g = d.get(e.getKey());
                switch (rule.kind) {
                    case AVG -> {
                        for (int i = 0; i < w.length; i++) {
                            w[i] += rule.lr * g[i];
                        }
                    }
                    case MOMENTUM -> {
                        float[] v = first.computeIfAbsent(e.getKey(), k -> new float[w.length]);
                        for (int i = 0; i < w.length; i++) {
                            v[i] = rule.beta1 * v[i] + g[i];
                            w[i] += rule.lr * v[i];
                        }
                    }
                    case ADAM -> {
                        float[] m = first.computeIfAbsent(e.getKey(), k -> new float[w.length]);
                        float[] v = second.computeIfAbsent(e.getKey(), k -> new float[w.length]);
                        for (int i = 0; i < w.length; i++) {
                            m[i] = rule.beta1 * m[i] + (1 - rule.beta1) * g[i];
                            v[i] = rule.beta2 * v[i] + (1 - rule.beta2) * g[i] * g[i];
                            w[i] += (float) (rule.lr * m[i] / (Math.sqrt(v[i]) + rule.tau));
                        }
                    }
                    default -> throw new IllegalStateException(rule.kind.toString());
                }
            }
        }
    }
}

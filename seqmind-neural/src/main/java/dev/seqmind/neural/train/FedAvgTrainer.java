package dev.seqmind.neural.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.training.GradientCollector;
import dev.seqmind.data.error.InvalidParameterException;
import dev.seqmind.data.privacy.RdpAccountant;
import dev.seqmind.neural.nn.AdamW;
import dev.seqmind.neural.nn.ParameterStore;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Federated averaging (McMahan et al. 2017), simulated in one process: the users are split into clients once (a
 * seeded shuffle dealt round-robin, so client sizes differ by at most one user); each round the selected clients
 * start from the global weights, train on their own rows only for a few local Adam steps, and send back only their
 * update (new minus global weights). The server adds the average of the updates, weighted by the clients' row
 * counts, to the global weights (or, with another {@link ServerOptimizer}, takes a server momentum or Adam step
 * along that average). With {@code updateClip} every update is first scaled to that L2 norm at most.
 *
 * <p>With {@code epsilon} (DP-FedAvg, McMahan et al. 2018; client-level DP): clients join each round independently
 * with probability {@code q} (Poisson), updates are clipped to {@code C} and summed unweighted, Gaussian noise of
 * standard deviation {@code sigma * C} is added to every coordinate and the sum is divided by the expected number of
 * clients {@code q * clients}. {@code sigma} is the smallest noise multiplier whose RDP epsilon after {@code rounds}
 * rounds stays within the target ({@link RdpAccountant}). With one user per client that is user-level DP.
 *
 * <p>No client's rows are read while another client trains. Seeded (partition, sampling, batches, noise, dropout),
 * so a run repeats on CPU. Not thread-safe.
 */
public final class FedAvgTrainer {
    private final SequenceNetwork network;
    private final FedAvgConfig config;
    private final long seed;
    private final Consumer<String> log;

    /** What a federated training did (and spent, with DP; epsilon 0 without). */
    public record Result(int clients, int rounds, long clientUpdates, long localSteps, double epsilon, double delta,
                         double noiseMultiplier, double meanClippedFraction, double seconds) {
    }

    public FedAvgTrainer(SequenceNetwork network, FedAvgConfig config, long seed, Consumer<String> log) {
        this.network = network;
        this.config = config;
        this.seed = seed;
        this.log = log;
    }

    /**
     * Splits the users (one sequence each) into {@code clients} groups of training rows.
     *
     * @throws InvalidParameterException when there are fewer users with a training row than clients
     */
    static List<int[][]> partition(int[][] sequences, int clients, int window, TrainingWindows windows, long seed) {
        List<int[][]> perUser = new ArrayList<>();
        for (int[] s : sequences) {
            int[][] rows = windows.rows(new int[][] {s}, window);
            if (rows.length > 0) {
                perUser.add(rows);
            }
        }
        if (perUser.size() < clients) {
            throw new InvalidParameterException("--clients", clients, "at most the " + perUser.size()
                    + " users with 2 or more events");
        }
        int[] order = TrainingLoop.shuffled(perUser.size(), new SplittableRandom(seed * 37 + 5));
        List<List<int[]>> groups = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            groups.add(new ArrayList<>());
        }
        for (int i = 0; i < order.length; i++) {
            groups.get(i % clients).addAll(Arrays.asList(perUser.get(order[i])));
        }
        return groups.stream().map(g -> g.toArray(new int[0][])).toList();
    }

    /** Trains on {@code sequences} (one per user, dense item ids, oldest first); the network ends with the global weights. */
    public Result run(int[][] sequences) {
        List<int[][]> clients = partition(sequences, config.clients(), network.maxLength(), config.windows(), seed);
        int n = clients.size();
        double q = config.clientFraction();
        double sigma = 0;
        double spent = 0;
        if (config.privately()) {
            sigma = RdpAccountant.noiseMultiplierFor(q, config.rounds(), config.epsilon(), config.delta(),
                    RdpAccountant.Conversion.IMPROVED);
            spent = RdpAccountant.epsilon(q, sigma, config.rounds(), config.delta(), RdpAccountant.Conversion.IMPROVED);
        }
        log.accept(String.format(Locale.ROOT, "FedAvg: %d clients (%d-%d rows each), %d rounds, client fraction %.3g%s",
                n, clients.stream().mapToInt(c -> c.length).min().orElse(0),
                clients.stream().mapToInt(c -> c.length).max().orElse(0), config.rounds(), q,
                config.privately() ? String.format(Locale.ROOT, ", clip %.3g, noise multiplier %.4g -> epsilon %.4f "
                        + "at delta %.3g", config.updateClip(), sigma, spent, config.delta()) : ""));
        Engine.getEngine(dev.seqmind.neural.engine.NeuralEngine.ENGINE).setRandomSeed((int) seed);
        SplittableRandom selectRng = new SplittableRandom(seed * 31 + 7);
        SplittableRandom noiseRng = new SplittableRandom(seed * 131 + 11);
        SplittableRandom localRng = new SplittableRandom(seed * 17 + 3);
        ParameterStore params = network.parameters();
        Map<String, float[]> global = params.snapshot();
        ServerOptimizer.Server server = config.server().start();
        long t0 = System.nanoTime();
        long updates = 0;
        long steps = 0;
        long clipped = 0;
        for (int round = 0; round < config.rounds(); round++) {
            List<Integer> chosen = select(n, selectRng);
            Map<String, float[]> sum = zeros(global);
            double weight = 0;
            for (int c : chosen) {
                int[][] rows = clients.get(c);
                Map<String, float[]> delta = clientUpdate(global, rows, localRng);
                steps += localSteps(rows.length);
                updates++;
                if (config.updateClip() > 0 && clip(delta, config.updateClip()) > config.updateClip()) {
                    clipped++;
                }
                double w = config.privately() ? 1 : rows.length;
                addScaled(sum, delta, w);
                weight += w;
            }
            if (config.privately()) {
                double std = sigma * config.updateClip();
                for (float[] v : sum.values()) {
                    for (int i = 0; i < v.length; i++) {
                        v[i] += (float) (std * noiseRng.nextGaussian());
                    }
                }
                weight = q * n;
            }
            if (weight > 0) {
                scale(sum, 1 / weight); // the (weighted) average update
                server.apply(global, sum);
            }
            if ((round + 1) % Math.max(1, config.rounds() / 10) == 0 || round + 1 == config.rounds()) {
                log.accept(String.format(Locale.ROOT, "FedAvg round %d/%d: %d clients this round, %.1f s", round + 1,
                        config.rounds(), chosen.size(), (System.nanoTime() - t0) / 1e9));
            }
        }
        params.restore(global);
        return new Result(n, config.rounds(), updates, steps, spent, config.privately() ? config.delta() : 0, sigma,
                config.updateClip() > 0 ? clipped / (double) Math.max(1, updates) : 0, (System.nanoTime() - t0) / 1e9);
    }

    private List<Integer> select(int n, SplittableRandom rng) {
        List<Integer> out = new ArrayList<>();
        if (config.privately()) {
            for (int c = 0; c < n; c++) {
                if (rng.nextDouble() < config.clientFraction()) {
                    out.add(c);
                }
            }
            return out;
        }
        int k = Math.max(1, (int) Math.round(config.clientFraction() * n));
        int[] order = TrainingLoop.shuffled(n, rng);
        for (int i = 0; i < k; i++) {
            out.add(order[i]);
        }
        out.sort(null);
        return out;
    }

    int localSteps(int rows) {
        return config.localSteps() > 0 ? config.localSteps()
                : Math.max(1, (int) Math.ceil(config.localEpochs() * (double) rows / config.batch()));
    }

    /**
     * One client's round: from the {@code global} weights, {@link #localSteps} Adam steps on batches of its own
     * {@code rows} (a shuffled pass, reshuffled when it wraps); returns new minus global weights.
     */
    Map<String, float[]> clientUpdate(Map<String, float[]> global, int[][] rows, SplittableRandom rng) {
        ParameterStore params = network.parameters();
        params.restore(global);
        AdamW adam = new AdamW(0.9f, 0.999f, 1e-8f, 0f);
        Engine engine = Engine.getEngine(dev.seqmind.neural.engine.NeuralEngine.ENGINE);
        int b = Math.min(config.batch(), rows.length);
        int[] order = TrainingLoop.shuffled(rows.length, rng);
        int at = 0;
        for (int s = 0, steps = localSteps(rows.length); s < steps; s++) {
            int[][] batch = new int[b][];
            for (int i = 0; i < b; i++) {
                if (at == order.length) {
                    order = TrainingLoop.shuffled(rows.length, rng);
                    at = 0;
                }
                batch[i] = rows[order[at++]];
            }
            params.zeroGradients();
            try (NDScope scope = new NDScope();
                 NDManager m = params.manager().newSubManager();
                 GradientCollector gc = engine.newGradientCollector()) {
                scope.suppressNotUsedWarning();
                gc.backward(network.loss(m, batch, 0, b, rng));
            }
            adam.step(params, config.lr(), config.gradClip());
        }
        Map<String, float[]> delta = params.snapshot();
        for (Map.Entry<String, float[]> e : delta.entrySet()) {
            float[] g = global.get(e.getKey());
            float[] v = e.getValue();
            for (int i = 0; i < v.length; i++) {
                v[i] -= g[i];
            }
        }
        return delta;
    }

    /** Scales {@code update} in place to L2 norm at most {@code c}; returns its norm before. */
    static double clip(Map<String, float[]> update, float c) {
        double norm = norm(update);
        if (norm > c) {
            float scale = (float) (c / norm);
            for (float[] v : update.values()) {
                for (int i = 0; i < v.length; i++) {
                    v[i] *= scale;
                }
            }
        }
        return norm;
    }

    static double norm(Map<String, float[]> update) {
        double sq = 0;
        for (float[] v : update.values()) {
            for (float x : v) {
                sq += (double) x * x;
            }
        }
        return Math.sqrt(sq);
    }

    private static void addScaled(Map<String, float[]> into, Map<String, float[]> add, double w) {
        for (Map.Entry<String, float[]> e : into.entrySet()) {
            float[] a = add.get(e.getKey());
            float[] v = e.getValue();
            for (int i = 0; i < v.length; i++) {
                v[i] += (float) (w * a[i]);
            }
        }
    }

    private static void scale(Map<String, float[]> values, double w) {
        for (float[] v : values.values()) {
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) (w * v[i]);
            }
        }
    }

    private static Map<String, float[]> zeros(Map<String, float[]> like) {
        Map<String, float[]> out = new LinkedHashMap<>();
        like.forEach((k, v) -> out.put(k, new float[v.length]));
        return out;
    }
}

package dev.seqmind.cli.tune;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Successive halving over a fixed set of trials: every trial trains to the first rung's epochs, the best
 * {@code 1/eta} by validation NDCG@10 continue to {@code eta} times as many epochs (resuming where they stopped), and
 * so on up to the most epochs. Results already in the log are taken from it instead of being trained again, so a
 * stopped search resumes where it was. The time budget counts the logged seconds of every rung run so far; once it is
 * spent no further rung starts.
 *
 * @param trials     trials in the first rung
 * @param minEpochs  epochs of the first rung
 * @param maxEpochs  epochs of the last rung
 * @param eta        the factor between rungs (epochs multiply by it, survivors divide by it)
 * @param budgetSeconds training seconds the whole search may spend
 */
public record SuccessiveHalving(int trials, int minEpochs, int maxEpochs, int eta, double budgetSeconds) {
    public SuccessiveHalving {
        dev.seqmind.data.error.InvalidParameterException.requireInRange("trials", trials, 1, 100_000);
        dev.seqmind.data.error.InvalidParameterException.requireInRange("min epochs", minEpochs, 1, 100_000);
        dev.seqmind.data.error.InvalidParameterException.requireInRange("max epochs", maxEpochs, minEpochs, 100_000);
        dev.seqmind.data.error.InvalidParameterException.requireInRange("eta", eta, 2, 100);
    }

    /** Trains one trial to a rung's epochs and returns its result. */
    @FunctionalInterface
    public interface Runner {
        TrialResult run(int trial, int rung, int epochs) throws IOException;
    }

    /** Epochs of each rung: minEpochs, minEpochs * eta, ... capped at (and ending with) maxEpochs. */
    public List<Integer> rungs() {
        List<Integer> out = new ArrayList<>();
        long e = minEpochs;
        while (e < maxEpochs) {
            out.add((int) e);
            e *= eta;
        }
        out.add(maxEpochs);
        return out;
    }

    /** What a search did: every result (logged before or run now) and whether the budget cut it short. */
    public record Outcome(List<TrialResult> results, boolean budgetSpent) {
        /** The result with the best validation NDCG@10 among the deepest rung any trial reached. */
        public Optional<TrialResult> best() {
            int deepest = results.stream().mapToInt(TrialResult::rung).max().orElse(-1);
            return results.stream().filter(r -> r.rung() == deepest)
                    .max(Comparator.comparingDouble(TrialResult::validationNdcg));
        }
    }

    /**
     * Runs the search.
     *
     * @param logged  results read from the log (their seconds count against the budget)
     * @param runner  trains a trial to a rung; its results are passed to {@code onResult} (to be logged)
     */
    public Outcome run(List<TrialResult> logged, Runner runner, Consumer<TrialResult> onResult) throws IOException {
        Map<Long, TrialResult> done = new HashMap<>();
        double spent = 0;
        for (TrialResult r : logged) {
            done.put(key(r.trial(), r.rung()), r);
            spent += r.seconds();
        }
        List<TrialResult> all = new ArrayList<>(logged);
        List<Integer> alive = new ArrayList<>();
        for (int t = 0; t < trials; t++) {
            alive.add(t);
        }
        List<Integer> rungs = rungs();
        for (int k = 0; k < rungs.size(); k++) {
            List<TrialResult> rung = new ArrayList<>();
            for (int t : alive) {
                TrialResult r = done.get(key(t, k));
                if (r == null) {
                    if (spent >= budgetSeconds) {
                        return new Outcome(all, true);
                    }
                    r = runner.run(t, k, rungs.get(k));
                    spent += r.seconds();
                    all.add(r);
                    onResult.accept(r);
                }
                rung.add(r);
            }
            int keep = (int) Math.ceil(rung.size() / (double) eta);
            alive = rung.stream().sorted(Comparator.comparingDouble(TrialResult::validationNdcg).reversed()
                            .thenComparingInt(TrialResult::trial))
                    .limit(keep).map(TrialResult::trial).toList();
        }
        return new Outcome(all, false);
    }

    private static long key(int trial, int rung) {
        return ((long) trial << 16) | rung;
    }
}

package dev.seqmind.data.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where a dataset came from and what was done to it: the part of its provenance that is not the data itself.
 *
 * @param name           a short name for people (e.g. "ml-1m")
 * @param sources        the input files or generator it was read from
 * @param timeKind       what the timestamps mean
 * @param steps          the cleaning and transformation steps applied, in order, each a one-line description
 * @param pseudonymised  true when user ids are keyed hashes, never raw ids
 * @param actionWeights  how much each action (external name) counts for models that weigh events, e.g.
 *                       {@code pv=1, buy=4}; actions not listed weigh 1
 */
public record DatasetInfo(String name, List<String> sources, TimeKind timeKind, List<String> steps,
                          boolean pseudonymised, Map<String, Double> actionWeights) {
    public DatasetInfo {
        Objects.requireNonNull(name, "name");
        sources = List.copyOf(sources);
        Objects.requireNonNull(timeKind, "timeKind");
        steps = List.copyOf(steps);
        actionWeights = Map.copyOf(actionWeights);
    }

    public DatasetInfo(String name, List<String> sources, TimeKind timeKind, List<String> steps,
                       boolean pseudonymised) {
        this(name, sources, timeKind, steps, pseudonymised, Map.of());
    }

    public static DatasetInfo of(String name, TimeKind timeKind) {
        return new DatasetInfo(name, List.of(), timeKind, List.of(), false);
    }

    /** The weight of an action (1 when none was set). */
    public double weightOf(String action) {
        return actionWeights.getOrDefault(action, 1.0);
    }

    public DatasetInfo withStep(String step) {
        var s = new ArrayList<>(steps);
        s.add(step);
        return new DatasetInfo(name, sources, timeKind, s, pseudonymised, actionWeights);
    }

    public DatasetInfo withName(String newName) {
        return new DatasetInfo(newName, sources, timeKind, steps, pseudonymised, actionWeights);
    }

    public DatasetInfo withPseudonymised(boolean value) {
        return new DatasetInfo(name, sources, timeKind, steps, value, actionWeights);
    }

    public DatasetInfo withActionWeights(Map<String, Double> value) {
        return new DatasetInfo(name, sources, timeKind, steps, pseudonymised, value);
    }
}

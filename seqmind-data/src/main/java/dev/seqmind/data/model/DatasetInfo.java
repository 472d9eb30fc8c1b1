package dev.seqmind.data.model;

import java.util.List;
import java.util.Objects;

/**
 * Where a dataset came from and what was done to it: the part of its provenance that is not the data itself.
 *
 * @param name           a short name for people (e.g. "ml-1m")
 * @param sources        the input files or generator it was read from
 * @param timeKind       what the timestamps mean
 * @param steps          the cleaning and transformation steps applied, in order, each a one-line description
 * @param pseudonymised  true when user ids are keyed hashes, never raw ids
 */
public record DatasetInfo(String name, List<String> sources, TimeKind timeKind, List<String> steps,
                          boolean pseudonymised) {
    public DatasetInfo {
        Objects.requireNonNull(name, "name");
        sources = List.copyOf(sources);
        Objects.requireNonNull(timeKind, "timeKind");
        steps = List.copyOf(steps);
    }

    public static DatasetInfo of(String name, TimeKind timeKind) {
        return new DatasetInfo(name, List.of(), timeKind, List.of(), false);
    }

    public DatasetInfo withStep(String step) {
        var s = new java.util.ArrayList<>(steps);
        s.add(step);
        return new DatasetInfo(name, sources, timeKind, s, pseudonymised);
    }

    public DatasetInfo withName(String newName) {
        return new DatasetInfo(newName, sources, timeKind, steps, pseudonymised);
    }

    public DatasetInfo withPseudonymised(boolean value) {
        return new DatasetInfo(name, sources, timeKind, steps, value);
    }
}

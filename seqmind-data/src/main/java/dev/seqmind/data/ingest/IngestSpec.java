package dev.seqmind.data.ingest;

import dev.seqmind.data.clean.CleaningStep;
import dev.seqmind.data.collect.TimeRange;
import dev.seqmind.data.privacy.Pseudonymizer;
import dev.seqmind.data.read.ItemCatalogReader;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything one ingest does: which files to read, which item side files to attach, whether a bad row stops the
 * run, whether user ids are pseudonymised, and which cleaning steps run, in order.
 *
 * @param name          dataset name for people
 * @param inputs        log files, read in order (file order breaks timestamp ties)
 * @param itemFiles     item metadata files with their readers
 * @param strict        stop at the first malformed row instead of counting and skipping it
 * @param pseudonymizer replaces user ids right after reading, before anything is written, when present
 * @param steps         cleaning steps in the order they run
 * @param actionWeights weights recorded for models that weigh actions
 * @param timeRange     clock times outside it are dropped as faults ({@link TimeRange#ANY} keeps every time)
 */
public record IngestSpec(String name, List<InputSpec> inputs, List<ItemFile> itemFiles, boolean strict,
                         Optional<Pseudonymizer> pseudonymizer, List<CleaningStep> steps,
                         Map<String, Double> actionWeights, TimeRange timeRange) {
    public IngestSpec {
        Objects.requireNonNull(name, "name");
        inputs = List.copyOf(inputs);
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("no input file: give at least one log file to ingest");
        }
        itemFiles = List.copyOf(itemFiles);
        Objects.requireNonNull(pseudonymizer, "pseudonymizer");
        steps = List.copyOf(steps);
        actionWeights = Map.copyOf(actionWeights);
        Objects.requireNonNull(timeRange, "timeRange");
    }

    /**
     * Reads one file with no cleaning and no time-range check (the library does not read the clock; commands pass
     * {@link TimeRange#plausible} through {@link #withTimeRange}).
     */
    public static IngestSpec of(String name, InputSpec input) {
        return new IngestSpec(name, List.of(input), List.of(), false, Optional.empty(), List.of(), Map.of(),
                TimeRange.ANY);
    }

    public IngestSpec withSteps(List<CleaningStep> value) {
        return new IngestSpec(name, inputs, itemFiles, strict, pseudonymizer, value, actionWeights, timeRange);
    }

    public IngestSpec withItemFiles(List<ItemFile> value) {
        return new IngestSpec(name, inputs, value, strict, pseudonymizer, steps, actionWeights, timeRange);
    }

    public IngestSpec withStrict(boolean value) {
        return new IngestSpec(name, inputs, itemFiles, value, pseudonymizer, steps, actionWeights, timeRange);
    }

    public IngestSpec withPseudonymizer(Pseudonymizer value) {
        return new IngestSpec(name, inputs, itemFiles, strict, Optional.of(value), steps, actionWeights, timeRange);
    }

    public IngestSpec withTimeRange(TimeRange value) {
        return new IngestSpec(name, inputs, itemFiles, strict, pseudonymizer, steps, actionWeights, value);
    }

    /** An item metadata file and how to read it. */
    public record ItemFile(Path path, ItemCatalogReader reader) {
    }
}

package dev.seqmind.data.ingest;

import dev.seqmind.data.collect.TimeRange;
import dev.seqmind.data.privacy.Pseudonymizer;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one {@code ingest --append} adds to an existing dataset directory. The cleaning rules are not part of it:
 * they are the dataset's own, read from its manifest.
 *
 * @param sources              where the new rows come from, read in order (file order breaks timestamp ties)
 * @param itemFiles            item metadata files to merge into the dataset's catalogue
 * @param strict               stop at the first malformed or doubtful row (nothing is written then)
 * @param pseudonymizer        the dataset's key; required when the dataset is pseudonymised
 * @param sourcesPseudonymised true when the sources already hold pseudonyms made with that key (a server started
 *                             with {@code --pseudonymize}): they are not hashed a second time
 * @param timeRange            clock times outside it are dropped as faults
 */
public record AppendSpec(List<RowSource> sources, List<IngestSpec.ItemFile> itemFiles, boolean strict,
                         Optional<Pseudonymizer> pseudonymizer, boolean sourcesPseudonymised, TimeRange timeRange) {
    public AppendSpec {
        sources = List.copyOf(sources);
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("nothing to append: give log files or a store");
        }
        itemFiles = List.copyOf(itemFiles);
        Objects.requireNonNull(pseudonymizer, "pseudonymizer");
        Objects.requireNonNull(timeRange, "timeRange");
    }

    /** The files of {@code inputs}, not strict, without a key, accepting every time. */
    public static AppendSpec of(List<InputSpec> inputs) {
        return new AppendSpec(inputs.stream().map(RowSource::of).toList(), List.of(), false, Optional.empty(), false,
                TimeRange.ANY);
    }

    public AppendSpec withStrict(boolean value) {
        return new AppendSpec(sources, itemFiles, value, pseudonymizer, sourcesPseudonymised, timeRange);
    }

    public AppendSpec withPseudonymizer(Pseudonymizer value) {
        return new AppendSpec(sources, itemFiles, strict, Optional.of(value), sourcesPseudonymised, timeRange);
    }

    public AppendSpec withTimeRange(TimeRange value) {
        return new AppendSpec(sources, itemFiles, strict, pseudonymizer, sourcesPseudonymised, value);
    }
}

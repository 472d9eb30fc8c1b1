package dev.seqmind.cli.data;

import dev.seqmind.data.collect.TimeRange;
import dev.seqmind.data.error.InvalidParameterException;
import dev.seqmind.data.ingest.AppendSpec;
import dev.seqmind.data.ingest.Appender;
import dev.seqmind.data.ingest.IngestSpec;
import dev.seqmind.data.ingest.RowSource;
import dev.seqmind.data.privacy.Pseudonymizer;
import dev.seqmind.data.progress.Progress;
import dev.seqmind.data.store.DatasetStore;
import dev.seqmind.server.store.StoreRows;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code seqmind ingest --append}: the options of one ingest turned into an {@link AppendSpec} on an existing
 * dataset directory. Cleaning options are refused: an append keeps the dataset's own rules.
 */
public final class IngestAppend {
    private IngestAppend() {
    }

    /** Runs the append of {@code files} and {@code stores} to {@code dir}. */
    public static Appender.Result run(Path dir, List<Path> files, List<String> stores, boolean storePseudonymised,
                                      IngestOptions o, Progress progress) throws IOException {
        if (o.dedup || o.dropRepeats || !o.keepActions.isEmpty() || o.sessionGap != null || o.kCore != null
                || o.userCore != null || o.itemCore != null || o.minLength > 0 || o.maxLength > 0
                || !o.actionWeights.isEmpty()) {
            throw new InvalidParameterException("cleaning options with --append", "given", "absent",
                    "an append applies the dataset's own rules, recorded in " + dir.resolve(DatasetStore.MANIFEST));
        }
        var info = DatasetStore.readInfo(dir).info();
        List<RowSource> sources = new ArrayList<>();
        if (!files.isEmpty()) {
            IngestSpec spec = o.toSpec(info.name(), files);
            spec.inputs().forEach(in -> sources.add(RowSource.of(in)));
        }
        for (String s : stores) {
            sources.add(new StoreRows(s, info));
        }
        if (sources.isEmpty()) {
            throw new InvalidParameterException("FILE or --from-store", "none", "at least one source of new events");
        }
        Optional<Pseudonymizer> key = Optional.empty();
        if (info.pseudonymised() && !(storePseudonymised && files.isEmpty())) {
            key = Optional.of(o.keyFile != null ? Pseudonymizer.fromKeyFile(o.keyFile) : Pseudonymizer.fromEnvironment());
        }
        if (storePseudonymised && !files.isEmpty()) {
            throw new InvalidParameterException("--store-pseudonymized", "with log files", "used with --from-store "
                    + "alone", "append the files and the store in two runs");
        }
        List<IngestSpec.ItemFile> items = new ArrayList<>();
        for (Path f : o.itemFiles) {
            items.add(new IngestSpec.ItemFile(f, ItemFileFormats.readerFor(f)));
        }
        AppendSpec spec = new AppendSpec(sources, items, o.strict, key, storePseudonymised,
                TimeRange.parse(o.timeRange, Instant.now()));
        return new Appender(progress).append(dir, spec);
    }
}

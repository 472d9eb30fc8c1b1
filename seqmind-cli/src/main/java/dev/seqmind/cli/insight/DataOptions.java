package dev.seqmind.cli.insight;

import dev.seqmind.cli.console.TerminalProgress;
import dev.seqmind.cli.data.DatasetOptions;
import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.data.progress.Progress;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;

/** The dataset options the insight commands share (a picocli mixin). */
public final class DataOptions {
    @Option(names = {"--data", "--dataset"}, required = true,
            description = "A dataset directory (seqmind ingest) or a log file (format detected).")
    Path data;

    @Option(names = "--format", description = "Format of --data when a file: csv, tsv, jsonl, movielens, sasrec, ...")
    String format;

    @Option(names = "--items", description = "Item table with a header (id first; title, genres/categories).")
    Path items;

    SequenceDataset load(boolean quiet) throws IOException {
        return load(data, format, items, TerminalProgress.stderr(quiet));
    }

    /** Opens data as evaluate and train do ({@link DatasetOptions#load}). */
    static SequenceDataset load(Path data, String format, Path items, Progress progress) throws IOException {
        DatasetOptions open = new DatasetOptions();
        open.data = data;
        open.format = format;
        open.items = items;
        return open.load(progress);
    }
}

package dev.seqmind.cli.data;

import dev.seqmind.data.collect.TimeRange;
import dev.seqmind.data.error.InvalidParameterException;
import dev.seqmind.data.ingest.IngestSpec;
import dev.seqmind.data.ingest.Ingestor;
import dev.seqmind.data.ingest.InputSpec;
import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.data.progress.Progress;
import dev.seqmind.data.read.AttributesJsonReader;
import dev.seqmind.data.read.InputFiles;
import dev.seqmind.data.read.InputFormat;
import dev.seqmind.data.read.ItemCatalogReader;
import dev.seqmind.data.read.ItemTableReader;
import dev.seqmind.data.split.ColdItemSplitter;
import dev.seqmind.data.split.LeaveOneOutSplitter;
import dev.seqmind.data.split.Split;
import dev.seqmind.data.split.TemporalSplitter;
import dev.seqmind.data.store.DatasetStore;
import picocli.CommandLine.Option;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * The dataset options every command that fits models shares ({@code evaluate}, {@code train}): {@code --data} names a
 * dataset directory written by {@code seqmind ingest} (cleaned, maybe pseudonymised) or a log file read with the
 * ingest's readers and row checks; {@code --items} adds titles; {@code --split} chooses the protocol. A picocli
 * mixin, so both commands open data and split it the same way.
 */
public final class DatasetOptions {
    /** The protocols {@code --split} accepts. */
    public static final class SplitNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of("leave-one-out", "temporal", "cold-items").iterator();
        }
    }

    @Option(names = "--data", required = true, paramLabel = "DIR|FILE",
            description = "A dataset directory written by 'seqmind ingest', or a log file (format detected; read with "
                    + "the ingest's row checks, no cleaning steps).")
    public Path data;

    @Option(names = "--format", paramLabel = "FORMAT", completionCandidates = FormatNames.class,
            description = "Format of --data when it is a file and detection is not wanted: ${COMPLETION-CANDIDATES}.")
    public String format;

    @Option(names = "--items", paramLabel = "FILE",
            description = "Item table with a header (id first; title, genres/categories) added to the catalog, or an "
                    + "S3-Rec *_item2attributes.json (attributes become categories).")
    public Path items;

    @Option(names = "--split", defaultValue = "leave-one-out", completionCandidates = SplitNames.class,
            description = "Protocol: leave-one-out (each user's last event is the test target, the one before it "
                    + "validation), temporal (global cut at the 80%%/90%% time quantiles) or cold-items (leave-one-out "
                    + "with --cold-item-fraction of the items held out of training). Default: ${DEFAULT-VALUE}.")
    public String split = "leave-one-out";

    @Option(names = "--cold-item-fraction", defaultValue = "0.1",
            description = "Share of items that --split cold-items holds out of training. Default: ${DEFAULT-VALUE}.")
    public double coldItemFraction = 0.1;

    @Option(names = "--time-range", paramLabel = "FROM..TO", defaultValue = "default",
            description = "When --data is a log file: accepted timestamps (see 'seqmind ingest --help'). "
                    + "Default: ${DEFAULT-VALUE}.")
    public String timeRange = "default";

    /** Opens {@code --data} (and merges {@code --items}). */
    public SequenceDataset load(Progress progress) throws IOException {
        SequenceDataset ds;
        if (Files.isDirectory(data)) {
            ds = DatasetStore.open(data);
        } else {
            InputFiles.requireExists(data);
            InputFormat f = format == null ? InputFormat.detect(data) : InputFormat.byName(format, "--format");
            String name = data.getFileName().toString().replaceFirst("\\.(txt|csv|tsv|dat|inter|jsonl)(\\.gz)?$", "");
            IngestSpec spec = IngestSpec.of(name, InputSpec.of(data, f))
                    .withTimeRange(TimeRange.parse(timeRange, Instant.now()));
            ds = new Ingestor(progress).run(spec).dataset();
        }
        if (items != null) {
            boolean json = items.getFileName().toString().toLowerCase(Locale.ROOT)
                    .replaceFirst("\\.gz$", "").endsWith(".json");
            ItemCatalogReader reader = json ? new AttributesJsonReader() : itemTable(items);
            ds = ds.withCatalog(ds.catalog().merge(reader.read(items)));
        }
        return ds;
    }

    /** Splits {@code ds} by {@code --split}; {@code seed} draws the cold items. */
    public Split split(SequenceDataset ds, long seed) {
        return switch (split) {
            case "leave-one-out" -> new LeaveOneOutSplitter().split(ds);
            case "temporal" -> new TemporalSplitter(0.8, 0.9, 1).split(ds);
            case "cold-items" -> new ColdItemSplitter(coldItemFraction, seed).split(ds);
            default -> throw new InvalidParameterException("--split", split, "leave-one-out, temporal or cold-items");
        };
    }

    /** The options as typed, for a report's or model card's command line. */
    public String describe() {
        return "--data " + data + (format == null ? "" : " --format " + format)
                + (items == null ? "" : " --items " + items) + " --split " + split
                + ("cold-items".equals(split) ? " --cold-item-fraction " + coldItemFraction : "");
    }

    /** A tab- or comma-separated item table with a header: first column = id, plus title and genres/categories. */
    public static ItemTableReader itemTable(Path file) throws IOException {
        String header;
        try (BufferedReader r = new BufferedReader(
                new InputStreamReader(InputFiles.open(file), StandardCharsets.UTF_8))) {
            header = r.readLine();
        }
        if (header == null) {
            throw new InvalidParameterException("--items", file, "a table with a header line");
        }
        String delim = header.contains("\t") ? "\t" : ",";
        String[] cols = header.split(delim);
        String title = null;
        String cats = null;
        for (String c : cols) {
            String lc = c.trim().toLowerCase(Locale.ROOT);
            if (title == null && (lc.equals("title") || lc.equals("name"))) {
                title = c.trim();
            }
            if (cats == null && (lc.equals("genres") || lc.equals("categories") || lc.equals("category"))) {
                cats = c.trim();
            }
        }
        return ItemTableReader.withHeader(delim, cols[0].trim(), title, cats, "\\|");
    }
}

package dev.seqmind.cli.rec;

import dev.seqmind.data.error.InvalidParameterException;
import dev.seqmind.data.ingest.IngestSpec;
import dev.seqmind.data.ingest.Ingestor;
import dev.seqmind.data.ingest.InputSpec;
import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.data.progress.Progress;
import dev.seqmind.data.read.InputFiles;
import dev.seqmind.data.read.InputFormat;
import dev.seqmind.data.read.ItemTableReader;
import dev.seqmind.data.store.DatasetStore;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Opens what {@code --data} names: a dataset directory written by {@code seqmind ingest}, or a log file. */
final class DatasetLoader {
    private DatasetLoader() {
    }

    static SequenceDataset load(Path data, String format, Path items, Progress progress) throws IOException {
        SequenceDataset ds;
        if (Files.isDirectory(data)) {
            ds = DatasetStore.open(data);
        } else {
            InputFiles.requireExists(data);
            InputFormat f = format == null ? InputFormat.detect(data) : parseFormat(format);
            String name = data.getFileName().toString().replaceFirst("\\.(txt|csv|tsv|dat|inter|jsonl)(\\.gz)?$", "");
            IngestSpec spec = IngestSpec.of(name, InputSpec.of(data, f));
            ds = new Ingestor(progress).run(spec).dataset();
        }
        if (items != null) {
            ds = ds.withCatalog(ds.catalog().merge(itemTable(items).read(items)));
        }
        return ds;
    }

    private static InputFormat parseFormat(String format) {
        try {
            return InputFormat.valueOf(format.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException("--format", format, "one of " + List.of(InputFormat.values())
                    .toString().toLowerCase(Locale.ROOT));
        }
    }

    /** A tab- or comma-separated item table with a header: first column = id, plus title and genres/categories. */
    static ItemTableReader itemTable(Path file) throws IOException {
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

package dev.seqmind.data.read;

import dev.seqmind.data.error.InputFormatException;
import dev.seqmind.data.error.InvalidParameterException;
import dev.seqmind.data.model.Interaction;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The log formats seqmind reads, and how to tell them from a file's name and first line. */
public enum InputFormat {
    /** Comma-separated with a header; columns found by name (see {@link #DEFAULT_COLUMNS}). */
    CSV,
    /** Tab-separated with a header. */
    TSV,
    /** One JSON object per line. */
    JSONL,
    /** MovieLens 1M/10M {@code ratings.dat}. */
    MOVIELENS,
    /** MovieLens 100K {@code u.data}. */
    ML100K,
    /** SASRec/BERT4Rec {@code user item} lines in time order. */
    SASREC,
    /** One user per line: {@code user item1 item2 ...} (S3-Rec). */
    SEQUENCES,
    /** SPMF sequence database. */
    SPMF,
    /** RecBole atomic {@code .inter}. */
    RECBOLE,
    /** Taobao UserBehavior {@code user,item,category,behavior,timestamp}. */
    TAOBAO;

    /** The formats' names as users type them. */
    public static List<String> names() {
        return Arrays.stream(values()).map(f -> f.name().toLowerCase(Locale.ROOT)).toList();
    }

    /**
     * The format called {@code name} (case-insensitive).
     *
     * @throws InvalidParameterException naming {@code option} and every accepted name
     */
    public static InputFormat byName(String name, String option) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException(option, name, "one of " + String.join(", ", names()));
        }
    }

    /** Header names tried, in order, when columns are not given. */
    public static final ColumnMapping DEFAULT_COLUMNS = new ColumnMapping(
            ColumnRef.byName("user_id|user|userid|uid|visitorid|customer_id|session_id|session"),
            ColumnRef.byName("item_id|item|itemid|iid|product_id|product|movie_id|movieid|sku"),
            null, null, null);

    private static final ColumnRef ACTION_NAMES =
            ColumnRef.byName("action|behavior|behaviour|event|event_type|type").asOptional();
    private static final ColumnRef TIME_NAMES =
            ColumnRef.byName("timestamp|time|ts|datetime|date|event_time").asOptional();
    private static final ColumnRef CATEGORY_NAMES = ColumnRef.byName("category|category_id|categories").asOptional();
    private static final ColumnMapping TABULAR_DEFAULTS = new ColumnMapping(DEFAULT_COLUMNS.user(),
            DEFAULT_COLUMNS.item(), ACTION_NAMES, TIME_NAMES, CATEGORY_NAMES);

    /**
     * The reader for this format. {@code columns} overrides the default column mapping (CSV, TSV, JSONL only; null
     * for the defaults, which also find action and time columns by their usual names when the file has them).
     */
    public InteractionReader reader(ColumnMapping columns, TimeFormat time) {
        TimeFormat tf = time == null ? TimeFormat.AUTO : time;
        return switch (this) {
            case CSV -> new DelimitedReader(DelimitedFormat.csv(orDefaults(columns)).withTimeFormat(tf));
            case TSV -> new DelimitedReader(DelimitedFormat.csv(orDefaults(columns)).withDelimiter("\t")
                    .withTimeFormat(tf));
            case JSONL -> new JsonLinesReader(orDefaults(columns), tf, Interaction.DEFAULT_ACTION);
            case MOVIELENS -> new DelimitedReader(DelimitedFormat.movieLensDat());
            case ML100K -> new DelimitedReader(DelimitedFormat.movieLens100k());
            case SASREC -> new DelimitedReader(new DelimitedFormat(FieldSplitter.WHITESPACE, HeaderMode.ABSENT, false,
                    StandardCharsets.UTF_8, new ColumnMapping(ColumnRef.byIndex(0), ColumnRef.byIndex(1), null, null,
                    null), TimeFormat.AUTO, Interaction.DEFAULT_ACTION));
            case SEQUENCES -> new SequenceLinesReader();
            case SPMF -> new SpmfSequenceReader();
            case RECBOLE -> new DelimitedReader(DelimitedFormat.recBoleInter());
            case TAOBAO -> new DelimitedReader(columns == null ? DelimitedFormat.taobao()
                    : DelimitedFormat.taobao().withColumns(columns));
        };
    }

    private static ColumnMapping orDefaults(ColumnMapping columns) {
        return columns != null ? columns : TABULAR_DEFAULTS;
    }

    /** Guesses the format from the file name, and for {@code .txt} files from the first line. */
    public static InputFormat detect(Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".gz")) {
            name = name.substring(0, name.length() - 3);
        }
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json")) {
            return JSONL;
        }
        if (name.equals("u.data")) {
            return ML100K;
        }
        if (name.endsWith(".dat")) {
            return MOVIELENS;
        }
        if (name.endsWith(".inter")) {
            return RECBOLE;
        }
        if (name.startsWith("userbehavior")) {
            return TAOBAO;
        }
        if (name.endsWith(".tsv")) {
            return TSV;
        }
        if (name.endsWith(".csv")) {
            return CSV;
        }
        return sniffText(file);
    }

    private static InputFormat sniffText(Path file) throws IOException {
        FieldSplitter f = new FieldSplitter(FieldSplitter.WHITESPACE, false);
        try (LineReader lines = new LineReader(InputFiles.open(file))) {
            while (lines.next()) {
                byte first = lines.buffer()[lines.start()];
                if (lines.isBlank() || first == '#' || first == '@' || first == '%') {
                    continue;
                }
                int n = f.split(lines.buffer(), lines.start(), lines.end());
                for (int i = 0; i < n; i++) {
                    long v = f.canonical(i);
                    if (v == -1 || v == -2) {
                        return SPMF;
                    }
                }
                if (n == 2) {
                    return SASREC;
                }
                if (n > 2) {
                    return SEQUENCES;
                }
                break;
            }
        }
        throw new InputFormatException(file.toString(), 1, "", "cannot tell the format from the name or first line: "
                + "give --format (csv, tsv, jsonl, movielens, ml100k, sasrec, sequences, spmf, recbole, taobao)");
    }
}

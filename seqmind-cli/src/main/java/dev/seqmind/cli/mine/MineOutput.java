package dev.seqmind.cli.mine;

import dev.seqmind.data.model.IdMap;
import dev.seqmind.data.model.ItemCatalog;
import dev.seqmind.mining.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** Output options shared by the mine commands. */
public final class MineOutput {
    /** How results are printed. */
    enum Format { HUMAN, TSV, JSONL, SPMF }

    @Option(names = "--format", defaultValue = "HUMAN", description = "human (sorted, with titles), tsv, jsonl or "
            + "spmf (default: ${DEFAULT-VALUE}).", converter = FormatConverter.class)
    Format format;

    @Option(names = {"-o", "--output"}, description = "Write to this file instead of standard output.")
    Path output;

    @Option(names = "--limit", defaultValue = "50", description = "Human format: show this many (default: "
            + "${DEFAULT-VALUE}; 0 = all).")
    int limit;

    @Option(names = "--grep", description = "Human format: only results whose ids or titles contain this text "
            + "(case-insensitive).")
    String grep;

    /** Converts format names case-insensitively. */
    static final class FormatConverter implements ITypeConverter<Format> {
        @Override
        public Format convert(String value) {
            return Format.valueOf(value.toUpperCase(Locale.ROOT));
        }
    }

    /** A writer on the output file or on {@code stdout}; the caller flushes (and closes a file writer). */
    Writer open(PrintWriter stdout) {
        if (output == null) {
            return stdout;
        }
        try {
            Path parent = output.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            return new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(output), StandardCharsets.UTF_8),
                    1 << 16);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + output, e);
        }
    }

    void close(Writer w) {
        try {
            if (output != null) {
                w.close();
            } else {
                w.flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + output, e);
        }
    }

    /** {@code id "title"} when the catalog has a title, else the id. */
    static String describe(IdMap items, ItemCatalog catalog, int dense) {
        String id = items.externalId(dense);
        String title = catalog.isEmpty() ? "" : catalog.get(id).title();
        return title == null || title.isEmpty() ? id : id + " \"" + title + "\"";
    }

    /** The items' {@link #describe descriptions}, comma-separated. */
    static String describeAll(IdMap items, ItemCatalog catalog, int[] dense) {
        return describeAll(items, catalog, dense, ", ");
    }

    /** The items' {@link #describe descriptions}, joined by {@code separator}. */
    static String describeAll(IdMap items, ItemCatalog catalog, int[] dense, String separator) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < dense.length; i++) {
            sb.append(i == 0 ? "" : separator).append(describe(items, catalog, dense[i]));
        }
        return sb.toString();
    }

    boolean matches(String text) {
        return grep == null || text.toLowerCase(Locale.ROOT).contains(grep.toLowerCase(Locale.ROOT));
    }

    /**
     * Human format, after {@code shown} lines: true (and prints how to see the rest) when {@code --limit} is reached.
     */
    boolean limitReached(PrintWriter pw, int shown) {
        if (shown == limit) {
            pw.printf("... (%d shown; --limit 0 shows all, --format tsv writes all)%n", shown);
            return true;
        }
        return false;
    }

    /**
     * Human format: one line per pattern in the given order (support, percentage of {@code total}, its text), only
     * those whose text {@link #matches} {@code --grep}, at most {@code --limit}.
     */
    void printPatterns(PrintWriter pw, List<Pattern> patterns, Function<Pattern, String> text, long total) {
        int shown = 0;
        for (Pattern p : patterns) {
            String t = text.apply(p);
            if (!matches(t)) {
                continue;
            }
            pw.printf(Locale.ROOT, "%8d  %6.2f%%  %s%n", p.support(), 100.0 * p.support() / total, t);
            if (limitReached(pw, ++shown)) {
                break;
            }
        }
    }
}

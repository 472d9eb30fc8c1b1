package dev.seqmind.mining;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Objects;
import java.util.function.IntFunction;

/**
 * Writes each pattern as one line of a {@link PatternFormat}, with items shown by {@code label} (usually the external
 * id). Keeps nothing in memory. {@link #finish()} flushes but does not close the writer. Not thread-safe (miners
 * serialise calls to sinks).
 */
public final class PatternWriter implements PatternSink {
    private final Writer out;
    private final PatternFormat format;
    private final boolean sequences;
    private final IntFunction<String> label;
    private final long total;
    private final StringBuilder line = new StringBuilder(128);
    private boolean headerDone;

    /**
     * @param sequences true for sequential patterns (itemset separators shown), false for itemsets
     * @param total     the number of sequences or transactions, for relative support
     */
    public PatternWriter(Writer out, PatternFormat format, boolean sequences, IntFunction<String> label, long total) {
        this.out = Objects.requireNonNull(out, "out");
        this.format = Objects.requireNonNull(format, "format");
        this.sequences = sequences;
        this.label = Objects.requireNonNull(label, "label");
        this.total = Math.max(1, total);
    }

    @Override
    public void accept(int[] items, int length, long support) {
        line.setLength(0);
        if (!headerDone && format == PatternFormat.TSV) {
            line.append("pattern\titems\tsupport\trelative_support\n");
        }
        headerDone = true;
        switch (format) {
            case TSV -> {
                for (int i = 0; i < length; i++) {
                    if (i > 0) {
                        line.append(' ');
                    }
                    line.append(items[i] == ITEMSET_END ? "|" : label.apply(items[i]));
                }
                line.append('\t').append(PatternSink.itemCount(items, length)).append('\t').append(support)
                        .append('\t').append((double) support / total).append('\n');
            }
            case JSONL -> {
                line.append("{\"pattern\":[");
                if (sequences) {
                    line.append('[');
                }
                boolean first = true;
                for (int i = 0; i < length; i++) {
                    if (items[i] == ITEMSET_END) {
                        line.append("],[");
                        first = true;
                        continue;
                    }
                    if (!first) {
                        line.append(',');
                    }
                    first = false;
                    appendJsonString(line, label.apply(items[i]));
                }
                if (sequences) {
                    line.append(']');
                }
                line.append("],\"support\":").append(support).append(",\"relativeSupport\":")
                        .append((double) support / total).append("}\n");
            }
            case SPMF -> {
                for (int i = 0; i < length; i++) {
                    if (items[i] == ITEMSET_END) {
                        line.append("-1 ");
                    } else {
                        line.append(label.apply(items[i])).append(' ');
                    }
                }
                if (sequences) {
                    line.append("-1 ");
                }
                line.append("#SUP: ").append(support).append('\n');
            }
        }
        try {
            out.append(line);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write patterns", e);
        }
    }

    @Override
    public void finish() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write patterns", e);
        }
    }

    /** Appends {@code s} as a JSON string literal. */
    static void appendJsonString(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}

package dev.seqmind.data.read;

import dev.seqmind.data.collect.CanonicalNumber;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Splits one line of delimited text into fields, in place. A field may be quoted with {@code "} (RFC 4180 within one
 * line: {@code ""} inside quotes is a quote). Delimiters are one or more bytes ({@code ","}, {@code "\t"},
 * {@code "::"}); {@link #WHITESPACE} splits on runs of spaces and tabs. Not thread-safe; reused line after line.
 */
public final class FieldSplitter {
    /** Splits on runs of blanks (spaces and tabs), ignoring leading and trailing ones. */
    public static final String WHITESPACE = " +";

    private final byte[] delimiter;
    private final boolean whitespace;
    private final boolean quotes;
    private int[] starts = new int[16];
    private int[] ends = new int[16];
    private boolean[] quoted = new boolean[16];
    private int count;
    private byte[] buf;
    private boolean unbalancedQuote;

    public FieldSplitter(String delimiter, boolean quotes) {
        this.whitespace = WHITESPACE.equals(delimiter);
        this.delimiter = delimiter.getBytes(StandardCharsets.ISO_8859_1);
        this.quotes = quotes;
        if (!whitespace && this.delimiter.length == 0) {
            throw new IllegalArgumentException("empty delimiter");
        }
    }

    /** Splits {@code line[from, to)}; returns the number of fields. */
    public int split(byte[] line, int from, int to) {
        buf = line;
        count = 0;
        unbalancedQuote = false;
        if (whitespace) {
            int i = from;
            while (i < to) {
                while (i < to && (line[i] == ' ' || line[i] == '\t')) {
                    i++;
                }
                if (i >= to) {
                    break;
                }
                int s = i;
                while (i < to && line[i] != ' ' && line[i] != '\t') {
                    i++;
                }
                add(s, i, false);
            }
            return count;
        }
        int i = from;
        byte d0 = delimiter[0];
        int dl = delimiter.length;
        while (true) {
            if (quotes && i < to && line[i] == '"') {
                int s = i + 1;
                int j = s;
                while (true) {
                    if (j >= to) {
                        unbalancedQuote = true;
                        break;
                    }
                    if (line[j] == '"') {
                        if (j + 1 < to && line[j + 1] == '"') {
                            j += 2;
                            continue;
                        }
                        break;
                    }
                    j++;
                }
                add(s, Math.min(j, to), true);
                i = Math.min(j + 1, to);
                // skip to the delimiter after the closing quote
                while (i < to && !isDelimiter(line, i, to, d0, dl)) {
                    i++;
                }
            } else {
                int s = i;
                while (i < to && !isDelimiter(line, i, to, d0, dl)) {
                    i++;
                }
                add(s, i, false);
            }
            if (i >= to) {
                return count;
            }
            i += dl;
            if (i >= to) {
                add(to, to, false); // trailing delimiter: one more, empty field
                return count;
            }
        }
    }

    private boolean isDelimiter(byte[] line, int i, int to, byte d0, int dl) {
        if (line[i] != d0) {
            return false;
        }
        if (dl == 1) {
            return true;
        }
        if (i + dl > to) {
            return false;
        }
        for (int k = 1; k < dl; k++) {
            if (line[i + k] != delimiter[k]) {
                return false;
            }
        }
        return true;
    }

    private void add(int s, int e, boolean q) {
        if (count == starts.length) {
            starts = Arrays.copyOf(starts, count * 2);
            ends = Arrays.copyOf(ends, count * 2);
            quoted = Arrays.copyOf(quoted, count * 2);
        }
        starts[count] = s;
        ends[count] = e;
        quoted[count] = q;
        count++;
    }

    public int count() {
        return count;
    }

    /** True when the line had a quote that never closed. */
    public boolean unbalancedQuote() {
        return unbalancedQuote;
    }

    /** True when the (unquoted) field's bytes equal {@code value}: lets callers skip decoding repeated values. */
    public boolean bytesEqual(int field, byte[] value) {
        int s = starts[field];
        int len = ends[field] - s;
        if (quoted[field] || len != value.length) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            if (buf[s + i] != value[i]) {
                return false;
            }
        }
        return true;
    }

    /** A copy of the field's raw bytes. */
    public byte[] bytes(int field) {
        return Arrays.copyOfRange(buf, starts[field], ends[field]);
    }

    public boolean isEmpty(int field) {
        return ends[field] == starts[field];
    }

    /** The field as a canonical number, or {@link dev.seqmind.data.collect.CanonicalNumber#NOT_CANONICAL}. */
    public long canonical(int field) {
        if (quoted[field]) {
            return CanonicalNumber.NOT_CANONICAL;
        }
        return CanonicalNumber.parse(buf, starts[field], ends[field]);
    }

    /** The field's text, quotes removed and {@code ""} unescaped, trimmed of surrounding blanks when unquoted. */
    public String string(int field, Charset charset) {
        int s = starts[field];
        int e = ends[field];
        if (!quoted[field]) {
            while (s < e && (buf[s] == ' ' || buf[s] == '\t')) {
                s++;
            }
            while (e > s && (buf[e - 1] == ' ' || buf[e - 1] == '\t')) {
                e--;
            }
            return new String(buf, s, e - s, charset);
        }
        String raw = new String(buf, s, e - s, charset);
        return raw.indexOf('"') < 0 ? raw : raw.replace("\"\"", "\"");
    }
}

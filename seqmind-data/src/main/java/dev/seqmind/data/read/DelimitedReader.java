package dev.seqmind.data.read;

import dev.seqmind.data.error.InputFormatException;
import dev.seqmind.data.collect.CanonicalNumber;
import dev.seqmind.data.collect.EventCollector;
import dev.seqmind.data.model.TimeKind;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads delimited logs (CSV, TSV, {@code ::}) described by a {@link DelimitedFormat}. Ids written as plain numbers
 * take a no-allocation path; everything else is decoded in the format's charset. Stateless and thread-safe.
 */
public final class DelimitedReader implements InteractionReader {
    private static final Pattern HEADER_WORD = Pattern.compile(
            "(?i)(user|item|product|movie|session|time|timestamp|date|action|behavior|behaviour|event|rating|category)"
                    + "([_ ]?id)?(:\\w+)?");

    private final DelimitedFormat format;

    public DelimitedReader(DelimitedFormat format) {
        this.format = format;
    }

    @Override
    public String format() {
        return "delimited";
    }

    @Override
    public void read(Path file, EventCollector out) throws IOException {
        String name = file.toString();
        out.beginFile(name);
        ColumnMapping m = format.columns();
        FieldSplitter f = new FieldSplitter(format.delimiter(), format.quotes());
        try (LineReader lines = new LineReader(InputFiles.open(file, out.bytesRead()))) {
            if (!lines.next()) {
                throw new InputFormatException(name, 0, "", "the file is empty");
            }
            f.split(lines.buffer(), lines.start(), lines.end());
            List<String> header = hasHeader(f) ? fields(f) : null;
            int user = m.user().resolve(header, name, "user");
            int item = m.item().resolve(header, name, "item");
            int action = m.action() == null ? -1 : m.action().resolve(header, name, "action");
            int time = m.time() == null ? -1 : m.time().resolve(header, name, "time");
            int category = m.category() == null ? -1 : m.category().resolve(header, name, "category");
            if (time < 0) {
                out.timeKind(TimeKind.ORDINAL); // no clock: file order is the time
            }
            int needed = Math.max(Math.max(user, item), Math.max(Math.max(action, time), category)) + 1;
            int expected = header != null ? Math.max(needed, header.size()) : -1; // else the first row's width
            int defaultAction = -1;
            ActionCache actions = new ActionCache(format.charset());
            boolean lineReady = header == null;
            while (lineReady || lines.next()) {
                lineReady = false;
                if (lines.isBlank()) {
                    continue;
                }
                long ln = lines.lineNumber();
                int n = f.split(lines.buffer(), lines.start(), lines.end());
                if (n < needed) {
                    out.reject("too few fields", ln, "", "expected at least " + needed + " fields separated by '"
                            + printable(format.delimiter()) + "', found " + n);
                    continue;
                }
                if (f.unbalancedQuote()) {
                    out.reject("unbalanced quote", ln, "", "a quoted field is not closed");
                    continue;
                }
                if (expected < 0) {
                    expected = n;
                } else if (n > expected) {
                    out.warn("extra fields (ignored)", ln, "", "expected " + expected + " fields, found " + n);
                }
                int u = id(f, user, out, true, ln);
                if (u == EventCollector.REJECTED) {
                    continue;
                }
                if (u < 0) {
                    out.reject("missing user", ln, "user", "empty");
                    continue;
                }
                int it = id(f, item, out, false, ln);
                if (it == EventCollector.REJECTED) {
                    continue;
                }
                if (it < 0) {
                    out.reject("missing item", ln, "item", "empty");
                    continue;
                }
                long t = ln;
                if (time >= 0) {
                    long c = f.canonical(time);
                    t = c != CanonicalNumber.NOT_CANONICAL ? format.timeFormat().fromNumber(c)
                            : format.timeFormat().parse(f.string(time, format.charset()));
                    if (t == TimeFormat.INVALID) {
                        out.reject("bad timestamp", ln, "time", "not a timestamp ("
                                + format.timeFormat().describe() + "): '" + clip(f.string(time, format.charset())) + "'");
                        continue;
                    }
                }
                int a;
                if (action >= 0 && !f.isEmpty(action)) {
                    a = actions.id(f, action, out, ln);
                    if (a == EventCollector.REJECTED) {
                        continue;
                    }
                } else {
                    if (defaultAction < 0) {
                        defaultAction = out.actionId(format.defaultAction());
                    }
                    a = defaultAction;
                }
                if (category >= 0 && !f.isEmpty(category)) {
                    out.noteCategory(it, f.string(category, format.charset()), ln, "category");
                }
                out.add(u, it, a, t, ln);
            }
        }
    }

    /** Maps action fields to ids without decoding a string per row: logs repeat a handful of action names. */
    private static final class ActionCache {
        private final Charset charset;
        private byte[][] keys = new byte[0][];
        private int[] ids = new int[0];

        ActionCache(Charset charset) {
            this.charset = charset;
        }

        int id(FieldSplitter f, int field, EventCollector out, long line) {
            for (int i = 0; i < keys.length; i++) {
                if (f.bytesEqual(field, keys[i])) {
                    return ids[i];
                }
            }
            int id = out.actionId(f.string(field, charset), line, "action");
            if (id != EventCollector.REJECTED && keys.length < 32) {
                keys = Arrays.copyOf(keys, keys.length + 1);
                ids = Arrays.copyOf(ids, ids.length + 1);
                keys[keys.length - 1] = f.bytes(field);
                ids[ids.length - 1] = id;
            }
            return id;
        }
    }

    private int id(FieldSplitter f, int field, EventCollector out, boolean isUser, long line) {
        long c = f.canonical(field);
        if (c != CanonicalNumber.NOT_CANONICAL) {
            return isUser ? out.userId(c) : out.itemId(c);
        }
        String s = f.string(field, format.charset());
        if (s.isEmpty()) {
            return -1;
        }
        return isUser ? out.userId(s, line, "user") : out.itemId(s, line, "item");
    }

    private boolean hasHeader(FieldSplitter f) {
        return switch (format.header()) {
            case PRESENT -> true;
            case ABSENT -> false;
            case AUTO -> {
                ColumnMapping m = format.columns();
                if (m.user().name() != null || m.item().name() != null) {
                    yield true;
                }
                for (String field : fields(f)) {
                    if (HEADER_WORD.matcher(field.trim()).matches()) {
                        yield true;
                    }
                }
                yield false;
            }
        };
    }

    private List<String> fields(FieldSplitter f) {
        List<String> out = new ArrayList<>(f.count());
        for (int i = 0; i < f.count(); i++) {
            String s = f.string(i, format.charset());
            out.add(i == 0 && s.startsWith("\uFEFF") ? s.substring(1) : s); // drop a UTF-8 byte-order mark
        }
        return out;
    }

    static String clip(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }

    private static String printable(String delimiter) {
        return delimiter.replace("\t", "\\t");
    }
}

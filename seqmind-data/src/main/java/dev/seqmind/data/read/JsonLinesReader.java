package dev.seqmind.data.read;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.seqmind.data.collect.EventCollector;
import dev.seqmind.data.model.TimeKind;

import java.io.IOException;
import java.nio.file.Path;

/**
 * JSON lines: one object per line, e.g. {@code {"user":"u1","item":"i9","action":"view","ts":"2024-05-01T10:00:00Z"}}.
 * Fields are named by the {@link ColumnMapping} (names only; a dotted name reaches into nested objects); values may
 * be strings or numbers. Stateless and thread-safe.
 */
public final class JsonLinesReader implements InteractionReader {
    private final ObjectMapper json = new ObjectMapper();
    private final ColumnMapping columns;
    private final TimeFormat timeFormat;
    private final String defaultAction;

    public JsonLinesReader(ColumnMapping columns, TimeFormat timeFormat, String defaultAction) {
        this.columns = columns;
        this.timeFormat = timeFormat;
        this.defaultAction = defaultAction;
    }

    @Override
    public String format() {
        return "jsonl";
    }

    @Override
    public void read(Path file, EventCollector out) throws IOException {
        out.beginFile(file.toString());
        if (columns.time() == null) {
            out.timeKind(TimeKind.ORDINAL);
        }
        try (LineReader lines = new LineReader(InputFiles.open(file, out.bytesRead()))) {
            while (lines.next()) {
                if (lines.isBlank()) {
                    continue;
                }
                long ln = lines.lineNumber();
                JsonNode node;
                try {
                    node = json.readTree(lines.buffer(), lines.start(), lines.end() - lines.start());
                } catch (JsonProcessingException e) {
                    out.reject("not JSON", ln, "", "not a JSON object: " + e.getOriginalMessage());
                    continue;
                }
                if (node == null || !node.isObject()) {
                    out.reject("not JSON", ln, "", "not a JSON object");
                    continue;
                }
                String user = text(node, columns.user());
                if (user == null || user.isEmpty()) {
                    out.reject("missing user", ln, columns.user().toString(), "missing or empty");
                    continue;
                }
                String item = text(node, columns.item());
                if (item == null || item.isEmpty()) {
                    out.reject("missing item", ln, columns.item().toString(), "missing or empty");
                    continue;
                }
                long t = ln;
                if (columns.time() != null) {
                    JsonNode tn = field(node, columns.time());
                    t = tn == null && columns.time().optional() ? ln
                            : tn == null ? TimeFormat.INVALID
                            : tn.isIntegralNumber() && tn.canConvertToLong() ? timeFormat.fromNumber(tn.longValue())
                            : timeFormat.parse(tn.asText());
                    if (t == TimeFormat.INVALID) {
                        out.reject("bad timestamp", ln, columns.time().toString(), "not a timestamp: '"
                                + DelimitedReader.clip(tn == null ? "" : tn.asText()) + "'");
                        continue;
                    }
                }
                String action = columns.action() == null ? null : text(node, columns.action());
                int a = out.actionId(action == null || action.isEmpty() ? defaultAction : action, ln,
                        String.valueOf(columns.action()));
                if (a == EventCollector.REJECTED) {
                    continue;
                }
                int u = out.userId(user, ln, columns.user().toString());
                if (u == EventCollector.REJECTED) {
                    continue;
                }
                int it = out.itemId(item, ln, columns.item().toString());
                if (it == EventCollector.REJECTED) {
                    continue;
                }
                if (columns.category() != null) {
                    String c = text(node, columns.category());
                    if (c != null) {
                        out.noteCategory(it, c, ln, columns.category().toString());
                    }
                }
                out.add(u, it, a, t, ln);
            }
        }
    }

    private static JsonNode field(JsonNode node, ColumnRef ref) {
        if (ref.name() == null) {
            return null;
        }
        for (String alternative : ref.name().split("\\|")) {
            JsonNode cur = node;
            for (String part : alternative.split("\\.")) {
                cur = cur == null ? null : cur.get(part);
            }
            if (cur != null && !cur.isNull()) {
                return cur;
            }
        }
        return null;
    }

    private static String text(JsonNode node, ColumnRef ref) {
        JsonNode v = field(node, ref);
        return v == null || v.isContainerNode() ? null : v.asText();
    }

}

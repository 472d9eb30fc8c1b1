package dev.seqmind.data.store;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.seqmind.data.error.InputFormatException;
import dev.seqmind.data.model.DatasetFingerprint;
import dev.seqmind.data.model.DatasetInfo;
import dev.seqmind.data.model.TimeKind;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The content of a dataset directory's {@code dataset.json}: cheap to read, enough to list or describe a dataset
 * without loading its events. Read and written with Jackson's streaming API rather than its object mapper, which
 * costs several hundred milliseconds to start in every fresh JVM.
 *
 * @param formatVersion  the directory layout version ({@link DatasetStore#FORMAT_VERSION} when written by this code)
 * @param info           name, sources, time kind, cleaning steps, pseudonymisation, action weights
 * @param fingerprint    counts and content hash of events and id maps
 * @param catalogItems   number of items with metadata (may exceed the item count: cold-start items)
 * @param eventsCrc32    CRC-32 of {@code events.bin}
 * @param namesCrc32     CRC-32 of {@code names.bin}
 * @param seqmindVersion version of the seqmind that wrote the directory
 * @param createdAt      when the directory was written
 */
public record StoreManifest(int formatVersion, DatasetInfo info, DatasetFingerprint fingerprint, int catalogItems,
                            long eventsCrc32, long namesCrc32, String seqmindVersion, Instant createdAt) {
    public StoreManifest {
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(seqmindVersion, "seqmindVersion");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    public int users() {
        return fingerprint.users();
    }

    public int items() {
        return fingerprint.items();
    }

    public long events() {
        return fingerprint.events();
    }

    /** The manifest as pretty-printed JSON. */
    String toJson() {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeNumberField("formatVersion", formatVersion);
            g.writeStringField("name", info.name());
            stringArray(g, "sources", info.sources());
            g.writeStringField("timeKind", info.timeKind().name());
            stringArray(g, "steps", info.steps());
            g.writeBooleanField("pseudonymised", info.pseudonymised());
            g.writeObjectFieldStart("actionWeights");
            for (Map.Entry<String, Double> e : new TreeMap<>(info.actionWeights()).entrySet()) {
                g.writeNumberField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
            g.writeObjectFieldStart("counts");
            g.writeNumberField("users", fingerprint.users());
            g.writeNumberField("items", fingerprint.items());
            g.writeNumberField("actions", fingerprint.actions());
            g.writeNumberField("events", fingerprint.events());
            g.writeNumberField("catalogItems", catalogItems);
            g.writeEndObject();
            g.writeStringField("fingerprint", fingerprint.sha256());
            g.writeObjectFieldStart("crc32");
            g.writeNumberField(DatasetStore.EVENTS, eventsCrc32);
            g.writeNumberField(DatasetStore.NAMES, namesCrc32);
            g.writeEndObject();
            g.writeStringField("seqmindVersion", seqmindVersion);
            g.writeStringField("createdAt", createdAt.toString());
            g.writeObjectFieldStart("files");
            g.writeStringField("database", DatasetStore.DATABASE);
            g.writeStringField("events", DatasetStore.EVENTS);
            g.writeStringField("names", DatasetStore.NAMES);
            g.writeEndObject();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to a string cannot fail", e);
        }
        return out + "\n";
    }

    private static void stringArray(JsonGenerator g, String name, List<String> values) throws IOException {
        g.writeArrayFieldStart(name);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }

    /**
     * Reads and checks {@code file}.
     *
     * @throws InputFormatException naming the file when it is missing, not JSON, lacks a field, or has a format
     *                              version this code does not read
     */
    static StoreManifest read(Path file) {
        String where = file.toString();
        Object parsed;
        try (JsonParser p = new JsonFactory().createParser(Files.readString(file))) {
            parsed = JsonValues.read(p, p.nextToken());
            if (p.nextToken() != null) {
                throw new InputFormatException(where, 0, "", "unexpected content after the JSON object");
            }
        } catch (NoSuchFileException e) {
            throw new InputFormatException(where, 0, "", "missing: this is not a seqmind dataset directory "
                    + "(create one with 'seqmind ingest')");
        } catch (IOException e) {
            throw new InputFormatException(where, 0, "", "not readable as JSON (" + e.getMessage().lines()
                    .findFirst().orElse("") + "); the dataset directory is damaged: ingest the data again");
        }
        if (!(parsed instanceof Map<?, ?> root)) {
            throw new InputFormatException(where, 0, "", "is not a JSON object; ingest the data again");
        }
        int version = (int) number(root, "formatVersion", where);
        if (version != DatasetStore.FORMAT_VERSION) {
            throw new InputFormatException(where, 0, "formatVersion", "version " + version
                    + " is not supported: this seqmind reads version " + DatasetStore.FORMAT_VERSION
                    + (version > DatasetStore.FORMAT_VERSION ? "; use the newer seqmind that wrote it" : "")
                    + " or ingest the data again");
        }
        TimeKind timeKind;
        String kind = text(root, "timeKind", where);
        try {
            timeKind = TimeKind.valueOf(kind);
        } catch (IllegalArgumentException e) {
            throw new InputFormatException(where, 0, "timeKind", "unknown value '" + kind + "'");
        }
        DatasetInfo info = new DatasetInfo(text(root, "name", where), strings(root, "sources", where), timeKind,
                strings(root, "steps", where), bool(root, "pseudonymised", where), weights(root, where));
        if (!(root.get("counts") instanceof Map<?, ?> counts)) {
            throw new InputFormatException(where, 0, "counts", "missing or not an object");
        }
        DatasetFingerprint fp;
        try {
            fp = new DatasetFingerprint(text(root, "fingerprint", where), (int) number(counts, "users", where),
                    (int) number(counts, "items", where), (int) number(counts, "actions", where),
                    number(counts, "events", where));
        } catch (IllegalArgumentException e) {
            throw new InputFormatException(where, 0, "fingerprint", e.getMessage());
        }
        Instant created;
        try {
            created = Instant.parse(text(root, "createdAt", where));
        } catch (DateTimeParseException e) {
            throw new InputFormatException(where, 0, "createdAt", "not an ISO-8601 instant");
        }
        if (!(root.get("crc32") instanceof Map<?, ?> crc)) {
            throw new InputFormatException(where, 0, "crc32", "missing or not an object");
        }
        return new StoreManifest(version, info, fp, (int) number(counts, "catalogItems", where),
                number(crc, DatasetStore.EVENTS, where), number(crc, DatasetStore.NAMES, where),
                text(root, "seqmindVersion", where), created);
    }

    private static Object field(Map<?, ?> node, String name, String where) {
        Object v = node.get(name);
        if (v == null) {
            throw new InputFormatException(where, 0, name, "missing; the dataset directory is damaged: ingest again");
        }
        return v;
    }

    private static long number(Map<?, ?> node, String name, String where) {
        Object v = field(node, name, where);
        if (!(v instanceof Long l) || l < 0 || l > Integer.MAX_VALUE && !name.equals("events") && !name.endsWith(".bin")) {
            throw new InputFormatException(where, 0, name, "must be a non-negative integer, but got " + v);
        }
        return l;
    }

    private static String text(Map<?, ?> node, String name, String where) {
        if (!(field(node, name, where) instanceof String s)) {
            throw new InputFormatException(where, 0, name, "must be a string, but got " + node.get(name));
        }
        return s;
    }

    private static boolean bool(Map<?, ?> node, String name, String where) {
        if (!(field(node, name, where) instanceof Boolean b)) {
            throw new InputFormatException(where, 0, name, "must be true or false, but got " + node.get(name));
        }
        return b;
    }

    /** Optional: a directory without {@code actionWeights} weighs every action 1. */
    private static Map<String, Double> weights(Map<?, ?> root, String where) {
        Object v = root.get("actionWeights");
        if (v == null) {
            return Map.of();
        }
        if (!(v instanceof Map<?, ?> m)) {
            throw new InputFormatException(where, 0, "actionWeights", "must be an object of numbers, but got " + v);
        }
        Map<String, Double> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : m.entrySet()) {
            if (!(e.getValue() instanceof Number num)) {
                throw new InputFormatException(where, 0, "actionWeights." + e.getKey(), "must be a number, but got "
                        + e.getValue());
            }
            out.put((String) e.getKey(), num.doubleValue());
        }
        return out;
    }

    private static List<String> strings(Map<?, ?> node, String name, String where) {
        if (!(field(node, name, where) instanceof List<?> list)) {
            throw new InputFormatException(where, 0, name, "must be an array of strings, but got " + node.get(name));
        }
        List<String> out = new ArrayList<>(list.size());
        for (Object o : list) {
            if (!(o instanceof String s)) {
                throw new InputFormatException(where, 0, name, "must be an array of strings, but holds " + o);
            }
            out.add(s);
        }
        return out;
    }

    /** Plain Java values from a streaming parser: Map, List, String, Long, Double, Boolean, or null. */
    private static final class JsonValues {
        private JsonValues() {
        }

        static Object read(JsonParser p, JsonToken t) throws IOException {
            if (t == null) {
                throw new com.fasterxml.jackson.core.JsonParseException(p, "empty document");
            }
            return switch (t) {
                case START_OBJECT -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    for (JsonToken k = p.nextToken(); k != JsonToken.END_OBJECT; k = p.nextToken()) {
                        String name = p.currentName();
                        m.put(name, read(p, p.nextToken()));
                    }
                    yield m;
                }
                case START_ARRAY -> {
                    List<Object> l = new ArrayList<>();
                    for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
                        l.add(read(p, e));
                    }
                    yield l;
                }
                case VALUE_STRING -> p.getText();
                case VALUE_NUMBER_INT -> p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                        ? (Object) p.getDoubleValue() : (Object) p.getLongValue();
                case VALUE_NUMBER_FLOAT -> p.getDoubleValue();
                case VALUE_TRUE -> Boolean.TRUE;
                case VALUE_FALSE -> Boolean.FALSE;
                case VALUE_NULL -> null;
                default -> throw new com.fasterxml.jackson.core.JsonParseException(p, "unexpected token " + t);
            };
        }
    }
}

package dev.seqmind.data.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.seqmind.data.error.InputFormatException;
import dev.seqmind.data.model.DatasetFingerprint;
import dev.seqmind.data.model.DatasetInfo;
import dev.seqmind.data.model.TimeKind;

import java.io.IOException;
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
 * without loading its events.
 *
 * @param formatVersion  the directory layout version ({@link DatasetStore#FORMAT_VERSION} when written by this code)
 * @param info           name, sources, time kind, cleaning steps, pseudonymisation
 * @param fingerprint    counts and content hash of events and id maps
 * @param catalogItems   number of items with metadata (may exceed the item count: cold-start items)
 * @param seqmindVersion version of the seqmind that wrote the directory
 * @param createdAt      when the directory was written
 */
public record StoreManifest(int formatVersion, DatasetInfo info, DatasetFingerprint fingerprint, int catalogItems,
                            String seqmindVersion, Instant createdAt) {
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
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("formatVersion", formatVersion);
        root.put("name", info.name());
        ArrayNode sources = root.putArray("sources");
        info.sources().forEach(sources::add);
        root.put("timeKind", info.timeKind().name());
        ArrayNode steps = root.putArray("steps");
        info.steps().forEach(steps::add);
        root.put("pseudonymised", info.pseudonymised());
        ObjectNode weights = root.putObject("actionWeights");
        new TreeMap<>(info.actionWeights()).forEach(weights::put);
        ObjectNode counts = root.putObject("counts");
        counts.put("users", fingerprint.users());
        counts.put("items", fingerprint.items());
        counts.put("actions", fingerprint.actions());
        counts.put("events", fingerprint.events());
        counts.put("catalogItems", catalogItems);
        root.put("fingerprint", fingerprint.sha256());
        root.put("seqmindVersion", seqmindVersion);
        root.put("createdAt", createdAt.toString());
        ObjectNode files = root.putObject("files");
        files.put("database", DatasetStore.DATABASE);
        files.put("events", DatasetStore.EVENTS);
        files.put("names", DatasetStore.NAMES);
        try {
            return mapper.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain values always serialises", e);
        }
    }

    /**
     * Reads and checks {@code file}.
     *
     * @throws InputFormatException naming the file when it is missing, not JSON, lacks a field, or has a format
     *                              version this code does not read
     */
    static StoreManifest read(Path file) {
        String where = file.toString();
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new InputFormatException(where, 0, "", "missing: this is not a seqmind dataset directory "
                    + "(create one with 'seqmind ingest')");
        } catch (IOException e) {
            throw new InputFormatException(where, 0, "", "not readable as JSON (" + e.getMessage().lines()
                    .findFirst().orElse("") + "); the dataset directory is damaged: ingest the data again");
        }
        if (root == null || !root.isObject()) {
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
        try {
            timeKind = TimeKind.valueOf(text(root, "timeKind", where));
        } catch (IllegalArgumentException e) {
            throw new InputFormatException(where, 0, "timeKind", "unknown value '" + root.get("timeKind").asText()
                    + "'");
        }
        DatasetInfo info = new DatasetInfo(text(root, "name", where), strings(root, "sources", where), timeKind,
                strings(root, "steps", where), bool(root, "pseudonymised", where), weights(root, where));
        JsonNode counts = root.get("counts");
        if (counts == null || !counts.isObject()) {
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
        return new StoreManifest(version, info, fp, (int) number(counts, "catalogItems", where),
                text(root, "seqmindVersion", where), created);
    }

    private static JsonNode field(JsonNode node, String name, String where) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            throw new InputFormatException(where, 0, name, "missing; the dataset directory is damaged: ingest again");
        }
        return v;
    }

    private static long number(JsonNode node, String name, String where) {
        JsonNode v = field(node, name, where);
        if (!v.canConvertToLong() || !v.isIntegralNumber() || v.asLong() < 0) {
            throw new InputFormatException(where, 0, name, "must be a non-negative integer, but got " + v);
        }
        return v.asLong();
    }

    private static String text(JsonNode node, String name, String where) {
        JsonNode v = field(node, name, where);
        if (!v.isTextual()) {
            throw new InputFormatException(where, 0, name, "must be a string, but got " + v);
        }
        return v.asText();
    }

    private static boolean bool(JsonNode node, String name, String where) {
        JsonNode v = field(node, name, where);
        if (!v.isBoolean()) {
            throw new InputFormatException(where, 0, name, "must be true or false, but got " + v);
        }
        return v.asBoolean();
    }

    /** Optional: a directory without {@code actionWeights} weighs every action 1. */
    private static Map<String, Double> weights(JsonNode root, String where) {
        JsonNode v = root.get("actionWeights");
        if (v == null || v.isNull()) {
            return Map.of();
        }
        if (!v.isObject()) {
            throw new InputFormatException(where, 0, "actionWeights", "must be an object of numbers, but got " + v);
        }
        Map<String, Double> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : v.properties()) {
            if (!e.getValue().isNumber()) {
                throw new InputFormatException(where, 0, "actionWeights." + e.getKey(), "must be a number, but got "
                        + e.getValue());
            }
            out.put(e.getKey(), e.getValue().asDouble());
        }
        return out;
    }

    private static List<String> strings(JsonNode node, String name, String where) {
        JsonNode v = field(node, name, where);
        if (!v.isArray()) {
            throw new InputFormatException(where, 0, name, "must be an array of strings, but got " + v);
        }
        List<String> out = new ArrayList<>(v.size());
        v.forEach(e -> out.add(e.asText()));
        return out;
    }
}

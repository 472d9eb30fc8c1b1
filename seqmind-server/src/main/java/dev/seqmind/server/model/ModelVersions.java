package dev.seqmind.server.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.seqmind.rec.store.ModelDirectory;
import dev.seqmind.rec.store.Provenance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every model directory a server has served under each name, numbered 1, 2, 3... in the order they were loaded or
 * promoted, with provenance (dataset fingerprint, trainer and parameters), when it was trained and its metrics (from
 * the directory's {@value #METRICS} when a retraining wrote one), and which version is active. A rollback activates
 * an earlier version again under its own number. Every change is written to a {@link VersionLog} first (the server's
 * is {@link StoredVersions}, in its store's database), so the list and the active versions outlive a restart; each
 * version's directory stays on disk, so it can be loaded again. Thread-safe.
 */
public final class ModelVersions implements AutoCloseable {
    /** The file in a model directory with its evaluation: {@code {"trained_at": ISO, "metrics": {name: value}}}. */
    public static final String METRICS = "metrics.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One version of a named model. */
    public record Version(String name, long version, Path dir, Instant trainedAt, Instant loadedAt,
                          Map<String, Object> metrics, Map<String, Object> provenance) {
        public Version {
            metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
            provenance = Collections.unmodifiableMap(new LinkedHashMap<>(provenance));
        }
    }

    private final Map<String, List<Version>> byName = new LinkedHashMap<>();
    private final Map<String, Long> active = new HashMap<>();
    private final VersionLog log;

    /** A list kept in memory only. */
    public ModelVersions() {
        this(VersionLog.NONE);
    }

    /** The list {@code log} holds, kept there as it changes. */
    public ModelVersions(VersionLog log) {
        this.log = log;
        List<Version> stored = new ArrayList<>(log.versions());
        stored.sort(java.util.Comparator.comparing(Version::name).thenComparingLong(Version::version));
        for (Version v : stored) {
            byName.computeIfAbsent(v.name(), n -> new ArrayList<>()).add(v);
        }
        log.active().forEach((name, version) -> {
            if (find(name, version).isPresent()) {
                active.put(name, version);
            }
        });
    }

    /** The number the next version of {@code name} gets. */
    public synchronized long next(String name) {
        List<Version> l = byName.get(name);
        return l == null ? 1 : l.get(l.size() - 1).version() + 1;
    }

    /** Records a newly served version (it becomes the active one). */
    public synchronized void add(Version v) {
        log.added(v);
        byName.computeIfAbsent(v.name(), n -> new ArrayList<>()).add(v);
        active.put(v.name(), v.version());
    }

    /** Marks an existing version active again (after a rollback). */
    public synchronized void activate(String name, long version) {
        log.activated(name, version);
        active.put(name, version);
    }

    /** The active version of {@code name}, if any. */
    public synchronized Optional<Version> active(String name) {
        Long a = active.get(name);
        return a == null ? Optional.empty() : find(name, a);
    }

    /**
     * The version a rollback of {@code name} goes to: {@code version} when given, else the newest one below the
     * active one.
     */
    public synchronized Optional<Version> rollbackTarget(String name, Long version) {
        Long a = active.get(name);
        if (a == null) {
            return Optional.empty();
        }
        if (version != null) {
            return find(name, version);
        }
        Version best = null;
        for (Version v : byName.get(name)) {
            if (v.version() < a && (best == null || v.version() > best.version())) {
                best = v;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The version of {@code name} loaded from {@code dir} (compared as absolute, normalised paths), if any. */
    public synchronized Optional<Version> find(String name, Path dir) {
        Path want = dir.toAbsolutePath().normalize();
        return byName.getOrDefault(name, List.of()).stream().filter(v -> v.dir().equals(want)).findFirst();
    }

    private Optional<Version> find(String name, long version) {
        return byName.getOrDefault(name, List.of()).stream().filter(v -> v.version() == version).findFirst();
    }

    /** Every version, by name, then number. */
    public synchronized List<Version> list() {
        List<Version> out = new ArrayList<>();
        byName.keySet().stream().sorted().forEach(n -> out.addAll(byName.get(n)));
        return out;
    }

    /** Closes the log. */
    @Override
    public void close() {
        log.close();
    }

    /** The version record of a loaded directory: provenance from {@code model.json}, metrics from {@value #METRICS}. */
    public static Version describe(String name, long version, ModelDirectory.Loaded loaded) {
        Path dir = loaded.dir().toAbsolutePath().normalize();
        Map<String, Object> metrics = new LinkedHashMap<>();
        Instant trained = null;
        Path file = dir.resolve(METRICS);
        if (Files.isRegularFile(file)) {
            try {
                JsonNode m = JSON.readTree(file.toFile());
                if (m.hasNonNull("trained_at")) {
                    trained = Instant.parse(m.get("trained_at").asText());
                }
                m.path("metrics").fields().forEachRemaining(e -> metrics.put(e.getKey(),
                        e.getValue().isNumber() ? e.getValue().doubleValue() : e.getValue().asText()));
            } catch (IOException | RuntimeException e) {
                metrics.put("unreadable", METRICS + ": " + e.getMessage());
            }
        }
        if (trained == null) {
            try {
                trained = Files.getLastModifiedTime(dir.resolve(ModelDirectory.META)).toInstant();
            } catch (IOException e) {
                trained = Instant.EPOCH;
            }
        }
        return new Version(name, version, dir, trained, Instant.now(), metrics, provenance(loaded));
    }

    private static Map<String, Object> provenance(ModelDirectory.Loaded loaded) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("type", loaded.meta().type());
        out.put("path", loaded.dir().toAbsolutePath().normalize().toString());
        Provenance p = loaded.meta().provenance();
        if (p != null) {
            out.put("dataset_name", p.datasetName());
            out.put("dataset_fingerprint", p.datasetFingerprint());
            out.put("users", p.users());
            out.put("items", p.items());
            out.put("events", p.events());
            out.put("trainer", p.trainer());
            out.put("params", p.params());
            out.put("seed", p.seed());
            out.put("seqmind_version", p.seqmindVersion());
            out.put("git_sha", p.gitSha());
        }
        return out;
    }
}

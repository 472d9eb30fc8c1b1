package dev.seqmind.server.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.seqmind.server.store.StoreDatabase;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The model version list in the server's own database (the {@code --store} SQLite file or PostgreSQL URL), in two
 * tables: {@code model_versions(name, version, dir, trained_at, loaded_at, metrics, provenance)} (metrics and
 * provenance as JSON) and {@code model_active(name, version)}. A new version and its activation are written in one
 * transaction, so a crash leaves either both or neither. Thread-safe.
 */
public final class StoredVersions implements VersionLog, AutoCloseable {
    private static final List<String> SCHEMA = List.of(
            "CREATE TABLE IF NOT EXISTS model_versions (name TEXT NOT NULL, version BIGINT NOT NULL, dir TEXT NOT NULL, "
                    + "trained_at TEXT NOT NULL, loaded_at TEXT NOT NULL, metrics TEXT NOT NULL, "
                    + "provenance TEXT NOT NULL, PRIMARY KEY (name, version))",
            "CREATE TABLE IF NOT EXISTS model_active (name TEXT PRIMARY KEY, version BIGINT NOT NULL)");
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };
    private static final String ACTIVATE = "INSERT INTO model_active (name, version) VALUES (?, ?) "
            + "ON CONFLICT (name) DO UPDATE SET version = excluded.version";

    private final StoreDatabase db;
    private final ObjectMapper json = new ObjectMapper();

    private StoredVersions(StoreDatabase db) {
        this.db = db;
    }

    /** Opens (and creates the tables in) the database a {@code --store} value names. */
    public static StoredVersions open(String storeSpec) {
        return new StoredVersions(StoreDatabase.open(storeSpec, "model version store", SCHEMA));
    }

    @Override
    public List<ModelVersions.Version> versions() {
        return db.run(c -> {
            List<ModelVersions.Version> out = new ArrayList<>();
            try (Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("SELECT name, version, dir, trained_at, loaded_at, metrics, provenance "
                         + "FROM model_versions ORDER BY name, version")) {
                while (r.next()) {
                    String name = r.getString(1);
                    long version = r.getLong(2);
                    try {
                        out.add(new ModelVersions.Version(name, version, Path.of(r.getString(3)),
                                Instant.parse(r.getString(4)), Instant.parse(r.getString(5)),
                                json.readValue(r.getString(6), MAP), json.readValue(r.getString(7), MAP)));
                    } catch (JsonProcessingException | RuntimeException e) {
                        throw new SQLException("model_versions row " + name + " version " + version
                                + " is unreadable: " + e.getMessage(), e);
                    }
                }
            }
            return out;
        });
    }

    @Override
    public Map<String, Long> active() {
        return db.run(c -> {
            Map<String, Long> out = new LinkedHashMap<>();
            try (Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("SELECT name, version FROM model_active")) {
                while (r.next()) {
                    out.put(r.getString(1), r.getLong(2));
                }
            }
            return out;
        });
    }

    @Override
    public void added(ModelVersions.Version v) {
        String metrics;
        String provenance;
        try {
            metrics = json.writeValueAsString(v.metrics());
            provenance = json.writeValueAsString(v.provenance());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("version " + v.version() + " of " + v.name()
                    + " cannot be written as JSON: " + e.getMessage(), e);
        }
        db.run(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO model_versions (name, version, dir, "
                    + "trained_at, loaded_at, metrics, provenance) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                s.setString(1, v.name());
                s.setLong(2, v.version());
                s.setString(3, v.dir().toString());
                s.setString(4, v.trainedAt().toString());
                s.setString(5, v.loadedAt().toString());
                s.setString(6, metrics);
                s.setString(7, provenance);
                s.executeUpdate();
            }
            activate(c, v.name(), v.version());
            return null;
        });
    }

    @Override
    public void activated(String name, long version) {
        db.run(c -> {
            activate(c, name, version);
            return null;
        });
    }

    private static void activate(java.sql.Connection c, String name, long version) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(ACTIVATE)) {
            s.setString(1, name);
            s.setLong(2, version);
            s.executeUpdate();
        }
    }

    @Override
    public void close() {
        db.close();
    }
}

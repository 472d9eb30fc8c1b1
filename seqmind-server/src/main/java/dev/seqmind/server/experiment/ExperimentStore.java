package dev.seqmind.server.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.seqmind.rec.abtest.Attribution;
import dev.seqmind.server.store.StoreDatabase;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps experiments in the server's own database (the SQLite file or PostgreSQL URL of {@code --store}), in three
 * tables of their own: {@code experiments(id, definition, status, created, started, stopped, p_values)},
 * {@code experiment_counts(experiment_id, variant, exposures, clicks, conversions)} and the recommendations awaiting
 * attribution, {@code experiment_exposures(experiment_id, recommendation_id, user_id, variant, items, shown_at,
 * clicked, converted)} (deleted once past the window, when the experiment stops and when their user is erased). One
 * connection, opened again after a failure; every call is one transaction, so counters and the exposures they
 * counted are saved together. Thread-safe (synchronised).
 */
public final class ExperimentStore implements AutoCloseable {
    private static final List<String> SCHEMA = List.of(
            "CREATE TABLE IF NOT EXISTS experiments (id TEXT PRIMARY KEY, definition TEXT NOT NULL, "
                    + "status TEXT NOT NULL, created BIGINT NOT NULL, started BIGINT NOT NULL, "
                    + "stopped BIGINT NOT NULL, p_values TEXT)",
            "CREATE TABLE IF NOT EXISTS experiment_counts (experiment_id TEXT NOT NULL, variant INTEGER NOT NULL, "
                    + "exposures BIGINT NOT NULL, clicks BIGINT NOT NULL, conversions BIGINT NOT NULL, "
                    + "PRIMARY KEY (experiment_id, variant))",
            "CREATE TABLE IF NOT EXISTS experiment_exposures (experiment_id TEXT NOT NULL, "
                    + "recommendation_id TEXT NOT NULL, user_id TEXT NOT NULL, variant INTEGER NOT NULL, "
                    + "items TEXT NOT NULL, shown_at BIGINT NOT NULL, clicked INTEGER NOT NULL, "
                    + "converted INTEGER NOT NULL, PRIMARY KEY (experiment_id, recommendation_id))",
            "CREATE INDEX IF NOT EXISTS experiment_exposures_user ON experiment_exposures (user_id)");
    private final StoreDatabase db;
    private final ObjectMapper json = new ObjectMapper();

    /** A stored experiment: its definition, persisted state and recommendations awaiting attribution. */
    public record Stored(Definition definition, Experiment.Snapshot snapshot, List<Experiment.Exposure> exposures) {
    }

    /** Opens (and creates the tables in) the database a {@code --store} value names. */
    public static ExperimentStore open(String storeSpec) {
        return new ExperimentStore(StoreDatabase.open(storeSpec, "experiment store", SCHEMA));
    }

    private ExperimentStore(StoreDatabase db) {
        this.db = db;
    }

    private <T> T run(StoreDatabase.Work<T> work) {
        return db.run(work);
    }

    /** Stores a new experiment (its counters at zero). */
    public void insert(Definition d) {
        String text = definitionJson(d);
        run(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO experiments (id, definition, status, created, "
                    + "started, stopped, p_values) VALUES (?, ?, ?, ?, 0, 0, NULL)")) {
                s.setString(1, d.id());
                s.setString(2, text);
                s.setString(3, Status.CREATED.text());
                s.setLong(4, d.createdAt());
                s.executeUpdate();
            }
            return null;
        });
    }

    /**
     * Saves status, times, counters and p-values of each snapshot, the exposure changes, and the erasure of
     * {@code erased} users' exposures, in one transaction.
     */
    public void save(List<Experiment.Snapshot> snapshots, List<Experiment.ExposureChanges> changes,
                     List<String> erased) {
        if (snapshots.isEmpty() && changes.isEmpty() && erased.isEmpty()) {
            return;
        }
        run(c -> {
            saveExposures(c, changes, erased);
            try (PreparedStatement e = c.prepareStatement("UPDATE experiments SET status = ?, started = ?, "
                    + "stopped = ?, p_values = ? WHERE id = ?");
                 PreparedStatement n = c.prepareStatement("INSERT INTO experiment_counts (experiment_id, variant, "
                         + "exposures, clicks, conversions) VALUES (?, ?, ?, ?, ?) ON CONFLICT (experiment_id, "
                         + "variant) DO UPDATE SET exposures = excluded.exposures, clicks = excluded.clicks, "
                         + "conversions = excluded.conversions")) {
                for (Experiment.Snapshot s : snapshots) {
                    e.setString(1, s.status().text());
                    e.setLong(2, s.startedAt());
                    e.setLong(3, s.stoppedAt());
                    e.setString(4, s.pValues() == null ? null : json.writeValueAsString(s.pValues()));
                    e.setString(5, s.id());
                    e.addBatch();
                    for (int v = 0; v < s.exposures().length; v++) {
                        n.setString(1, s.id());
                        n.setInt(2, v);
                        n.setLong(3, s.exposures()[v]);
                        n.setLong(4, s.clicks()[v]);
                        n.setLong(5, s.conversions()[v]);
                        n.addBatch();
                    }
                }
                e.executeBatch();
                n.executeBatch();
            } catch (com.fasterxml.jackson.core.JsonProcessingException x) {
                throw new SQLException("p-values not serialisable", x);
            }
            return null;
        });
    }

    private void saveExposures(java.sql.Connection c, List<Experiment.ExposureChanges> changes, List<String> erased)
            throws SQLException {
        try (PreparedStatement add = c.prepareStatement("INSERT INTO experiment_exposures (experiment_id, "
                + "recommendation_id, user_id, variant, items, shown_at, clicked, converted) VALUES (?, ?, ?, ?, ?, ?, "
                + "0, 0) ON CONFLICT (experiment_id, recommendation_id) DO NOTHING");
             PreparedStatement click = c.prepareStatement("UPDATE experiment_exposures SET clicked = 1 "
                     + "WHERE experiment_id = ? AND recommendation_id = ?");
             PreparedStatement convert = c.prepareStatement("UPDATE experiment_exposures SET converted = 1 "
                     + "WHERE experiment_id = ? AND recommendation_id = ?");
             PreparedStatement expire = c.prepareStatement("DELETE FROM experiment_exposures "
                     + "WHERE experiment_id = ? AND shown_at < ?");
             PreparedStatement all = c.prepareStatement("DELETE FROM experiment_exposures WHERE experiment_id = ?");
             PreparedStatement erase = c.prepareStatement("DELETE FROM experiment_exposures WHERE user_id = ?")) {
            for (Experiment.ExposureChanges x : changes) {
                for (Experiment.Exposure e : x.added()) {
                    add.setString(1, x.experimentId());
                    add.setString(2, e.shown().recommendationId());
                    add.setString(3, e.user());
                    add.setInt(4, e.shown().variant());
                    add.setString(5, json.writeValueAsString(e.shown().items().stream().sorted().toList()));
                    add.setLong(6, e.shown().at());
                    add.addBatch();
                }
                for (var h : x.credited()) {
                    for (PreparedStatement u : h.click() && h.conversion() ? List.of(click, convert)
                            : List.of(h.click() ? click : convert)) {
                        u.setString(1, x.experimentId());
                        u.setString(2, h.recommendationId());
                        u.addBatch();
                    }
                }
                if (x.stopped()) {
                    all.setString(1, x.experimentId());
                    all.addBatch();
                } else if (x.expireBefore() != Long.MIN_VALUE) {
                    expire.setString(1, x.experimentId());
                    expire.setLong(2, x.expireBefore());
                    expire.addBatch();
                }
            }
            for (String user : erased) {
                erase.setString(1, user);
                erase.addBatch();
            }
            add.executeBatch();
            click.executeBatch();
            convert.executeBatch();
            expire.executeBatch();
            all.executeBatch();
            erase.executeBatch();
        } catch (com.fasterxml.jackson.core.JsonProcessingException x) {
            throw new SQLException("exposure items not serialisable", x);
        }
    }

    /** Every stored experiment, oldest first. */
    public List<Stored> load() {
        return run(c -> {
            Map<String, long[][]> counts = new LinkedHashMap<>();
            List<Stored> out = new ArrayList<>();
            List<Object[]> rows = new ArrayList<>();
            try (Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("SELECT id, definition, status, started, stopped, p_values "
                         + "FROM experiments ORDER BY created, id")) {
                while (r.next()) {
                    rows.add(new Object[] {r.getString(1), r.getString(2), r.getString(3), r.getLong(4), r.getLong(5),
                            r.getString(6)});
                }
            }
            try (Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("SELECT experiment_id, variant, exposures, clicks, conversions "
                         + "FROM experiment_counts")) {
                while (r.next()) {
                    long[][] k = counts.computeIfAbsent(r.getString(1), x -> new long[3][DefinitionParser.MAX_VARIANTS]);
                    int v = r.getInt(2);
                    if (v >= 0 && v < DefinitionParser.MAX_VARIANTS) {
                        k[0][v] = r.getLong(3);
                        k[1][v] = r.getLong(4);
                        k[2][v] = r.getLong(5);
                    }
                }
            }
            Map<String, List<Experiment.Exposure>> exposures = new LinkedHashMap<>();
            try (Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("SELECT experiment_id, recommendation_id, user_id, variant, items, "
                         + "shown_at, clicked, converted FROM experiment_exposures ORDER BY shown_at, recommendation_id")) {
                while (r.next()) {
                    List<String> items;
                    try {
                        items = List.of(json.readValue(r.getString(5), String[].class));
                    } catch (java.io.IOException e) {
                        throw new SQLException("exposure " + r.getString(2) + ": unreadable items", e);
                    }
                    exposures.computeIfAbsent(r.getString(1), x -> new ArrayList<>()).add(new Experiment.Exposure(
                            r.getString(3), new Attribution.Shown(r.getString(2), r.getInt(4), java.util.Set.copyOf(items),
                            r.getLong(6)), r.getInt(7) != 0, r.getInt(8) != 0));
                }
            }
            for (Object[] row : rows) {
                Definition d = definition((String) row[1]);
                int n = d.variants().size();
                long[][] k = counts.getOrDefault(d.id(), new long[3][DefinitionParser.MAX_VARIANTS]);
                double[] p = null;
                try {
                    p = row[5] == null ? null : json.readValue((String) row[5], double[].class);
                } catch (java.io.IOException e) {
                    throw new SQLException("experiment " + d.id() + ": unreadable p-values", e);
                }
                out.add(new Stored(d, new Experiment.Snapshot(d.id(), Status.of((String) row[2]), (Long) row[3],
                        (Long) row[4], java.util.Arrays.copyOf(k[0], n), java.util.Arrays.copyOf(k[1], n),
                        java.util.Arrays.copyOf(k[2], n), p), exposures.getOrDefault(d.id(), List.of())));
            }
            return out;
        });
    }

    private String definitionJson(Definition d) {
        ObjectNode o = json.createObjectNode();
        o.put("id", d.id());
        o.put("name", d.name());
        ArrayNode vs = o.putArray("variants");
        for (Definition.Variant v : d.variants()) {
            vs.addObject().put("name", v.name()).put("model", v.model()).put("share", v.share());
        }
        o.put("window_millis", d.windowMillis());
        d.clickActions().forEach(o.putArray("click_actions")::add);
        d.conversionActions().forEach(o.putArray("conversion_actions")::add);
        o.put("alpha", d.alpha());
        o.put("mixing_sd", d.mixingSd());
        o.put("salt", HexFormat.of().formatHex(d.salt()));
        o.put("created_at", d.createdAt());
        return o.toString();
    }

    private Definition definition(String text) throws SQLException {
        try {
            JsonNode o = json.readTree(text);
            List<Definition.Variant> vs = new ArrayList<>();
            o.get("variants").forEach(v -> vs.add(new Definition.Variant(v.get("name").asText(),
                    v.get("model").asText(), v.get("share").asDouble())));
            List<String> clicks = new ArrayList<>();
            o.get("click_actions").forEach(a -> clicks.add(a.asText()));
            List<String> conversions = new ArrayList<>();
            o.get("conversion_actions").forEach(a -> conversions.add(a.asText()));
            return new Definition(o.get("id").asText(), o.get("name").asText(), vs, o.get("window_millis").asLong(),
                    clicks, conversions, o.get("alpha").asDouble(), o.get("mixing_sd").asDouble(),
                    HexFormat.of().parseHex(o.get("salt").asText()), o.get("created_at").asLong());
        } catch (java.io.IOException | RuntimeException e) {
            throw new SQLException("unreadable experiment definition: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        db.close();
    }
}

package dev.seqmind.server.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.seqmind.data.model.ItemMetadata;
import dev.seqmind.server.store.StoreDatabase;

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
 * The items added at run time, in the server's own database (the {@code --store} SQLite file or PostgreSQL URL,
 * beside the model versions): {@code added_items(seq, id, item, added_at)}, {@code item} as JSON (title, categories,
 * text, attributes and the vectors of other modalities). One call is one transaction. Thread-safe.
 */
public final class StoredItems implements ItemLog {
    private static final List<String> SCHEMA = List.of(
            "CREATE TABLE IF NOT EXISTS added_items (seq BIGINT NOT NULL, id TEXT PRIMARY KEY, item TEXT NOT NULL, "
                    + "added_at TEXT NOT NULL)");

    private final StoreDatabase db;
    private final ObjectMapper json = new ObjectMapper();

    private StoredItems(StoreDatabase db) {
        this.db = db;
    }

    /** Opens (and creates the table in) the database a {@code --store} value names. */
    public static StoredItems open(String storeSpec) {
        return new StoredItems(StoreDatabase.open(storeSpec, "added item store", SCHEMA));
    }

    @Override
    public List<AddedItem> items() {
        return db.run(c -> {
            List<AddedItem> out = new ArrayList<>();
            try (Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("SELECT id, item FROM added_items ORDER BY seq")) {
                while (r.next()) {
                    String id = r.getString(1);
                    try {
                        out.add(read(id, json.readTree(r.getString(2))));
                    } catch (JsonProcessingException | RuntimeException e) {
                        throw new SQLException("added_items row " + id + " is unreadable: " + e.getMessage(), e);
                    }
                }
            }
            return out;
        });
    }

    @Override
    public void added(List<AddedItem> items) {
        List<String> rows = new ArrayList<>();
        for (AddedItem a : items) {
            rows.add(write(a).toString());
        }
        String now = Instant.now().toString();
        db.run(c -> {
            long seq;
            try (Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("SELECT COALESCE(MAX(seq), 0) FROM added_items")) {
                r.next();
                seq = r.getLong(1);
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO added_items (seq, id, item, added_at) "
                    + "VALUES (?, ?, ?, ?) ON CONFLICT (id) DO NOTHING")) {
                for (int i = 0; i < items.size(); i++) {
                    s.setLong(1, seq + 1 + i);
                    s.setString(2, items.get(i).id());
                    s.setString(3, rows.get(i));
                    s.setString(4, now);
                    s.addBatch();
                }
                s.executeBatch();
            }
            return null;
        });
    }

    private ObjectNode write(AddedItem a) {
        ObjectNode n = json.createObjectNode();
        ItemMetadata m = a.metadata();
        n.put("title", m.title());
        ArrayNode cats = n.putArray("categories");
        m.categories().forEach(cats::add);
        n.put("text", m.text());
        ObjectNode attrs = n.putObject("attributes");
        m.attributes().forEach(attrs::put);
        ObjectNode vectors = n.putObject("vectors");
        a.vectors().forEach((name, v) -> {
            ArrayNode arr = vectors.putArray(name);
            for (float x : v) {
                arr.add(x);
            }
        });
        return n;
    }

    private static AddedItem read(String id, JsonNode n) {
        List<String> cats = new ArrayList<>();
        n.path("categories").forEach(c -> cats.add(c.asText()));
        Map<String, String> attrs = new LinkedHashMap<>();
        n.path("attributes").properties().forEach(e -> attrs.put(e.getKey(), e.getValue().asText()));
        Map<String, float[]> vectors = new LinkedHashMap<>();
        n.path("vectors").properties().forEach(e -> {
            float[] v = new float[e.getValue().size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = e.getValue().get(i).floatValue();
            }
            vectors.put(e.getKey(), v);
        });
        return new AddedItem(id, new ItemMetadata(n.path("title").asText(""), cats, n.path("text").asText(""), attrs),
                vectors);
    }

    @Override
    public void close() {
        db.close();
    }
}

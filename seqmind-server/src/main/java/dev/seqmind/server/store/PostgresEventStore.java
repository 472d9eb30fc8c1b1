package dev.seqmind.server.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;

/**
 * The production store: PostgreSQL over JDBC with the same schema; commits are durable with the server's default
 * {@code synchronous_commit = on}. Batched inserts are rewritten into multi-row statements by the driver. Erased rows
 * are deleted in one transaction; PostgreSQL keeps their dead tuples until autovacuum reclaims the space and their
 * write-ahead log until its segments are recycled (run {@code VACUUM FULL events} to rewrite the table at once).
 */
public final class PostgresEventStore extends JdbcEventStore {
    private final String url;

    /** @param url a {@code jdbc:postgresql://} URL (user and password as URL parameters or in PG environment) */
    public PostgresEventStore(String url) {
        this.url = url;
        start();
    }

    @Override
    protected Connection connect() throws SQLException {
        Properties p = new Properties();
        p.setProperty("reWriteBatchedInserts", "true");
        p.setProperty("connectTimeout", "5");
        p.setProperty("socketTimeout", "30");
        return DriverManager.getConnection(url, p);
    }

    @Override
    protected List<String> schema() {
        return List.of("CREATE TABLE IF NOT EXISTS events (seq BIGSERIAL PRIMARY KEY, user_id TEXT NOT NULL, "
                        + "item_id TEXT NOT NULL, action TEXT NOT NULL, ts BIGINT NOT NULL, props TEXT)",
                "CREATE INDEX IF NOT EXISTS events_user ON events (user_id, seq)",
                "CREATE TABLE IF NOT EXISTS batches (batch_key TEXT PRIMARY KEY, events INTEGER NOT NULL, "
                        + "received BIGINT NOT NULL)",
                "CREATE TABLE IF NOT EXISTS batch_users (batch_key TEXT NOT NULL, user_id TEXT NOT NULL, "
                        + "PRIMARY KEY (batch_key, user_id))",
                "CREATE INDEX IF NOT EXISTS batch_users_user ON batch_users (user_id)");
    }

    @Override
    public String describe() {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q); // no credentials in logs
    }
}

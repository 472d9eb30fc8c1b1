package dev.seqmind.server.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;

/**
 * The production store: PostgreSQL over JDBC with the same schema; commits are durable with the server's default
 * {@code synchronous_commit = on}. Batched inserts are rewritten into multi-row statements by the driver. Erased rows
 * are deleted in one transaction, then the touched tables are rewritten (see {@link #afterErasure}); the write-ahead
 * log keeps the erased rows until its segments are removed or overwritten (an operator's checkpoint and WAL switch,
 * see docs/privacy.md).
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

    /**
     * A delete leaves the rows as dead tuples in the heap and their entries in the indexes until vacuum, and plain
     * vacuum only marks that space free without overwriting it. {@code VACUUM (FULL)} writes each table and its
     * indexes into new files holding only the live rows and truncates the old files at commit, so no heap or index
     * file keeps the erased bytes. It holds an exclusive lock on each table while it copies it (reads and appends wait).
     */
    @Override
    protected void afterErasure() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            c.setAutoCommit(true); // VACUUM cannot run inside a transaction block
            s.execute("VACUUM (FULL) events, batches, batch_users");
        }
    }

    @Override
    public String describe() {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q); // no credentials in logs
    }
}

package dev.seqmind.server.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The embedded default: one SQLite file in WAL mode with {@code synchronous=FULL}, so a commit is on disk (WAL
 * fsynced) before the writer acknowledges it, and other processes (e.g. {@code seqmind ingest}) can read the file
 * while the server writes. Erasure leaves no copy of the erased rows in the database file or its log (see
 * {@link #afterErasure}).
 */
public final class SqliteEventStore extends JdbcEventStore {
    private final Path file;

    public SqliteEventStore(Path file) {
        this.file = file.toAbsolutePath();
        try {
            Files.createDirectories(this.file.getParent());
        } catch (java.io.IOException e) {
            throw new StoreUnavailableException("cannot create " + this.file.getParent() + ": " + e.getMessage(), e);
        }
        start();
    }

    @Override
    protected Connection connect() throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout = 10000");
            s.execute("PRAGMA journal_mode = WAL");
            s.execute("PRAGMA synchronous = FULL");
            s.execute("PRAGMA secure_delete = ON"); // deleted rows are overwritten with zeros, not left in free space
        }
        return c;
    }

    @Override
    protected List<String> schema() {
        return List.of("CREATE TABLE IF NOT EXISTS events (seq INTEGER PRIMARY KEY AUTOINCREMENT, "
                        + "user_id TEXT NOT NULL, item_id TEXT NOT NULL, action TEXT NOT NULL, ts INTEGER NOT NULL, "
                        + "props TEXT)",
                "CREATE INDEX IF NOT EXISTS events_user ON events (user_id, seq)",
                "CREATE TABLE IF NOT EXISTS batches (batch_key TEXT PRIMARY KEY, events INTEGER NOT NULL, "
                        + "received INTEGER NOT NULL)",
                "CREATE TABLE IF NOT EXISTS batch_users (batch_key TEXT NOT NULL, user_id TEXT NOT NULL, "
                        + "PRIMARY KEY (batch_key, user_id))",
                "CREATE INDEX IF NOT EXISTS batch_users_user ON batch_users (user_id)");
    }

    /**
     * The erased rows are zeroed in the pages the commit wrote (secure delete), but older copies of those pages stay
     * in the write-ahead log until it is checkpointed and cut: do both now, so neither file holds the erased bytes.
     */
    @Override
    protected void afterErasure() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        }
    }

    @Override
    public String describe() {
        return "sqlite:" + file;
    }
}

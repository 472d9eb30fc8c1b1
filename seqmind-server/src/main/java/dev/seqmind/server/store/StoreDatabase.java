package dev.seqmind.server.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;

/**
 * One connection to the server's own database (the SQLite file or PostgreSQL URL of {@code --store}) for the small
 * tables kept beside the events (experiments, model versions): creates its tables on open, runs every call as one
 * transaction, and opens the connection again after a failure, which it reports as
 * {@link StoreUnavailableException}. Thread-safe (synchronised).
 */
public final class StoreDatabase implements AutoCloseable {
    private final String url;
    private final boolean sqlite;
    private final String what;
    private Connection connection;

    /** Work done in one transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /**
     * Opens the database a {@code --store} value names and runs {@code schema} (idempotent DDL) in it.
     *
     * @param what  what the tables hold, for error messages ("experiment store")
     */
    public static StoreDatabase open(String storeSpec, String what, List<String> schema) {
        StoreDatabase db;
        if (storeSpec.startsWith("jdbc:postgresql:")) {
            db = new StoreDatabase(storeSpec, false, what);
        } else {
            Path file = Path.of(storeSpec.startsWith("sqlite:") ? storeSpec.substring(7) : storeSpec)
                    .toAbsolutePath();
            db = new StoreDatabase("jdbc:sqlite:" + file, true, what);
        }
        db.run(c -> {
            try (Statement s = c.createStatement()) {
                for (String ddl : schema) {
                    s.execute(ddl);
                }
            }
            return null;
        });
        return db;
    }

    private StoreDatabase(String url, boolean sqlite, String what) {
        this.url = url;
        this.sqlite = sqlite;
        this.what = what;
    }

    /** Runs {@code work} in one transaction, committed when it returns. */
    public synchronized <T> T run(Work<T> work) {
        try {
            if (connection == null) {
                connection = connect();
            }
            connection.setAutoCommit(false);
            T out = work.run(connection);
            connection.commit();
            return out;
        } catch (SQLException e) {
            if (connection != null) {
                try {
                    connection.close();
                } catch (SQLException ignored) {
                    // already broken
                }
                connection = null;
            }
            throw new StoreUnavailableException(what + ": " + e.getMessage(), e);
        }
    }

    private Connection connect() throws SQLException {
        if (sqlite) {
            Connection c = DriverManager.getConnection(url);
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA busy_timeout = 10000");
                s.execute("PRAGMA journal_mode = WAL");
                s.execute("PRAGMA synchronous = FULL");
            }
            return c;
        }
        Properties p = new Properties();
        p.setProperty("connectTimeout", "5");
        p.setProperty("socketTimeout", "30");
        return DriverManager.getConnection(url, p);
    }

    @Override
    public synchronized void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // closing anyway
            }
            connection = null;
        }
    }
}

package dev.seqmind.server.store;

import dev.seqmind.data.collect.EventCollector;
import dev.seqmind.data.error.SeqmindException;
import dev.seqmind.data.ingest.RowSource;
import dev.seqmind.data.model.DatasetInfo;
import dev.seqmind.data.model.TimeKind;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * The events of a server's store as rows for {@code ingest --append}: those with a sequence number above what the
 * dataset already took from this store (its "watermark", kept in the dataset's sources as
 * {@code store DESCRIPTION seq FIRST..LAST}), read in commit order over a connection of its own. Works on the
 * store of a running server (SQLite in WAL mode lets readers in while the server writes; PostgreSQL is a server)
 * and of a stopped one; it never writes. Each row is located as {@code store DESCRIPTION:SEQ}.
 */
public final class StoreRows implements RowSource {
    private final String spec;
    private final String description;
    private final long after;
    private final String previous;
    private long first = -1;
    private long last = -1;
    private long rows;

    /**
     * @param spec    {@code sqlite:/path/events.db}, a SQLite file path, or a {@code jdbc:postgresql://} URL
     * @param dataset the dataset being appended to (for its watermark on this store)
     */
    public StoreRows(String spec, DatasetInfo dataset) {
        this.spec = spec;
        this.description = describe(spec);
        String prefix = "store " + description + " seq ";
        String found = null;
        for (String s : dataset.sources()) {
            if (s.startsWith(prefix)) {
                found = s;
            }
        }
        this.previous = found;
        this.after = found == null ? 0 : Long.parseLong(found.substring(found.lastIndexOf("..") + 2));
    }

    /** The store's description as its server logs it (no credentials): {@code sqlite:/abs/path} or the URL. */
    public static String describe(String spec) {
        if (spec.startsWith("jdbc:postgresql:")) {
            int q = spec.indexOf('?');
            return q < 0 ? spec : spec.substring(0, q);
        }
        return "sqlite:" + sqlitePath(spec);
    }

    private static Path sqlitePath(String spec) {
        return Path.of(spec.startsWith("sqlite:") ? spec.substring(7) : spec).toAbsolutePath();
    }

    /** The highest sequence number the dataset already holds from this store (0 = none). */
    public long watermark() {
        return after;
    }

    /** Rows read by {@link #read}. */
    public long rows() {
        return rows;
    }

    @Override
    public void read(EventCollector out) {
        String where = "store " + description;
        out.beginFile(where);
        out.timeKind(TimeKind.EPOCH_MILLIS);
        try (Connection c = connect()) {
            c.setAutoCommit(false); // PostgreSQL streams with a cursor only inside a transaction
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT seq, user_id, item_id, action, ts FROM events WHERE seq > ? ORDER BY seq")) {
                ps.setLong(1, after);
                ps.setFetchSize(10_000);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long seq = rs.getLong(1);
                        first = first < 0 ? seq : first;
                        last = seq;
                        rows++;
                        int user = out.userId(rs.getString(2), seq, "user_id");
                        int item = user == EventCollector.REJECTED ? user : out.itemId(rs.getString(3), seq, "item_id");
                        int action = item == EventCollector.REJECTED ? item : out.actionId(rs.getString(4), seq, "action");
                        if (action != EventCollector.REJECTED) {
                            out.add(user, item, action, rs.getLong(5), seq);
                        }
                    }
                }
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw new SeqmindException("cannot read the event store " + description + ": "
                    + e.getMessage().lines().findFirst().orElse("") + "; check the path or URL", e);
        }
    }

    private Connection connect() throws SQLException {
        if (spec.startsWith("jdbc:postgresql:")) {
            Properties p = new Properties();
            p.setProperty("connectTimeout", "5");
            p.setProperty("readOnly", "true");
            return DriverManager.getConnection(spec, p);
        }
        Path file = sqlitePath(spec);
        if (!Files.isRegularFile(file)) {
            throw new SQLException("no such SQLite file " + file);
        }
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout = 10000");
        }
        return c;
    }

    @Override
    public String describe() {
        if (rows == 0) {
            return previous != null ? previous : "store " + description + " seq 0..0";
        }
        long from = previous == null ? first : Long.parseLong(previous.substring(previous.lastIndexOf(" seq ") + 5,
                previous.lastIndexOf("..")));
        return "store " + description + " seq " + from + ".." + last;
    }
}

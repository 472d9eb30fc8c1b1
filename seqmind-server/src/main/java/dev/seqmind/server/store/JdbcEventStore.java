package dev.seqmind.server.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The shared JDBC implementation: one schema ({@code events}; {@code batches}, the idempotency records, and
 * {@code batch_users}, which users each keyed batch held, so erasure can find them), one writer thread that takes every
 * pending write from a queue, runs as many as are waiting (up to {@link #MAX_GROUP_EVENTS} events) in one
 * transaction and commits once (group commit), then tells the {@link CommitListener} and only then releases the
 * callers. A failed transaction is rolled back and fails every caller in it with {@link StoreUnavailableException};
 * the writer reconnects on the next write, so the store recovers when the database does. Reads use a small pool of
 * separate connections. Erasing a user deletes their events, the idempotency records of every keyed batch that held
 * any of their events, and those batches' user links, in one transaction; then {@link #afterErasure} lets the
 * database drop the old bytes (SQLite: secure delete and a truncating checkpoint). Thread-safe.
 */
public abstract class JdbcEventStore implements EventStore {
    /** Events committed together at most. */
    public static final int MAX_GROUP_EVENTS = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(JdbcEventStore.class);
    private static final Op STOP = new Op(null, null, null, new CompletableFuture<>());

    private final BlockingQueue<Op> queue = new LinkedBlockingQueue<>();
    private final BlockingQueue<Connection> readers = new ArrayBlockingQueue<>(4);
    private final Thread writer;
    private volatile CommitListener listener = new CommitListener() {
        @Override
        public void committed(List<Event> events) {
        }

        @Override
        public void erased(String user) {
        }
    };
    private Connection writeConnection; // writer thread only
    private volatile boolean closed;

    /** One write: an append ({@code events} set) or an erasure ({@code eraseUser} set). */
    private record Op(List<Event> events, String key, String eraseUser, CompletableFuture<Object> done) {
    }

    protected JdbcEventStore() {
        writer = Thread.ofPlatform().daemon().name("seqmind-store-writer").unstarted(this::writeLoop);
    }

    /** Creates the schema and starts the writer; subclasses call it at the end of their constructor. */
    protected final void start() {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            for (String ddl : schema()) {
                s.execute(ddl);
            }
        } catch (SQLException e) {
            throw new StoreUnavailableException("cannot open the event store " + describe() + ": " + e.getMessage(), e);
        }
        writer.start();
    }

    /** A new connection with the store's settings applied. */
    protected abstract Connection connect() throws SQLException;

    /** DDL statements, each idempotent ({@code IF NOT EXISTS}). */
    protected abstract List<String> schema();

    /**
     * Called by the writer after a commit that erased a user and before the caller is released: a store that can
     * physically drop the deleted bytes does so here. The default does nothing.
     */
    protected void afterErasure() throws SQLException {
    }

    @Override
    public void listener(CommitListener value) {
        listener = value;
    }

    @Override
    public AppendResult append(List<Event> events, String idempotencyKey) {
        return (AppendResult) submit(new Op(List.copyOf(events), idempotencyKey, null, new CompletableFuture<>()));
    }

    @Override
    public long eraseUser(String user) {
        return (Long) submit(new Op(null, null, user, new CompletableFuture<>()));
    }

    private Object submit(Op op) {
        if (closed) {
            throw new StoreUnavailableException("the event store is closed", null);
        }
        queue.add(op);
        try {
            return op.done().get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof StoreUnavailableException s) {
                throw s;
            }
            throw new StoreUnavailableException("write failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("interrupted while waiting for the commit", e);
        }
    }

    @Override
    public int queueDepth() {
        return queue.size();
    }

    private void writeLoop() {
        List<Op> group = new ArrayList<>();
        while (true) {
            Op first;
            try {
                first = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            if (first == STOP) {
                break;
            }
            group.clear();
            group.add(first);
            int events = size(first);
            Op next;
            while (events < MAX_GROUP_EVENTS && (next = queue.peek()) != null && next != STOP) {
                group.add(queue.poll());
                events += size(next);
            }
            commitGroup(group);
        }
        closeQuietly(writeConnection);
        Op rest;
        while ((rest = queue.poll()) != null) {
            rest.done().completeExceptionally(new StoreUnavailableException("the event store is closed", null));
        }
    }

    private static int size(Op op) {
        return op.events() == null ? 1 : op.events().size();
    }

    private void commitGroup(List<Op> group) {
        List<Object> results = new ArrayList<>(group.size());
        boolean erased = false;
        try {
            Connection c = writer();
            Map<String, Integer> keysInGroup = new HashMap<>();
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO events(user_id, item_id, action, ts, props) VALUES (?, ?, ?, ?, ?)");
                 PreparedStatement findKey = c.prepareStatement("SELECT events FROM batches WHERE batch_key = ?");
                 PreparedStatement addKey = c.prepareStatement(
                         "INSERT INTO batches(batch_key, events, received) VALUES (?, ?, ?)");
                 PreparedStatement addUser = c.prepareStatement(
                         "INSERT INTO batch_users(batch_key, user_id) VALUES (?, ?)");
                 PreparedStatement eraseBatches = c.prepareStatement("DELETE FROM batches WHERE batch_key IN "
                         + "(SELECT batch_key FROM batch_users WHERE user_id = ?)");
                 PreparedStatement eraseLinks = c.prepareStatement("DELETE FROM batch_users WHERE batch_key IN "
                         + "(SELECT batch_key FROM batch_users WHERE user_id = ?)");
                 PreparedStatement erase = c.prepareStatement("DELETE FROM events WHERE user_id = ?")) {
                for (Op op : group) {
                    if (op.eraseUser() != null) {
                        insert.executeBatch(); // appends queued before the erasure are erased with the rest
                        for (PreparedStatement ps : List.of(eraseBatches, eraseLinks, erase)) {
                            ps.setString(1, op.eraseUser());
                        }
                        eraseBatches.executeUpdate();
                        eraseLinks.executeUpdate();
                        results.add((long) erase.executeUpdate());
                        erased = true;
                        continue;
                    }
                    Integer earlier = op.key() == null ? null : keysInGroup.get(op.key());
                    if (op.key() != null && earlier == null) {
                        findKey.setString(1, op.key());
                        try (ResultSet rs = findKey.executeQuery()) {
                            earlier = rs.next() ? rs.getInt(1) : null;
                        }
                    }
                    if (earlier != null) {
                        results.add(new AppendResult(0, true, earlier));
                        continue;
                    }
                    for (Event e : op.events()) {
                        insert.setString(1, e.user());
                        insert.setString(2, e.item());
                        insert.setString(3, e.action());
                        insert.setLong(4, e.timestamp());
                        insert.setString(5, e.properties());
                        insert.addBatch();
                    }
                    if (op.key() != null) {
                        addKey.setString(1, op.key());
                        addKey.setInt(2, op.events().size());
                        addKey.setLong(3, System.currentTimeMillis());
                        addKey.executeUpdate();
                        for (String user : new LinkedHashSet<>(op.events().stream().map(Event::user).toList())) {
                            addUser.setString(1, op.key());
                            addUser.setString(2, user);
                            addUser.executeUpdate();
                        }
                        keysInGroup.put(op.key(), op.events().size());
                    }
                    results.add(new AppendResult(op.events().size(), false, op.events().size()));
                }
                insert.executeBatch();
            }
            c.commit();
        } catch (SQLException | RuntimeException e) {
            rollbackAndDrop();
            LOG.warn("event store write failed ({} writes not committed): {}", group.size(), e.toString());
            StoreUnavailableException failure = new StoreUnavailableException(
                    "the event store cannot write right now; nothing of this request was stored", e);
            group.forEach(op -> op.done().completeExceptionally(failure));
            return;
        }
        if (erased) {
            try {
                afterErasure();
            } catch (SQLException | RuntimeException e) {
                LOG.warn("erasure committed, but the old bytes could not be dropped yet: {}", e.toString());
            }
        }
        CommitListener l = listener;
        // Live state changes before any caller is released, in commit order (the store's seq order).
        for (int i = 0; i < group.size(); i++) {
            Op op = group.get(i);
            if (op.eraseUser() != null) {
                safely(() -> l.erased(op.eraseUser()));
            } else if (!((AppendResult) results.get(i)).duplicate()) {
                safely(() -> l.committed(op.events()));
            }
        }
        for (int i = 0; i < group.size(); i++) {
            group.get(i).done().complete(results.get(i));
        }
    }

    private static void safely(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            LOG.error("commit listener failed", e);
        }
    }

    private Connection writer() throws SQLException {
        if (writeConnection == null) {
            writeConnection = connect();
            writeConnection.setAutoCommit(false);
        }
        return writeConnection;
    }

    private void rollbackAndDrop() {
        if (writeConnection != null) {
            try {
                writeConnection.rollback();
            } catch (SQLException e) {
                // the connection is dropped below either way
            }
            closeQuietly(writeConnection);
            writeConnection = null;
        }
    }

    /** Runs {@code work} on a pooled read connection; a pooled connection that fails is replaced once. */
    protected final <T> T read(SqlWork<T> work) {
        Connection pooled = readers.poll();
        if (pooled != null) {
            try {
                T out = work.run(pooled);
                release(pooled);
                return out;
            } catch (SQLException e) {
                closeQuietly(pooled); // perhaps the database restarted: try once on a new connection
            }
        }
        Connection c = null;
        try {
            c = connect();
            T out = work.run(c);
            release(c);
            return out;
        } catch (SQLException e) {
            closeQuietly(c);
            throw new StoreUnavailableException("the event store cannot be read right now", e);
        }
    }

    private void release(Connection c) {
        if (closed || !readers.offer(c)) {
            closeQuietly(c);
        }
    }

    /** Work on a connection. */
    @FunctionalInterface
    protected interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }

    @Override
    public List<StoredEvent> userEvents(String user, int limit) {
        return read(c -> {
            List<StoredEvent> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT seq, item_id, action, ts, props FROM events "
                    + "WHERE user_id = ? ORDER BY seq DESC LIMIT ?")) {
                ps.setString(1, user);
                ps.setInt(2, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new StoredEvent(rs.getLong(1), new Event(user, rs.getString(2), rs.getString(3),
                                rs.getLong(4), rs.getString(5))));
                    }
                }
            }
            Collections.reverse(out);
            return out;
        });
    }

    @Override
    public void scan(EventConsumer consumer) {
        read(c -> {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false); // PostgreSQL streams with a cursor only inside a transaction
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT seq, user_id, item_id, action, ts FROM events ORDER BY seq")) {
                ps.setFetchSize(10_000);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        consumer.accept(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getLong(5));
                    }
                }
            } finally {
                c.commit();
                c.setAutoCommit(auto);
            }
            return null;
        });
    }

    @Override
    public long count() {
        return read(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM events")) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        queue.add(STOP);
        try {
            writer.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Connection c;
        while ((c = readers.poll()) != null) {
            closeQuietly(c);
        }
    }

    protected static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                // nothing to do
            }
        }
    }
}

package dev.seqmind.server.store;

import java.util.List;

/**
 * The durable event log. Appends are acknowledged (the call returns) only after the events are committed to
 * durable storage; a batch is all or nothing. Implementations are thread-safe and serialise every write through one
 * writer, which commits concurrent appends together (group commit).
 */
public interface EventStore extends AutoCloseable {
    /** Called by the writer, in commit order, after each commit and before any appender is released. */
    interface CommitListener {
        /** {@code events} were committed (in this order). */
        void committed(List<Event> events);

        /** {@code user}'s events were erased. */
        void erased(String user);
    }

    /** Receives stored events in commit order. */
    interface EventConsumer {
        void accept(long seq, String user, String item, String action, long timestamp);
    }

    /**
     * Appends {@code events} durably as one all-or-nothing batch.
     *
     * @param idempotencyKey  a key naming the batch, or {@code null}; a key committed before makes this a no-op
     * @throws StoreUnavailableException if the batch could not be committed (nothing of it is stored)
     */
    AppendResult append(List<Event> events, String idempotencyKey);

    /**
     * Erases every event of {@code user}.
     *
     * @return the number of events erased
     */
    long eraseUser(String user);

    /** The newest {@code limit} events of {@code user}, oldest first. */
    List<StoredEvent> userEvents(String user, int limit);

    /** Streams every stored event in commit order (for rebuilding live state). */
    void scan(EventConsumer consumer);

    /** Stored events. */
    long count();

    /** Appends waiting for the writer. */
    int queueDepth();

    /** Sets the listener told about commits (at most one; set before the first append). */
    void listener(CommitListener listener);

    /** A short description for logs and {@code /health}, without credentials. */
    String describe();

    @Override
    void close();
}

package dev.seqmind.data.progress;

/**
 * Where long work reports how far it got. Implementations draw a terminal bar, log a line now and then, or do
 * nothing. Work also checks {@link #isCancelled()} between units so that it can stop cleanly when interrupted.
 * Implementations must be thread-safe: parallel workers call {@link #advance(long)} concurrently.
 */
public interface Progress {
    /** Does nothing and never cancels. */
    Progress NONE = new Progress() {
        @Override
        public Task start(String name, long total, String unit) {
            return Task.NONE;
        }
    };

    /**
     * Starts a task of {@code total} units ({@code -1} when unknown), e.g. {@code start("ingest", rows, "rows")}.
     */
    Task start(String name, long total, String unit);

    /** Tells the user something worth a line of its own (e.g. what was cleaned up); ignored by default. */
    default void note(String line) {
    }

    /** True once the user asked to stop (Ctrl-C) or the thread was interrupted. */
    default boolean isCancelled() {
        return Thread.currentThread().isInterrupted();
    }

    /** One running task. */
    interface Task extends AutoCloseable {
        Task NONE = new Task() {
            @Override
            public void advance(long units) {
            }

            @Override
            public void status(String text) {
            }

            @Override
            public void close() {
            }
        };

        void advance(long units);

        /** A short status shown beside the bar, e.g. "loss 3.21". */
        void status(String text);

        /** Marks the task done. */
        @Override
        void close();
    }
}

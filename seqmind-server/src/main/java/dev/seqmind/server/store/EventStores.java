package dev.seqmind.server.store;

import java.nio.file.Path;

/** Opens the store a {@code --store} value names. */
public final class EventStores {
    private EventStores() {
    }

    /** {@code jdbc:postgresql://...} opens PostgreSQL; anything else is a SQLite file path. */
    public static EventStore open(String spec) {
        if (spec.startsWith("jdbc:postgresql:")) {
            return new PostgresEventStore(spec);
        }
        return new SqliteEventStore(Path.of(spec.startsWith("sqlite:") ? spec.substring(7) : spec));
    }
}

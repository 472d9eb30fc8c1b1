package dev.seqmind.data.model;

import java.util.Objects;

/**
 * One behaviour event as read from a log: {@code user} did {@code action} on {@code item} at {@code timestamp}.
 * Ids are external (as in the input). {@code timestamp} is epoch milliseconds, or, for inputs without time, the
 * event's position in its user's sequence (see {@link DatasetInfo#timeKind()}).
 */
public record Interaction(String user, String item, String action, long timestamp) {
    /** The action assumed when the input has none. */
    public static final String DEFAULT_ACTION = "interact";

    public Interaction {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(action, "action");
    }

    public Interaction(String user, String item, long timestamp) {
        this(user, item, DEFAULT_ACTION, timestamp);
    }
}

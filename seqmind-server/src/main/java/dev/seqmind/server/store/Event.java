package dev.seqmind.server.store;

import java.util.Objects;

/**
 * One behaviour event as the server stores it (already validated and, with pseudonymisation on, with the user id
 * replaced by its pseudonym).
 *
 * @param user        external user id (or pseudonym)
 * @param item        external item id
 * @param action      what the user did, e.g. "view", "buy"
 * @param timestamp   epoch milliseconds
 * @param properties  the event's properties as a JSON object text, or {@code null}
 */
public record Event(String user, String item, String action, long timestamp, String properties) {
    public Event {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(action, "action");
    }
}

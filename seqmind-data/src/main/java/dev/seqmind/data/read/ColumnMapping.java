package dev.seqmind.data.read;

import java.util.Objects;

/**
 * Which columns of a tabular log hold what. {@code action}, {@code time} and {@code category} may be null: without
 * an action column every event gets the default action; without a time column events keep file order.
 */
public record ColumnMapping(ColumnRef user, ColumnRef item, ColumnRef action, ColumnRef time, ColumnRef category) {
    public ColumnMapping {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(item, "item");
    }

    /** The common header names: user_id/user, item_id/item, action/behavior/event, timestamp/time. */
    public static ColumnMapping byNames(String user, String item, String action, String time) {
        return new ColumnMapping(ColumnRef.byName(user), ColumnRef.byName(item),
                action == null ? null : ColumnRef.byName(action), time == null ? null : ColumnRef.byName(time), null);
    }

    public ColumnMapping withCategory(ColumnRef value) {
        return new ColumnMapping(user, item, action, time, value);
    }
}

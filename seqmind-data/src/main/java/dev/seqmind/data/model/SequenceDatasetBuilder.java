package dev.seqmind.data.model;

import dev.seqmind.data.error.SeqmindException;


/**
 * Collects events in any order and freezes them into a {@link SequenceDataset}: events are grouped by user and
 * ordered by time, ties kept in the order they were added (file order). Dense ids are assigned in first-seen order.
 * Not thread-safe; single use ({@link #build()} may be called once).
 */
public final class SequenceDatasetBuilder {
    /** At most this many action types fit the dataset's one-byte action column. */
    public static final int MAX_ACTIONS = 127;

    private final IdMap.Builder users;
    private final IdMap.Builder items;
    private final IdMap.Builder actions;
    private final EventColumns columns = new EventColumns(false);
    private ItemCatalog catalog = ItemCatalog.EMPTY;
    private DatasetInfo info;
    private boolean built;

    public SequenceDatasetBuilder(DatasetInfo info) {
        this(info, 1024);
    }

    /** @param expectedEvents a guess at the number of events, used to size the user and item id maps */
    public SequenceDatasetBuilder(DatasetInfo info, int expectedEvents) {
        this(info, expectedEvents, new IdMap.Builder(Math.max(16, expectedEvents / 8)),
                new IdMap.Builder(Math.max(16, expectedEvents / 8)), new IdMap.Builder());
    }

    /**
     * A builder that continues numbering from existing id maps, e.g. to keep item ids of a trained model. The builder
     * adds to the given maps and builds them in {@link #build()}.
     *
     * @param expectedEvents not used: the id maps are already sized, and the event columns grow in chunks without
     *                       copying (kept so that existing callers compile)
     */
    public SequenceDatasetBuilder(DatasetInfo info, int expectedEvents, IdMap.Builder users, IdMap.Builder items,
                                  IdMap.Builder actions) {
        this.info = info;
        this.users = users;
        this.items = items;
        this.actions = actions;
    }

    public SequenceDatasetBuilder add(Interaction e) {
        return add(e.user(), e.item(), e.action(), e.timestamp());
    }

    public SequenceDatasetBuilder add(String user, String item, String action, long time) {
        int a = actions.getOrAdd(action);
        if (a >= MAX_ACTIONS) {
            throw new SeqmindException("more than " + MAX_ACTIONS + " distinct action types (the " + (a + 1)
                    + "th is '" + action + "'): map the action column to fewer types or drop it");
        }
        return addDense(users.getOrAdd(user), items.getOrAdd(item), a, time);
    }

    /** Adds an event by dense ids already obtained from {@link #userIds()}, {@link #itemIds()}, {@link #actionIds()}. */
    public SequenceDatasetBuilder addDense(int user, int item, int action, long time) {
        columns.add(user, item, action, time, 0);
        return this;
    }

    public IdMap.Builder userIds() {
        return users;
    }

    public IdMap.Builder itemIds() {
        return items;
    }

    public IdMap.Builder actionIds() {
        return actions;
    }

    public int size() {
        return columns.size();
    }

    public SequenceDatasetBuilder catalog(ItemCatalog value) {
        this.catalog = value;
        return this;
    }

    public SequenceDatasetBuilder info(DatasetInfo value) {
        this.info = value;
        return this;
    }

    /** Groups by user, orders each user's events by time (stable), and freezes. */
    public SequenceDataset build() {
        if (built) {
            throw new IllegalStateException("build() was already called");
        }
        built = true;
        EventColumns.Csr csr = columns.toCsr(users.size());
        return new SequenceDataset(users.build(), items.build(), actions.build(), csr.offsets(), csr.items(),
                csr.times(), csr.actions(), catalog, info);
    }
}

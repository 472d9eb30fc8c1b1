package dev.seqmind.data.model;

import dev.seqmind.data.error.SeqmindException;

import java.util.Arrays;

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
    private int[] userCol;
    private int[] itemCol;
    private long[] timeCol;
    private byte[] actionCol;
    private int size;
    private ItemCatalog catalog = ItemCatalog.EMPTY;
    private DatasetInfo info;
    private boolean built;

    public SequenceDatasetBuilder(DatasetInfo info) {
        this(info, 1024);
    }

    public SequenceDatasetBuilder(DatasetInfo info, int expectedEvents) {
        this(info, expectedEvents, new IdMap.Builder(), new IdMap.Builder(), new IdMap.Builder());
    }

    /** A builder that continues numbering from existing id maps, e.g. to keep item ids of a trained model. */
    public SequenceDatasetBuilder(DatasetInfo info, int expectedEvents, IdMap.Builder users, IdMap.Builder items,
                                  IdMap.Builder actions) {
        this.info = info;
        int cap = Math.max(16, expectedEvents);
        userCol = new int[cap];
        itemCol = new int[cap];
        timeCol = new long[cap];
        actionCol = new byte[cap];
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
        if (size == userCol.length) {
            grow();
        }
        userCol[size] = user;
        itemCol[size] = item;
        timeCol[size] = time;
        actionCol[size] = (byte) action;
        size++;
        return this;
    }

    private void grow() {
        int cap = (int) Math.min(Integer.MAX_VALUE - 8, userCol.length * 2L);
        if (cap == userCol.length) {
            throw new SeqmindException("more than " + cap + " events do not fit one dataset; split the input");
        }
        userCol = Arrays.copyOf(userCol, cap);
        itemCol = Arrays.copyOf(itemCol, cap);
        timeCol = Arrays.copyOf(timeCol, cap);
        actionCol = Arrays.copyOf(actionCol, cap);
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
        return size;
    }

    public SequenceDatasetBuilder catalog(ItemCatalog value) {
        this.catalog = value;
        return this;
    }

    public SequenceDatasetBuilder info(DatasetInfo value) {
        this.info = value;
        return this;
    }

    /** Groups by user (counting sort), orders each user's events by time (stable), and freezes. */
    public SequenceDataset build() {
        if (built) {
            throw new IllegalStateException("build() was already called");
        }
        built = true;
        CsrGrouping g = CsrGrouping.of(users.size(), userCol, timeCol, size);
        userCol = null; // free each column as soon as it is gathered: keeps the peak near two copies of one column
        int[] it = g.gather(itemCol);
        itemCol = null;
        long[] tm = g.gather(timeCol);
        timeCol = null;
        byte[] ac = g.gather(actionCol);
        actionCol = null;
        return new SequenceDataset(users.build(), items.build(), actions.build(), g.offsets(), it, tm, ac, catalog,
                info);
    }
}

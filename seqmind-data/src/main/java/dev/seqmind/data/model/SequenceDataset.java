package dev.seqmind.data.model;

import java.util.Arrays;
import java.util.Objects;

/**
 * Every user's events in time order, in compressed-sparse-row layout: user {@code u}'s events are the indices
 * {@code [start(u), end(u))} of the parallel arrays of items, times and actions. About 13 bytes per event.
 *
 * <p>Invariants: dense ids start at 0 ({@code users}, {@code items} and {@code actions} map them back to external
 * ids); within a user, times never decrease and events with equal times keep their input order; events with equal
 * times form one itemset where a miner asks for itemsets. A user may have no events (e.g. after a split).
 *
 * <p>Immutable and thread-safe: arrays passed to the constructor are adopted, not copied, and never exposed.
 */
public final class SequenceDataset {
    private final IdMap users;
    private final IdMap items;
    private final IdMap actions;
    private final int[] offsets;
    private final int[] itemIds;
    private final long[] times;
    private final byte[] actionIds;
    private final ItemCatalog catalog;
    private final DatasetInfo info;

    /**
     * Adopts the arrays (callers must not modify them afterwards).
     *
     * @throws IllegalArgumentException if the arrays are inconsistent with each other or with the id maps
     */
    public SequenceDataset(IdMap users, IdMap items, IdMap actions, int[] offsets, int[] itemIds, long[] times,
                           byte[] actionIds, ItemCatalog catalog, DatasetInfo info) {
        this(users, items, actions, offsets, itemIds, times, actionIds, catalog, info, true);
    }

    /** {@code check} is false only for copies that share the arrays of an instance already validated. */
    private SequenceDataset(IdMap users, IdMap items, IdMap actions, int[] offsets, int[] itemIds, long[] times,
                            byte[] actionIds, ItemCatalog catalog, DatasetInfo info, boolean check) {
        this.users = Objects.requireNonNull(users, "users");
        this.items = Objects.requireNonNull(items, "items");
        this.actions = Objects.requireNonNull(actions, "actions");
        this.offsets = offsets;
        this.itemIds = itemIds;
        this.times = times;
        this.actionIds = actionIds;
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.info = Objects.requireNonNull(info, "info");
        if (check) {
            validate();
        }
    }

    private void validate() {
        if (offsets.length != users.size() + 1 || offsets[0] != 0) {
            throw new IllegalArgumentException("offsets length " + offsets.length + " for " + users.size() + " users");
        }
        int n = offsets[offsets.length - 1];
        if (itemIds.length != n || times.length != n || actionIds.length != n) {
            throw new IllegalArgumentException("arrays of length " + itemIds.length + "/" + times.length + "/"
                    + actionIds.length + " for " + n + " events");
        }
        for (int u = 0; u < users.size(); u++) {
            if (offsets[u + 1] < offsets[u]) {
                throw new IllegalArgumentException("offsets decrease at user " + u);
            }
            for (int i = offsets[u] + 1; i < offsets[u + 1]; i++) {
                if (times[i] < times[i - 1]) {
                    throw new IllegalArgumentException("times decrease for user " + users.externalId(u) + " at " + i);
                }
            }
        }
        int numItems = items.size();
        for (int item : itemIds) {
            if (item < 0 || item >= numItems) {
                throw new IllegalArgumentException("item id " + item + " outside [0, " + numItems + ")");
            }
        }
        int numActions = actions.size();
        for (byte a : actionIds) {
            if (a < 0 || a >= numActions) {
                throw new IllegalArgumentException("action id " + a + " outside [0, " + numActions + ")");
            }
        }
    }

    public IdMap users() {
        return users;
    }

    public IdMap items() {
        return items;
    }

    public IdMap actions() {
        return actions;
    }

    public ItemCatalog catalog() {
        return catalog;
    }

    public DatasetInfo info() {
        return info;
    }

    public int numUsers() {
        return users.size();
    }

    public int numItems() {
        return items.size();
    }

    public int numInteractions() {
        return itemIds.length;
    }

    /** Index of user {@code u}'s first event. */
    public int start(int user) {
        return offsets[user];
    }

    /** One past the index of user {@code u}'s last event. */
    public int end(int user) {
        return offsets[user + 1];
    }

    public int length(int user) {
        return offsets[user + 1] - offsets[user];
    }

    /** Dense item id of the event at {@code index}. */
    public int item(int index) {
        return itemIds[index];
    }

    /** Time of the event at {@code index} (see {@link DatasetInfo#timeKind()}). */
    public long time(int index) {
        return times[index];
    }

    /** Dense action id of the event at {@code index}. */
    public int action(int index) {
        return actionIds[index];
    }

    /** A copy of user {@code u}'s item ids in time order. */
    public int[] itemsOf(int user) {
        return Arrays.copyOfRange(itemIds, offsets[user], offsets[user + 1]);
    }

    /** A copy of user {@code u}'s event times. */
    public long[] timesOf(int user) {
        return Arrays.copyOfRange(times, offsets[user], offsets[user + 1]);
    }

    /** A copy of user {@code u}'s action ids. */
    public byte[] actionsOf(int user) {
        return Arrays.copyOfRange(actionIds, offsets[user], offsets[user + 1]);
    }

    /** Copies events {@code [from, to)} of the global event arrays into {@code dst} at {@code dstPos}. */
    public void copyItems(int from, int to, int[] dst, int dstPos) {
        System.arraycopy(itemIds, from, dst, dstPos, to - from);
    }

    /** Number of events per item (dense item id order). */
    public int[] itemCounts() {
        int[] counts = new int[items.size()];
        for (int item : itemIds) {
            counts[item]++;
        }
        return counts;
    }

    /** Number of events per action (dense action id order). */
    public long[] actionCounts() {
        long[] counts = new long[actions.size()];
        for (byte a : actionIds) {
            counts[a]++;
        }
        return counts;
    }

    /** Length of the longest sequence. */
    public int maxLength() {
        int max = 0;
        for (int u = 0; u < users.size(); u++) {
            max = Math.max(max, length(u));
        }
        return max;
    }

    /**
     * The first {@code keep[u]} events of every user, with the same id maps (so dense ids stay comparable across
     * splits). {@code keep[u]} is clamped to {@code [0, length(u)]}.
     */
    public SequenceDataset prefixes(int[] keep) {
        if (keep.length != users.size()) {
            throw new IllegalArgumentException("keep has " + keep.length + " entries for " + users.size() + " users");
        }
        int[] newOffsets = new int[offsets.length];
        for (int u = 0; u < keep.length; u++) {
            newOffsets[u + 1] = newOffsets[u] + Math.max(0, Math.min(keep[u], length(u)));
        }
        int n = newOffsets[keep.length];
        int[] it = new int[n];
        long[] tm = new long[n];
        byte[] ac = new byte[n];
        for (int u = 0; u < keep.length; u++) {
            int len = newOffsets[u + 1] - newOffsets[u];
            System.arraycopy(itemIds, offsets[u], it, newOffsets[u], len);
            System.arraycopy(times, offsets[u], tm, newOffsets[u], len);
            System.arraycopy(actionIds, offsets[u], ac, newOffsets[u], len);
        }
        return new SequenceDataset(users, items, actions, newOffsets, it, tm, ac, catalog, info);
    }

    /** The same events under other external user ids (e.g. pseudonyms); dense ids are unchanged. */
    public SequenceDataset withUsers(IdMap newUsers) {
        if (newUsers.size() != users.size()) {
            throw new IllegalArgumentException(newUsers.size() + " user ids for " + users.size() + " users");
        }
        return new SequenceDataset(newUsers, items, actions, offsets, itemIds, times, actionIds, catalog, info, false);
    }

    public SequenceDataset withCatalog(ItemCatalog newCatalog) {
        return new SequenceDataset(users, items, actions, offsets, itemIds, times, actionIds, newCatalog, info, false);
    }

    public SequenceDataset withInfo(DatasetInfo newInfo) {
        return new SequenceDataset(users, items, actions, offsets, itemIds, times, actionIds, catalog, newInfo, false);
    }

    /** Approximate bytes held by the event arrays (what "the CSR size" means in benchmarks). */
    public long csrBytes() {
        return 4L * offsets.length + 4L * itemIds.length + 8L * times.length + actionIds.length;
    }

    @Override
    public String toString() {
        return "SequenceDataset[" + info.name() + ": " + numUsers() + " users, " + numItems() + " items, "
                + numInteractions() + " events]";
    }
}

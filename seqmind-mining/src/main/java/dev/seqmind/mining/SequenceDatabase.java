package dev.seqmind.mining;

import dev.seqmind.data.model.IdMap;
import dev.seqmind.data.model.ItemCatalog;
import dev.seqmind.data.model.SequenceDataset;

import java.util.Arrays;
import java.util.Objects;

/**
 * Sequences of itemsets in flat arrays, the input of every sequence miner.
 *
 * <p>Layout: sequence {@code s} owns elements {@code [start(s), end(s))}. Element {@code e} holds a dense item id
 * {@code item(e)} in {@code [0, numItems)}, the index {@code itemset(e)} of its itemset within the sequence, and the
 * time {@code time(e)} of that itemset. Invariants: itemset indices start at 0 and never decrease within a sequence
 * (they may skip, e.g. after items were removed, so positional gaps stay true to the input); items inside one itemset
 * are strictly ascending (no duplicates); times never decrease. Without explicit times, {@code time(e) == itemset(e)}.
 *
 * <p>Example: SPMF line {@code 1 -1 1 2 3 -1 4 -1 -2} with dense ids equal to the labels gives items
 * {@code [1, 1, 2, 3, 4]}, itemsets {@code [0, 1, 1, 1, 2]}.
 *
 * <p>Immutable and thread-safe; arrays passed to the constructor are adopted (not copied) and never exposed.
 */
public final class SequenceDatabase {
    private final int[] starts;
    private final int[] items;
    private final int[] itemsets;
    private final long[] times;
    private final IdMap itemIds;
    private final ItemCatalog catalog;
    private final String name;

    /**
     * Adopts the arrays. {@code times} may be {@code null} (time = itemset index).
     *
     * @throws IllegalArgumentException if the arrays break the invariants of the class documentation
     */
    public SequenceDatabase(String name, int[] starts, int[] items, int[] itemsets, long[] times, IdMap itemIds,
                            ItemCatalog catalog) {
        this.name = Objects.requireNonNull(name, "name");
        this.starts = starts;
        this.items = items;
        this.itemsets = itemsets;
        this.times = times;
        this.itemIds = Objects.requireNonNull(itemIds, "itemIds");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        validate();
    }

    private void validate() {
        int n = starts[starts.length - 1];
        if (starts[0] != 0 || items.length != n || itemsets.length != n || (times != null && times.length != n)) {
            throw new IllegalArgumentException("inconsistent array lengths for " + n + " elements");
        }
        int numItems = itemIds.size();
        for (int s = 0; s + 1 < starts.length; s++) {
            for (int e = starts[s]; e < starts[s + 1]; e++) {
                if (items[e] < 0 || items[e] >= numItems) {
                    throw new IllegalArgumentException("item " + items[e] + " outside [0, " + numItems + ")");
                }
                if (e == starts[s]) {
                    if (itemsets[e] < 0) {
                        throw new IllegalArgumentException("negative itemset index in sequence " + s);
                    }
                    continue;
                }
                if (itemsets[e] < itemsets[e - 1] || (itemsets[e] == itemsets[e - 1] && items[e] <= items[e - 1])) {
                    throw new IllegalArgumentException("sequence " + s + " element " + (e - starts[s])
                            + ": itemsets must not decrease and items inside an itemset must ascend");
                }
                if (times != null && times[e] < times[e - 1]) {
                    throw new IllegalArgumentException("sequence " + s + ": times decrease");
                }
            }
        }
    }

    /**
     * Turns each user's events into one sequence. Items inside an itemset are sorted and de-duplicated (an item
     * bought twice at one instant counts once, as in SPMF).
     */
    public static SequenceDatabase of(SequenceDataset data, ItemsetGrouping grouping) {
        int users = data.numUsers();
        int[] starts = new int[users + 1];
        int total = data.numInteractions();
        int[] items = new int[total];
        int[] itemsets = new int[total];
        long[] times = new long[total];
        int out = 0;
        for (int u = 0; u < users; u++) {
            starts[u] = out;
            int from = data.start(u);
            int to = data.end(u);
            int itemset = -1;
            int e = from;
            while (e < to) {
                int runEnd = e + 1;
                if (grouping == ItemsetGrouping.SAME_TIME) {
                    while (runEnd < to && data.time(runEnd) == data.time(e)) {
                        runEnd++;
                    }
                }
                itemset++;
                int runStart = out;
                for (int k = e; k < runEnd; k++) {
                    items[out++] = data.item(k);
                }
                Arrays.sort(items, runStart, out);
                int w = runStart;
                for (int k = runStart; k < out; k++) {
                    if (k == runStart || items[k] != items[w - 1]) {
                        items[w] = items[k];
                        itemsets[w] = itemset;
                        times[w] = grouping == ItemsetGrouping.SAME_TIME ? data.time(e) : itemset;
                        w++;
                    }
                }
                out = w;
                e = runEnd;
            }
        }
        starts[users] = out;
        boolean explicitTimes = grouping == ItemsetGrouping.SAME_TIME;
        return new SequenceDatabase(data.info().name(), starts, Arrays.copyOf(items, out),
                Arrays.copyOf(itemsets, out), explicitTimes ? Arrays.copyOf(times, out) : null, data.items(),
                data.catalog());
    }

    public String name() {
        return name;
    }

    public int numSequences() {
        return starts.length - 1;
    }

    /** Number of distinct dense item ids (the size of {@link #itemIds()}), not all of which need occur. */
    public int numItems() {
        return itemIds.size();
    }

    public int numElements() {
        return items.length;
    }

    public int start(int seq) {
        return starts[seq];
    }

    public int end(int seq) {
        return starts[seq + 1];
    }

    public int item(int element) {
        return items[element];
    }

    public int itemset(int element) {
        return itemsets[element];
    }

    public long time(int element) {
        return times == null ? itemsets[element] : times[element];
    }

    /** True when times were given explicitly (otherwise a time is the itemset index). */
    public boolean hasTimes() {
        return times != null;
    }

    public IdMap itemIds() {
        return itemIds;
    }

    public ItemCatalog catalog() {
        return catalog;
    }

    /** The external id of a dense item id. */
    public String label(int item) {
        return itemIds.externalId(item);
    }

    /** Number of sequences containing each item (dense id order). */
    public int[] sequenceCounts() {
        int[] counts = new int[numItems()];
        int[] lastSeq = new int[numItems()];
        Arrays.fill(lastSeq, -1);
        for (int s = 0; s < numSequences(); s++) {
            for (int e = starts[s]; e < starts[s + 1]; e++) {
                int it = items[e];
                if (lastSeq[it] != s) {
                    lastSeq[it] = s;
                    counts[it]++;
                }
            }
        }
        return counts;
    }

    /** Largest number of items in one itemset (1 for plain item sequences, 0 when empty). */
    public int maxItemsetSize() {
        int max = 0;
        int run = 0;
        for (int e = 0; e < items.length; e++) {
            run = (e > 0 && itemsets[e] == itemsets[e - 1] && !isSequenceStart(e)) ? run + 1 : 1;
            max = Math.max(max, run);
        }
        return max;
    }

    private boolean isSequenceStart(int e) {
        return Arrays.binarySearch(starts, e) >= 0;
    }

    @Override
    public String toString() {
        return "SequenceDatabase[" + name + ": " + numSequences() + " sequences, " + numItems() + " items, "
                + numElements() + " elements]";
    }
}

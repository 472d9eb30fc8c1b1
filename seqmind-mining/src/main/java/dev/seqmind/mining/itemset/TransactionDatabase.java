package dev.seqmind.mining.itemset;

import dev.seqmind.data.error.InputFormatException;
import dev.seqmind.data.model.IdMap;
import dev.seqmind.data.model.ItemCatalog;
import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.mining.SequenceDatabase;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Transactions (sets of dense item ids) in CSR layout: transaction {@code t} holds {@code items[start(t), end(t))},
 * strictly ascending (duplicates inside a transaction are removed on entry, so an item counts once per transaction).
 * Immutable and thread-safe; arrays passed in are adopted.
 */
public final class TransactionDatabase {
    private final int[] starts;
    private final int[] items;
    private final IdMap itemIds;
    private final ItemCatalog catalog;

    public TransactionDatabase(int[] starts, int[] items, IdMap itemIds, ItemCatalog catalog) {
        this.starts = starts;
        this.items = items;
        this.itemIds = itemIds;
        this.catalog = catalog;
        for (int t = 0; t + 1 < starts.length; t++) {
            for (int e = starts[t] + 1; e < starts[t + 1]; e++) {
                if (items[e] <= items[e - 1]) {
                    throw new IllegalArgumentException("transaction " + t + " is not strictly ascending");
                }
            }
        }
    }

    /** Each user's whole history as one transaction (the set of items the user touched). */
    public static TransactionDatabase of(SequenceDataset data) {
        int users = data.numUsers();
        int[] starts = new int[users + 1];
        int[] items = new int[data.numInteractions()];
        int w = 0;
        for (int u = 0; u < users; u++) {
            starts[u] = w;
            int from = w;
            data.copyItems(data.start(u), data.end(u), items, w);
            w += data.length(u);
            w = sortUnique(items, from, w);
        }
        starts[users] = w;
        return new TransactionDatabase(starts, Arrays.copyOf(items, w), data.items(), data.catalog());
    }

    /** Each sequence as one transaction: the set of items in any of its itemsets. Keeps the item ids and catalog. */
    public static TransactionDatabase of(SequenceDatabase db) {
        int n = db.numSequences();
        int[] starts = new int[n + 1];
        int[] items = new int[db.numElements()];
        int w = 0;
        for (int s = 0; s < n; s++) {
            starts[s] = w;
            int from = w;
            for (int e = db.start(s); e < db.end(s); e++) {
                items[w++] = db.item(e);
            }
            w = sortUnique(items, from, w);
        }
        starts[n] = w;
        return new TransactionDatabase(starts, Arrays.copyOf(items, w), db.itemIds(), db.catalog());
    }

    /**
     * Reads an SPMF/FIMI transaction file: one transaction per line, items are non-negative integers separated by
     * spaces; lines starting with {@code #}, {@code %} or {@code @} and empty lines are skipped. Dense ids ascend with
     * the numeric label.
     *
     * @throws InputFormatException naming the line of a token that is not a non-negative integer
     */
    public static TransactionDatabase readSpmf(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read transaction file " + file, e);
        }
        int[] raw = new int[1024];
        int n = 0;
        int[] starts = new int[lines.size() + 1];
        int t = 0;
        int maxLabel = 0;
        for (int ln = 0; ln < lines.size(); ln++) {
            String line = lines.get(ln).trim();
            if (line.isEmpty() || line.charAt(0) == '#' || line.charAt(0) == '%' || line.charAt(0) == '@') {
                continue;
            }
            starts[t] = n;
            for (String tok : line.split("\\s+")) {
                int v;
                try {
                    v = Integer.parseInt(tok);
                } catch (NumberFormatException e) {
                    v = -1;
                }
                if (v < 0) {
                    throw new InputFormatException(file.toString(), ln + 1, "item",
                            "'" + tok + "' is not a non-negative integer");
                }
                if (n == raw.length) {
                    raw = Arrays.copyOf(raw, n * 2);
                }
                raw[n++] = v;
                maxLabel = Math.max(maxLabel, v);
            }
            n = sortUnique(raw, starts[t], n);
            t++;
        }
        starts[t] = n;
        int[] denseOf = new int[maxLabel + 1];
        Arrays.fill(denseOf, -1);
        for (int e = 0; e < n; e++) {
            denseOf[raw[e]] = 0;
        }
        List<String> labels = new ArrayList<>();
        for (int v = 0; v <= maxLabel; v++) {
            if (denseOf[v] == 0) {
                denseOf[v] = labels.size();
                labels.add(Integer.toString(v));
            }
        }
        for (int e = 0; e < n; e++) {
            raw[e] = denseOf[raw[e]];
        }
        return new TransactionDatabase(Arrays.copyOf(starts, t + 1), Arrays.copyOf(raw, n), IdMap.of(labels),
                ItemCatalog.EMPTY);
    }

    private static int sortUnique(int[] a, int from, int to) {
        Arrays.sort(a, from, to);
        int w = from;
        for (int k = from; k < to; k++) {
            if (k == from || a[k] != a[w - 1]) {
                a[w++] = a[k];
            }
        }
        return w;
    }

    public int numTransactions() {
        return starts.length - 1;
    }

    public int numItems() {
        return itemIds.size();
    }

    public int start(int t) {
        return starts[t];
    }

    public int end(int t) {
        return starts[t + 1];
    }

    public int item(int e) {
        return items[e];
    }

    public IdMap itemIds() {
        return itemIds;
    }

    public ItemCatalog catalog() {
        return catalog;
    }

    public String label(int item) {
        return itemIds.externalId(item);
    }

    /** Number of transactions containing each item. */
    public int[] itemCounts() {
        int[] c = new int[numItems()];
        for (int it : items) {
            c[it]++;
        }
        return c;
    }
}

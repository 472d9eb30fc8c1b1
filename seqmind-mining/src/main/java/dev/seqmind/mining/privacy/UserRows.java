package dev.seqmind.mining.privacy;

import dev.seqmind.mining.SequenceDatabase;
import dev.seqmind.mining.itemset.TransactionDatabase;

/**
 * Each user's items in order, as {@link PrivatePatternMiner} reads them: user {@code u} owns elements
 * {@code [starts[u], starts[u+1])}, element {@code e} holds item {@code items[e]} at position {@code positions[e]}
 * (the itemset index; non-decreasing within a user, and all 0 for sets). Adopts the arrays.
 *
 * @param starts    {@code users + 1} offsets
 * @param items     dense item ids in {@code [0, numItems)}
 * @param positions itemset index of each element
 * @param numItems  size of the item id space
 */
public record UserRows(int[] starts, int[] items, int[] positions, int numItems) {
    public int users() {
        return starts.length - 1;
    }

    /** One row per sequence of {@code db} (a dataset's user), with its itemset indices as positions. */
    public static UserRows of(SequenceDatabase db) {
        int n = db.numSequences();
        int[] starts = new int[n + 1];
        int total = db.numElements();
        int[] items = new int[total];
        int[] pos = new int[total];
        for (int s = 0; s < n; s++) {
            starts[s + 1] = db.end(s);
            for (int e = db.start(s); e < db.end(s); e++) {
                items[e] = db.item(e);
                pos[e] = db.itemset(e);
            }
        }
        return new UserRows(starts, items, pos, db.numItems());
    }

    /** One row per transaction of {@code db}, all at position 0. */
    public static UserRows of(TransactionDatabase db) {
        int n = db.numTransactions();
        int[] starts = new int[n + 1];
        int total = n == 0 ? 0 : db.end(n - 1);
        int[] items = new int[total];
        for (int t = 0; t < n; t++) {
            starts[t + 1] = db.end(t);
            for (int e = db.start(t); e < db.end(t); e++) {
                items[e] = db.item(e);
            }
        }
        return new UserRows(starts, items, new int[total], db.numItems());
    }
}

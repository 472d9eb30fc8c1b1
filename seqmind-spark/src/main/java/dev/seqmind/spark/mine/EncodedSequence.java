package dev.seqmind.spark.mine;

import dev.seqmind.mining.SequenceDatabase;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One sequence of itemsets as a Spark record, in {@link SequenceDatabase}'s element layout: dense item ids (global to
 * the job), each element's itemset index and time. Arrays are adopted, not copied.
 */
public record EncodedSequence(int[] items, int[] itemsets, long[] times) implements Serializable {

    /** Every sequence of {@code db}, in order. */
    public static List<EncodedSequence> of(SequenceDatabase db) {
        List<EncodedSequence> out = new ArrayList<>(db.numSequences());
        for (int s = 0; s < db.numSequences(); s++) {
            int from = db.start(s);
            int n = db.end(s) - from;
            int[] items = new int[n];
            int[] itemsets = new int[n];
            long[] times = new long[n];
            for (int k = 0; k < n; k++) {
                items[k] = db.item(from + k);
                itemsets[k] = db.itemset(from + k);
                times[k] = db.time(from + k);
            }
            out.add(new EncodedSequence(items, itemsets, times));
        }
        return out;
    }

    /**
     * The part a partition needs: elements from the first itemset holding an item of {@code owner == part} on, items
     * with {@code owner < 0} (infrequent) left out; {@code null} when no item of the sequence belongs to the part.
     * Itemset indices and times are kept, so gap and window constraints see the original positions.
     */
    EncodedSequence suffixFor(int part, int[] owner) {
        int first = -1;
        for (int e = 0; e < items.length && first < 0; e++) {
            if (owner[items[e]] == part) {
                first = e;
            }
        }
        if (first < 0) {
            return null;
        }
        while (first > 0 && itemsets[first - 1] == itemsets[first]) {
            first--;
        }
        int n = 0;
        for (int e = first; e < items.length; e++) {
            if (owner[items[e]] >= 0) {
                n++;
            }
        }
        int[] it = new int[n];
        int[] sets = new int[n];
        long[] ts = new long[n];
        int w = 0;
        for (int e = first; e < items.length; e++) {
            if (owner[items[e]] >= 0) {
                it[w] = items[e];
                sets[w] = itemsets[e];
                ts[w++] = times[e];
            }
        }
        return new EncodedSequence(it, sets, ts);
    }

    /**
     * The whole sequence without its infrequent items ({@code owner < 0}); itemset indices and times are kept, so
     * first and last occurrences stay in place.
     */
    EncodedSequence frequentPart(int[] owner) {
        int n = 0;
        for (int item : items) {
            if (owner[item] >= 0) {
                n++;
            }
        }
        if (n == items.length) {
            return this;
        }
        int[] it = new int[n];
        int[] sets = new int[n];
        long[] ts = new long[n];
        int w = 0;
        for (int e = 0; e < items.length; e++) {
            if (owner[items[e]] >= 0) {
                it[w] = items[e];
                sets[w] = itemsets[e];
                ts[w++] = times[e];
            }
        }
        return new EncodedSequence(it, sets, ts);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EncodedSequence s && Arrays.equals(items, s.items) && Arrays.equals(itemsets, s.itemsets)
                && Arrays.equals(times, s.times);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(items) + Arrays.hashCode(itemsets)) + Arrays.hashCode(times);
    }

    @Override
    public String toString() {
        return "EncodedSequence" + Arrays.toString(items);
    }
}

package dev.seqmind.mining.rules;

import dev.seqmind.mining.SequenceDatabase;

import java.util.Arrays;

/**
 * The index sequential-rule search runs on, for items supported by at least {@code minSupport} sequences:
 * per sequence, each such item once with the itemset index of its first and last occurrence (ascending item id); and
 * per item, the ascending list of sequences containing it. Immutable once built; shared read-only by workers.
 */
final class ItemOccurrences {
    final int numSequences;
    final int numItems;
    final int[] seqStart;
    final int[] seqItem;
    final int[] seqFirst;
    final int[] seqLast;
    final int[] itemStart;
    final int[] itemSeqs;

    private ItemOccurrences(int numSequences, int numItems, int[] seqStart, int[] seqItem, int[] seqFirst,
                            int[] seqLast, int[] itemStart, int[] itemSeqs) {
        this.numSequences = numSequences;
        this.numItems = numItems;
        this.seqStart = seqStart;
        this.seqItem = seqItem;
        this.seqFirst = seqFirst;
        this.seqLast = seqLast;
        this.itemStart = itemStart;
        this.itemSeqs = itemSeqs;
    }

    int support(int item) {
        return itemStart[item + 1] - itemStart[item];
    }

    static ItemOccurrences build(SequenceDatabase db, long minSupport) {
        int n = db.numSequences();
        int items = db.numItems();
        int[] counts = db.sequenceCounts();
        int[] first = new int[items];
        int[] last = new int[items];
        int[] seen = new int[items];
        Arrays.fill(seen, -1);
        int[] seqStart = new int[n + 1];
        int cap = 1024;
        int[] seqItem = new int[cap];
        int[] seqFirst = new int[cap];
        int[] seqLast = new int[cap];
        int w = 0;
        int[] distinct = new int[16];
        for (int s = 0; s < n; s++) {
            seqStart[s] = w;
            int nd = 0;
            for (int e = db.start(s); e < db.end(s); e++) {
                int it = db.item(e);
                if (counts[it] < minSupport) {
                    continue;
                }
                if (seen[it] != s) {
                    seen[it] = s;
                    first[it] = db.itemset(e);
                    if (nd == distinct.length) {
                        distinct = Arrays.copyOf(distinct, nd * 2);
                    }
                    distinct[nd++] = it;
                }
                last[it] = db.itemset(e);
            }
            Arrays.sort(distinct, 0, nd);
            if (w + nd > cap) {
                cap = Math.max(cap * 2, w + nd);
                seqItem = Arrays.copyOf(seqItem, cap);
                seqFirst = Arrays.copyOf(seqFirst, cap);
                seqLast = Arrays.copyOf(seqLast, cap);
            }
            for (int i = 0; i < nd; i++) {
                int it = distinct[i];
                seqItem[w] = it;
                seqFirst[w] = first[it];
                seqLast[w] = last[it];
                w++;
            }
        }
        seqStart[n] = w;
        int[] itemStart = new int[items + 1];
        for (int e = 0; e < w; e++) {
            itemStart[seqItem[e] + 1]++;
        }
        for (int i = 0; i < items; i++) {
            itemStart[i + 1] += itemStart[i];
        }
        int[] fill = Arrays.copyOf(itemStart, items);
        int[] itemSeqs = new int[w];
        for (int s = 0; s < n; s++) {
            for (int e = seqStart[s]; e < seqStart[s + 1]; e++) {
                itemSeqs[fill[seqItem[e]]++] = s;
            }
        }
        return new ItemOccurrences(n, items, seqStart, Arrays.copyOf(seqItem, w), Arrays.copyOf(seqFirst, w),
                Arrays.copyOf(seqLast, w), itemStart, itemSeqs);
    }

    /** Sequences in both {@code a} and item {@code item}'s list (ascending). */
    int[] intersect(int[] a, int item) {
        int[] out = new int[Math.min(a.length, support(item))];
        int i = 0;
        int j = itemStart[item];
        int jEnd = itemStart[item + 1];
        int w = 0;
        while (i < a.length && j < jEnd) {
            int x = a[i];
            int y = itemSeqs[j];
            if (x == y) {
                out[w++] = x;
                i++;
                j++;
            } else if (x < y) {
                i++;
            } else {
                j++;
            }
        }
        return w == out.length ? out : Arrays.copyOf(out, w);
    }

    int[] sequencesOf(int item) {
        return Arrays.copyOfRange(itemSeqs, itemStart[item], itemStart[item + 1]);
    }
}

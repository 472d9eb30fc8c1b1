package dev.seqmind.mining.rules;

import dev.seqmind.data.error.InvalidParameterException;
import dev.seqmind.data.model.LongDenseIds;
import dev.seqmind.mining.MinSupport;
import dev.seqmind.mining.SequenceDatabase;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Mines prefix-to-next-item rules ({@link NextItemRule}) over the element order of each sequence (items of one itemset
 * in ascending id order), for prefixes of 1 to {@code maxPrefix} items: the one counter behind both
 * {@code mine rules --next-item} (support in sequences) and the rules recommender (support in occurrences).
 *
 * <p>Each prefix is packed into one {@code long} ({@code bits} bits per item, item id + 1 so shorter prefixes differ)
 * and numbered densely; each (prefix, next) occurrence becomes {@code row << 32 | next}. Under
 * {@link Counting#SEQUENCES} the pairs and prefixes are de-duplicated per sequence first. All pairs are sorted once and
 * counted in runs, so a prefix's rules come out together, in ascending next-item order: no boxed maps. Needs
 * {@code maxPrefix * bits <= 63}, e.g. 3-item prefixes over 2 million items. Stateless.
 */
public final class NextItemRuleMiner {
    /** What a rule's support counts. */
    public enum Counting {
        /** Sequences where the prefix is immediately followed by the item (each sequence counts once). */
        SEQUENCES,
        /** Every position where the prefix is immediately followed by the item. */
        OCCURRENCES
    }

    private NextItemRuleMiner() {
    }

    /** {@link Counting#SEQUENCES} rules with the given support and confidence; returns how many. */
    public static long mine(SequenceDatabase db, MinSupport minSupport, double minConfidence, int maxPrefix,
                            Consumer<NextItemRule> out) {
        return mine(db, Counting.SEQUENCES, minSupport, minConfidence, maxPrefix, out);
    }

    /**
     * Streams rules with {@code support >= minSupport} and {@code confidence >= minConfidence}, grouped by prefix;
     * returns how many. Confidence divides by how often the prefix is followed by any item, counted the same way;
     * lift divides confidence by the next item's share of sequences (or of elements, when counting occurrences).
     */
    public static long mine(SequenceDatabase db, Counting counting, MinSupport minSupport, double minConfidence,
                            int maxPrefix, Consumer<NextItemRule> out) {
        InvalidParameterException.requireInRange("maxPrefix", maxPrefix, 1, 8);
        if (!(minConfidence >= 0 && minConfidence <= 1)) {
            throw new InvalidParameterException("minConfidence", minConfidence, "in [0, 1]");
        }
        int bits = 64 - Long.numberOfLeadingZeros(db.numItems() + 1L);
        if (maxPrefix * bits > 63) {
            throw new InvalidParameterException("maxPrefix", maxPrefix, "at most " + (63 / bits)
                    + " for " + db.numItems() + " items", "use shorter prefixes");
        }
        boolean perSequence = counting == Counting.SEQUENCES;
        long minSup = minSupport.absolute(db.numSequences());
        LongDenseIds prefixes = new LongDenseIds(Math.max(16, db.numElements() / 4));
        long[] pairs = new long[Math.max(16, db.numElements() * maxPrefix)];
        int np = 0;
        long[] prefixCount = new long[64];
        long[] seqPairs = new long[64];
        long[] seqRows = new long[64];
        for (int s = 0; s < db.numSequences(); s++) {
            int from = db.start(s);
            int to = db.end(s);
            int need = (to - from) * maxPrefix;
            if (seqPairs.length < need) {
                seqPairs = new long[need];
                seqRows = new long[need];
            }
            int r = 0;
            for (int i = from + 1; i < to; i++) {
                long key = 0;
                for (int m = 1; m <= maxPrefix && i - m >= from; m++) {
                    key = (key << bits) | (db.item(i - m) + 1L);
                    int row = prefixes.getOrAdd(key);
                    seqRows[r] = row;
                    seqPairs[r++] = ((long) row << 32) | db.item(i);
                }
            }
            int pr = perSequence ? unique(seqPairs, r) : r;
            int rr = perSequence ? unique(seqRows, r) : r;
            if (prefixCount.length < prefixes.size()) {
                prefixCount = Arrays.copyOf(prefixCount, Math.max(prefixes.size(), prefixCount.length * 2));
            }
            for (int i = 0; i < rr; i++) {
                prefixCount[(int) seqRows[i]]++;
            }
            if (np + pr > pairs.length) {
                pairs = Arrays.copyOf(pairs, Math.max(np + pr, pairs.length * 2));
            }
            System.arraycopy(seqPairs, 0, pairs, np, pr);
            np += pr;
        }
        Arrays.sort(pairs, 0, np);
        int[] itemSupport = perSequence ? db.sequenceCounts() : elementCounts(db);
        double population = perSequence ? db.numSequences() : db.numElements();
        long mask = (1L << bits) - 1;
        long count = 0;
        for (int i = 0; i < np; ) {
            int j = i;
            while (j < np && pairs[j] == pairs[i]) {
                j++;
            }
            long support = j - i;
            if (support >= minSup) {
                int row = (int) (pairs[i] >>> 32);
                int next = (int) pairs[i];
                double confidence = support / (double) prefixCount[row];
                if (confidence + 1e-12 >= minConfidence) {
                    out.accept(new NextItemRule(decode(prefixes.key(row), bits, mask), next, support, confidence,
                            confidence / (itemSupport[next] / population)));
                    count++;
                }
            }
            i = j;
        }
        return count;
    }

    private static int[] elementCounts(SequenceDatabase db) {
        int[] c = new int[db.numItems()];
        for (int e = 0; e < db.numElements(); e++) {
            c[db.item(e)]++;
        }
        return c;
    }

    private static int unique(long[] a, int n) {
        Arrays.sort(a, 0, n);
        int w = 0;
        for (int i = 0; i < n; i++) {
            if (w == 0 || a[i] != a[w - 1]) {
                a[w++] = a[i];
            }
        }
        return w;
    }

    /** Prefix items in order (the key holds the first prefix item in its lowest bits). */
    private static int[] decode(long prefixKey, int bits, long mask) {
        int m = 0;
        for (long k = prefixKey; k != 0; k >>>= bits) {
            m++;
        }
        int[] out = new int[m];
        long k = prefixKey;
        for (int i = 0; i < m; i++) {
            out[i] = (int) (k & mask) - 1;
            k >>>= bits;
        }
        return out;
    }
}

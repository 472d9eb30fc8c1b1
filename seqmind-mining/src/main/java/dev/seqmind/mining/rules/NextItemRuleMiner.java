package dev.seqmind.mining.rules;

import dev.seqmind.data.error.InvalidParameterException;
import dev.seqmind.mining.MinSupport;
import dev.seqmind.mining.SequenceDatabase;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Mines prefix-to-next-item rules ({@link NextItemRule}) over the element order of each sequence (items of one itemset
 * in ascending id order), for prefixes of 1 to {@code maxPrefix} items. Each (prefix, next) occurrence is packed into
 * one {@code long} ({@code bits} bits per item, item id + 1 so shorter prefixes differ), de-duplicated per sequence,
 * then all are sorted once and counted in runs: no boxed maps. Needs {@code (maxPrefix + 1) * bits <= 63}, e.g.
 * up to 4-item prefixes over 4,095 items or 2-item prefixes over 2 million. Stateless.
 */
public final class NextItemRuleMiner {
    private NextItemRuleMiner() {
    }

    /** Streams rules with {@code support >= minSupport} and {@code confidence >= minConfidence}; returns how many. */
    public static long mine(SequenceDatabase db, MinSupport minSupport, double minConfidence, int maxPrefix,
                            Consumer<NextItemRule> out) {
        InvalidParameterException.requireInRange("maxPrefix", maxPrefix, 1, 8);
        if (!(minConfidence >= 0 && minConfidence <= 1)) {
            throw new InvalidParameterException("minConfidence", minConfidence, "in [0, 1]");
        }
        int bits = 64 - Long.numberOfLeadingZeros(db.numItems() + 1L);
        if ((maxPrefix + 1) * bits > 63) {
            throw new InvalidParameterException("maxPrefix", maxPrefix, "at most " + (63 / bits - 1)
                    + " for " + db.numItems() + " items", "use shorter prefixes");
        }
        long minSup = minSupport.absolute(db.numSequences());
        long mask = (1L << bits) - 1;
        int n = db.numSequences();
        long[] ruleKeys = new long[Math.max(16, db.numElements() * maxPrefix)];
        long[] prefixKeys = new long[ruleKeys.length];
        int nr = 0;
        int np = 0;
        long[] seqRules = new long[64];
        long[] seqPrefixes = new long[64];
        int[] itemSupport = db.sequenceCounts();
        for (int s = 0; s < n; s++) {
            int from = db.start(s);
            int to = db.end(s);
            int len = to - from;
            int need = len * maxPrefix;
            if (seqRules.length < need) {
                seqRules = new long[need];
                seqPrefixes = new long[need];
            }
            int r = 0;
            for (int i = from + 1; i < to; i++) {
                long key = 0;
                for (int m = 1; m <= maxPrefix && i - m >= from; m++) {
                    key = (key << bits) | (db.item(i - m) + 1L);
                    seqPrefixes[r] = key;
                    seqRules[r] = (key << bits) | (db.item(i) + 1L);
                    r++;
                }
            }
            int ur = unique(seqRules, r);
            int up = unique(seqPrefixes, r);
            if (nr + ur > ruleKeys.length) {
                ruleKeys = Arrays.copyOf(ruleKeys, Math.max(nr + ur, ruleKeys.length * 2));
            }
            if (np + up > prefixKeys.length) {
                prefixKeys = Arrays.copyOf(prefixKeys, Math.max(np + up, prefixKeys.length * 2));
            }
            System.arraycopy(seqRules, 0, ruleKeys, nr, ur);
            System.arraycopy(seqPrefixes, 0, prefixKeys, np, up);
            nr += ur;
            np += up;
        }
        Arrays.sort(ruleKeys, 0, nr);
        Arrays.sort(prefixKeys, 0, np);
        // compress to distinct prefixes and their sequence counts
        long[] prefixCount = new long[np];
        int distinct = 0;
        for (int i = 0; i < np; i++) {
            if (distinct == 0 || prefixKeys[i] != prefixKeys[distinct - 1]) {
                prefixKeys[distinct] = prefixKeys[i];
                prefixCount[distinct++] = 0;
            }
            prefixCount[distinct - 1]++;
        }
        long count = 0;
        for (int i = 0; i < nr; ) {
            int j = i;
            while (j < nr && ruleKeys[j] == ruleKeys[i]) {
                j++;
            }
            long support = j - i;
            if (support >= minSup) {
                long key = ruleKeys[i];
                int next = (int) (key & mask) - 1;
                long prefixKey = key >>> bits;
                long prefixSupport = prefixCount[Arrays.binarySearch(prefixKeys, 0, distinct, prefixKey)];
                double confidence = support / (double) prefixSupport;
                if (confidence + 1e-12 >= minConfidence) {
                    out.accept(new NextItemRule(decode(prefixKey, bits, mask), next, support, confidence,
                            confidence / (itemSupport[next] / (double) n)));
                    count++;
                }
            }
            i = j;
        }
        return count;
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

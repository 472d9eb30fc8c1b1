package dev.seqmind.mining.sequence;

import dev.seqmind.mining.Pattern;
import dev.seqmind.mining.PatternSink;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Test oracle: grows candidate patterns one item at a time from the empty pattern and counts each candidate's support
 * by searching every embedding in every sequence (with the gap and window tests applied to each embedding). It shares
 * no code with the miners. Only for tiny databases.
 *
 * @param sequences sequence -> itemsets (each ascending) ; {@code times} and {@code positions} parallel to itemsets
 */
record BruteForceMiner(List<List<int[]>> sequences, List<long[]> times, List<int[]> positions, int numItems) {

    List<Pattern> mine(long minSupport, PatternConstraints c) {
        List<Pattern> out = new ArrayList<>();
        grow(new ArrayList<>(), 0, minSupport, c, out);
        out.removeIf(p -> p.itemCount() < c.minLength() || !containsAll(p, c.requiredItems()));
        return out;
    }

    List<Pattern> closed(List<Pattern> all, boolean maximal) {
        List<Pattern> out = new ArrayList<>();
        for (Pattern p : all) {
            boolean dominated = false;
            for (Pattern q : all) {
                if (q.itemCount() > p.itemCount() && (maximal || q.support() == p.support())
                        && isSubPattern(p.itemsets(), q.itemsets())) {
                    dominated = true;
                    break;
                }
            }
            if (!dominated) {
                out.add(p);
            }
        }
        return out;
    }

    static List<Pattern> topK(List<Pattern> all, int k) {
        List<Pattern> sorted = new ArrayList<>(all);
        sorted.sort(Comparator.comparingLong(Pattern::support).reversed());
        if (sorted.size() <= k) {
            return sorted;
        }
        long kth = sorted.get(k - 1).support();
        sorted.removeIf(p -> p.support() < kth);
        return sorted;
    }

    private void grow(List<int[]> prefix, int itemCount, long minSupport, PatternConstraints c, List<Pattern> out) {
        if (itemCount >= c.maxLength()) {
            return;
        }
        for (int x = 0; x < numItems; x++) {
            if (Arrays.binarySearch(c.excludedItems(), x) >= 0) {
                continue;
            }
            for (int kind = 0; kind < 2; kind++) {
                List<int[]> cand = new ArrayList<>(prefix);
                if (kind == 0) {
                    cand.add(new int[] {x});
                } else {
                    if (prefix.isEmpty()) {
                        continue;
                    }
                    int[] last = prefix.get(prefix.size() - 1);
                    if (x <= last[last.length - 1]) {
                        continue;
                    }
                    int[] ext = Arrays.copyOf(last, last.length + 1);
                    ext[last.length] = x;
                    cand.set(cand.size() - 1, ext);
                }
                long support = 0;
                for (int s = 0; s < sequences.size(); s++) {
                    if (occurs(cand, s, c)) {
                        support++;
                    }
                }
                if (support >= minSupport) {
                    out.add(new Pattern(encode(cand), support));
                    grow(cand, itemCount + 1, minSupport, c, out);
                }
            }
        }
    }

    private boolean occurs(List<int[]> pattern, int s, PatternConstraints c) {
        return embed(pattern, 0, s, -1, 0, c);
    }

    private boolean embed(List<int[]> pattern, int k, int s, int prev, long start, PatternConstraints c) {
        if (k == pattern.size()) {
            return true;
        }
        List<int[]> seq = sequences.get(s);
        for (int j = prev + 1; j < seq.size(); j++) {
            if (!subset(pattern.get(k), seq.get(j))) {
                continue;
            }
            long t = times.get(s)[j];
            if (k > 0) {
                int gap = positions.get(s)[j] - positions.get(s)[prev];
                if (gap > c.maxGap() || t - times.get(s)[prev] > c.maxGapTime() || t - start > c.maxWindow()) {
                    continue;
                }
            }
            if (embed(pattern, k + 1, s, j, k == 0 ? t : start, c)) {
                return true;
            }
        }
        return false;
    }

    private static boolean subset(int[] small, int[] big) {
        for (int x : small) {
            if (Arrays.stream(big).noneMatch(y -> y == x)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isSubPattern(List<int[]> sub, List<int[]> sup) {
        int k = 0;
        for (int j = 0; j < sup.size() && k < sub.size(); j++) {
            if (subset(sub.get(k), sup.get(j))) {
                k++;
            }
        }
        return k == sub.size();
    }

    private static boolean containsAll(Pattern p, int[] required) {
        for (int r : required) {
            if (Arrays.stream(p.items()).noneMatch(x -> x == r)) {
                return false;
            }
        }
        return true;
    }

    static int[] encode(List<int[]> itemsets) {
        int n = itemsets.size() - 1;
        for (int[] s : itemsets) {
            n += s.length;
        }
        int[] out = new int[n];
        int w = 0;
        for (int i = 0; i < itemsets.size(); i++) {
            if (i > 0) {
                out[w++] = PatternSink.ITEMSET_END;
            }
            for (int x : itemsets.get(i)) {
                out[w++] = x;
            }
        }
        return out;
    }
}

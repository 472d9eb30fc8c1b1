package dev.seqmind.mining.sequence;

import dev.seqmind.mining.IntArrayKey;
import dev.seqmind.mining.Pattern;
import dev.seqmind.mining.PatternSink;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps the closed (no super-pattern with the same support) or maximal (no frequent super-pattern) patterns of a
 * complete set of frequent patterns. Without gap or window constraints, the frequent patterns are closed under taking
 * sub-patterns, so a pattern has a qualifying super-pattern iff it has one with exactly one more item: each pattern's
 * one-item-smaller sub-patterns are looked up in a hash map (time linear in the total pattern size). Under gap or
 * window constraints that closure does not hold, and every longer pattern is tested for containment (quadratic).
 * Stateless.
 */
final class ClosedMaximalFilter {
    private ClosedMaximalFilter() {
    }

    /** Sends the kept patterns to {@code sink} (support descending), calls {@code finish}, returns how many. */
    static long filter(List<Pattern> patterns, OutputKind kind, PatternConstraints c, PatternSink sink) {
        boolean[] dominated = c.needsOccurrences() ? quadratic(patterns, kind) : oneItemSmaller(patterns, kind);
        Integer[] order = new Integer[patterns.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Long.compare(patterns.get(b).support(), patterns.get(a).support()));
        long n = 0;
        for (int i : order) {
            if (!dominated[i]) {
                Pattern p = patterns.get(i);
                sink.accept(p.items(), p.items().length, p.support());
                n++;
            }
        }
        sink.finish();
        return n;
    }

    private static boolean[] oneItemSmaller(List<Pattern> patterns, OutputKind kind) {
        Map<IntArrayKey, Integer> index = new HashMap<>(patterns.size() * 2);
        for (int i = 0; i < patterns.size(); i++) {
            index.put(new IntArrayKey(patterns.get(i).items()), i);
        }
        boolean[] dominated = new boolean[patterns.size()];
        for (Pattern q : patterns) {
            int[] a = q.items();
            for (int i = 0; i < a.length; i++) {
                if (a[i] == PatternSink.ITEMSET_END) {
                    continue;
                }
                boolean aloneBefore = i == 0 || a[i - 1] == PatternSink.ITEMSET_END;
                boolean aloneAfter = i == a.length - 1 || a[i + 1] == PatternSink.ITEMSET_END;
                int[] sub;
                if (aloneBefore && aloneAfter) {
                    if (a.length == 1) {
                        continue;
                    }
                    // remove the item and one separator next to it
                    int cutFrom = i == 0 ? 0 : i - 1;
                    int cutTo = i == 0 ? i + 2 : i + 1;
                    sub = remove(a, cutFrom, cutTo);
                } else {
                    sub = remove(a, i, i + 1);
                }
                Integer p = index.get(new IntArrayKey(sub));
                if (p != null && (kind == OutputKind.MAXIMAL || patterns.get(p).support() == q.support())) {
                    dominated[p] = true;
                }
            }
        }
        return dominated;
    }

    private static boolean[] quadratic(List<Pattern> patterns, OutputKind kind) {
        boolean[] dominated = new boolean[patterns.size()];
        for (int i = 0; i < patterns.size(); i++) {
            Pattern p = patterns.get(i);
            for (int j = 0; j < patterns.size() && !dominated[i]; j++) {
                Pattern q = patterns.get(j);
                if (q.itemCount() > p.itemCount()
                        && (kind == OutputKind.MAXIMAL || q.support() == p.support())
                        && contains(q.itemsets(), p.itemsets())) {
                    dominated[i] = true;
                }
            }
        }
        return dominated;
    }

    /** True when {@code sub}'s itemsets are subsets of strictly increasing itemsets of {@code sup}. */
    static boolean contains(List<int[]> sup, List<int[]> sub) {
        int k = 0;
        for (int[] set : sup) {
            if (k < sub.size() && isSubset(sub.get(k), set)) {
                k++;
            }
        }
        return k == sub.size();
    }

    private static boolean isSubset(int[] small, int[] big) {
        for (int x : small) {
            boolean found = false;
            for (int y : big) {
                found |= x == y;
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }

    private static int[] remove(int[] a, int from, int to) {
        int[] out = new int[a.length - (to - from)];
        System.arraycopy(a, 0, out, 0, from);
        System.arraycopy(a, to, out, from, a.length - to);
        return out;
    }
}

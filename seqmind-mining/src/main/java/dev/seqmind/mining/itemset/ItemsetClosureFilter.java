package dev.seqmind.mining.itemset;

import dev.seqmind.mining.IntArrayKey;
import dev.seqmind.mining.Pattern;
import dev.seqmind.mining.PatternSink;
import dev.seqmind.mining.sequence.OutputKind;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps the closed or maximal itemsets of a complete frequent set. Frequent itemsets are closed under subsets, so an
 * itemset has a qualifying superset iff it has one with exactly one more item: each itemset's one-smaller subsets are
 * looked up in a hash map. Stateless.
 */
final class ItemsetClosureFilter {
    private ItemsetClosureFilter() {
    }

    static long filter(List<Pattern> itemsets, OutputKind kind, PatternSink sink) {
        Map<IntArrayKey, Integer> index = new HashMap<>(itemsets.size() * 2);
        for (int i = 0; i < itemsets.size(); i++) {
            index.put(new IntArrayKey(itemsets.get(i).items()), i);
        }
        boolean[] dominated = new boolean[itemsets.size()];
        for (Pattern q : itemsets) {
            int[] a = q.items();
            if (a.length < 2) {
                continue;
            }
            int[] sub = new int[a.length - 1];
            for (int skip = 0; skip < a.length; skip++) {
                for (int i = 0, w = 0; i < a.length; i++) {
                    if (i != skip) {
                        sub[w++] = a[i];
                    }
                }
                Integer p = index.get(new IntArrayKey(sub));
                if (p != null && (kind == OutputKind.MAXIMAL || itemsets.get(p).support() == q.support())) {
                    dominated[p] = true;
                }
            }
        }
        long n = 0;
        for (int i = 0; i < itemsets.size(); i++) {
            if (!dominated[i]) {
                Pattern p = itemsets.get(i);
                sink.accept(p.items(), p.items().length, p.support());
                n++;
            }
        }
        sink.finish();
        return n;
    }
}

package dev.seqmind.mining.itemset;

import dev.seqmind.data.error.InvalidParameterException;
import dev.seqmind.mining.IntArrayKey;
import dev.seqmind.mining.Pattern;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Association rules from a complete set of frequent itemsets (as FP-Growth with {@code OutputKind.ALL} gives): for every
 * itemset of two or more items, every split into a non-empty antecedent and consequent whose confidence reaches
 * {@code minConfidence}. Every subset of a frequent itemset is frequent, so all supports needed are in the set.
 * Itemsets larger than {@link #MAX_RULE_ITEMS} items are skipped (their splits would number 2^n). Stateless.
 */
public final class AssociationRuleMiner {
    /** Largest itemset whose splits are enumerated. */
    public static final int MAX_RULE_ITEMS = 20;

    private AssociationRuleMiner() {
    }

    /**
     * Streams the rules to {@code out}; returns how many.
     *
     * @param transactions the number of transactions (for lift and leverage)
     */
    public static long mine(List<Pattern> frequentItemsets, long transactions, double minConfidence,
                            Consumer<AssociationRule> out) {
        if (!(minConfidence >= 0 && minConfidence <= 1)) {
            throw new InvalidParameterException("minConfidence", minConfidence, "in [0, 1]");
        }
        Map<IntArrayKey, Long> support = new HashMap<>(frequentItemsets.size() * 2);
        for (Pattern p : frequentItemsets) {
            support.put(new IntArrayKey(p.items()), p.support());
        }
        double n = transactions;
        long count = 0;
        for (Pattern p : frequentItemsets) {
            int[] items = p.items();
            int k = items.length;
            if (k < 2 || k > MAX_RULE_ITEMS) {
                continue;
            }
            for (int mask = 1; mask < (1 << k) - 1; mask++) {
                int[] a = pick(items, mask, true);
                int[] c = pick(items, mask, false);
                Long supA = support.get(new IntArrayKey(a));
                Long supC = support.get(new IntArrayKey(c));
                if (supA == null || supC == null) {
                    throw new IllegalArgumentException("the itemset set is not complete: a subset of "
                            + Arrays.toString(items) + " is missing");
                }
                double conf = p.support() / (double) supA;
                if (conf + 1e-12 < minConfidence) {
                    continue;
                }
                double lift = conf / (supC / n);
                double leverage = p.support() / n - (supA / n) * (supC / n);
                out.accept(new AssociationRule(a, c, p.support(), conf, lift, leverage));
                count++;
            }
        }
        return count;
    }

    /** Convenience: collects the rules. */
    public static List<AssociationRule> mine(List<Pattern> frequentItemsets, long transactions, double minConfidence) {
        List<AssociationRule> out = new ArrayList<>();
        mine(frequentItemsets, transactions, minConfidence, out::add);
        return out;
    }

    private static int[] pick(int[] items, int mask, boolean inMask) {
        int[] out = new int[inMask ? Integer.bitCount(mask) : items.length - Integer.bitCount(mask)];
        int w = 0;
        for (int i = 0; i < items.length; i++) {
            if (((mask >>> i) & 1) == 1 == inMask) {
                out[w++] = items[i];
            }
        }
        return out;
    }
}

package dev.seqmind.rec.model.rules;

import java.util.Arrays;
import java.util.List;

/**
 * Rules in flat arrays, indexed by the last antecedent item: rules whose antecedent ends with item {@code i} are
 * {@code byLast[byLastStart[i], byLastStart[i+1])}, ordered by confidence (highest first), then support, then rule
 * index. Rule {@code r}'s antecedent is {@code antItems[antStart[r], antStart[r+1])}. Immutable; package-private
 * arrays adopted from the builder.
 */
final class RuleSet {
    final int[] antStart;
    final int[] antItems;
    final int[] consequent;
    final long[] support;
    final double[] confidence;
    final double[] lift;
    final int[] byLastStart;
    final int[] byLast;

    RuleSet(int[] antStart, int[] antItems, int[] consequent, long[] support, double[] confidence, double[] lift,
            int numItems) {
        this.antStart = antStart;
        this.antItems = antItems;
        this.consequent = consequent;
        this.support = support;
        this.confidence = confidence;
        this.lift = lift;
        int n = consequent.length;
        byLastStart = new int[numItems + 1];
        for (int r = 0; r < n; r++) {
            byLastStart[lastItem(r) + 1]++;
        }
        for (int i = 0; i < numItems; i++) {
            byLastStart[i + 1] += byLastStart[i];
        }
        Integer[] order = new Integer[n];
        for (int r = 0; r < n; r++) {
            order[r] = r;
        }
        Arrays.sort(order, (a, b) -> {
            int c = Integer.compare(lastItem(a), lastItem(b));
            if (c == 0) {
                c = Double.compare(confidence[b], confidence[a]);
            }
            if (c == 0) {
                c = Long.compare(support[b], support[a]);
            }
            return c != 0 ? c : Integer.compare(a, b);
        });
        byLast = new int[n];
        for (int j = 0; j < n; j++) {
            byLast[j] = order[j];
        }
    }

    static RuleSet of(List<Rule> rules, int numItems) {
        int n = rules.size();
        int[] antStart = new int[n + 1];
        for (int r = 0; r < n; r++) {
            antStart[r + 1] = antStart[r] + rules.get(r).antecedentLength();
        }
        int[] antItems = new int[antStart[n]];
        int[] cons = new int[n];
        long[] sup = new long[n];
        double[] conf = new double[n];
        double[] lift = new double[n];
        for (int r = 0; r < n; r++) {
            Rule rule = rules.get(r);
            for (int j = 0; j < rule.antecedentLength(); j++) {
                int item = rule.antecedentItem(j);
                checkItem(item, numItems);
                antItems[antStart[r] + j] = item;
            }
            checkItem(rule.consequent(), numItems);
            cons[r] = rule.consequent();
            sup[r] = rule.support();
            conf[r] = rule.confidence();
            lift[r] = rule.lift();
        }
        return new RuleSet(antStart, antItems, cons, sup, conf, lift, numItems);
    }

    private static void checkItem(int item, int numItems) {
        if (item < 0 || item >= numItems) {
            throw new IllegalArgumentException("rule item " + item + " outside [0, " + numItems + ")");
        }
    }

    int size() {
        return consequent.length;
    }

    int lastItem(int r) {
        return antItems[antStart[r + 1] - 1];
    }

    int length(int r) {
        return antStart[r + 1] - antStart[r];
    }

    Rule rule(int r) {
        return new Rule(Arrays.copyOfRange(antItems, antStart[r], antStart[r + 1]), consequent[r],
                support[r], confidence[r], lift[r]);
    }
}

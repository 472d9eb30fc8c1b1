package dev.seqmind.mining.rules;

import java.util.Arrays;

/**
 * A sequential rule {@code antecedent => consequent}: in a supporting sequence every item of the antecedent occurs
 * before every item of the consequent (each side unordered). Items are dense ids of the mined dataset, ascending;
 * the two sides are disjoint and non-empty.
 *
 * @param support    sequences supporting the rule
 * @param confidence {@code support / (sequences containing every antecedent item)}
 * @param lift       {@code confidence / (sequences containing every consequent item / all sequences)}
 */
public record SequentialRule(int[] antecedent, int[] consequent, long support, double confidence, double lift) {
    public SequentialRule {
        if (antecedent.length == 0 || consequent.length == 0) {
            throw new IllegalArgumentException("both sides of a rule must be non-empty");
        }
        for (int a : antecedent) {
            for (int c : consequent) {
                if (a == c) {
                    throw new IllegalArgumentException("antecedent and consequent share item " + a);
                }
            }
        }
    }

    /**
     * A rule's lift: {@code confidence / (consequentSupport / sequences)}, the one formula the miner and a distributed
     * run that recomputes the lift over the whole log both use.
     */
    public static double lift(double confidence, long consequentSupport, long sequences) {
        return confidence / (consequentSupport / (double) sequences);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SequentialRule r && Arrays.equals(r.antecedent, antecedent)
                && Arrays.equals(r.consequent, consequent) && r.support == support
                && Double.compare(r.confidence, confidence) == 0;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(antecedent) * 31 + Arrays.hashCode(consequent);
    }

    /** Compact form {@code "1,2 => 3 #SUP: 4 #CONF: 0.5"} (ids, not labels). */
    @Override
    public String toString() {
        return join(antecedent) + " => " + join(consequent) + " #SUP: " + support + " #CONF: " + confidence
                + " #LIFT: " + lift;
    }

    private static String join(int[] a) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < a.length; i++) {
            sb.append(i == 0 ? "" : ",").append(a[i]);
        }
        return sb.toString();
    }
}

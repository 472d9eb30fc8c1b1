package dev.seqmind.mining.itemset;

import java.util.Arrays;

/**
 * An association rule {@code antecedent => consequent} between disjoint itemsets (ascending dense item ids).
 * {@code support} counts transactions containing both sides; {@code confidence = sup(A u C) / sup(A)};
 * {@code lift = confidence / (sup(C) / n)}; {@code leverage = sup(A u C)/n - sup(A)/n * sup(C)/n}.
 * The arrays are owned by the record: callers must not modify them.
 */
public record AssociationRule(int[] antecedent, int[] consequent, long support, double confidence, double lift,
                              double leverage) {
    public AssociationRule {
        for (int a : antecedent) {
            if (Arrays.binarySearch(consequent, a) >= 0) {
                throw new IllegalArgumentException("antecedent and consequent share item " + a);
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AssociationRule r && Arrays.equals(r.antecedent, antecedent)
                && Arrays.equals(r.consequent, consequent) && r.support == support;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(antecedent) * 31 + Arrays.hashCode(consequent);
    }

    @Override
    public String toString() {
        return Arrays.toString(antecedent) + " => " + Arrays.toString(consequent) + " sup " + support + " conf "
                + confidence + " lift " + lift + " lev " + leverage;
    }
}

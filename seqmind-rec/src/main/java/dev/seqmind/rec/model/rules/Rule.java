package dev.seqmind.rec.model.rules;

import java.util.Arrays;

/**
 * A sequential rule over dense item ids: after the {@code antecedent} items (in this order), {@code consequent}
 * comes next.
 *
 * @param antecedent  one or more dense item ids, oldest first
 * @param consequent  the predicted item
 * @param support     number of training occurrences of antecedent followed by consequent
 * @param confidence  support / occurrences of the antecedent, in (0, 1]
 * @param lift        confidence / (share of training events that are the consequent)
 */
public record Rule(int[] antecedent, int consequent, long support, double confidence, double lift) {
    public Rule {
        if (antecedent.length == 0) {
            throw new IllegalArgumentException("a rule needs at least one antecedent item");
        }
        antecedent = antecedent.clone();
        if (!(confidence > 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence " + confidence + " outside (0, 1]");
        }
    }

    @Override
    public int[] antecedent() {
        return antecedent.clone();
    }

    int antecedentLength() {
        return antecedent.length;
    }

    int antecedentItem(int i) {
        return antecedent[i];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Rule r && Arrays.equals(antecedent, r.antecedent) && consequent == r.consequent
                && support == r.support && Double.compare(confidence, r.confidence) == 0
                && Double.compare(lift, r.lift) == 0;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(antecedent) * 31 + consequent;
    }

    @Override
    public String toString() {
        return Arrays.toString(antecedent) + " => " + consequent + " (support " + support + ", confidence "
                + confidence + ", lift " + lift + ")";
    }
}

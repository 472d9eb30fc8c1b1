package dev.seqmind.spark.mine;

import dev.seqmind.mining.rules.SequentialRule;

import java.io.Serializable;

/**
 * A sequential rule as executors send it to the driver: both sides as ascending dense item ids, its support and
 * confidence over the whole log (the lift is computed on the driver from the whole log's consequent support).
 */
record MinedRule(int[] antecedent, int[] consequent, long support, double confidence) implements Serializable {

    static MinedRule of(SequentialRule r) {
        return new MinedRule(r.antecedent(), r.consequent(), r.support(), r.confidence());
    }
}

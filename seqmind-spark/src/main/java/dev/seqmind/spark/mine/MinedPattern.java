package dev.seqmind.spark.mine;

import dev.seqmind.mining.PatternSink;

import java.io.Serializable;
import java.util.Arrays;

/**
 * A pattern found on the cluster: dense item ids with {@link PatternSink#ITEMSET_END} between itemsets (the mining
 * module's encoding), and its support in sequences. The array is owned by the record.
 */
public record MinedPattern(int[] items, long support) implements Serializable {
    @Override
    public boolean equals(Object o) {
        return o instanceof MinedPattern p && p.support == support && Arrays.equals(items, p.items);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(items) + Long.hashCode(support);
    }

    @Override
    public String toString() {
        return Arrays.toString(items) + " #" + support;
    }
}

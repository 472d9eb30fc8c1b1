package dev.seqmind.mining.rules;

import java.util.Arrays;

/**
 * A prefix-to-next-item rule: the items of {@code prefix}, consecutive and in this order, are immediately followed by
 * {@code next}. Dense item ids of the mined dataset.
 *
 * @param support    sequences (or positions, see {@link NextItemRuleMiner.Counting}) where {@code prefix} is
 *                   immediately followed by {@code next}
 * @param confidence {@code support / (how often prefix is immediately followed by any item)}, counted the same way
 * @param lift       {@code confidence / (next's share of sequences, or of elements when counting positions)}
 */
public record NextItemRule(int[] prefix, int next, long support, double confidence, double lift) {
    @Override
    public boolean equals(Object o) {
        return o instanceof NextItemRule r && Arrays.equals(r.prefix, prefix) && r.next == next
                && r.support == support;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(prefix) * 31 + next;
    }

    @Override
    public String toString() {
        return Arrays.toString(prefix) + " -> " + next + " #SUP: " + support + " #CONF: " + confidence;
    }
}

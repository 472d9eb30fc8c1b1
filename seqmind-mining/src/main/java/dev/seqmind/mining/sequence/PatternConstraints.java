package dev.seqmind.mining.sequence;

import dev.seqmind.data.error.InvalidParameterException;

import java.util.Arrays;

/**
 * Constraints applied inside the sequential-pattern search (they prune the search; they are not filters after it).
 *
 * <ul>
 *   <li>{@code minLength}, {@code maxLength}: number of items in a pattern (SPMF's convention: {@code <(a b)(c)>} has
 *       length 3).</li>
 *   <li>{@code maxGap}: consecutive itemsets of a pattern must match itemsets at most this many positions apart in the
 *       sequence ({@code 1} = adjacent itemsets, no gap).</li>
 *   <li>{@code maxGapTime}: ... and at most this much time apart (same unit as the sequence times).</li>
 *   <li>{@code maxWindow}: the whole match must span at most this much time (last itemset time minus first).</li>
 *   <li>{@code requiredItems}: a pattern is reported only if it contains every one of these dense item ids.</li>
 *   <li>{@code excludedItems}: these dense item ids never appear in a pattern (they are removed before the search;
 *       positions of the remaining items do not move, so gaps are measured in the original sequence).</li>
 * </ul>
 * {@code Integer.MAX_VALUE} / {@code Long.MAX_VALUE} stand for "no limit"; empty arrays for "none". Arrays are copied.
 */
public record PatternConstraints(int minLength, int maxLength, int maxGap, long maxGapTime, long maxWindow,
                                 int[] requiredItems, int[] excludedItems) {
    public static final PatternConstraints NONE = new PatternConstraints(1, Integer.MAX_VALUE, Integer.MAX_VALUE,
            Long.MAX_VALUE, Long.MAX_VALUE, new int[0], new int[0]);

    public PatternConstraints {
        InvalidParameterException.requireInRange("minLength", minLength, 1, Integer.MAX_VALUE);
        if (maxLength < minLength) {
            throw new InvalidParameterException("maxLength", maxLength, ">= minLength (" + minLength + ")");
        }
        InvalidParameterException.requireInRange("maxGap", maxGap, 1, Integer.MAX_VALUE);
        if (maxGapTime < 0) {
            throw new InvalidParameterException("maxGapTime", maxGapTime, ">= 0");
        }
        if (maxWindow < 0) {
            throw new InvalidParameterException("maxWindow", maxWindow, ">= 0");
        }
        requiredItems = Arrays.stream(requiredItems).distinct().sorted().toArray();
        excludedItems = Arrays.stream(excludedItems).distinct().sorted().toArray();
        for (int r : requiredItems) {
            if (Arrays.binarySearch(excludedItems, r) >= 0) {
                throw new InvalidParameterException("requiredItems", r, "not also excluded");
            }
        }
    }

    public PatternConstraints withLength(int min, int max) {
        return new PatternConstraints(min, max, maxGap, maxGapTime, maxWindow, requiredItems, excludedItems);
    }

    public PatternConstraints withMaxGap(int value) {
        return new PatternConstraints(minLength, maxLength, value, maxGapTime, maxWindow, requiredItems, excludedItems);
    }

    public PatternConstraints withMaxGapTime(long value) {
        return new PatternConstraints(minLength, maxLength, maxGap, value, maxWindow, requiredItems, excludedItems);
    }

    public PatternConstraints withMaxWindow(long value) {
        return new PatternConstraints(minLength, maxLength, maxGap, maxGapTime, value, requiredItems, excludedItems);
    }

    public PatternConstraints withRequired(int... items) {
        return new PatternConstraints(minLength, maxLength, maxGap, maxGapTime, maxWindow, items, excludedItems);
    }

    public PatternConstraints withExcluded(int... items) {
        return new PatternConstraints(minLength, maxLength, maxGap, maxGapTime, maxWindow, requiredItems, items);
    }

    /** True when a gap or window constraint needs every occurrence of a prefix, not only the earliest. */
    public boolean needsOccurrences() {
        return maxGap != Integer.MAX_VALUE || maxGapTime != Long.MAX_VALUE || maxWindow != Long.MAX_VALUE;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PatternConstraints c && c.minLength == minLength && c.maxLength == maxLength
                && c.maxGap == maxGap && c.maxGapTime == maxGapTime && c.maxWindow == maxWindow
                && Arrays.equals(c.requiredItems, requiredItems) && Arrays.equals(c.excludedItems, excludedItems);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(new long[] {minLength, maxLength, maxGap, maxGapTime, maxWindow,
                Arrays.hashCode(requiredItems), Arrays.hashCode(excludedItems)});
    }

    @Override
    public String toString() {
        return "PatternConstraints[length " + minLength + ".." + maxLength + ", maxGap " + maxGap + ", maxGapTime "
                + maxGapTime + ", maxWindow " + maxWindow + ", required " + Arrays.toString(requiredItems)
                + ", excluded " + Arrays.toString(excludedItems) + "]";
    }
}

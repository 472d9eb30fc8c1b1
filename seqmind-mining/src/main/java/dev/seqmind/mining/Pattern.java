package dev.seqmind.mining;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One mined pattern: its encoded items (see the package documentation) and its support (number of sequences or
 * transactions containing it). The array is owned by the record: callers must not modify it.
 */
public record Pattern(int[] items, long support) {
    /** Copies {@code items[0..length)}. */
    public static Pattern copyOf(int[] items, int length, long support) {
        return new Pattern(Arrays.copyOf(items, length), support);
    }

    /** Parses the compact text form used in tests and docs, e.g. {@code "1 2 | 3"} for {@code <(1 2)(3)>}. */
    public static int[] parse(String text) {
        String[] tokens = text.trim().split("\\s+");
        int[] out = new int[tokens.length];
        for (int i = 0; i < tokens.length; i++) {
            out[i] = tokens[i].equals("|") ? PatternSink.ITEMSET_END : Integer.parseInt(tokens[i]);
        }
        return out;
    }

    /** Number of items (separators not counted). */
    public int itemCount() {
        return PatternSink.itemCount(items, items.length);
    }

    /** The itemsets of this pattern, in order. */
    public List<int[]> itemsets() {
        List<int[]> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= items.length; i++) {
            if (i == items.length || items[i] == PatternSink.ITEMSET_END) {
                out.add(Arrays.copyOfRange(items, start, i));
                start = i + 1;
            }
        }
        return out;
    }

    /** The compact text form, e.g. {@code "1 2 | 3"}. */
    public String key() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < items.length; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(items[i] == PatternSink.ITEMSET_END ? "|" : Integer.toString(items[i]));
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Pattern p && p.support == support && Arrays.equals(p.items, items);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(items) * 31 + Long.hashCode(support);
    }

    @Override
    public String toString() {
        return key() + " #SUP: " + support;
    }
}

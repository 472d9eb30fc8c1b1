package dev.seqmind.mining.sequence;

import dev.seqmind.mining.Pattern;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Keeps the patterns of highest support: the k best plus any that tie with the k-th. {@link #offer} returns the support
 * a pattern now needs to matter, which the search uses as its rising threshold. Not thread-safe (the search calls it
 * under its sink lock).
 */
final class TopKCollector {
    private final int k;
    private final long floor;
    private final TreeMap<Long, List<int[]>> bySupport = new TreeMap<>();
    private int size;

    TopKCollector(int k, long floor) {
        this.k = k;
        this.floor = floor;
    }

    /** Adds a pattern (adopting {@code items}) and returns the current threshold. */
    long offer(int[] items, long support) {
        if (size >= k && support < bySupport.firstKey()) {
            return bySupport.firstKey();
        }
        bySupport.computeIfAbsent(support, s -> new ArrayList<>()).add(items);
        size++;
        while (size - bySupport.firstEntry().getValue().size() >= k) {
            size -= bySupport.pollFirstEntry().getValue().size();
        }
        return size >= k ? Math.max(floor, bySupport.firstKey()) : floor;
    }

    /** The kept patterns, support descending (arrival order within a support). */
    List<Pattern> result() {
        List<Pattern> out = new ArrayList<>(size);
        for (var e : bySupport.descendingMap().entrySet()) {
            for (int[] items : e.getValue()) {
                out.add(new Pattern(items, e.getKey()));
            }
        }
        return out;
    }
}

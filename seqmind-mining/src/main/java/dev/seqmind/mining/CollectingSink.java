package dev.seqmind.mining;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * Keeps a copy of every pattern. Memory grows with the number of patterns: use it for small results, tests and
 * post-passes. Not thread-safe (miners serialise calls to sinks).
 */
public final class CollectingSink implements PatternSink {
    private final List<Pattern> patterns = new ArrayList<>();

    @Override
    public void accept(int[] items, int length, long support) {
        patterns.add(Pattern.copyOf(items, length, support));
    }

    /** The patterns in arrival order (a live, unmodifiable view). */
    public List<Pattern> patterns() {
        return Collections.unmodifiableList(patterns);
    }

    /** A copy sorted by support descending, then by item count ascending, then by key. */
    public List<Pattern> sortedBySupport() {
        List<Pattern> copy = new ArrayList<>(patterns);
        copy.sort(Comparator.comparingLong(Pattern::support).reversed()
                .thenComparingInt(Pattern::itemCount)
                .thenComparing(Pattern::key));
        return copy;
    }

    public int size() {
        return patterns.size();
    }
}

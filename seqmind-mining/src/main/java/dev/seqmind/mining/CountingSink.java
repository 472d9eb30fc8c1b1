package dev.seqmind.mining;

/**
 * Counts patterns and keeps nothing else. Not thread-safe (miners serialise calls to sinks).
 */
public final class CountingSink implements PatternSink {
    private long count;
    private long maxLength;

    @Override
    public void accept(int[] items, int length, long support) {
        count++;
        maxLength = Math.max(maxLength, PatternSink.itemCount(items, length));
    }

    /** Patterns received so far. */
    public long count() {
        return count;
    }

    /** Items in the longest pattern received so far (0 when none). */
    public long maxLength() {
        return maxLength;
    }
}

package dev.seqmind.mining;

/**
 * Receives mined patterns one at a time, so memory does not grow with the number of patterns unless the sink keeps
 * them.
 *
 * <p>{@code items[0..length)} holds the pattern in the encoding of the package documentation (dense item ids,
 * {@link #ITEMSET_END} between itemsets). The array is the miner's scratch buffer: a sink that keeps the pattern must
 * copy it. Miners serialise their calls (a parallel miner holds a lock around each call), so implementations need not
 * be thread-safe, but must not block for long.
 */
@FunctionalInterface
public interface PatternSink {
    /** Separates consecutive itemsets of a sequential pattern. */
    int ITEMSET_END = -1;

    void accept(int[] items, int length, long support);

    /** Called once after the last pattern (flush files here). The default does nothing. */
    default void finish() {
    }

    /** Number of items in an encoded pattern (separators not counted). */
    static int itemCount(int[] items, int length) {
        int n = 0;
        for (int i = 0; i < length; i++) {
            if (items[i] != ITEMSET_END) {
                n++;
            }
        }
        return n;
    }
}

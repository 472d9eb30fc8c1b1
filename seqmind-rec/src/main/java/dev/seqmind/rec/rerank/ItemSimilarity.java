package dev.seqmind.rec.rerank;

/**
 * How alike two items are, by dense id: a value in {@code [0, 1]}, symmetric, 1 for an item with itself when it has
 * any description. Implementations are immutable and thread-safe.
 */
public interface ItemSimilarity {
    /** The similarity of dense items {@code a} and {@code b}. */
    double similarity(int a, int b);

    /** The number of items this similarity knows (dense ids {@code [0, numItems)}). */
    int numItems();
}

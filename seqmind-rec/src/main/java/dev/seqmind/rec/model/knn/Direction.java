package dev.seqmind.rec.model.knn;

/** Which co-occurrences count for the neighbours of item {@code a}. */
public enum Direction {
    /** Only items that come after {@code a} (next-item signal). */
    FORWARD,
    /** Items before or after {@code a}. */
    BOTH
}

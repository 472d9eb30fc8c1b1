package dev.seqmind.mining.privacy;

/** What a pattern is and when a user contains it. */
public enum PatternShape {
    /** An ordered sequence of items, each in a later itemset than the one before (SPMF semantics, one item each). */
    SEQUENCE,
    /** A set of items that all occur somewhere in the user's history. */
    SET
}

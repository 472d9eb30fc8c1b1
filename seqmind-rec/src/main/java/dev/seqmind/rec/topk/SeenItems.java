package dev.seqmind.rec.topk;

/** Whether items already in the history may be recommended again. */
public enum SeenItems {
    /** Seen items compete like any other (the evaluation default of seqmind). */
    KEEP,
    /** Seen items are never returned. */
    EXCLUDE
}

package dev.seqmind.data.model;

/** What the numbers in {@link SequenceDataset#time(int)} mean. */
public enum TimeKind {
    /** Epoch milliseconds (UTC). */
    EPOCH_MILLIS,
    /** No clock in the input: the event's ordinal position; equal values mark events of one itemset. */
    ORDINAL
}

package dev.seqmind.neural.nn;

/** Which end of a window a Transformer's learned positions count from. */
public enum PositionOrigin {
    /**
     * The newest item is always the window's last position ({@code maxLength - 1}): a position says how recent an
     * item is, whatever the history's length.
     */
    NEWEST,
    /**
     * The oldest item in the window is position 0, as in the published SASRec and BERT4Rec code (right-padded
     * batches): a position says how far into the window an item is.
     */
    OLDEST
}

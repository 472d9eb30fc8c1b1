package dev.seqmind.neural.sasrec;

/** How SASRec turns next-item scores into a training loss. */
public enum SasRecLoss {
    /** Softmax cross-entropy over every item (SASRec+). Cost grows with the catalogue. */
    FULL_SOFTMAX,
    /** Softmax cross-entropy over the target and {@code negatives} uniformly sampled items shared by the batch. */
    SAMPLED_SOFTMAX,
    /** Binary cross-entropy with one sampled negative per position (the original SASRec). */
    BCE
}

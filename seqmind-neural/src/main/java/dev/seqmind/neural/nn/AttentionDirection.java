package dev.seqmind.neural.nn;

/** Which positions a self-attention layer lets each position see. */
public enum AttentionDirection {
    /** Only itself and earlier positions (SASRec). */
    CAUSAL,
    /** Every non-padding position (BERT4Rec). */
    BIDIRECTIONAL
}

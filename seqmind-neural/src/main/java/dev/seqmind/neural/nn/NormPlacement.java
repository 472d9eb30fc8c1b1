package dev.seqmind.neural.nn;

/** Where a Transformer block's LayerNorms sit. */
public enum NormPlacement {
    /** {@code x += f(LN(x))} for attention and feed-forward, one LayerNorm after the last block. */
    PRE,
    /**
     * {@code x = LN(x + f(x))} after attention and after feed-forward, a LayerNorm on the embeddings and none at the
     * end: BERT's placement, and that of most published SASRec and BERT4Rec implementations.
     */
    POST
}

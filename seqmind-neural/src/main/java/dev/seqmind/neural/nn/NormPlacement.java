package dev.seqmind.neural.nn;

/** Where a Transformer block's LayerNorms sit. */
public enum NormPlacement {
    /** {@code x += f(LN(x))} for attention and feed-forward, one LayerNorm after the last block. */
    PRE,
    /**
     * {@code x = LN(x + f(x))} after attention and after feed-forward, a LayerNorm on the embeddings and none at the
     * end: BERT's placement, and that of most published SASRec and BERT4Rec implementations.
     */
    POST,
    /**
     * The original SASRec block: {@code q = LN(x)} feeds only the attention's queries (keys and values come from the
     * un-normalised stream) and is the residual, {@code x = q + Attn(q, x, x)}; then {@code x = LN(x)},
     * {@code x += FFN(x)}; one LayerNorm after the last block.
     */
    QUERY
}

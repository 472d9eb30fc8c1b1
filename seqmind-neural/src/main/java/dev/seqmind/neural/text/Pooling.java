package dev.seqmind.neural.text;

/** How a sentence vector is made from the model's per-token outputs; the result is always L2-normalised. */
public enum Pooling {
    /** Mean of the token vectors under the attention mask (sentence-transformers models such as MiniLM). */
    MEAN,
    /** The first ([CLS]) token's vector (BGE models). */
    CLS
}

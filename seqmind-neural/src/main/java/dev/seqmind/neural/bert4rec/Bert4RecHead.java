package dev.seqmind.neural.bert4rec;

/** What BERT4Rec puts between the last block and the tied item embeddings it scores against. */
public enum Bert4RecHead {
    /** BERT's masked-LM transform {@code LN(GELU(h W + b))}, as in the original BERT4Rec. */
    TRANSFORM,
    /** Nothing: hidden states are scored against the item embeddings directly, as in the published SASRec+ study. */
    LINEAR
}

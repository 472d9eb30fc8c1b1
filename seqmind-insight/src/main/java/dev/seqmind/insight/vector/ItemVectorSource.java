package dev.seqmind.insight.vector;

/** Where item vectors come from (the item map, {@code similar --item} and users' mean item vectors). */
public enum ItemVectorSource {
    /** The model's item embeddings when a neural model is given, else behaviour. */
    AUTO,
    /** Categories, action mix, popularity and mean position ({@link ItemVectors#behaviour}). */
    BEHAVIOUR,
    /** A saved neural model's learned item embeddings ({@link ItemVectors#embeddings}). */
    MODEL,
    /** A language model's embedding of each item's title and genres ({@link ModelVectors#textItems}). */
    TEXT
}

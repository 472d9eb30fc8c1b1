package dev.seqmind.rec.rerank;

/**
 * A model that holds a vector per item (e.g. a neural model's item embedding table), so re-ranking can measure
 * similarity by {@link EmbeddingSimilarity} without a catalogue.
 */
public interface ItemVectors {
    /** One row per dense item {@code [0, numItems)}, all of one length; a fresh copy the caller may keep. */
    float[][] itemVectors();
}

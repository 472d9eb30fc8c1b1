package dev.seqmind.neural.serve;

import dev.seqmind.rec.Recommender;

/**
 * A recommender whose scores are a function of one vector per history: {@link #encode} runs the sequence model down
 * to the last position's final hidden state, {@link #scoreEncoded} turns that vector into every item's score (the
 * output layer: a matrix-vector product). {@code scoreEncoded(encode(h))} equals {@link #score score(h)} exactly, so
 * a server can keep each user's vector while their sequence is unchanged and answer with the product alone.
 */
public interface SequenceEncoder extends Recommender {
    /** Length of the vector {@link #encode} writes. */
    int encodedSize();

    /** Writes the history's vector into {@code encoded[0, encodedSize())}. Thread-safe. */
    void encode(int[] history, float[] encoded);

    /** Every item's score from a vector {@link #encode} wrote, into {@code out[0, numItems())}. Thread-safe. */
    void scoreEncoded(float[] encoded, float[] out);
}

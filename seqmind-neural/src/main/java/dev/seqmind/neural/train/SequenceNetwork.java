package dev.seqmind.neural.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.seqmind.neural.nn.ParameterStore;

import java.util.SplittableRandom;

/**
 * A trainable sequence model as the {@link TrainingLoop} sees it: parameters, a loss over a batch of training
 * sequences and scores for histories. Sequences and histories are dense item ids, oldest first.
 *
 * <p>Implementations are not thread-safe while training; {@link #scores} may run concurrently once training ended.
 */
public interface SequenceNetwork {
    /** Short model family name, e.g. "sasrec". */
    String name();

    /** The architecture record the network was built from (saved with the weights). */
    Record config();

    ParameterStore parameters();

    int numItems();

    /** The most recent items a sequence keeps (longer ones are truncated from the left). */
    int maxLength();

    /**
     * The scalar training loss of {@code sequences[from, to)} (each of length >= 2). Arrays it creates belong to the
     * current {@code NDScope}/{@code manager}. {@code rng} drives any sampling (masks, negatives) besides dropout.
     */
    NDArray loss(NDManager manager, int[][] sequences, int from, int to, SplittableRandom rng);

    /**
     * Scores of every item for each history, {@code [histories, numItems]} row-major, in inference mode (no dropout,
     * no gradients).
     */
    float[] scores(NDManager manager, int[][] histories, int from, int to);

    /**
     * The state each history is scored from, {@code [histories, dim]} row-major, in inference mode: row {@code r}
     * of {@link #scores} is this state's dot product with every item's output vector (the item embedding table
     * {@code item_emb}, tied, in every family but the text hybrid, whose table is made from text). For SASRec and
     * BERT4Rec it is the final hidden state at the last position, for GRU4Rec and LSTM the projected recurrent state
     * after the last item, for SR-GNN the session vector.
     */
    float[] states(NDManager manager, int[][] histories, int from, int to);

    /**
     * A training-mode (dropout on, part of the autograd graph) representation {@code [to - from, dim]} of each
     * sequence, the state that scores its next item; what {@link ContrastiveObjective} compares. Networks without
     * one throw {@link UnsupportedOperationException}.
     */
    default NDArray sequenceRepresentation(NDManager manager, int[][] sequences, int from, int to,
                                           SplittableRandom rng) {
        throw new UnsupportedOperationException(name() + " has no contrastive objective");
    }

    /** Whether {@link #sequenceRepresentation} is implemented. */
    default boolean hasSequenceRepresentation() {
        return false;
    }

    /**
     * Whether the network reads events older than its window (a summary of the long history): training rows then
     * keep every event before their window, which {@link #loss} uses as the row's own past, and {@link #scores}
     * reads whole histories. Networks that do not read them get rows cut to {@code maxLength() + 1} items.
     */
    default boolean readsOlderEvents() {
        return false;
    }

    /**
     * Called once by the training loop with every training row before the first step, for networks that compute
     * something per row ahead of training (a history feature's checkpoints). The default does nothing.
     */
    default void prepareTraining(int[][] rows) {
    }

    /** Approximate floating-point operations of one training step on {@code cells} non-padding positions. */
    default double trainingFlops(long cells, int batch, int length) {
        return Double.NaN;
    }
}

package dev.seqmind.neural.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

import java.util.SplittableRandom;

/**
 * How a sequence network (SASRec, GRU4Rec) makes its item table {@code [numItems + 1, dim]} (row 0 = padding), used
 * both to embed the input items and as the tied output layer. The plain model uses the learned id embedding
 * {@code item_emb} as it is; a hybrid adds learned projections of fixed content vectors
 * ({@code dev.seqmind.neural.text.TextItemRepresentation}).
 *
 * <p>Implementations are immutable apart from the parameters they register, and their {@link #table} is safe to call
 * concurrently once training has ended.
 */
public interface ItemRepresentation {
    /** The learned id embedding alone (the published SASRec). */
    ItemRepresentation ID_ONLY = new ItemRepresentation() {
        @Override
        public String kind() {
            return "";
        }

        @Override
        public void init(ParameterStore params, SplittableRandom rng, int numItems, int dim) {
        }

        @Override
        public NDArray table(ParameterStore params) {
            return params.get("item_emb");
        }
    };

    /**
     * What the network's family name gets as a suffix: {@code ""} for the id-only table, {@code "text"} for the
     * hybrid ({@code sasrec-text}, {@code gru4rec-text}).
     */
    String kind();

    /** {@code base} for the id-only table, else {@code base-kind} ({@code sasrec-text}). */
    default String familyOf(String base) {
        return kind().isEmpty() ? base : base + "-" + kind();
    }

    /**
     * Registers this representation's own parameters (after {@code item_emb}, {@code pos_emb} and the blocks) and
     * creates any fixed arrays in {@code params.manager()}.
     */
    void init(ParameterStore params, SplittableRandom rng, int numItems, int dim);

    /** The item table {@code [numItems + 1, dim]}, differentiable in the parameters. */
    NDArray table(ParameterStore params);

    /**
     * The table one training step uses (inputs and output layer); {@link #table} unless the representation drops or
     * masks parts of it while training. Arrays it creates belong to {@code manager}; {@code rng} drives any sampling.
     */
    default NDArray trainingTable(ParameterStore params, NDManager manager, SplittableRandom rng) {
        return table(params);
    }
}

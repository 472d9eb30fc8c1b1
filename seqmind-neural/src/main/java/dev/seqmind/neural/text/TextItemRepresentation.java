package dev.seqmind.neural.text;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import dev.seqmind.neural.nn.ParameterStore;
import dev.seqmind.neural.sasrec.ItemRepresentation;

import java.util.SplittableRandom;

/**
 * The hybrid item table: {@code E[i] = known[i] * id_emb[i] + W * text[i]}, where {@code text[i]} is the item's fixed
 * sentence vector ({@link ItemVectors}; zero for an item without text), {@code W} ({@code text_proj},
 * {@code [dim, textDim]}) is learned, and {@code known[i]} is 1 for items with training events and 0 for the others.
 * An item absent from training is therefore represented by its content alone: its id row, which only ever received
 * "not the target" gradients, is masked out rather than trusted.
 *
 * <p>The fixed arrays live in the parameter store's manager; {@link #init} must be called once, by the network's
 * constructor. Not thread-safe during {@link #init}; {@link #table} is safe concurrently afterwards.
 */
public final class TextItemRepresentation implements ItemRepresentation {
    public static final String FAMILY = "sasrec-text";

    private final ItemVectors vectors;
    private final int[] trainCounts;
    private NDArray text;
    private NDArray known;

    /**
     * @param vectors      one text vector per item (dense id order)
     * @param trainCounts  training events per item; items with 0 use content only
     */
    public TextItemRepresentation(ItemVectors vectors, int[] trainCounts) {
        if (vectors.numItems() != trainCounts.length) {
            throw new IllegalArgumentException(vectors.numItems() + " item vectors for " + trainCounts.length
                    + " items");
        }
        this.vectors = vectors;
        this.trainCounts = trainCounts.clone();
    }

    @Override
    public String family() {
        return FAMILY;
    }

    @Override
    public void init(ParameterStore params, SplittableRandom rng, int numItems, int dim) {
        if (numItems != trainCounts.length) {
            throw new IllegalArgumentException("network of " + numItems + " items for " + trainCounts.length
                    + " item vectors");
        }
        int td = vectors.dimension();
        float[] t = new float[(numItems + 1) * td];
        System.arraycopy(vectors.matrix(), 0, t, td, numItems * td);   // row 0 = padding
        float[] k = new float[numItems + 1];
        k[0] = 1f;
        for (int i = 0; i < numItems; i++) {
            k[i + 1] = trainCounts[i] > 0 ? 1f : 0f;
        }
        text = params.manager().create(t, new Shape(numItems + 1, td));
        known = params.manager().create(k, new Shape(numItems + 1, 1));
        params.xavier("text_proj", rng, dim, td);
    }

    @Override
    public NDArray table(ParameterStore params) {
        if (text == null) {
            throw new IllegalStateException("init was not called");
        }
        return params.get("item_emb").mul(known).add(text.matMul(params.get("text_proj").transpose()));
    }

    /** Items represented by content alone (no training event). */
    public int contentOnlyItems() {
        int n = 0;
        for (int c : trainCounts) {
            n += c == 0 ? 1 : 0;
        }
        return n;
    }
}

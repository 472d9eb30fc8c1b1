package dev.seqmind.neural.text;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
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
 * <p>Training: rows of items without training events are zero (logit 0, no gradient), so the model is not taught
 * that their content means "never next"; they did not exist when the model was trained. And each step drops the id
 * part of every known item with probability {@code idDropout}, so {@code W * text} alone must rank items well: that
 * is the only part a new item has at serving time.
 *
 * <p>The fixed arrays live in the parameter store's manager; {@link #init} must be called once, by the network's
 * constructor. Not thread-safe during {@link #init}; {@link #table} is safe concurrently afterwards.
 */
public final class TextItemRepresentation implements ItemRepresentation {
    public static final String FAMILY = "sasrec-text";

    private final ItemVectors vectors;
    private final int[] trainCounts;
    private final TextSettings settings;
    private final float idDropout;
    private NDArray text;
    private NDArray known;
    private float[] knownValues;

    /**
     * @param vectors      one text vector per item (dense id order)
     * @param trainCounts  training events per item; items with 0 use content only
     * @param settings     the model and template the vectors were made with (saved with the model)
     * @param idDropout    probability of dropping a known item's id part in a training step, in [0, 1)
     */
    public TextItemRepresentation(ItemVectors vectors, int[] trainCounts, TextSettings settings, float idDropout) {
        if (!(idDropout >= 0 && idDropout < 1)) {
            throw new dev.seqmind.data.error.InvalidParameterException("idDropout", idDropout, "in [0, 1)");
        }
        this.idDropout = idDropout;
        if (vectors.numItems() != trainCounts.length) {
            throw new IllegalArgumentException(vectors.numItems() + " item vectors for " + trainCounts.length
                    + " items");
        }
        this.vectors = vectors;
        this.trainCounts = trainCounts.clone();
        this.settings = java.util.Objects.requireNonNull(settings, "settings");
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
        knownValues = k;
        params.xavier("text_proj", rng, dim, td);
    }

    @Override
    public NDArray table(ParameterStore params) {
        if (text == null) {
            throw new IllegalStateException("init was not called");
        }
        return params.get("item_emb").mul(known).add(text.matMul(params.get("text_proj").transpose()));
    }

    @Override
    public NDArray trainingTable(ParameterStore params, NDManager manager, SplittableRandom rng) {
        if (text == null) {
            throw new IllegalStateException("init was not called");
        }
        float[] keep = knownValues.clone();
        if (idDropout > 0) {
            for (int i = 1; i < keep.length; i++) {
                if (keep[i] > 0 && rng.nextDouble() < idDropout) {
                    keep[i] = 0f;
                }
            }
        }
        NDArray idMask = manager.create(keep, new Shape(keep.length, 1));
        return params.get("item_emb").mul(idMask)
                .add(text.matMul(params.get("text_proj").transpose()).mul(known));
    }

    /**
     * What a model directory must keep to rebuild this representation ({@code text.json}): the text model, the item
     * text template, and the items represented by content alone.
     *
     * @param model       the sentence model the vectors came from
     * @param template    the item text template
     * @param contentOnly dense ids of the items without training events
     * @param idDropout   the training id dropout (kept for the record)
     */
    public record Saved(TextModelSpec model, String template, int[] contentOnly, float idDropout) {
    }

    /** This representation's {@link Saved} form. */
    public Saved saved() {
        int[] cold = new int[contentOnlyItems()];
        int k = 0;
        for (int i = 0; i < trainCounts.length; i++) {
            if (trainCounts[i] == 0) {
                cold[k++] = i;
            }
        }
        return new Saved(settings.model(), settings.template(), cold, idDropout);
    }

    /** Training counts that mark exactly {@code contentOnly} as items without training events. */
    public static int[] countsFrom(int numItems, int[] contentOnly) {
        int[] counts = new int[numItems];
        java.util.Arrays.fill(counts, 1);
        for (int i : contentOnly) {
            if (i < 0 || i >= numItems) {
                throw new IllegalArgumentException("content-only item " + i + " outside [0, " + numItems + ")");
            }
            counts[i] = 0;
        }
        return counts;
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

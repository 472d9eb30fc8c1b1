package dev.seqmind.neural.text;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.seqmind.neural.modality.ModalityVectors;
import dev.seqmind.neural.nn.ItemRepresentation;
import dev.seqmind.neural.nn.ParameterStore;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The hybrid item table: {@code E[i] = known[i] * id_emb[i] + W * text[i] + sum_m has_m[i] * W_m * v_m[i]}, where
 * {@code text[i]} is the item's fixed sentence vector ({@link ItemVectors}; zero for an item without text),
 * {@code v_m[i]} its vector of modality {@code m} (an image or audio embedding read from a file,
 * {@link ModalityVectors}), {@code has_m[i]} 1 when the file has item {@code i} and 0 when it lacks it (the mask: a
 * missing vector contributes nothing, so such an item gets exactly the representation it would have without that
 * modality), the projections {@code W} ({@code text_proj}, {@code [dim, textDim]}) and {@code W_m}
 * ({@code modality.NAME.proj}) are learned, and {@code known[i]} is 1 for items with training events and 0 for the
 * others. An item absent from training is therefore represented by its content alone: its id row, which only ever
 * received "not the target" gradients, is masked out rather than trusted. The same table serves SASRec and GRU4Rec.
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
    /** The kind suffix of the hybrid families. */
    public static final String KIND = "text";
    /** The hybrid SASRec. */
    public static final String FAMILY = "sasrec-" + KIND;
    /** The hybrid GRU4Rec. */
    public static final String GRU_FAMILY = "gru4rec-" + KIND;

    private final ItemVectors vectors;
    private final List<ModalityVectors> modalities;
    private final int[] trainCounts;
    private final TextSettings settings;
    private final float idDropout;
    private NDArray text;
    private NDArray known;
    private float[] knownValues;
    private final List<NDArray> modalityValues = new ArrayList<>();
    private final List<NDArray> modalityMasks = new ArrayList<>();

    /** Text alone, no other modality. */
    public TextItemRepresentation(ItemVectors vectors, int[] trainCounts, TextSettings settings, float idDropout) {
        this(vectors, List.of(), trainCounts, settings, idDropout);
    }

    /**
     * @param vectors      one text vector per item (dense id order)
     * @param modalities   other modalities' vectors for the same items, each with its mask of missing items
     * @param trainCounts  training events per item; items with 0 use content only
     * @param settings     the model and template the vectors were made with (saved with the model)
     * @param idDropout    probability of dropping a known item's id part in a training step, in [0, 1)
     */
    public TextItemRepresentation(ItemVectors vectors, List<ModalityVectors> modalities, int[] trainCounts,
                                  TextSettings settings, float idDropout) {
        if (!(idDropout >= 0 && idDropout < 1)) {
            throw new dev.seqmind.data.error.InvalidParameterException("idDropout", idDropout, "in [0, 1)");
        }
        this.idDropout = idDropout;
        if (vectors.numItems() != trainCounts.length) {
            throw new IllegalArgumentException(vectors.numItems() + " item vectors for " + trainCounts.length
                    + " items");
        }
        this.vectors = vectors;
        this.modalities = List.copyOf(modalities);
        java.util.Set<String> names = new java.util.HashSet<>();
        for (ModalityVectors mv : this.modalities) {
            if (mv.numItems() != trainCounts.length || !names.add(mv.name())) {
                throw new IllegalArgumentException("modality " + mv.name() + ": " + mv.numItems()
                        + " items for " + trainCounts.length + " (or its name repeats)");
            }
        }
        this.trainCounts = trainCounts.clone();
        this.settings = java.util.Objects.requireNonNull(settings, "settings");
    }

    @Override
    public String kind() {
        return KIND;
    }

    /** The other modalities, in the order given. */
    public List<ModalityVectors> modalities() {
        return modalities;
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
        for (ModalityVectors mv : modalities) {
            int md = mv.dimension();
            float[] v = new float[(numItems + 1) * md];
            float[] has = new float[numItems + 1];
            for (int i = 0; i < numItems; i++) {
                if (mv.has()[i]) {
                    System.arraycopy(mv.matrix(), i * md, v, (i + 1) * md, md);
                    has[i + 1] = 1f;
                }
            }
            modalityValues.add(params.manager().create(v, new Shape(numItems + 1, md)));
            modalityMasks.add(params.manager().create(has, new Shape(numItems + 1, 1)));
            params.xavier(projection(mv.name()), rng, dim, md);
        }
    }

    /** The parameter name of modality {@code name}'s projection. */
    public static String projection(String name) {
        return "modality." + name + ".proj";
    }

    /** {@code W * text + sum_m has_m * (W_m * v_m)}: the content part of every row. */
    private NDArray content(ParameterStore params) {
        NDArray c = text.matMul(params.get("text_proj").transpose());
        for (int j = 0; j < modalities.size(); j++) {
            NDArray projected = modalityValues.get(j).matMul(params.get(projection(modalities.get(j).name()))
                    .transpose());
            c = c.add(projected.mul(modalityMasks.get(j)));
        }
        return c;
    }

    @Override
    public NDArray table(ParameterStore params) {
        if (text == null) {
            throw new IllegalStateException("init was not called");
        }
        return params.get("item_emb").mul(known).add(content(params));
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
                .add(content(params).mul(known));
    }

    /**
     * What a model directory must keep to rebuild this representation ({@code text.json}): the text model, the item
     * text template, the items represented by content alone, and the other modalities (their vectors are kept beside
     * it as {@code modality-NAME.npy} and {@code .ids}).
     *
     * @param model       the sentence model the vectors came from
     * @param template    the item text template
     * @param contentOnly dense ids of the items without training events
     * @param idDropout   the training id dropout (kept for the record)
     * @param modalities  the other modalities, in the order of the model's projections (none in older files)
     * @param userText    the behaviour sentence fused into the user state, or {@code null} (none; older files)
     */
    public record Saved(TextModelSpec model, String template, int[] contentOnly, float idDropout,
                        List<SavedModality> modalities, UserText userText) {
        public Saved {
            modalities = modalities == null ? List.of() : List.copyOf(modalities);
        }

        /** The same with the user-side behaviour sentence ({@code null} = none). */
        public Saved withUserText(UserText value) {
            return new Saved(model, template, contentOnly, idDropout, modalities, value);
        }
    }

    /**
     * One modality of a saved model.
     *
     * @param name       its name
     * @param dimension  its vector length
     * @param items      items with a vector
     * @param source     the file it was read from at training
     */
    public record SavedModality(String name, int dimension, int items, String source) {
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
        List<SavedModality> ms = new ArrayList<>();
        for (ModalityVectors mv : modalities) {
            ms.add(new SavedModality(mv.name(), mv.dimension(), mv.present(), mv.source()));
        }
        return new Saved(settings.model(), settings.template(), cold, idDropout, ms, null);
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

package dev.seqmind.neural.model;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import dev.seqmind.data.model.IdMap;
import dev.seqmind.neural.model.ModelCard;
import dev.seqmind.neural.train.SequenceNetwork;
import dev.seqmind.data.model.ItemCatalog;
import dev.seqmind.rec.AddedItemVectors;
import dev.seqmind.rec.Explanation;
import dev.seqmind.rec.ItemExtensible;
import dev.seqmind.rec.OcclusionExplainer;
import dev.seqmind.rec.Recommender;
import dev.seqmind.rec.rerank.ItemVectors;

/**
 * A trained {@link SequenceNetwork} as a {@link Recommender}, scoring on the native engine. Histories longer than
 * the network's maximum length keep their most recent items (a network that reads older events, SASRec with a
 * long-history summary, is given the whole history and summarises the rest); item ids outside {@code [0, numItems)} are dropped.
 * {@link #explain} names the recent items the score depends on most ({@link OcclusionExplainer}).
 *
 * <p>Immutable once built (the network is no longer trained) and thread-safe: each call works in its own
 * {@link NDManager} and {@link NDScope}. {@link #close()} frees the network's native parameters; the model must not
 * score after that.
 */
public final class NeuralRecommender implements Recommender, ItemVectors, ItemExtensible {
    private static final int BATCH = 256;

    private final String name;
    private final IdMap items;
    private final SequenceNetwork network;
    private final ModelCard card;
    private final ItemExtensible extension;

    public NeuralRecommender(String name, IdMap items, SequenceNetwork network) {
        this(name, items, network, null, null);
    }

    private NeuralRecommender(String name, IdMap items, SequenceNetwork network, ModelCard card,
                              ItemExtensible extension) {
        if (items.size() != network.numItems()) {
            throw new IllegalArgumentException("item map of " + items.size() + " ids for a network of "
                    + network.numItems() + " items");
        }
        this.name = name;
        this.items = items;
        this.network = network;
        this.card = card;
        this.extension = extension;
    }

    /** The same model with a model card ({@code null} = none). */
    public NeuralRecommender withCard(ModelCard value) {
        return new NeuralRecommender(name, items, network, value, extension);
    }

    /**
     * The same model taking items added after it was saved through {@code value} (a hybrid's content path);
     * {@code null} = it cannot score them (id-only families).
     */
    public NeuralRecommender withExtension(ItemExtensible value) {
        return new NeuralRecommender(name, items, network, card, value);
    }

    @Override
    public boolean scoresNewItems() {
        return extension != null;
    }

    @Override
    public Recommender withItems(java.util.List<String> ids, ItemCatalog catalog) {
        return withItems(ids, catalog, AddedItemVectors.NONE);
    }

    /** The model with the new items appended ({@link ItemExtensible}); this model when it cannot take them. */
    @Override
    public Recommender withItems(java.util.List<String> ids, ItemCatalog catalog, AddedItemVectors vectors) {
        Recommender bigger = extension == null ? null : extension.withItems(ids, catalog, vectors);
        return bigger == null ? this : bigger;
    }

    @Override
    public java.util.Map<String, Integer> modalities() {
        return extension == null ? java.util.Map.of() : extension.modalities();
    }

    @Override
    public int truncatedTexts() {
        return extension == null ? 0 : extension.truncatedTexts();
    }

    /** The model card, or {@code null} when none was attached. */
    public ModelCard card() {
        return card;
    }

    public SequenceNetwork network() {
        return network;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public IdMap items() {
        return items;
    }

    @Override
    public void score(int[] history, float[] out) {
        scoreBatch(new int[][] {history}, new float[][] {out});
    }

    @Override
    public void scoreBatch(int[][] histories, float[][] out) {
        int n = items.size();
        int[][] clean = new int[histories.length][];
        for (int i = 0; i < histories.length; i++) {
            if (out[i].length < n) {
                throw new IllegalArgumentException("out has length " + out[i].length + " < numItems " + n);
            }
            clean[i] = inRange(histories[i], n);
        }
        for (int from = 0; from < clean.length; from += BATCH) {
            int to = Math.min(clean.length, from + BATCH);
            float[] s;
            try (NDScope scope = new NDScope();
                 NDManager m = network.parameters().manager().newSubManager()) {
                scope.suppressNotUsedWarning();
                s = network.scores(m, clean, from, to);
            }
            for (int i = from; i < to; i++) {
                System.arraycopy(s, (i - from) * n, out[i], 0, n);
            }
        }
    }

    /**
     * The state each history is scored from ({@link SequenceNetwork#states}): {@link #score} of a history equals its
     * state's dot product with each item's output vector ({@link #itemVectors} for every family but the text hybrid).
     * Histories are cleaned and truncated as for scoring.
     */
    public float[][] userStates(int[][] histories) {
        int n = items.size();
        float[][] out = new float[histories.length][];
        for (int from = 0; from < histories.length; from += BATCH) {
            int to = Math.min(histories.length, from + BATCH);
            int[][] clean = new int[to - from][];
            for (int i = from; i < to; i++) {
                clean[i - from] = inRange(histories[i], n);
            }
            float[] s;
            try (NDScope scope = new NDScope();
                 NDManager m = network.parameters().manager().newSubManager()) {
                scope.suppressNotUsedWarning();
                s = network.states(m, clean, 0, clean.length);
            }
            int d = s.length / clean.length;
            for (int i = from; i < to; i++) {
                out[i] = java.util.Arrays.copyOfRange(s, (i - from) * d, (i - from + 1) * d);
            }
        }
        return out;
    }

    @Override
    public Explanation explain(int[] history, int item) {
        return OcclusionExplainer.defaults().explain(this, history, item);
    }

    @Override
    public java.util.List<Explanation> explainAll(int[] history, int[] items) {
        return OcclusionExplainer.defaults().explainAll(this, history, items);
    }

    /** Frees the network's parameters on the engine (idempotent). */
    @Override
    public void close() {
        network.parameters().close();
    }

    /** The rows of the network's item embedding table ({@code item_emb}; row 0 is padding, item i is row i + 1). */
    @Override
    public float[][] itemVectors() {
        var table = network.parameters().get("item_emb");
        int d = (int) table.getShape().get(1);
        float[] flat = table.toFloatArray();
        float[][] out = new float[items.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = java.util.Arrays.copyOfRange(flat, (i + 1) * d, (i + 2) * d);
        }
        return out;
    }

    private static int[] inRange(int[] history, int n) {
        int k = 0;
        for (int item : history) {
            if (item >= 0 && item < n) {
                k++;
            }
        }
        if (k == history.length) {
            return history;
        }
        int[] h = new int[k];
        k = 0;
        for (int item : history) {
            if (item >= 0 && item < n) {
                h[k++] = item;
            }
        }
        return h;
    }
}

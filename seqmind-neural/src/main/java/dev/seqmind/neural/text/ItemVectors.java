package dev.seqmind.neural.text;

import dev.seqmind.data.error.InvalidParameterException;
import dev.seqmind.data.model.IdMap;
import dev.seqmind.data.model.ItemCatalog;

import java.util.ArrayList;
import java.util.List;

/**
 * One L2-normalised text vector per item, in a flat row-major matrix by dense id, with a mask of the items that
 * have content: an item without text has {@code has[i] == false} and a zero row that nothing may read as data.
 *
 * <p>Immutable once built (arrays are never exposed for writing); thread-safe.
 *
 * @param modelId    the model that made the vectors
 * @param dimension  vector length
 * @param matrix     {@code numItems x dimension} floats, row {@code i} at {@code i * dimension}
 * @param has        whether item {@code i} has a vector
 * @param stats      what embedding them cost and dropped
 */
public record ItemVectors(String modelId, int dimension, float[] matrix, boolean[] has, Stats stats) {
    /**
     * @param items      items
     * @param missing    items without any text (no vector)
     * @param cacheHits  texts answered by the cache
     * @param encoded    texts run through the model
     * @param truncated  texts cut to the model's token limit
     * @param seconds    wall time
     */
    public record Stats(int items, int missing, int cacheHits, int encoded, int truncated, double seconds) {
    }

    /**
     * Renders every item's text from {@code catalog} with the settings' template and embeds it.
     *
     * @throws InvalidParameterException when no item has any text for the template
     */
    public static ItemVectors embed(TextSettings text, IdMap items, ItemCatalog catalog) {
        try (TextEmbedder e = text.openEmbedder()) {
            return embed(text, items, catalog, e);
        }
    }

    /** As {@link #embed(TextSettings, IdMap, ItemCatalog)} through an open embedder of {@code text}'s model. */
    public static ItemVectors embed(TextSettings text, IdMap items, ItemCatalog catalog, TextEmbedder embedder) {
        ItemTextTemplate.ItemTexts texts = ItemTextTemplate.parse(text.template()).renderAll(items, catalog);
        if (texts.missing() == items.size() && items.size() > 0) {
            throw new InvalidParameterException("item text template", text.template(),
                    "a template that some item has values for", "no item of " + items.size()
                    + " has any of its fields: load item metadata (titles, genres) with the log, e.g. --items");
        }
        return embed(embedder, texts);
    }

    /** Embeds every item's text ({@code ""} = no content). */
    public static ItemVectors embed(TextEmbedder embedder, ItemTextTemplate.ItemTexts texts) {
        long t0 = System.nanoTime();
        String[] t = texts.texts();
        List<String> present = new ArrayList<>();
        for (String s : t) {
            if (!s.isEmpty()) {
                present.add(s);
            }
        }
        TextEmbedder.Embedded e = embedder.embed(present);
        int d = present.isEmpty() ? embedder.dimension() : e.vectors()[0].length;
        float[] m = new float[t.length * d];
        boolean[] has = new boolean[t.length];
        int j = 0;
        for (int i = 0; i < t.length; i++) {
            if (!t[i].isEmpty()) {
                System.arraycopy(e.vectors()[j++], 0, m, i * d, d);
                has[i] = true;
            }
        }
        Stats stats = new Stats(t.length, texts.missing(), e.cacheHits(), e.encoded(), e.truncated(),
                (System.nanoTime() - t0) / 1e9);
        return new ItemVectors(embedder.spec().id(), d, m, has, stats);
    }

    /**
     * These items followed by {@code more}'s, with combined statistics.
     *
     * @throws IllegalArgumentException when the two come from different models or dimensions
     */
    public ItemVectors append(ItemVectors more) {
        if (!modelId.equals(more.modelId) || dimension != more.dimension) {
            throw new IllegalArgumentException("vectors of " + more.modelId + " (" + more.dimension + " dims) "
                    + "appended to vectors of " + modelId + " (" + dimension + " dims)");
        }
        float[] m = java.util.Arrays.copyOf(matrix, matrix.length + more.matrix.length);
        System.arraycopy(more.matrix, 0, m, matrix.length, more.matrix.length);
        boolean[] h = java.util.Arrays.copyOf(has, has.length + more.has.length);
        System.arraycopy(more.has, 0, h, has.length, more.has.length);
        Stats s = new Stats(stats.items() + more.stats.items(), stats.missing() + more.stats.missing(),
                stats.cacheHits() + more.stats.cacheHits(), stats.encoded() + more.stats.encoded(),
                stats.truncated() + more.stats.truncated(), stats.seconds() + more.stats.seconds());
        return new ItemVectors(modelId, dimension, m, h, s);
    }

    public int numItems() {
        return has.length;
    }

    /**
     * {@code out[j] = dot(query, item j)} for items with a vector, {@code -inf} for the others.
     *
     * @param query a vector of length {@link #dimension}
     */
    public void dotAll(float[] query, float[] out) {
        int d = dimension;
        int n = has.length;
        float[] m = matrix;
        for (int j = 0; j < n; j++) {
            if (!has[j]) {
                out[j] = Float.NEGATIVE_INFINITY;
                continue;
            }
            float s = 0;
            int base = j * d;
            for (int k = 0; k < d; k++) {
                s += query[k] * m[base + k];
            }
            out[j] = s;
        }
    }

    /** {@code dot(item i, query)}; 0 for an item without a vector. */
    public float dot(int i, float[] query) {
        if (!has[i]) {
            return 0f;
        }
        float s = 0;
        int base = i * dimension;
        for (int k = 0; k < dimension; k++) {
            s += query[k] * matrix[base + k];
        }
        return s;
    }

    /** Adds {@code weight} times item {@code i}'s vector to {@code acc}; false (and nothing added) if it has none. */
    public boolean addTo(int i, float weight, float[] acc) {
        if (!has[i]) {
            return false;
        }
        int base = i * dimension;
        for (int k = 0; k < dimension; k++) {
            acc[k] += weight * matrix[base + k];
        }
        return true;
    }
}

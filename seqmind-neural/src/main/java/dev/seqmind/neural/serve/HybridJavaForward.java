package dev.seqmind.neural.serve;

import dev.seqmind.data.model.IdMap;
import dev.seqmind.data.model.ItemCatalog;
import dev.seqmind.neural.sasrec.SasRecConfig;
import dev.seqmind.rec.AddedItemVectors;
import dev.seqmind.rec.Explanation;
import dev.seqmind.rec.ItemExtensible;
import dev.seqmind.rec.Recommender;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The hybrid SASRec ({@code sasrec-text}) in plain Java: its fused item table ({@link HybridParts#table}, id part
 * masked for items without training events) is computed once at load, then the same {@link SasRecJavaForward} as
 * the id-only SASRec runs over it, so encoded histories can be kept as for SASRec. Items added after the model was
 * saved ({@link #withItems}) get the table of the grown {@link HybridParts}: the rows of the known items are
 * unchanged, the new ones are their content alone.
 *
 * <p>Immutable and thread-safe.
 */
public final class HybridJavaForward implements SequenceEncoder, ItemExtensible {
    private final HybridParts parts;
    private final SasRecJavaForward forward;

    /** @throws IllegalArgumentException when {@code parts} is not a hybrid SASRec */
    public HybridJavaForward(HybridParts parts) {
        if (!(parts.config() instanceof SasRecConfig config)) {
            throw new IllegalArgumentException(parts.family() + " has no pure-Java forward pass; only sasrec-text");
        }
        this.parts = parts;
        Map<String, float[]> w = new LinkedHashMap<>(parts.weights());
        w.put(HybridParts.ITEM_EMB, parts.table());
        this.forward = new SasRecJavaForward(config, parts.items(), w, Map.of(), parts.card());
    }

    /** What the model is rebuilt from. */
    public HybridParts parts() {
        return parts;
    }

    @Override
    public String name() {
        return parts.family();
    }

    @Override
    public IdMap items() {
        return parts.items();
    }

    @Override
    public int encodedSize() {
        return forward.encodedSize();
    }

    @Override
    public void encode(int[] history, float[] encoded) {
        forward.encode(history, encoded);
    }

    @Override
    public void scoreEncoded(float[] encoded, float[] out) {
        forward.scoreEncoded(encoded, out);
    }

    @Override
    public void score(int[] history, float[] out) {
        forward.score(history, out);
    }

    @Override
    public Explanation explain(int[] history, int item) {
        return forward.explain(history, item);
    }

    @Override
    public List<Explanation> explainAll(int[] history, int[] items) {
        return forward.explainAll(history, items);
    }

    @Override
    public Recommender withItems(List<String> ids, ItemCatalog catalog) {
        return withItems(ids, catalog, AddedItemVectors.NONE);
    }

    @Override
    public Recommender withItems(List<String> ids, ItemCatalog catalog, AddedItemVectors vectors) {
        HybridParts next = parts.plus(ids, catalog, vectors);
        return next == parts ? this : new HybridJavaForward(next);
    }

    @Override
    public Map<String, Integer> modalities() {
        return parts.modalityDims();
    }

    @Override
    public int truncatedTexts() {
        return parts.text().stats().truncated();
    }
}

package dev.seqmind.neural.serve;

import dev.seqmind.data.error.InvalidParameterException;
import dev.seqmind.data.model.IdMap;
import dev.seqmind.data.model.ItemCatalog;
import dev.seqmind.neural.engine.NeuralEngine;
import dev.seqmind.neural.gru4rec.Gru4RecConfig;
import dev.seqmind.neural.modality.ModalityVectors;
import dev.seqmind.neural.model.ModelCard;
import dev.seqmind.neural.model.NeuralRecommender;
import dev.seqmind.neural.nn.ParameterStore;
import dev.seqmind.neural.sasrec.SasRecConfig;
import dev.seqmind.neural.nn.HistoryFeature;
import dev.seqmind.neural.text.HybridTrainer;
import dev.seqmind.neural.text.ItemTextTemplate;
import dev.seqmind.neural.text.ItemVectors;
import dev.seqmind.neural.text.TextEmbedder;
import dev.seqmind.neural.text.TextItemRepresentation;
import dev.seqmind.neural.text.TextSettings;
import dev.seqmind.rec.AddedItemVectors;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a trained hybrid ({@code sasrec-text}, {@code gru4rec-text}) is rebuilt from: its architecture, its
 * weights as read from the model directory, and the content of its items (text vectors, other modalities, which
 * items had training events). Both serving forms come from here: the native network ({@link #onEngine}) and the item
 * table the pure-Java SASRec pass reads ({@link #table}).
 *
 * <p>Items added after the model was saved ({@link #plus}) join exactly as the items that had no training event do
 * in the cold-item protocol: their training count is 0, so {@link TextItemRepresentation} masks their id part
 * ({@code known = 0}) and represents them by {@code W * text + sum_m has_m * W_m * v_m} alone. Their id rows are
 * zero padding that the mask never reads. Immutable; thread-safe.
 *
 * @param config     a {@link SasRecConfig} or {@link Gru4RecConfig}
 * @param items      the items, in dense id order
 * @param weights    the trained parameters by name (the {@code item_emb} table may have fewer rows than the items:
 *                   added items have none)
 * @param card       the model card, or {@code null}
 * @param text       one text vector per item
 * @param modalities the other modalities' vectors per item, with their masks
 * @param counts     training events per item; 0 = represented by content alone
 * @param settings   the sentence model and template
 * @param idDropout  the training id dropout (kept for the record)
 * @param userText   the behaviour sentence fused into the user state ({@code train --user-text}), or {@code null}
 */
public record HybridParts(Record config, IdMap items, Map<String, float[]> weights, ModelCard card,
                          ItemVectors text, List<ModalityVectors> modalities, int[] counts, TextSettings settings,
                          float idDropout, HistoryFeature userText) {
    static final String ITEM_EMB = "item_emb";

    public HybridParts {
        Objects.requireNonNull(config, "config");
        if (!(config instanceof SasRecConfig || config instanceof Gru4RecConfig)) {
            throw new IllegalArgumentException("no hybrid of " + config.getClass().getSimpleName());
        }
        weights = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(weights));
        modalities = List.copyOf(modalities);
        if (text.numItems() != items.size() || counts.length != items.size()) {
            throw new IllegalArgumentException(text.numItems() + " text vectors and " + counts.length
                    + " counts for " + items.size() + " items");
        }
    }

    /** {@code sasrec-text} or {@code gru4rec-text}. */
    public String family() {
        return config instanceof SasRecConfig ? TextItemRepresentation.FAMILY : TextItemRepresentation.GRU_FAMILY;
    }

    private int dim() {
        return config instanceof SasRecConfig s ? s.dim() : ((Gru4RecConfig) config).dim();
    }

    /** The hybrid item table of these items, as the trained model computes it. */
    TextItemRepresentation representation() {
        return new TextItemRepresentation(text, modalities, counts, settings, idDropout);
    }

    /** The weights with {@code item_emb} grown to one row per item (zero rows for items added after training). */
    private Map<String, float[]> paddedWeights() {
        float[] ids = weights.get(ITEM_EMB);
        int rows = (items.size() + 1) * dim();
        if (ids == null || ids.length == rows) {
            return weights;
        }
        Map<String, float[]> w = new LinkedHashMap<>(weights);
        w.put(ITEM_EMB, Arrays.copyOf(ids, rows));
        return w;
    }

    private dev.seqmind.neural.train.SequenceNetwork network(TextItemRepresentation rep) {
        var engine = NeuralEngine.start();
        ParameterStore params = new ParameterStore(engine.newBaseManager());
        try {
            var net = HybridTrainer.network(config, items.size(), params, 0, rep, userText);
            net.parameters().restore(paddedWeights());
            return net;
        } catch (RuntimeException e) {
            params.close();
            throw e;
        }
    }

    /** The model on the native engine; it takes added items through {@link #plus}. */
    public NeuralRecommender onEngine() {
        var net = network(representation());
        return new NeuralRecommender(net.name(), items, net).withCard(card).withExtension(new Extension(this));
    }

    /**
     * The item table {@code [(items + 1) * dim]} (row 0 = padding) the trained model scores with, computed once on the
     * native engine by the same {@link TextItemRepresentation#table} as {@link #onEngine} (no engine memory is kept).
     */
    public float[] table() {
        if (userText != null) {
            throw new dev.seqmind.data.error.SeqmindException("this sasrec-text model fuses the behaviour sentence into "
                    + "the user state (trained with --user-text), which the pure-Java forward pass does not compute; "
                    + "score it on the native engine (seqmind serve --forward native)");
        }
        TextItemRepresentation rep = representation();
        var net = network(rep);
        try (ParameterStore p = net.parameters()) {
            return rep.table(p).toFloatArray();
        }
    }

    /** Modality name to vector length. */
    public Map<String, Integer> modalityDims() {
        Map<String, Integer> out = new LinkedHashMap<>();
        modalities.forEach(m -> out.put(m.name(), m.dimension()));
        return out;
    }

    /**
     * These parts with the new items of {@code ids} appended (ids already known are skipped), represented by their
     * content alone: their text rendered from {@code catalog} with the model's template and embedded by its sentence
     * model (through the vector cache), and their vectors of the model's modalities from {@code vectors} (masked when
     * absent). Returns this when nothing is new.
     *
     * @throws InvalidParameterException naming the first new item with neither text for the template nor a vector
     *                                   of one of the model's modalities, or a vector of the wrong length, not finite
     *                                   or all zero
     */
    public HybridParts plus(List<String> ids, ItemCatalog catalog, AddedItemVectors vectors) {
        List<String> fresh = new ArrayList<>();
        for (String id : ids) {
            if (!items.contains(id) && !fresh.contains(id)) {
                fresh.add(id);
            }
        }
        if (fresh.isEmpty()) {
            return this;
        }
        if (userText != null) {
            // its sentences name the model's own items; a history holding an added item has no sentence yet
            throw new InvalidParameterException("items", String.join(",", fresh), "items of a model without "
                    + "--user-text", "this sasrec-text model renders histories as sentences of its own items");
        }
        IdMap added = IdMap.of(fresh);
        ItemTextTemplate.ItemTexts texts = ItemTextTemplate.parse(settings.template()).renderAll(added, catalog);
        List<ModalityVectors> more = new ArrayList<>();
        for (ModalityVectors mv : modalities) {
            more.add(appended(mv, fresh, vectors));
        }
        for (int i = 0; i < fresh.size(); i++) {
            boolean any = !texts.texts()[i].isEmpty();
            for (ModalityVectors mv : more) {
                any |= mv.has()[items.size() + i];
            }
            if (!any) {
                throw new InvalidParameterException("item " + fresh.get(i), "no content", "a title, categories, "
                        + "text or attribute for the template " + settings.template()
                        + (modalities.isEmpty() ? "" : ", or a vector of " + modalityDims().keySet()));
            }
        }
        ItemVectors t;
        try (TextEmbedder e = settings.openEmbedder()) {
            t = ItemVectors.embed(e, texts);
        }
        List<String> all = new ArrayList<>(items.externalIds());
        all.addAll(fresh);
        return new HybridParts(config, IdMap.of(all), weights, card, text.append(t), more,
                Arrays.copyOf(counts, all.size()), settings, idDropout, null);
    }

    /** {@code mv} with one row per new item: its vector from {@code vectors}, L2-normalised, or masked. */
    private ModalityVectors appended(ModalityVectors mv, List<String> fresh, AddedItemVectors vectors) {
        int n = mv.numItems();
        int d = mv.dimension();
        float[] m = Arrays.copyOf(mv.matrix(), (n + fresh.size()) * d);
        boolean[] has = Arrays.copyOf(mv.has(), n + fresh.size());
        int got = 0;
        for (int i = 0; i < fresh.size(); i++) {
            float[] v = vectors.get(mv.name(), fresh.get(i));
            if (v == null) {
                continue;
            }
            String field = "item " + fresh.get(i) + " vector '" + mv.name() + "'";
            if (v.length != d) {
                throw new InvalidParameterException(field, v.length + " values", d + " values (the model's "
                        + mv.name() + " dimension)");
            }
            double norm = 0;
            for (float x : v) {
                if (!Float.isFinite(x)) {
                    throw new InvalidParameterException(field, x, "finite values");
                }
                norm += (double) x * x;
            }
            if (norm == 0) {
                throw new InvalidParameterException(field, "all zero", "a vector with a non-zero value; leave it "
                        + "out and the item is masked for this modality");
            }
            double inv = 1 / Math.sqrt(norm);
            for (int c = 0; c < d; c++) {
                m[(n + i) * d + c] = (float) (v[c] * inv);
            }
            has[n + i] = true;
            got++;
        }
        ModalityVectors.Coverage c = mv.coverage();
        return new ModalityVectors(mv.name(), mv.source(), d, m, has, new ModalityVectors.Coverage(c.rows() + got,
                c.matched() + got, c.unknown(), c.missing() + fresh.size() - got, c.unknownExamples()));
    }

    /** How the native model takes added items: rebuilt from the grown parts. */
    private record Extension(HybridParts parts) implements dev.seqmind.rec.ItemExtensible {
        @Override
        public dev.seqmind.rec.Recommender withItems(List<String> ids, ItemCatalog catalog) {
            return withItems(ids, catalog, AddedItemVectors.NONE);
        }

        @Override
        public dev.seqmind.rec.Recommender withItems(List<String> ids, ItemCatalog catalog,
                                                     AddedItemVectors vectors) {
            HybridParts next = parts.plus(ids, catalog, vectors);
            return next == parts ? null : next.onEngine();
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
}

package dev.seqmind.server.model;

import dev.seqmind.neural.model.NeuralRecommender;
import dev.seqmind.neural.store.NeuralModelFormat;
import dev.seqmind.data.error.InvalidParameterException;
import dev.seqmind.data.error.SeqmindException;
import dev.seqmind.data.model.ItemCatalog;
import dev.seqmind.data.model.ItemMetadata;
import dev.seqmind.neural.text.TextItemRepresentation;
import dev.seqmind.rec.AddedItemVectors;
import dev.seqmind.rec.ItemExtensible;
import dev.seqmind.rec.Recommender;
import dev.seqmind.rec.store.ItemsFile;
import dev.seqmind.rec.store.ModelDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SequencedMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Named models with atomic swap. A request {@link #lease leases} a model and closes the lease when done; a swap
 * replaces the reference in one step, so new requests get the new model while requests in flight finish on the old
 * one, which is closed (native memory freed) when the last of them closes its lease. Items added after the models
 * were saved ({@link #addItems}) extend the models that can score them from content. Thread-safe.
 */
public final class ModelRegistry implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ModelRegistry.class);
    private final ConcurrentHashMap<String, AtomicReference<ServedModel>> models = new ConcurrentHashMap<>();
    private final ModelVersions history;
    private final Scoring scoring;
    private final LinkedHashMap<String, ItemMetadata> added = new LinkedHashMap<>();
    private AddedItemVectors addedVectors = AddedItemVectors.NONE;
    private final ItemLog itemLog;
    private volatile String defaultName;

    /** A registry whose neural models score as {@link Scoring#defaults()} says. */
    public ModelRegistry() {
        this(Scoring.defaults());
    }

    /** A registry whose version list lives in memory only. */
    public ModelRegistry(Scoring scoring) {
        this(scoring, VersionLog.NONE);
    }

    /** A registry whose version list is (and stays) the one {@code log} holds; added items in memory only. */
    public ModelRegistry(Scoring scoring, VersionLog log) {
        this(scoring, log, ItemLog.NONE);
    }

    /**
     * A registry whose version list is the one {@code log} holds and whose added items ({@link #addItems}) are kept
     * in {@code items}: the ones kept there already are added to every model loaded from now on.
     */
    public ModelRegistry(Scoring scoring, VersionLog log, ItemLog items) {
        this.scoring = Objects.requireNonNull(scoring, "scoring");
        this.history = new ModelVersions(log);
        this.itemLog = Objects.requireNonNull(items, "items");
        Map<String, Map<String, float[]>> vectors = new LinkedHashMap<>();
        for (ItemLog.AddedItem a : items.items()) {
            added.putIfAbsent(a.id(), a.metadata());
            a.vectors().forEach((m, v) -> vectors.computeIfAbsent(m, k -> new LinkedHashMap<>()).put(a.id(), v));
        }
        addedVectors = new AddedItemVectors(vectors);
    }

    /** A model in use by one request; close it when done. */
    public static final class Lease implements AutoCloseable {
        private final ServedModel model;

        private Lease(ServedModel model) {
            this.model = model;
        }

        public ServedModel model() {
            return model;
        }

        @Override
        public void close() {
            model.release();
        }
    }

    /**
     * Loads {@code dir} and serves it as {@code name}, replacing (and retiring) a model of that name. The first model
     * loaded becomes the default.
     *
     * @return the new model's version
     */
    public ServedModel load(String name, Path dir) throws IOException {
        ModelDirectory.Loaded opened = open(dir);
        synchronized (history) {
            ModelDirectory.Loaded loaded = withAdded(opened);
            long version = history.next(name);
            try {
                history.add(ModelVersions.describe(name, version, loaded));
            } catch (RuntimeException e) {
                loaded.close(); // not recorded, so not served
                throw e;
            }
            return swap(name, served(name, loaded, version));
        }
    }

    /**
     * Serves {@code name} at start-up. When {@code dir} is already one of its recorded versions, the recorded active
     * version serves (a promotion or rollback since then outlives the restart), under its own number; otherwise
     * {@code dir} is loaded as a new version, as {@link #load} does. When the active version's directory cannot be
     * loaded any more, {@code dir}'s own version is activated and served instead (with a warning).
     *
     * @return the model now served
     */
    public ServedModel restore(String name, Path dir) throws IOException {
        Optional<ModelVersions.Version> known = history.find(name, dir);
        Optional<ModelVersions.Version> active = history.active(name);
        if (known.isEmpty() || active.isEmpty()) {
            return load(name, dir);
        }
        ModelVersions.Version v = active.get();
        ModelDirectory.Loaded loaded;
        try {
            loaded = open(v.dir());
        } catch (IOException | RuntimeException e) {
            LOG.warn("model '{}': active version {} ({}) cannot be loaded ({}); serving version {} ({}) instead",
                    name, v.version(), v.dir(), e.getMessage(), known.get().version(), known.get().dir());
            v = known.get();
            loaded = open(v.dir());
            history.activate(name, v.version());
        }
        synchronized (history) {
            return swap(name, served(name, withAdded(loaded), v.version()));
        }
    }

    /** Whether {@code v} is what serves under its name now. */
    public boolean serving(ModelVersions.Version v) {
        AtomicReference<ServedModel> ref = models.get(v.name());
        return ref != null && ref.get() != null && ref.get().version() == v.version();
    }

    /**
     * Serves an earlier version of {@code name} again (its directory loaded afresh, swapped in like a load): the
     * given {@code version}, or the newest one below the active one when {@code null}.
     *
     * @return the model now served, or empty when there is no such version
     */
    public Optional<ServedModel> rollback(String name, Long version) throws IOException {
        Optional<ModelVersions.Version> target = history.rollbackTarget(name, version);
        if (target.isEmpty()) {
            return Optional.empty();
        }
        ModelDirectory.Loaded opened = open(target.get().dir());
        synchronized (history) {
            ModelDirectory.Loaded loaded = withAdded(opened);
            try {
                history.activate(name, target.get().version());
            } catch (RuntimeException e) {
                loaded.close();
                throw e;
            }
            return Optional.of(swap(name, served(name, loaded, target.get().version())));
        }
    }

    /**
     * Adds items that arrived after the models were saved: every served model that can score items from their
     * content ({@link ItemExtensible}: content-knn, the hybrids sasrec-text and gru4rec-text) is swapped for one
     * whose item map holds them (requests in flight finish on the old one); id-only models are left as they are.
     * The items are kept in the {@link ItemLog} before any model changes, and models loaded later (a load, a
     * rollback, a retrained version, a restart) get them too. Items a model already knows keep their place; an id
     * added before keeps its first content.
     *
     * @param items    the new items, in order, with the metadata their text is rendered from
     * @param vectors  their vectors of other modalities, for the models that fuse them
     * @return per model that now scores the items, how many of its item texts were cut to its sentence model's
     *         token limit by this call
     * @throws InvalidParameterException when an item has no content for a model's template, or a vector does not fit
     *                                   a model's modality (then no model has changed and nothing is kept)
     */
    public Map<String, Integer> addItems(SequencedMap<String, ItemMetadata> items, AddedItemVectors vectors) {
        synchronized (history) {
            LinkedHashMap<String, ItemMetadata> all = new LinkedHashMap<>(items);
            all.putAll(added);                              // an id added before keeps its first content
            ItemCatalog catalog = new ItemCatalog(all);
            AddedItemVectors allVectors = vectors.plus(addedVectors);
            List<String> ids = new ArrayList<>(items.keySet());
            Map<String, ServedModel> next = new LinkedHashMap<>();
            Map<String, Integer> truncated = new LinkedHashMap<>();
            try {
                for (ServedModel m : list()) {
                    if (m.loaded().model() instanceof ItemExtensible x && x.scoresNewItems()) {
                        ServedModel bigger = extended(m.name(), m.loaded(), m.version(), ids, catalog, allVectors);
                        next.put(m.name(), bigger);
                        truncated.put(m.name(), ((ItemExtensible) bigger.loaded().model()).truncatedTexts()
                                - x.truncatedTexts());
                    }
                }
                List<ItemLog.AddedItem> fresh = new ArrayList<>();
                items.forEach((id, meta) -> {
                    if (!added.containsKey(id)) {
                        Map<String, float[]> v = new LinkedHashMap<>();
                        vectors.byModality().forEach((name, byItem) -> {
                            if (byItem.containsKey(id)) {
                                v.put(name, byItem.get(id));
                            }
                        });
                        fresh.add(new ItemLog.AddedItem(id, meta, v));
                    }
                });
                itemLog.added(fresh);
                fresh.forEach(a -> added.put(a.id(), a.metadata()));
                addedVectors = allVectors;
            } catch (RuntimeException e) {
                next.values().forEach(ServedModel::release);
                throw e;
            }
            next.forEach(this::swap);
            return truncated;
        }
    }

    /** The modalities besides text that the served models fuse, by name, with their vector length. */
    public Map<String, Integer> modalities() {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (ServedModel m : list()) {
            if (m.loaded().model() instanceof ItemExtensible x && x.scoresNewItems()) {
                out.putAll(x.modalities());
            }
        }
        return out;
    }

    /** The vectors of other modalities that came with the added items. */
    public AddedItemVectors addedVectors() {
        synchronized (history) {
            return addedVectors;
        }
    }

    /** The items added since start ({@link #addItems}), in order. */
    public ItemCatalog addedItems() {
        synchronized (history) {
            return new ItemCatalog(new LinkedHashMap<>(added));
        }
    }

    /** {@code loaded}'s model with {@code ids} appended, served under {@code name} at {@code version}. */
    private ServedModel extended(String name, ModelDirectory.Loaded loaded, long version, List<String> ids,
                                 ItemCatalog catalog, AddedItemVectors vectors) {
        Recommender bigger = ((ItemExtensible) loaded.model()).withItems(ids, catalog, vectors);
        ModelDirectory.Loaded l = new ModelDirectory.Loaded(bigger, loaded.meta(), loaded.catalog().merge(catalog),
                loaded.dir());
        return served(name, l, version);
    }

    /** A freshly loaded model with the items added since start, when it can take them. */
    private ModelDirectory.Loaded withAdded(ModelDirectory.Loaded loaded) {
        if (added.isEmpty() || !(loaded.model() instanceof ItemExtensible x) || !x.scoresNewItems()) {
            return loaded;
        }
        ItemCatalog catalog = new ItemCatalog(new LinkedHashMap<>(added));
        Recommender bigger;
        try {
            bigger = x.withItems(new ArrayList<>(added.keySet()), catalog, addedVectors);
        } catch (SeqmindException e) {
            LOG.warn("{}: the items added since start are not scored by this model: {}", loaded.dir(),
                    e.getMessage());
            return loaded;
        }
        if (bigger == loaded.model()) {
            return loaded;
        }
        loaded.close();
        return new ModelDirectory.Loaded(bigger, loaded.meta(), loaded.catalog().merge(catalog), loaded.dir());
    }

    /** A loaded model as served: neural ones behind the batcher when {@link Scoring#maxBatch()} asks for it. */
    private ServedModel served(String name, ModelDirectory.Loaded loaded, long version) {
        Recommender scorer = scoring.maxBatch() > 0 && loaded.model() instanceof NeuralRecommender
                ? new ScoreBatcher(loaded.model(), scoring.maxBatch(), scoring.maxWaitMicros() * 1_000)
                : loaded.model();
        return new ServedModel(name, loaded, scorer, version, scoring.encodedUsers());
    }

    private ServedModel swap(String name, ServedModel next) {
        ServedModel old = models.computeIfAbsent(name, n -> new AtomicReference<>()).getAndSet(next);
        if (defaultName == null) {
            defaultName = name;
        }
        if (old != null) {
            old.release();
        }
        return next;
    }

    /** Every version served under every name, with provenance and metrics. */
    public ModelVersions history() {
        return history;
    }

    /** {@code dir} loaded, a SASRec one as the pure-Java forward pass when {@link Scoring#forward()} says so. */
    private ModelDirectory.Loaded open(Path dir) throws IOException {
        if (scoring.forward() == Scoring.Forward.JAVA) {
            ModelDirectory.Meta meta = ModelDirectory.readMeta(dir);
            String family = meta.type().equals("neural") ? NeuralModelFormat.family(dir) : "";
            if (family.equals("sasrec") || family.equals(TextItemRepresentation.FAMILY)) {
                return new ModelDirectory.Loaded(NeuralModelFormat.loadPureJavaEncoder(dir), meta,
                        ItemsFile.readCatalog(dir), dir);
            }
        }
        return ModelDirectory.open(dir);
    }

    /** The model called {@code name} ({@code null} = the default), leased; empty when there is none. */
    public Optional<Lease> lease(String name) {
        String n = name == null ? defaultName : name;
        if (n == null) {
            return Optional.empty();
        }
        AtomicReference<ServedModel> ref = models.get(n);
        if (ref == null) {
            return Optional.empty();
        }
        while (true) {
            ServedModel m = ref.get();
            if (m.retain()) {
                return Optional.of(new Lease(m));
            }
            // retired between get and retain: the reference already holds its successor
        }
    }

    /** Every served model (not leased: for listing only). */
    public List<ServedModel> list() {
        List<ServedModel> out = new ArrayList<>();
        models.values().forEach(r -> out.add(r.get()));
        out.sort(Comparator.comparing(ServedModel::name));
        return out;
    }

    public String defaultName() {
        return defaultName;
    }

    @Override
    public void close() {
        models.values().forEach(r -> r.get().release());
        models.clear();
        history.close();
        itemLog.close();
    }
}

package dev.seqmind.server.model;

import dev.seqmind.neural.model.NeuralRecommender;
import dev.seqmind.neural.store.NeuralModelFormat;
import dev.seqmind.rec.Recommender;
import dev.seqmind.rec.store.ItemsFile;
import dev.seqmind.rec.store.ModelDirectory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Named models with atomic swap. A request {@link #lease leases} a model and closes the lease when done; a swap
 * replaces the reference in one step, so new requests get the new model while requests in flight finish on the old
 * one, which is closed (native memory freed) when the last of them closes its lease. Thread-safe.
 */
public final class ModelRegistry implements AutoCloseable {
    private final ConcurrentHashMap<String, AtomicReference<ServedModel>> models = new ConcurrentHashMap<>();
    private final ModelVersions history = new ModelVersions();
    private final Scoring scoring;
    private volatile String defaultName;

    /** A registry whose neural models score as {@link Scoring#defaults()} says. */
    public ModelRegistry() {
        this(Scoring.defaults());
    }

    public ModelRegistry(Scoring scoring) {
        this.scoring = java.util.Objects.requireNonNull(scoring, "scoring");
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
        ModelDirectory.Loaded loaded = open(dir);
        synchronized (history) {
            long version = history.next(name);
            ServedModel next = swap(name, served(name, loaded, version));
            history.add(ModelVersions.describe(name, version, loaded));
            return next;
        }
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
        ModelDirectory.Loaded loaded = open(target.get().dir());
        synchronized (history) {
            ServedModel next = swap(name, served(name, loaded, target.get().version()));
            history.activate(name, target.get().version());
            return Optional.of(next);
        }
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
            if (meta.type().equals("neural") && NeuralModelFormat.family(dir).equals("sasrec")) {
                return new ModelDirectory.Loaded(NeuralModelFormat.loadPureJava(dir), meta,
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
        out.sort(java.util.Comparator.comparing(ServedModel::name));
        return out;
    }

    public String defaultName() {
        return defaultName;
    }

    @Override
    public void close() {
        models.values().forEach(r -> r.get().release());
        models.clear();
    }
}

package dev.seqmind.server.retrain;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.seqmind.data.ingest.AppendSpec;
import dev.seqmind.data.ingest.Appender;
import dev.seqmind.data.ingest.RowSource;
import dev.seqmind.data.collect.TimeRange;
import dev.seqmind.data.model.DatasetFingerprint;
import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.data.privacy.Pseudonymizer;
import dev.seqmind.data.progress.Progress;
import dev.seqmind.data.store.DatasetStore;
import dev.seqmind.rec.FitContext;
import dev.seqmind.rec.Recommender;
import dev.seqmind.rec.RecommenderTrainer;
import dev.seqmind.rec.retrain.Challenge;
import dev.seqmind.rec.retrain.Decision;
import dev.seqmind.rec.retrain.TrainerRebuild;
import dev.seqmind.rec.store.ModelDirectory;
import dev.seqmind.rec.store.Provenance;
import dev.seqmind.server.model.ModelVersions;
import dev.seqmind.server.store.StoreRows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One retraining: (1) append the store's new events to the dataset directory, (2) rebuild the serving model's
 * trainer from its provenance, (3) {@link Challenge} it against the serving model on the most recent slice, (4) when
 * it wins, fit the same trainer on the whole updated dataset, save it as a new model directory (with
 * {@value ModelVersions#METRICS}) and hand it to the {@link Promoter}; (5) write the decision record in every case.
 * Holds no state between runs; the server's scheduler and {@code seqmind retrain} both run it.
 *
 * @param dataset            the dataset directory
 * @param stores             event stores to append from first (may be empty)
 * @param storePseudonymised the stores hold pseudonyms made with the dataset's key
 * @param key                the dataset's pseudonymisation key, when it has one
 * @param name               the served name of the model
 * @param modelsRoot         where new model directories and decisions are written
 * @param settings           how to compare
 */
public record RetrainCycle(Path dataset, List<String> stores, boolean storePseudonymised,
                           Optional<Pseudonymizer> key, String name, Path modelsRoot, Challenge.Settings settings) {
    /** The key in {@value ModelVersions#METRICS} holding the last event time a model was fitted on. */
    public static final String DATA_UNTIL = "data_until";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    public RetrainCycle {
        stores = List.copyOf(stores);
    }

    /**
     * What a run did.
     *
     * @param appended      events the dataset gained from the stores
     * @param decision      the comparison and its verdict
     * @param modelDir      the new model's directory when one was saved, else {@code null}
     * @param promotedAs    what the promoter said, or {@code null} when nothing was promoted
     * @param decisionFile  where the decision record was written
     */
    public record Result(long appended, Decision decision, Path modelDir, String promotedAs, Path decisionFile) {
    }

    /**
     * Runs one cycle against {@code serving} (the model directory now in service, not closed here).
     *
     * @throws IOException when the dataset or a model directory cannot be read or written (nothing is promoted)
     */
    public Result run(ModelDirectory.Loaded serving, Promoter promoter, Progress progress) throws Exception {
        Instant started = Instant.now();
        long appended = 0;
        if (!stores.isEmpty()) {
            var info = DatasetStore.readInfo(dataset).info();
            List<RowSource> rows = stores.stream().<RowSource>map(s -> new StoreRows(s, info)).toList();
            var r = new Appender(progress).append(dataset, new AppendSpec(rows, List.of(), false, key,
                    storePseudonymised, TimeRange.plausible(Instant.now())));
            appended = r.added();
        }
        SequenceDataset data = DatasetStore.open(dataset);
        TrainerRebuild.Rebuilt rebuilt = TrainerRebuild.from(serving.meta().provenance());
        RecommenderTrainer trainer = rebuilt.trainer();
        Long until = dataUntil(serving.dir());
        Challenge.Outcome outcome = Challenge.run(data, serving.model(), trainer, until, settings, progress);
        Decision d = outcome.decision().withFact("appended_events", appended)
                .withFact("serving_model", serving.dir().toString())
                .withFact("serving_data_until", until == null ? "unknown (the slice may overlap its training data)"
                        : Instant.ofEpochMilli(until).toString());
        if (!rebuilt.exact()) {
            d = d.withFact("trainer_note", rebuilt.note());
        }
        if (outcome.candidate() != null) {
            outcome.candidate().close();
        }
        Path modelDir = null;
        String promotedAs = null;
        if (d.promoted()) {
            long t0 = System.nanoTime();
            FitContext ctx = new FitContext(settings.seed(), settings.threads(), List.of(), progress);
            try (Recommender full = trainer.fit(data, ctx)) {
                modelDir = modelsRoot.resolve(name + "-" + STAMP.format(started));
                Map<String, String> params = new LinkedHashMap<>(trainer.params());
                params.put("dataset.fingerprint", DatasetFingerprint.of(data).id());
                params.put("retrain.slice", d.slice());
                ModelDirectory.save(full, modelDir, Provenance.of(data, trainer, ctx).withParams(params),
                        data.catalog());
            }
            d = d.withFact("refit_seconds", (System.nanoTime() - t0) / 1e9);
            writeMetrics(modelDir, d, lastTime(data));
            JSON.writeValue(modelDir.resolve("decision.json").toFile(), d);
            promotedAs = promoter.promote(name, modelDir);
        }
        Path decisions = modelsRoot.resolve("decisions");
        Files.createDirectories(decisions);
        Path file = decisions.resolve(name + "-" + STAMP.format(started) + ".json");
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("at", started.toString());
        record.put("model", name);
        record.put("decision", d);
        record.put("new_model", modelDir == null ? null : modelDir.toString());
        record.put("promoted_as", promotedAs);
        JSON.writeValue(file.toFile(), record);
        return new Result(appended, d, modelDir, promotedAs, file);
    }

    /**
     * Fits {@code trainer} on the whole dataset and saves it as the first version of {@code name} (no comparison:
     * there is nothing serving yet).
     */
    public Path initial(RecommenderTrainer trainer, Progress progress) throws IOException {
        SequenceDataset data = DatasetStore.open(dataset);
        FitContext ctx = new FitContext(settings.seed(), settings.threads(), List.of(), progress);
        Path dir = modelsRoot.resolve(name + "-" + STAMP.format(Instant.now()));
        try (Recommender model = trainer.fit(data, ctx)) {
            Map<String, String> params = new LinkedHashMap<>(trainer.params());
            params.put("dataset.fingerprint", DatasetFingerprint.of(data).id());
            ModelDirectory.save(model, dir, Provenance.of(data, trainer, ctx).withParams(params), data.catalog());
        }
        writeMetrics(dir, null, lastTime(data));
        return dir;
    }

    private static void writeMetrics(Path dir, Decision d, long until) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("trained_at", Instant.now().toString());
        m.put(DATA_UNTIL, until);
        Map<String, Object> metrics = new LinkedHashMap<>();
        if (d != null) {
            metrics.put(d.metric() + " (slice, fitted before it)", d.candidate());
            metrics.put("serving " + d.metric() + " (same slice)", d.serving());
            metrics.put("gain", d.relativeGain());
            metrics.put("p_value", d.pValue());
            metrics.put("slice_users", d.cases());
        }
        m.put("metrics", metrics);
        JSON.writeValue(dir.resolve(ModelVersions.METRICS).toFile(), m);
    }

    /** The last event time a model directory's metrics record, or {@code null}. */
    static Long dataUntil(Path modelDir) {
        Path f = modelDir.resolve(ModelVersions.METRICS);
        if (!Files.isRegularFile(f)) {
            return null;
        }
        try {
            var n = JSON.readTree(f.toFile()).get(DATA_UNTIL);
            return n == null || !n.canConvertToLong() ? null : n.asLong();
        } catch (IOException e) {
            return null;
        }
    }

    private static long lastTime(SequenceDataset data) {
        long max = Long.MIN_VALUE;
        for (int i = 0; i < data.numInteractions(); i++) {
            max = Math.max(max, data.time(i));
        }
        return max;
    }
}

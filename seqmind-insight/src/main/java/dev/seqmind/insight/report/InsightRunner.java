package dev.seqmind.insight.report;

import dev.seqmind.data.SeqmindVersion;
import dev.seqmind.data.error.InvalidParameterException;
import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.data.progress.Progress;
import dev.seqmind.insight.audience.WelcomeFlowFinder;
import dev.seqmind.insight.audience.WelcomeFlows;
import dev.seqmind.insight.segment.Funnel;
import dev.seqmind.insight.segment.KMeans;
import dev.seqmind.insight.segment.LiftedPattern;
import dev.seqmind.insight.segment.PatternLift;
import dev.seqmind.insight.segment.SegmentBasis;
import dev.seqmind.insight.segment.SegmentProfile;
import dev.seqmind.insight.segment.SegmentProfiler;
import dev.seqmind.insight.segment.Segmenter;
import dev.seqmind.insight.vector.ItemCategories;
import dev.seqmind.insight.vector.ItemVectorSource;
import dev.seqmind.insight.vector.ItemVectors;
import dev.seqmind.insight.vector.ModelVectors;
import dev.seqmind.insight.vector.Standardizer;
import dev.seqmind.insight.vector.UserActivity;
import dev.seqmind.insight.vector.UserFeatures;
import dev.seqmind.insight.vector.VectorTable;
import dev.seqmind.neural.text.TextModelSpec;
import dev.seqmind.neural.text.TextSettings;
import dev.seqmind.rec.Recommender;
import dev.seqmind.rec.store.ModelDirectory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Computes an {@link InsightReport}: behaviour features and item vectors, segments (k chosen from the data),
 * segment profiles, the funnel, common patterns, user and item maps, and welcome flows. Each step's run time is
 * recorded. With a model directory, a neural model's item embeddings replace the behaviour item vectors (or a
 * language model's embeddings of item text do, {@link ItemVectorSource#TEXT}) and its state for each user's history
 * can be the segment basis ({@link SegmentBasis#MODEL}); any model gives its first recommendations for new users.
 * Immutable; the result also carries the segmentation ({@link Result#labels()}) for audience export.
 */
public final class InsightRunner {
    private final InsightConfig config;

    public InsightRunner(InsightConfig config) {
        this.config = config;
    }

    /** The report and each user's segment (dense user id order). */
    public record Result(InsightReport report, int[] labels) {
    }

    public Result run(SequenceDataset data, Path modelDir, Progress progress) throws IOException {
        if (data.numUsers() < 3) {
            throw new InvalidParameterException("data", data.numUsers() + " users", "at least 3 users");
        }
        Map<String, Double> seconds = new LinkedHashMap<>();
        long t = System.nanoTime();
        ItemCategories cats = ItemCategories.of(data, config.maxCategories());
        UserActivity activity = UserActivity.of(data);
        VectorTable features = UserFeatures.of(data, cats, activity);
        VectorTable items = itemVectors(config.itemVectors(), data, modelDir, cats);
        t = lap(seconds, "features", t);
        VectorTable basis = basis(data, features, items, cats, modelDir);
        if (config.basis() == SegmentBasis.MODEL) {
            t = lap(seconds, "model vectors", t);
        }

        Segmenter segmenter = new Segmenter(config.minK(), config.maxK(), config.fixedK(),
                new KMeans(config.restarts(), 100, config.seed()), 5_000, 2_000);
        Segmenter.Result seg = segmenter.segment(basis.rows(), progress);
        t = lap(seconds, "segments", t);

        PatternLift lift = new PatternLift(data, config.patternSteps(), 3);
        List<SegmentProfile> profiles = SegmentProfiler.defaults().profile(data, cats, activity, basis,
                seg.clustering(), lift, progress);
        int[] everyone = IntStream.range(0, data.numUsers()).toArray();
        List<LiftedPattern> top = lift.top(everyone, 10, 10, Math.max(2, data.numUsers() / 200));
        Funnel funnel = Funnel.of(data, null);
        t = lap(seconds, "profiles", t);

        Maps maps = new Maps(config.mapPoints(), config.umapPoints(), config.seed());
        InsightReport.MapPoints userMap = maps.users(data, basis, seg.clustering());
        InsightReport.MapPoints itemMap = maps.items(data, items, cats);
        t = lap(seconds, "maps", t);
        InsightReport.MapPoints userUmap;
        InsightReport.MapPoints itemUmap;
        try (Progress.Task task = progress.start("UMAP maps", 2, "maps")) {
            userUmap = maps.usersUmap(data, basis, seg.clustering());
            task.advance(1);
            itemUmap = maps.itemsUmap(data, items, cats);
            task.advance(1);
        }
        t = lap(seconds, "umap", t);

        Recommender model = modelDir == null ? null : ModelDirectory.load(modelDir);
        WelcomeFlows welcome = WelcomeFlowFinder.defaults().find(data, model);
        lap(seconds, "welcome flows", t);

        InsightReport report = new InsightReport("Insight: " + data.info().name(), SeqmindVersion.version(),
                new InsightReport.DatasetSummary(data.info().name(), data.numUsers(), data.numItems(),
                        data.numInteractions(), data.actions().externalIds(), activity.timed(),
                        data.info().pseudonymised()),
                config, basis.kind(), items.kind(), seg.choice(), seg.silhouette(), profiles, funnel, top, userMap,
                itemMap, userUmap, itemUmap, welcome, seconds);
        return new Result(report, seg.clustering().labels());
    }

    /** The item vectors {@code source} names ({@link ItemVectorSource#AUTO}: the model's when neural). */
    public static VectorTable itemVectors(ItemVectorSource source, SequenceDataset data, Path modelDir,
                                          ItemCategories cats) throws IOException {
        boolean neural = modelDir != null && ModelDirectory.readMeta(modelDir).type().equals("neural");
        return switch (source) {
            case AUTO -> neural ? ItemVectors.embeddings(modelDir)
                    : Standardizer.standardize(ItemVectors.behaviour(data, cats));
            case BEHAVIOUR -> Standardizer.standardize(ItemVectors.behaviour(data, cats));
            case MODEL -> {
                if (modelDir == null) {
                    throw new InvalidParameterException("--item-vectors", "MODEL", "a --model to take them from",
                            "give a neural model (seqmind train) or use BEHAVIOUR or TEXT");
                }
                yield ItemVectors.embeddings(modelDir);
            }
            case TEXT -> ModelVectors.textItems(data, TextSettings.of(TextModelSpec.MINILM));
        };
    }

    private VectorTable basis(SequenceDataset data, VectorTable features, VectorTable items, ItemCategories cats,
                              Path modelDir) throws IOException {
        return switch (config.basis()) {
            case INTERESTS -> cats.available() ? features.select("category:", "user interests (category profile)")
                    : Standardizer.standardize(features);
            case BEHAVIOUR -> Standardizer.standardize(features);
            case MODEL -> {
                if (modelDir != null && ModelDirectory.readMeta(modelDir).type().equals("neural")) {
                    yield Standardizer.standardize(ModelVectors.userStates(data, modelDir));
                }
                if (items.kind().startsWith("item text embedding")) {
                    yield Standardizer.standardize(UserFeatures.meanOfItems(data, items));
                }
                throw new InvalidParameterException("--segment-on", "MODEL", "a neural --model or --item-vectors TEXT",
                        "give a model trained with seqmind train, or segment on INTERESTS or BEHAVIOUR");
            }
        };
    }

    private static long lap(Map<String, Double> seconds, String step, long since) {
        long now = System.nanoTime();
        seconds.put(step, (now - since) / 1e9);
        return now;
    }
}

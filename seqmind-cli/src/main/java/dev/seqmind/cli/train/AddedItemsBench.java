package dev.seqmind.cli.train;

import dev.seqmind.data.error.InvalidParameterException;
import dev.seqmind.data.ingest.IngestSpec;
import dev.seqmind.data.ingest.Ingestor;
import dev.seqmind.data.ingest.InputSpec;
import dev.seqmind.data.model.ItemCatalog;
import dev.seqmind.data.model.ItemMetadata;
import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.data.progress.Progress;
import dev.seqmind.data.read.InputFormat;
import dev.seqmind.data.split.EvalCase;
import dev.seqmind.data.split.LeaveOneOutSplitter;
import dev.seqmind.data.split.Split;
import dev.seqmind.neural.engine.EngineOptions;
import dev.seqmind.neural.engine.NeuralEngine;
import dev.seqmind.neural.store.NeuralModelFormat;
import dev.seqmind.neural.text.TextItemRepresentation;
import dev.seqmind.rec.ItemExtensible;
import dev.seqmind.rec.Recommender;
import dev.seqmind.rec.rank.TopKSelector;
import dev.seqmind.rec.store.ItemsFile;
import dev.seqmind.rec.store.ModelDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code seqmind bench add-items}: what adding items at run time costs a served content model (the hybrids
 * sasrec-text and gru4rec-text, content-knn), loaded as the server loads it. Adding {@code --count} items (new text,
 * so every one goes through the sentence model) is timed against loading the model directory (the baseline: the
 * least a reload of a retrained model costs); recommending (score + top-10, one thread) for histories that end with
 * an added item is timed against the same histories on the model before the items were added.
 */
@Command(name = "add-items", mixinStandardHelpOptions = true,
        description = "Latency of adding items to a loaded content model (sasrec-text, gru4rec-text, content-knn) and "
                + "of recommending with them, against loading the model and recommending without them.")
public final class AddedItemsBench implements Callable<Integer> {
    @Option(names = "--model", required = true, description = "model directory of a sasrec-text, gru4rec-text or "
            + "content-knn model")
    Path modelDir;
    @Option(names = "--data", required = true, description = "the dataset the model was trained on (histories)")
    Path data;
    @Option(names = "--count", defaultValue = "100", description = "items to add. Default: ${DEFAULT-VALUE}.")
    int count;
    @Option(names = "--users", defaultValue = "1000",
            description = "histories to time (after 200 warm-up requests). Default: ${DEFAULT-VALUE}.")
    int users;
    @Option(names = "--last", defaultValue = "50", description = "keep each history's last N items (the server's "
            + "bench users hold 50). Default: ${DEFAULT-VALUE}.")
    int last;
    @Option(names = "--forward", defaultValue = "java", description = "java (the server's default: the pure-Java "
            + "pass for sasrec-text) or native. Default: ${DEFAULT-VALUE}.")
    String forward;

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        InvalidParameterException.requireInRange("--count", count, 1, 1_000);
        if (!forward.equals("java") && !forward.equals("native")) {
            throw new InvalidParameterException("--forward", forward, "java or native");
        }
        NeuralEngine.start(EngineOptions.defaults().withThreads(1));
        long t0 = System.nanoTime();
        Recommender model = load();
        double loadMs = (System.nanoTime() - t0) / 1e6;
        if (!(model instanceof ItemExtensible x) || !x.scoresNewItems()) {
            throw new InvalidParameterException("--model", modelDir, "a sasrec-text, gru4rec-text or content-knn "
                    + "model", "it holds " + model.name() + ", which cannot score added items");
        }
        out.printf("model %s (%s, %,d items), loaded in %.0f ms%n", modelDir, model.name(), model.numItems(), loadMs);

        ItemCatalog known = ItemsFile.readCatalog(modelDir);
        List<String> ids = new ArrayList<>();
        Map<String, ItemMetadata> fresh = new LinkedHashMap<>();
        long nonce = System.currentTimeMillis();
        List<String> existing = model.items().externalIds();
        for (int i = 0; i < count; i++) {
            ItemMetadata m = known.get(existing.get((i * 37) % existing.size()));
            String id = "added-" + nonce + "-" + i;
            ids.add(id);
            fresh.put(id, new ItemMetadata(m.title() + " (new edition " + nonce + ")", m.categories(), m.text(),
                    m.attributes()));
        }
        t0 = System.nanoTime();
        Recommender bigger = x.withItems(ids, new ItemCatalog(fresh));
        double addMs = (System.nanoTime() - t0) / 1e6;
        out.printf("adding %d items with new text (embedded by the sentence model, item table rebuilt): %.0f ms, "
                + "%.2f x the model load (baseline) of %.0f ms%n", count, addMs, addMs / loadMs, loadMs);

        SequenceDataset full = new Ingestor(Progress.NONE).run(IngestSpec.of("bench",
                InputSpec.of(data, InputFormat.detect(data)))).dataset();
        Split split = new LeaveOneOutSplitter().split(full);
        List<EvalCase> cases = split.test();
        int n = Math.min(users, cases.size());
        int[][] before = new int[n][];
        int[][] after = new int[n][];
        for (int i = 0; i < n; i++) {
            int[] h = split.history(cases.get(i));
            int[] kept = h.length <= last ? h : Arrays.copyOfRange(h, h.length - last, h.length);
            int[] mapped = new int[kept.length];
            for (int j = 0; j < kept.length; j++) {   // the split's dense ids to the model's
                mapped[j] = model.items().denseId(full.items().externalId(kept[j]));
            }
            before[i] = mapped;
            after[i] = Arrays.copyOf(mapped, mapped.length + 1);
            after[i][mapped.length] = bigger.items().denseId(ids.get(i % ids.size()));
        }
        double[] base = time(model, before, model.numItems());
        double[] with = time(bigger, after, model.numItems());
        out.printf("recommend without the added items (baseline), %d histories of at most %d items: p50 %.3f ms, "
                + "p99 %.3f ms%n", n, last, base[0], base[1]);
        out.printf("recommend with %d added items, each history ending with one: p50 %.3f ms (%.2f x), p99 %.3f ms "
                + "(%.2f x); an added item in the top 10 of %.1f%% of the histories%n", count, with[0],
                with[0] / base[0], with[1], with[1] / base[1], 100 * with[2]);
        model.close();
        bigger.close();
        return 0;
    }

    private Recommender load() throws java.io.IOException {
        String type = ModelDirectory.readMeta(modelDir).type();
        if (forward.equals("java") && type.equals("neural")
                && NeuralModelFormat.family(modelDir).equals(TextItemRepresentation.FAMILY)) {
            return NeuralModelFormat.loadPureJavaEncoder(modelDir);
        }
        return ModelDirectory.load(modelDir);
    }

    /**
     * p50 and p99 ms of score + top-10 (seen items filtered), and the share of top-10s holding an added item (dense
     * id {@code >= firstAdded}).
     */
    private static double[] time(Recommender model, int[][] histories, int firstAdded) {
        TopKSelector top = new TopKSelector();
        float[] scores = new float[model.numItems()];
        for (int i = 0; i < Math.min(200, histories.length); i++) {
            model.score(histories[i], scores);
            top.select(scores, model.numItems(), 10, histories[i], histories[i].length);
        }
        long[] nanos = new long[histories.length];
        int withAdded = 0;
        for (int i = 0; i < histories.length; i++) {
            int[] h = histories[i];
            long t0 = System.nanoTime();
            model.score(h, scores);
            TopKSelector.Result r = top.select(scores, model.numItems(), 10, h, h.length);
            nanos[i] = System.nanoTime() - t0;
            withAdded += Arrays.stream(r.items()).anyMatch(it -> it >= firstAdded) ? 1 : 0;
        }
        Arrays.sort(nanos);
        int n = nanos.length;
        return new double[] {nanos[n / 2] / 1e6, nanos[(int) Math.min(n - 1, Math.ceil(n * 0.99) - 1)] / 1e6,
                (double) withAdded / n};
    }
}

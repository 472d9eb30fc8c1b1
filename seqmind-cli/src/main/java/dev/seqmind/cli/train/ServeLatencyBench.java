package dev.seqmind.cli.train;

import dev.seqmind.data.ingest.IngestSpec;
import dev.seqmind.data.ingest.Ingestor;
import dev.seqmind.data.ingest.InputSpec;
import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.data.progress.Progress;
import dev.seqmind.data.read.InputFormat;
import dev.seqmind.data.split.EvalCase;
import dev.seqmind.data.split.LeaveOneOutSplitter;
import dev.seqmind.data.split.Split;
import dev.seqmind.neural.engine.EngineOptions;
import dev.seqmind.neural.engine.NeuralEngine;
import dev.seqmind.neural.serve.SasRecJavaForward;
import dev.seqmind.neural.store.NeuralModelFormat;
import dev.seqmind.rec.Recommender;
import dev.seqmind.rec.rank.TopKSelector;
import dev.seqmind.rec.store.ModelDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code seqmind bench serve-neural}: single-thread latency of top-10 for one user's test history, p50/p99 over
 * users, for a neural model directory, served by the pure-Java forward pass and (for SASRec) by the native engine
 * with one intra-op thread.
 */
@Command(name = "serve-neural", mixinStandardHelpOptions = true,
        description = "Latency (p50/p99) of top-10 for one user, single thread, for a neural model directory.")
public final class ServeLatencyBench implements Callable<Integer> {
    @Option(names = "--model", required = true, description = "model directory written by 'seqmind train'")
    Path modelDir;
    @Option(names = "--data", required = true, description = "the dataset the model was trained on")
    Path data;
    @Option(names = "--users", defaultValue = "1000",
            description = "users to time (after 200 warm-up requests) Default: ${DEFAULT-VALUE}.")
    int users;
    @Option(names = "--last", defaultValue = "0", description = "Keep only each history's last N items, 0 = all "
            + "(the server's bench users hold 50). Default: ${DEFAULT-VALUE}.")
    int last;

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        NeuralEngine.start(EngineOptions.defaults().withThreads(1));
        Recommender loaded = ModelDirectory.load(modelDir);
        SequenceDataset full = new Ingestor(Progress.NONE).run(IngestSpec.of("bench",
                InputSpec.of(data, InputFormat.detect(data)))).dataset();
        Split split = new LeaveOneOutSplitter().split(full);
        List<EvalCase> cases = split.test();
        time(out, "native engine (DJL PyTorch, 1 intra-op thread; what the model directory loads as)", loaded,
                split, cases);
        if (ModelDirectory.readMeta(modelDir).type().equals("neural")
                && loaded.name().equals("sasrec")) {
            SasRecJavaForward pure = NeuralModelFormat.loadPureJava(modelDir);
            time(out, "pure Java forward", pure, split, cases);
            time(out, "pure Java, encoded history kept (the server's answer when the user sent no event since)",
                    new KeptEncoding(pure), split, cases);
        }
        return 0;
    }

    /** Scores from a vector encoded once per distinct history, as the server keeps one per user. */
    private static final class KeptEncoding implements Recommender {
        private final SasRecJavaForward model;
        private final java.util.Map<List<Integer>, float[]> kept = new java.util.HashMap<>();

        KeptEncoding(SasRecJavaForward model) {
            this.model = model;
        }

        @Override
        public String name() {
            return model.name();
        }

        @Override
        public dev.seqmind.data.model.IdMap items() {
            return model.items();
        }

        @Override
        public void score(int[] history, float[] out) {
            float[] e = kept.computeIfAbsent(Arrays.stream(history).boxed().toList(), h -> {
                float[] v = new float[model.encodedSize()];
                model.encode(history, v);
                return v;
            });
            model.scoreEncoded(e, out);
        }
    }

    private int[] lastItems(int[] history) {
        return last <= 0 || history.length <= last ? history
                : Arrays.copyOfRange(history, history.length - last, history.length);
    }

    private void time(PrintStream out, String label, Recommender model, Split split, List<EvalCase> cases) {
        TopKSelector top = new TopKSelector();
        float[] scores = new float[model.numItems()];
        int n = Math.min(users, cases.size());
        for (int i = 0; i < Math.min(Math.max(200, n), cases.size()); i++) { // also fills KeptEncoding
            int[] h = lastItems(split.history(cases.get(i)));
            model.score(h, scores);
            top.select(scores, model.numItems(), 10, h, h.length);
        }
        long[] nanos = new long[n];
        long hits = 0;
        for (int i = 0; i < n; i++) {
            EvalCase c = cases.get(i);
            int[] h = lastItems(split.history(c));
            long t0 = System.nanoTime();
            model.score(h, scores);
            TopKSelector.Result r = top.select(scores, model.numItems(), 10, h, h.length);
            nanos[i] = System.nanoTime() - t0;
            for (int item : r.items()) {
                hits += item == c.target(0) ? 1 : 0;
            }
        }
        Arrays.sort(nanos);
        out.printf("%s: %d users, top-10 with seen items filtered: p50 %.2f ms, p99 %.2f ms, max %.2f ms"
                        + " (HR@10 over these users %.4f)%n", label, n, nanos[n / 2] / 1e6,
                nanos[(int) Math.min(n - 1, Math.ceil(n * 0.99) - 1)] / 1e6, nanos[n - 1] / 1e6, (double) hits / n);
    }
}

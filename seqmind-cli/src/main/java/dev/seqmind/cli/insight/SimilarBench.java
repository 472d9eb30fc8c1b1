package dev.seqmind.cli.insight;

import dev.seqmind.cli.console.TerminalProgress;
import dev.seqmind.data.error.InvalidParameterException;
import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.insight.similar.CosineNeighbours;
import dev.seqmind.insight.similar.HnswNeighbours;
import dev.seqmind.insight.similar.Neighbour;
import dev.seqmind.insight.vector.ItemCategories;
import dev.seqmind.insight.vector.ModelVectors;
import dev.seqmind.insight.vector.Standardizer;
import dev.seqmind.insight.vector.UserActivity;
import dev.seqmind.insight.vector.UserFeatures;
import dev.seqmind.insight.vector.VectorTable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;

/**
 * {@code seqmind bench similar}: approximate (HNSW) against exact (brute-force) cosine neighbour search on the same
 * rows: build time, time per query, the speed ratio and recall@k of the approximate search, and the time to find
 * every row's neighbours both ways.
 */
@Command(name = "similar", mixinStandardHelpOptions = true,
        description = "HNSW approximate neighbour search against the exact scan (the baseline): time per query, "
                + "speed-up, recall@k, and the time to find every row's neighbours.")
public final class SimilarBench implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", description = "Use this dataset's users (behaviour features, or --model states) "
            + "instead of generated vectors.")
    Path data;

    @Option(names = "--format", description = "Format of --data when a file.")
    String format;

    @Option(names = "--model", description = "With --data: a neural model whose state for each user is the vector.")
    Path model;

    @Option(names = "--rows", defaultValue = "100000", description = "Generated rows, around 200 random centres "
            + "(default: ${DEFAULT-VALUE}).")
    int rows;

    @Option(names = "--dim", defaultValue = "64", description = "Generated vector length (default: ${DEFAULT-VALUE}).")
    int dim;

    @Option(names = "--queries", defaultValue = "500", description = "Rows queried both ways (default: "
            + "${DEFAULT-VALUE}).")
    int queries;

    @Option(names = "-k", defaultValue = "10", description = "Neighbours per query (default: ${DEFAULT-VALUE}).")
    int k;

    @Option(names = "--m", defaultValue = "16", description = "HNSW links per node (default: ${DEFAULT-VALUE}).")
    int m;

    @Option(names = "--ef", defaultValue = "100", description = "HNSW search breadth (default: ${DEFAULT-VALUE}).")
    int ef;

    @Option(names = "--ef-construction", defaultValue = "200", description = "HNSW build breadth (default: "
            + "${DEFAULT-VALUE}).")
    int efConstruction;

    @Option(names = "--threads", defaultValue = "1", description = "Threads that build the graph (default: "
            + "${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--seed", defaultValue = "7", description = "Seed of the vectors and queries (default: "
            + "${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws IOException {
        InvalidParameterException.requireInRange("--rows", rows, 100, 10_000_000);
        InvalidParameterException.requireInRange("--dim", dim, 2, 4_096);
        InvalidParameterException.requireInRange("--queries", queries, 1, 1_000_000);
        InvalidParameterException.requireInRange("-k", k, 1, 1_000);
        VectorTable table = data != null ? fromData() : generated(rows, dim, seed);
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "%,d rows of %d (%s), %d queries, k = %d, HNSW m %d, ef %d, efConstruction %d, "
                + "%d build thread(s)%n", table.size(), table.dim(), table.kind(), queries, k, m, ef, efConstruction,
                threads);
        out.flush();
        long t0 = System.nanoTime();
        CosineNeighbours exact = new CosineNeighbours(table);
        double exactBuild = seconds(t0);
        t0 = System.nanoTime();
        HnswNeighbours approx = new HnswNeighbours(table, new HnswNeighbours.Settings(m, efConstruction, ef), threads);
        double hnswBuild = seconds(t0);

        SplittableRandom rnd = new SplittableRandom(seed ^ 0x51);
        int[] qs = new int[Math.min(queries, table.size())];
        for (int i = 0; i < qs.length; i++) {
            qs[i] = rnd.nextInt(table.size());
        }
        List<List<Neighbour>> truth = new ArrayList<>(qs.length);
        t0 = System.nanoTime();
        for (int q : qs) {
            truth.add(exact.nearest(q, k));
        }
        double exactQuery = seconds(t0) / qs.length;
        List<List<Neighbour>> found = new ArrayList<>(qs.length);
        t0 = System.nanoTime();
        for (int q : qs) {
            found.add(approx.nearest(q, k));
        }
        double hnswQuery = seconds(t0) / qs.length;
        long hits = 0;
        long wanted = 0;
        for (int i = 0; i < qs.length; i++) {
            Set<Integer> t = new HashSet<>();
            truth.get(i).forEach(n -> t.add(n.index()));
            wanted += t.size();
            for (Neighbour n : found.get(i)) {
                hits += t.contains(n.index()) ? 1 : 0;
            }
        }
        int n = table.size();
        out.printf(Locale.ROOT, "exact (baseline): %.3f ms/query, set-up %.2f s%n", 1e3 * exactQuery, exactBuild);
        out.printf(Locale.ROOT, "HNSW:             %.3f ms/query, graph build %.2f s%n", 1e3 * hnswQuery, hnswBuild);
        out.printf(Locale.ROOT, "speed-up per query: %.1fx; recall@%d %.4f%n", exactQuery / hnswQuery, k,
                (double) hits / Math.max(1, wanted));
        out.printf(Locale.ROOT, "every row's neighbours (estimated from the timings): exact %.1f s, HNSW %.1f s "
                + "(build included): %.1fx%n", n * exactQuery, hnswBuild + n * hnswQuery,
                n * exactQuery / (hnswBuild + n * hnswQuery));
        out.flush();
        return 0;
    }

    private VectorTable fromData() throws IOException {
        SequenceDataset ds = DataOptions.load(data, format, null, TerminalProgress.stderr(true));
        if (model != null) {
            return ModelVectors.userStates(ds, model);
        }
        return Standardizer.standardize(UserFeatures.of(ds, ItemCategories.of(ds, 24), UserActivity.of(ds)));
    }

    /** {@code n} rows around 200 random centres with Gaussian noise of sd 1 per coordinate. */
    static VectorTable generated(int n, int dim, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[][] centres = new double[200][dim];
        for (double[] c : centres) {
            for (int j = 0; j < dim; j++) {
                c[j] = rnd.nextGaussian();
            }
        }
        double[][] out = new double[n][dim];
        List<String> ids = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ids.add(Integer.toString(i));
            double[] c = centres[rnd.nextInt(centres.length)];
            for (int j = 0; j < dim; j++) {
                out[i][j] = c[j] + rnd.nextGaussian();
            }
        }
        List<String> cols = new ArrayList<>(dim);
        for (int j = 0; j < dim; j++) {
            cols.add("x" + j);
        }
        return new VectorTable("generated, 200 centres", ids, cols, out);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}

package dev.seqmind.cli.data;

import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.data.store.DatasetStore;
import dev.seqmind.data.store.LoadCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code seqmind bench store}: times saving and loading a dataset directory, first load in a fresh JVM included,
 * against loading the same data from its DuckDB file (the baseline the binary sidecar has to beat).
 */
@Command(name = "store", mixinStandardHelpOptions = true,
        description = "Time DatasetStore save and open (cold and warm) on a dataset directory, beside loading the "
                + "same data from its DuckDB file.")
public final class StoreBenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--dataset", required = true, description = "Dataset directory to load (and copy).")
    Path dataset;

    @Option(names = "--reps", defaultValue = "5", description = "Warm repetitions (default: ${DEFAULT-VALUE}).")
    int reps;

    @Option(names = "--work", description = "Where to write the copies (default: a temporary directory).")
    Path work;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        long t0 = System.nanoTime();
        SequenceDataset d = DatasetStore.open(dataset);
        double cold = ms(t0);
        out.printf(Locale.ROOT, "%s: %,d users, %,d items, %,d events%n", dataset, d.numUsers(), d.numItems(),
                d.numInteractions());
        out.printf(Locale.ROOT, "first open in this JVM (checksums): %.0f ms%n", cold);
        Path dir = work != null ? Files.createDirectories(work) : Files.createTempDirectory("seqmind-store-bench");
        Path copy = dir.resolve("copy");
        double[] save = new double[reps];
        double[] open = new double[reps];
        double[] openFp = new double[reps];
        double[] openDb = new double[reps];
        for (int r = 0; r < reps; r++) {
            long s = System.nanoTime();
            DatasetStore.save(d, copy);
            save[r] = ms(s);
            s = System.nanoTime();
            DatasetStore.open(copy);
            open[r] = ms(s);
            s = System.nanoTime();
            DatasetStore.open(copy, LoadCheck.FINGERPRINT);
            openFp[r] = ms(s);
            s = System.nanoTime();
            DatasetStore.openFromDatabase(copy);
            openDb[r] = ms(s);
        }
        out.printf("%-36s %10s %10s%n", "warm, " + reps + " reps", "median ms", "min ms");
        row(out, "save (bin + names + DuckDB + json)", save);
        row(out, "open (checksums)", open);
        row(out, "open (+ SHA-256 fingerprint)", openFp);
        row(out, "baseline: load from DuckDB (JDBC)", openDb);
        try (Stream<Path> files = Files.list(copy)) {
            for (Path f : files.sorted().toList()) {
                out.printf(Locale.ROOT, "  %-16s %,14d bytes%n", f.getFileName(), Files.size(f));
            }
        }
        if (work == null) {
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        out.flush();
        return 0;
    }

    private static double ms(long start) {
        return (System.nanoTime() - start) / 1e6;
    }

    private static void row(PrintWriter out, String label, double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        out.printf(Locale.ROOT, "%-36s %10.0f %10.0f%n", label, s[s.length / 2], s[0]);
    }
}

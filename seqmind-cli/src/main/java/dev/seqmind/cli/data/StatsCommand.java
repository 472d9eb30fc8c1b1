package dev.seqmind.cli.data;

import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.data.stats.DatasetStats;
import dev.seqmind.data.stats.StatsRenderer;
import dev.seqmind.data.store.DatasetStore;
import dev.seqmind.data.store.StoreManifest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code seqmind stats}: describes a dataset directory written by {@code seqmind ingest}. */
@Command(name = "stats", mixinStandardHelpOptions = true,
        description = "Print a dataset's users, items, interactions, sequence-length distribution, item popularity "
                + "long tail and Gini coefficient, actions and time span.")
public final class StatsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--dataset", required = true, description = "Dataset directory (from 'seqmind ingest').")
    Path dataset;

    @Option(names = "--json", description = "Print JSON instead of aligned text.")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        long t0 = System.nanoTime();
        StoreManifest manifest = DatasetStore.readInfo(dataset);
        SequenceDataset data = DatasetStore.open(dataset);
        long loaded = System.nanoTime();
        DatasetStats stats = DatasetStats.of(data);
        if (json) {
            out.print(StatsRenderer.json(stats));
            out.println();
        } else {
            out.printf(Locale.ROOT, "%-17s %s (fingerprint %s, loaded in %.0f ms)%n", "directory", dataset,
                    manifest.fingerprint().shortHash(), (loaded - t0) / 1e6);
            if (!manifest.info().steps().isEmpty()) {
                out.printf("%-17s %s%n", "steps", String.join("; ", manifest.info().steps()));
            }
            out.print(StatsRenderer.text(stats));
        }
        out.flush();
        return 0;
    }
}

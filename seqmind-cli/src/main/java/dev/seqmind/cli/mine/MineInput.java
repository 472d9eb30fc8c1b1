package dev.seqmind.cli.mine;

import dev.seqmind.data.error.InvalidParameterException;
import dev.seqmind.data.model.IdMap;
import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.data.store.DatasetStore;
import dev.seqmind.mining.ItemsetGrouping;
import dev.seqmind.mining.MinSupport;
import dev.seqmind.mining.SequenceDatabase;
import dev.seqmind.mining.SpmfSequenceFile;
import dev.seqmind.mining.itemset.TransactionDatabase;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Input options shared by the mine commands: exactly one of {@code --spmf FILE} or {@code --dataset DIR}. */
public final class MineInput {
    @Option(names = "--spmf", description = "Raw SPMF file (sequences: '-1' ends an itemset, '-2' a sequence; "
            + "itemsets: space-separated items per line).")
    Path spmf;

    @Option(names = "--dataset", description = "Dataset directory written by 'seqmind ingest'.")
    Path dataset;

    @Option(names = "--min-support", required = true,
            description = "Minimum support: a fraction of sequences/transactions (0.01) or an absolute count (50).")
    String minSupport;

    @Option(names = "--each-event", description = "With --dataset: every event is its own itemset (default: events "
            + "with equal time form one itemset).")
    boolean eachEvent;

    private void requireOneSource() {
        if ((spmf == null) == (dataset == null)) {
            throw new InvalidParameterException("input", spmf == null ? "none" : "both --spmf and --dataset",
                    "exactly one of --spmf FILE or --dataset DIR");
        }
    }

    MinSupport minSupport() {
        return MinSupport.parse(minSupport);
    }

    /** Loads the input as sequences of itemsets. */
    SequenceDatabase sequences() {
        requireOneSource();
        if (spmf != null) {
            return SpmfSequenceFile.read(spmf);
        }
        SequenceDataset data = DatasetStore.open(dataset);
        return SequenceDatabase.of(data, eachEvent ? ItemsetGrouping.EACH_EVENT : ItemsetGrouping.SAME_TIME);
    }

    /** Loads the input as transactions (a dataset's users, or an SPMF file of either kind, each line a set). */
    TransactionDatabase transactions() {
        requireOneSource();
        if (dataset != null) {
            return TransactionDatabase.of(DatasetStore.open(dataset));
        }
        if (looksLikeSequenceFile(spmf)) {
            SequenceDatabase db = SpmfSequenceFile.read(spmf);
            int n = db.numSequences();
            int[] starts = new int[n + 1];
            int[] items = new int[db.numElements()];
            int w = 0;
            for (int s = 0; s < n; s++) {
                starts[s] = w;
                int from = w;
                for (int e = db.start(s); e < db.end(s); e++) {
                    items[w++] = db.item(e);
                }
                java.util.Arrays.sort(items, from, w);
                int u = from;
                for (int k = from; k < w; k++) {
                    if (k == from || items[k] != items[u - 1]) {
                        items[u++] = items[k];
                    }
                }
                w = u;
            }
            starts[n] = w;
            return new TransactionDatabase(starts, java.util.Arrays.copyOf(items, w), db.itemIds(), db.catalog());
        }
        return TransactionDatabase.readSpmf(spmf);
    }

    /** Dense ids of external item ids given on the command line. */
    static int[] denseIds(IdMap items, List<String> external, String option) {
        int[] out = new int[external.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = items.denseId(external.get(i));
            if (out[i] == IdMap.ABSENT) {
                throw new InvalidParameterException(option, external.get(i), "an item id of the input",
                        "give external ids as they appear in the file");
            }
        }
        return out;
    }

    private static boolean looksLikeSequenceFile(Path file) {
        try (var lines = Files.lines(file)) {
            return lines.limit(50).anyMatch(l -> l.contains(" -1") || l.contains("-2"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (UncheckedIOException e) {
            return false;
        }
    }
}
